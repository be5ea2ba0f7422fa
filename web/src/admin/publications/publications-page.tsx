import type { PublicationKind, PublicationQueueItem, PublicationQueueQuery, PublicationRecordView } from '@contracts/publication.ts';
import { PUBLICATION_KIND_LABELS } from '@contracts/publication.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { actOnPublications, publicationKeys, publicationQueueQuery } from '../../api/publications.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { useSession } from '../../session/session-context.ts';
import { DeadlineText } from '../documents/document-tags.tsx';
import { PublicationPolicyCard } from './publication-policy-card.tsx';

type View = NonNullable<PublicationQueueQuery['view']>;
const VIEWS: { value: View; label: string }[] = [
  { value: 'queue', label: '待办' },
  { value: 'published', label: '已公示' },
  { value: 'withdrawn', label: '已撤回' },
  { value: 'suppressed', label: '不予公示' },
  { value: 'all', label: '全部' },
];
const STATUS_COLORS: Record<PublicationQueueItem['status'], string> = {
  pending: 'gold',
  published: 'green',
  withdrawal_pending: 'red',
  withdrawn: 'default',
  suppressed: 'default',
};

const columns: TableColumnsType<PublicationQueueItem> = [
  {
    title: '公示条目 · 期限',
    key: 'entry',
    fixed: 'left',
    render: (_, p) => (
      <div style={{ minWidth: 180, maxWidth: 320 }}>
        <div>
          <Link to={`/admin/units/${p.unitId}`}>{p.unitName}</Link>
        </div>
        <div>{p.summary}</div>
        <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
          <Tag>{p.kindLabel}</Tag>
          <Tag color={STATUS_COLORS[p.status]}>{p.statusLabel}</Tag>
          <DeadlineText label={p.timingLabel} overdue={p.overdue} />
        </Flex>
      </div>
    ),
  },
  { title: '事件日期', dataIndex: 'eventDate', render: (d: string, p) => `${d}（${p.kind === 'result' ? '检查' : '决定'}）` },
  { title: '公示期限', dataIndex: 'due', render: (d: string | null) => d ?? '—' },
  { title: '大队', dataIndex: 'orgName' },
  {
    title: '说明',
    key: 'note',
    render: (_, p) => (
      <Flex vertical gap={2} style={{ maxWidth: 280 }}>
        {p.publishedOn ? <span>公示日期 {p.publishedOn}{p.displayUntil ? `，展示至 ${p.displayUntil}` : ''}</span> : null}
        {p.withdrawReason ? <span>撤回原因：{p.withdrawReason}</span> : null}
        {p.suppressReason ? <span>不予公示理由：{p.suppressReason}</span> : null}
        {p.contentVersion > 1 ? <span>检查记录已更正（第 {p.contentVersion} 版）</span> : null}
        {p.taskId ? <Link to={`/admin/tasks/${p.taskId}`}>查看任务</Link> : null}
        {p.caseId ? <Link to={`/admin/cases/${p.caseId}`}>查看案件</Link> : null}
        {p.status === 'published' || p.status === 'withdrawn' ? <Link to={`/portal/results/${p.id}`}>门户页面</Link> : null}
      </Flex>
    ),
  },
];

