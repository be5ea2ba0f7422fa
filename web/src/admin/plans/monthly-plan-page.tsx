import { ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { MonthlyPlanView, StratumQuotaView } from '@contracts/plans.ts';
import { AdjustMonthlyPlanRequest } from '@contracts/plans.ts';
import { useQuery } from '@tanstack/react-query';
import type { FormRule } from 'antd';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanUnitsFilter } from '../../api/plans.ts';
import { adjustMonthlyPlan, generateMonthlyPlan, monthlyPlanQuery, publishMonthlyPlan } from '../../api/plans.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { MonthlyPlanDrawCard } from '../draws/monthly-plan-draw-card.tsx';
import { CapacityCard } from './capacity-card.tsx';
import { EligibilityCard } from '../../shared/plans/eligibility-card.tsx';
import { useValidatedValues } from './form-helpers.ts';
import { formatYearMonth, revisionsOf } from '../../shared/plans/labels.ts';
import { PlanFactsCard } from './plan-facts-card.tsx';
import { PlanUnitsDrawer } from './plan-units-drawer.tsx';
import { ProblemAlerts } from './problem-alerts.tsx';
import { QuotaTable } from '../../shared/plans/quota-table.tsx';
import { usePlanMutation } from './use-plan-mutation.ts';
import { useConfirmAction } from '../../hooks/use-confirm-action.ts';
import { optionalZodRule } from '../../lib/form-rules.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';

type QuotaValues = { code: string; quota: number | null; reason: string };
type AdjustValues = { dueDate: Dayjs | null; notes: string; quotas: QuotaValues[] };

/** Changes whenever the server's plan changes, so the form starts again from what was saved. */
const planVersion = (plan: MonthlyPlanView) =>
  JSON.stringify([plan.id, plan.status, plan.generatedAt, plan.dueDate, plan.notes, plan.quotas.map((q) => [q.quota, q.adjustReason])]);

export default function MonthlyPlanPage() {
  const { id = '' } = useParams();
  const query = useQuery(monthlyPlanQuery(id));
  return (
    <QueryGate query={query} notFound={{ title: '找不到该月度计划', backTo: '/admin/annual-plans', backText: '返回年度计划列表' }}>
      {(plan) => <MonthlyPlanDetail key={planVersion(plan)} plan={plan} />}
    </QueryGate>
  );
}

