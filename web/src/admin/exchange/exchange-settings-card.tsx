import type { ExchangeSettingsView } from '@contracts/exchange.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useState } from 'react';
import { exchangeKeys, exchangeSettingsQuery, saveExchangeSettings } from '../../api/exchange.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';

type SettingsForm = { endpointUrl: string; seriousFineMin: number | null } & Omit<ExchangeSettingsView['creditPolicy'], 'seriousFineMin'>;

/** 接收地址与信用规则: what applies at the user's org (set there or above), editable by its administrators. */
export function ExchangeSettingsCard({ orgId }: { orgId: string }) {
  const client = useQueryClient();
  const settings = useQuery(exchangeSettingsQuery(orgId));
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<SettingsForm>();
  const save = useNotifiedMutation(
    (v: SettingsForm) => {
      const { endpointUrl, ...policy } = v;
      return saveExchangeSettings({ orgId, endpointUrl: endpointUrl.trim() === '' ? null : endpointUrl.trim(), creditPolicy: { ...policy, seriousFineMin: policy.seriousFineMin ?? null } });
    },
    { success: '数据交换设置已保存', form, onSuccess: () => setEditing(false) },
    { refresh: () => void client.invalidateQueries({ queryKey: exchangeKeys.all }) },
  );
  if (!settings.data) return null;
  const s = settings.data;
  const p = s.creditPolicy;
  return (
    <Card
      title="接收地址与信用规则"
      size="small"
      extra={
        s.canManage ? (
          <Button size="small" onClick={() => setEditing(true)}>
            修改
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label="接收地址">
          <Typography.Text style={{ wordBreak: 'break-all' }}>{s.endpointUrl ? `${s.endpointUrl}（${s.endpointSetBy}设定）` : '未设置：批次仅供下载'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="一般失信公示期">{`${p.ordinaryMinMonths}–${p.ordinaryMaxMonths} 个月`}</Descriptions.Item>
        <Descriptions.Item label="严重失信公示期">{`${p.seriousMinMonths}–${p.seriousMaxMonths} 个月`}</Descriptions.Item>
        <Descriptions.Item label="严重违法认定">
          {[p.seriousFineMin === null ? null : `罚款 ${p.seriousFineMin.toLocaleString('zh-CN')} 元及以上`, p.sealingIsSerious ? '一年内曾被查封' : null].filter(Boolean).join('；') || '不按金额或查封认定'}
        </Descriptions.Item>
        <Descriptions.Item label="规则来源">{s.policySetBy ? `由「${s.policySetBy}」设定` : '系统默认'}</Descriptions.Item>
      </Descriptions>
      {editing ? (
        <FormModal<SettingsForm>
          title="修改数据交换设置"
          name="exchangeSettings"
          form={form}
          initialValues={{ endpointUrl: s.endpointUrl ?? '', ...p }}
          submitting={save.isPending}
          onSubmit={(v) => save.mutate(v)}
          onClose={() => setEditing(false)}
        >
          <Form.Item name="endpointUrl" label="接收地址" extra="省级平台提供的接收网址（http 或 https）；留空则批次只能下载。">
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="ordinaryMinMonths" label="一般失信最短公示期（月）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={3} max={12} precision={0} />
          </Form.Item>
          <Form.Item name="ordinaryMaxMonths" label="一般失信最长公示期（月）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={3} max={12} precision={0} />
          </Form.Item>
          <Form.Item name="seriousMinMonths" label="严重失信最短公示期（月）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={6} max={36} precision={0} />
          </Form.Item>
          <Form.Item name="seriousMaxMonths" label="严重失信最长公示期（月）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={6} max={36} precision={0} />
          </Form.Item>
          <Form.Item name="seriousFineMin" label="严重违法罚款起点（元）" extra="留空则不按罚款金额认定。">
            <InputNumber min={1} precision={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="sealingIsSerious" label="一年内曾被查封的视为严重违法" valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      ) : null}
    </Card>
  );
}