const recordColumns: TableColumnsType<PublicationRecordView> = [
  { title: '大队', dataIndex: 'orgName', fixed: 'left' },
  { title: '按期公示率', dataIndex: 'onTimeRate', render: (r: number | null) => (r === null ? '—' : `${r}%`) },
  { title: '按期', dataIndex: 'publishedOnTime' },
  { title: '逾期公示', dataIndex: 'publishedLate' },
  { title: '逾期未公示', dataIndex: 'overdue', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
  { title: '期限内待公示', dataIndex: 'waiting' },
  { title: '已撤回', dataIndex: 'withdrawn' },
  { title: '不予公示', dataIndex: 'suppressed' },
];

/**
 * /admin/publications (公示管理): the brigade's entries to publish — results of drawn inspections (20 working days)
 * and penalty decisions (7 working days) — and withdrawals to carry out (3 working days), overdue first; the
 * brigade's publication record; the policy.
 */
export default function PublicationsPage() {
  const { session, canChange } = useSession();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS.find((v) => v.value === params.get('view'))?.value ?? 'queue') as View;
  const kind = (params.get('kind') as PublicationKind | null) ?? undefined;
  const query: PublicationQueueQuery = { view, ...(kind ? { kind } : {}) };
  const result = useQuery(publicationQueueQuery(query));
  const [selected, setSelected] = useState<string[]>([]);
  const [suppressing, setSuppressing] = useState(false);
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const refresh = () => {
    setSelected([]);
    void client.invalidateQueries({ queryKey: publicationKeys.all });
  };
  const act = useNotifiedMutation(actOnPublications, { success: (d) => `已处理 ${d.done} 条`, onSuccess: () => setSuppressing(false) }, { refresh, refreshOnError: refresh });
  const data = result.data;
  const items = data?.items ?? [];
  const chosen = items.filter((i) => selected.includes(i.id));
  const canAct = (data?.canManage ?? false) && canChange('plans.read');
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setSelected([]);
  };
  return (
    <Flex vertical gap={16}>
      <PageHeader title="公示管理" description="检查结果自检查之日起 20 个工作日内、行政处罚决定自作出之日起 7 个工作日内公示；处罚决定被撤销或变更的，3 个工作日内撤回。逾期的排在最前。" />
      <Card>
        <Flex vertical gap={12}>
          <Flex gap={12} wrap align="center">
            <Segmented<View> aria-label="列表范围" options={VIEWS} value={view} onChange={(v) => setParam('view', v === 'queue' ? undefined : v)} />
            <Select<PublicationKind>
              allowClear
              aria-label="类别"
              placeholder="全部类别"
              style={{ width: 140 }}
              value={kind}
              onChange={(v) => setParam('kind', v)}
              options={(['result', 'penalty'] as const).map((k) => ({ value: k, label: PUBLICATION_KIND_LABELS[k] }))}
            />
          </Flex>
          {canAct && view === 'queue' ? (
            <Flex gap={8} wrap>
              <Button type="primary" disabled={!chosen.some((c) => c.status === 'pending') || act.isPending} onClick={() => act.mutate({ action: 'publish', ids: chosen.filter((c) => c.status === 'pending').map((c) => c.id) })}>
                公示所选
              </Button>
              <Button danger disabled={!chosen.some((c) => c.status === 'withdrawal_pending') || act.isPending} onClick={() => act.mutate({ action: 'withdraw', ids: chosen.filter((c) => c.status === 'withdrawal_pending').map((c) => c.id) })}>
                撤回所选
              </Button>
              <Button disabled={!chosen.some((c) => c.status === 'pending') || act.isPending} onClick={() => setSuppressing(true)}>
                不予公示…
              </Button>
              <Typography.Text type="secondary">已选 {chosen.length} 条</Typography.Text>
            </Flex>
          ) : null}
          {data?.truncated ? <Alert type="warning" showIcon message="条目较多，仅列出前 2000 条，请按类别筛选。" /> : null}
          <Table<PublicationQueueItem>
            rowKey="id"
            size="middle"
            loading={result.isLoading}
            dataSource={items}
            columns={columns}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条`, hideOnSinglePage: true }}
            locale={{ emptyText: view === 'queue' ? '没有待公示或待撤回的条目' : '没有条目' }}
            rowSelection={
              canAct && view === 'queue'
                ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (p) => ({ 'aria-label': `选择：${p.unitName} ${p.kindLabel}` }) }
                : undefined
            }
          />
        </Flex>
      </Card>
      <Card title="公示情况（按大队）" size="small">
        <Table<PublicationRecordView> rowKey="orgId" size="small" pagination={false} scroll={{ x: 'max-content' }} dataSource={data?.records ?? []} columns={recordColumns} locale={{ emptyText: '暂无公示条目' }} />
      </Card>
      <PublicationPolicyCard orgId={session.org.id} />
      {suppressing ? (
        <FormModal<{ reason: string }>
          title="不予公示"
          name="suppress"
          form={form}
          okText="确定不予公示"
          submitting={act.isPending}
          onSubmit={(v) => act.mutate({ action: 'suppress', ids: chosen.filter((c) => c.status === 'pending').map((c) => c.id), reason: v.reason })}
          onClose={() => setSuppressing(false)}
        >
          <Typography.Paragraph>不予公示的条目不会出现在门户网站上，理由记入审计日志，纪检可查。</Typography.Paragraph>
          <Form.Item label="不予公示理由" name="reason" rules={[{ required: true, message: '不予公示理由：不能为空' }]}>
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        </FormModal>
      ) : null}
    </Flex>
  );
}