function MonthlyPlanDetail({ plan }: { plan: MonthlyPlanView }) {
  const { canChange } = useSession();
  const editable = canChange('plans.manage') && plan.canEdit && plan.status === 'draft';
  const [form] = Form.useForm<AdjustValues>();
  const [dirty, setDirty] = useState(false);
  const [drawer, setDrawer] = useState<{ filter: PlanUnitsFilter; title: string } | null>(null);
  const title = `${plan.orgName} ${formatYearMonth(plan.year, plan.month)}抽查计划`;

  const toRequest = (values: AdjustValues): AdjustMonthlyPlanRequest => ({
    quotas: values.quotas.map((q) => ({ code: q.code, quota: q.quota ?? 0, reason: q.reason.trim() })),
    notes: values.notes.trim(),
    dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : '',
  });
  const saveMutation = usePlanMutation((values: AdjustValues) => adjustMonthlyPlan(plan.id, toRequest(values)), {
    success: '调整已保存',
    form,
    onSuccess: () => setDirty(false),
  });
  const publishMutation = usePlanMutation(
    async (values: AdjustValues) => {
      if (dirty) await adjustMonthlyPlan(plan.id, toRequest(values));
      return publishMonthlyPlan(plan.id);
    },
    { success: '月度计划已发布，已在门户公开', form },
  );
  const regenerateMutation = usePlanMutation(() => generateMonthlyPlan(plan.annualPlanId, plan.month), { success: '已按最新数据重新生成' });

  const validated = useValidatedValues(form);
  const confirm = useConfirmAction();
  const onSave = async () => {
    const values = await validated();
    if (values) saveMutation.mutate(values);
  };
  const onPublish = async () => {
    const values = await validated();
    if (!values) return;
    confirm({ title: '发布月度计划？', content: '发布后不可修改，将在门户公开。', okText: '发布', action: () => publishMutation.mutateAsync(values) });
  };
  const onRegenerate = () =>
    confirm({
      title: '重新生成本月计划？',
      content: '将按最新的名录库、检查记录和年度计划重新计算候选单位、计算值和检查能力；人工调整的任务数及其理由保留。',
      okText: '重新生成',
      action: () => regenerateMutation.mutateAsync(),
    });

  // As the server checks it: a changed quota that differs from the computed one needs a reason.
  const reasonRule = (row: StratumQuotaView, index: number): FormRule => ({
    validator: (_rule, value: string | undefined) => {
      const quota: unknown = form.getFieldValue(['quotas', index, 'quota']);
      return quota !== row.quota && quota !== row.computed && !value?.trim()
        ? Promise.reject(new Error(`与计算值 ${row.computed} 不同，请填写调整理由`))
        : Promise.resolve();
    },
  });
  const stratumName = (code: string) => plan.quotas.find((q) => q.code === code)?.name ?? code;
  const busy = saveMutation.isPending || publishMutation.isPending || regenerateMutation.isPending;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={title}
        description={<BackLink to={`/admin/annual-plans/${plan.annualPlanId}`}>返回年度计划：{plan.annualPlanName}</BackLink>}
        extra={
          editable ? (
            <>
              <Button icon={<ReloadOutlined />} disabled={busy} loading={regenerateMutation.isPending} onClick={onRegenerate}>
                重新生成
              </Button>
              <Button icon={<SaveOutlined />} disabled={busy || !dirty} loading={saveMutation.isPending} onClick={() => void onSave()}>
                保存调整
              </Button>
              <Button type="primary" icon={<SendOutlined />} disabled={busy} loading={publishMutation.isPending} onClick={() => void onPublish()}>
                发布
              </Button>
            </>
          ) : null
        }
      />
      <MonthlyPlanDrawCard plan={plan} />
      <Form<AdjustValues>
        form={form}
        name="monthlyPlanForm"
        layout="vertical"
        onValuesChange={() => setDirty(true)}
        initialValues={{
          dueDate: plan.dueDate ? dayjs(plan.dueDate) : null,
          notes: plan.notes ?? '',
          quotas: plan.quotas.map((q) => ({ code: q.code, quota: q.quota, reason: q.adjustReason ?? '' })),
        }}
      >
        <Flex vertical gap={16}>
          <PlanFactsCard
            plan={plan}
            period={{ key: 'month', label: '年月', children: formatYearMonth(plan.year, plan.month) }}
            facts={[
              {
                key: 'annual',
                label: '依据年度计划',
                children: (
                  <Link to={`/admin/annual-plans/${plan.annualPlanId}`}>
                    {plan.annualPlanName}
                    {revisionsOf(plan.annualRevision) ? `（修订 ${revisionsOf(plan.annualRevision)} 后）` : ''}
                  </Link>
                ),
              },
              { key: 'generated', label: '生成', children: `${plan.generatedByName} · ${formatDateTime(plan.generatedAt)}` },
              { key: 'published', label: '发布时间', children: formatDateTime(plan.publishedAt) },
              {
                key: 'due',
                label: '任务完成期限',
                children: editable ? (
                  <Form.Item name="dueDate" noStyle rules={[{ required: true, message: '请选择完成期限' }]}>
                    <DatePicker allowClear={false} aria-label="任务完成期限" />
                  </Form.Item>
                ) : (
                  plan.dueDate
                ),
              },
            ]}
          >
            {editable ? (
              <Form.Item label="备注（随计划公开）" name="notes" rules={[optionalZodRule(AdjustMonthlyPlanRequest.shape.notes)]} style={{ marginBottom: 0 }}>
                <Input.TextArea rows={2} maxLength={1000} showCount placeholder="如：本月重点检查电动自行车集中停放场所" />
              </Form.Item>
            ) : plan.notes ? (
              <Alert type="info" title={`备注：${plan.notes}`} style={{ marginTop: 8 }} />
            ) : null}
          </PlanFactsCard>
          <ProblemAlerts problems={plan.problems} />
          <Card title="各分层任务数">
            <QuotaTable
              quotas={plan.quotas}
              editQuota={
                editable
                  ? (row, index) => (
                      <Form.Item name={['quotas', index, 'quota']} noStyle rules={[{ required: true, message: '请填写任务数' }]}>
                        <InputNumber<number> min={0} max={row.candidates} precision={0} aria-label={`${row.name} 本月任务数`} style={{ width: 110 }} />
                      </Form.Item>
                    )
                  : undefined
              }
              editReason={
                editable
                  ? (row, index) => (
                      <Form.Item name={['quotas', index, 'reason']} dependencies={[['quotas', index, 'quota']]} rules={[reasonRule(row, index)]} style={{ marginBottom: 0 }}>
                        <Input maxLength={200} placeholder="改动计算值时必填" aria-label={`${row.name} 调整理由`} />
                      </Form.Item>
                    )
                  : undefined
              }
            />
          </Card>
        </Flex>
      </Form>
      <CapacityCard capacity={plan.capacity} />
      <EligibilityCard eligibility={plan.eligibility} onOpen={(filter, drawerTitle) => setDrawer({ filter, title: drawerTitle })} />
      {drawer ? (
        <PlanUnitsDrawer planId={plan.id} filter={drawer.filter} title={drawer.title} stratumName={stratumName} onClose={() => setDrawer(null)} />
      ) : null}
    </Flex>
  );
}
