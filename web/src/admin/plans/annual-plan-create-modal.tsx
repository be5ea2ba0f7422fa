import type { AnnualPlanView, CreateAnnualPlanRequest } from '@contracts/plans.ts';
import { CreateAnnualPlanRequest as CreateSchema } from '@contracts/plans.ts';
import { Form, Input, InputNumber, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { createAnnualPlan } from '../../api/plans.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { OrgSelect } from '../components/org-select.tsx';
import { useDefaultOrg } from './use-default-org.ts';
import { usePlanMutation } from './use-plan-mutation.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';

type CreateValues = Pick<CreateAnnualPlanRequest, 'orgId' | 'year' | 'name'>;

/** 新建年度计划: org, year and name; the rules start from the defaults and are edited on the plan's page. */
export function AnnualPlanCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (plan: AnnualPlanView) => void }) {
  const [form] = Form.useForm<CreateValues>();
  const scope = useDefaultOrg(form);
  const nextYear = todayInChinaDayjs().year() + (todayInChinaDayjs().month() >= 9 ? 1 : 0);
  const orgName = (id: string | undefined) => scope.orgs.find((o) => o.id === id)?.name ?? '';
  const suggestName = (orgId: string | undefined, year: number | undefined) =>
    orgId && year ? `${orgName(orgId)}${year}年度“双随机、一公开”抽查工作计划` : '';

  const mutation = usePlanMutation((values: CreateValues) => createAnnualPlan({ ...values, name: values.name.trim() }), {
    success: '年度计划已创建',
    form,
    onSuccess: onCreated,
  });

  // The name follows org and year until the user types one of their own.
  const orgId = Form.useWatch('orgId', form);
  const year = Form.useWatch('year', form);
  const nextName = suggestName(orgId, year);
  const suggested = useRef('');
  useEffect(() => {
    const current = (form.getFieldValue('name') as string | undefined) ?? '';
    if (!current || current === suggested.current) form.setFieldValue('name', nextName);
    suggested.current = nextName;
  }, [form, nextName]);

  return (
    <FormModal<CreateValues>
      title="新建年度计划"
      name="createAnnualPlanForm"
      form={form}
      okText="创建"
      initialValues={{ year: nextYear }}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Form.Item label="制定单位" name="orgId" rules={[{ required: true, message: '请选择制定单位' }]}>
        <OrgSelect orgs={scope.orgs} loading={scope.loading} placeholder="选择大队或支队" />
      </Form.Item>
      <Form.Item label="年度" name="year" required rules={[zodRule(CreateSchema.shape.year, null)]}>
        <InputNumber min={2000} max={2999} precision={0} suffix="年" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="计划名称" name="name" required rules={[zodRule(CreateSchema.shape.name)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Typography.Text type="secondary">分层比例、频次、权重等规则按系统默认值生成，创建后可在计划页面修改。</Typography.Text>
    </FormModal>
  );
}
