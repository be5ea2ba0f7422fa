import type { PublicationPolicy } from '@contracts/publication.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, InputNumber, Switch, Typography } from 'antd';
import { useState } from 'react';
import { publicationKeys, publicationPolicyQuery, savePublicationPolicy } from '../../api/publications.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';

type PolicyForm = Omit<PublicationPolicy, 'autoPublishAfterDays'> & { autoPublish: boolean; autoPublishAfterDays: number | null };

/** 公示规则: the policy that applies at the user's org (set there or inherited from above), editable by its administrators. */
export function PublicationPolicyCard({ orgId }: { orgId: string }) {
  const client = useQueryClient();
  const policy = useQuery(publicationPolicyQuery(orgId));
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<PolicyForm>();
  const save = useNotifiedMutation(
    (v: PolicyForm) => {
      const { autoPublish, ...rest } = v;
      return savePublicationPolicy({ orgId, policy: { ...rest, autoPublishAfterDays: autoPublish ? (v.autoPublishAfterDays ?? 0) : null } });
    },
    { success: '公示规则已保存', form, onSuccess: () => setEditing(false) },
    { refresh: () => void client.invalidateQueries({ queryKey: publicationKeys.all }) },
  );
  const auto = Form.useWatch('autoPublish', form);
  if (!policy.data) return null;
  const p = policy.data.policy;
  return (
    <Card
      title="公示规则"
      size="small"
      extra={
        policy.data.canManage ? (
          <Button size="small" onClick={() => setEditing(true)}>
            修改
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {policy.data.setBy ? `由「${policy.data.setBy.orgName}」设定，下级大队未另行设定的均适用。` : '使用系统默认规则（国办发〔2018〕118号：执法决定 20 个工作日内、行政处罚决定 7 个工作日内公开）。'}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label="抽查结果公示期限">{p.resultDays} 个工作日</Descriptions.Item>
        <Descriptions.Item label="行政处罚公示期限">{p.penaltyDays} 个工作日</Descriptions.Item>
        <Descriptions.Item label="撤回期限">{p.withdrawalDays} 个工作日</Descriptions.Item>
        <Descriptions.Item label="自动公示">{p.autoPublishAfterDays === null ? '不自动公示' : `生成 ${p.autoPublishAfterDays} 天后自动公示`}</Descriptions.Item>
        <Descriptions.Item label="警告及较低数额罚款">{`罚款不超过 ${p.minorFineMax.toLocaleString('zh-CN')} 元，公示 ${p.minorDisplayMonths} 个月`}</Descriptions.Item>
        <Descriptions.Item label="其他行政处罚">{`公示 ${p.displayYears} 年`}</Descriptions.Item>
        <Descriptions.Item label="自然人当事人姓名">{p.publishPersonName ? '公开全名' : '隐去名字（如“张*”）'}</Descriptions.Item>
      </Descriptions>
      {editing ? (
        <FormModal<PolicyForm>
          title="修改公示规则"
          name="publicationPolicy"
          form={form}
          initialValues={{ ...p, autoPublish: p.autoPublishAfterDays !== null, autoPublishAfterDays: p.autoPublishAfterDays ?? 5 }}
          submitting={save.isPending}
          onSubmit={(v) => save.mutate(v)}
          onClose={() => setEditing(false)}
        >
          <Form.Item label="抽查结果公示期限（工作日）" name="resultDays" rules={[{ required: true, message: '抽查结果公示期限：不能为空' }]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="行政处罚公示期限（工作日）" name="penaltyDays" rules={[{ required: true, message: '行政处罚公示期限：不能为空' }]}>
            <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="撤回期限（工作日）" name="withdrawalDays" rules={[{ required: true, message: '撤回期限：不能为空' }]}>
            <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="自动公示" name="autoPublish" valuePropName="checked">
            <Switch />
          </Form.Item>
          {auto ? (
            <Form.Item label="生成后几天自动公示" name="autoPublishAfterDays" rules={[{ required: true, message: '自动公示（天）：不能为空' }]}>
              <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item label="较低数额罚款上限（元）" name="minorFineMax" rules={[{ required: true, message: '较低数额罚款上限：不能为空' }]}>
            <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="警告及较低数额罚款公示期（月）" name="minorDisplayMonths" rules={[{ required: true, message: '公示期：不能为空' }]}>
            <InputNumber min={1} max={36} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="其他行政处罚公示期（年）" name="displayYears" rules={[{ required: true, message: '公示期：不能为空' }]}>
            <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="公开自然人当事人的全名" name="publishPersonName" valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      ) : null}
    </Card>
  );
}
