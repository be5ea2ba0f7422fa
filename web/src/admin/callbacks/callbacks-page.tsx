import type { CallbackPreviewView, CallbackRoundListItem } from '@contracts/callbacks.ts';
import { CALLBACK_ROUND_STATUS_LABELS } from '@contracts/callbacks.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Flex, Form, Input, Result, Select, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { callbackKeys, callbackPreviewQuery, freezeCallbackRound } from '../../api/callbacks.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSpin } from '../../components/page-spin.tsx';
import { useInvalidation, useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { formatDateTime } from '../../lib/format.ts';
import { HashText } from '../../shared/draws/hash-text.tsx';

const TITLE = '纪检回访';

const STATUS_COLORS = { frozen: 'blue', executed: 'green', voided: 'default' } as const;

const roundColumns: TableColumnsType<CallbackRoundListItem> = [
  { title: '抽取编号', dataIndex: 'code', render: (v: string, r) => <Link to={`/admin/callbacks/${r.id}`} data-latin>{v}</Link> },
  { title: '季度', dataIndex: 'quarter', width: 90, render: (v: string) => `${v.slice(0, 4)}年${'一二三四'[Number(v.slice(5)) - 1]}季度` },
  { title: '状态', dataIndex: 'status', width: 90, render: (v: CallbackRoundListItem['status']) => <Tag color={STATUS_COLORS[v]}>{CALLBACK_ROUND_STATUS_LABELS[v]}</Tag> },
  { title: '机构', dataIndex: 'orgName' },
  { title: '清单哈希', dataIndex: 'manifestHash', render: (v: string) => <HashText hash={v} short /> },
  { title: '冻结时间', dataIndex: 'frozenAt', width: 170, render: (v: string) => formatDateTime(v) },
];

type FreezeValues = { source: string; ref: string };

function FreezeCard({ preview }: { preview: CallbackPreviewView }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<FreezeValues>();
  const { refresh } = useInvalidation(callbackKeys.all);
  const freeze = useNotifiedMutation(
    (v: FreezeValues) => freezeCallbackRound({ quarter: preview.quarter, external: [{ source: v.source.trim(), ref: v.ref.trim() }] }),
    { success: '回访抽取清单已冻结，清单哈希已记入审计日志', form, onSuccess: ({ id }) => navigate(`/admin/callbacks/${id}`) },
    { refresh },
  );
  const live = preview.rounds.find((r) => r.quarter === preview.quarter && r.status !== 'voided');
  if (live) {
    return (
      <Alert
        type="info"
        showIcon
        message={
          <span>
            本季度已有回访抽取 <Link to={`/admin/callbacks/${live.id}`}><span data-latin>{live.code}</span>（{CALLBACK_ROUND_STATUS_LABELS[live.status]}）</Link>
          </span>
        }
      />
    );
  }
  if (!preview.canManage) return null;
  if (preview.blocker) return <Alert type="warning" showIcon message={preview.blocker} />;
  return (
    <Card title="冻结清单" size="small">
      <Typography.Paragraph type="secondary">
        冻结后候选单位、回访人员和各大队数量不再改变，清单哈希记入审计日志。请指定一个尚未开奖的外部随机数（如当晚的福彩3D 期号），开奖后由两名纪检人员分别录入。
      </Typography.Paragraph>
      <Form<FreezeValues> form={form} name="callback-freeze" layout="vertical" initialValues={{ source: '福彩3D', ref: '' }} onFinish={(v) => freeze.mutate(v)}>
        <Flex gap={12} wrap>
          <Form.Item label="外部随机源" name="source" rules={[{ required: true, message: '外部随机源：不能为空' }]} style={{ minWidth: 160 }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item label="期号" name="ref" rules={[{ required: true, message: '期号：不能为空' }]} style={{ minWidth: 160 }}>
            <Input maxLength={40} placeholder="如 2026340" />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={freeze.isPending}>
          冻结清单
        </Button>
      </Form>
    </Card>
  );
}

/**
 * /admin/callbacks — 纪检回访 (decision 0026): choose an ended quarter, see the candidates (units inspected or penalised)
 * per brigade with their quotas (10%, rounded up), freeze the list, and open the rounds.
 */
export default function CallbacksPage() {
  const [params, setParams] = useSearchParams();
  const quarter = params.get('quarter') ?? undefined;
  const preview = useQuery(callbackPreviewQuery(quarter));
  const header = <PageHeader title={TITLE} description="每季度从已检查或已处罚的单位中按 10% 随机抽取回访单位（XF-SRS/1 算法，结果可复核），记录回访情况，形成季度报告。" />;
  if (preview.isPending) return <PageSpin />;
  if (preview.isError) {
    const forbidden = preview.error instanceof ApiError && preview.error.status === 403;
    return (
      <>
        {header}
        {forbidden ? <Result status="403" title="无权访问" subTitle={preview.error.message} /> : <LoadFailed onRetry={() => void preview.refetch()} />}
      </>
    );
  }
  const data = preview.data;
  const total = data.brigades.reduce((n, b) => n + b.candidates, 0);
  const drawn = data.brigades.reduce((n, b) => n + b.quota, 0);
  return (
    <>
      {header}
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex gap={12} align="center" wrap>
            <span>季度</span>
            <Select
              aria-label="季度"
              style={{ minWidth: 180 }}
              value={data.quarter}
              options={data.quarters}
              onChange={(v: string) => setParams({ quarter: v })}
            />
            <Typography.Text type="secondary">
              {data.from} 至 {data.to}；{data.orgName}辖区候选单位 {total} 家，应回访 {drawn} 家
            </Typography.Text>
          </Flex>
        </Card>
        <Card title={`各大队候选单位与回访数量（${data.quarterLabel}）`} size="small">
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            dataSource={data.brigades}
            locale={{ emptyText: '本季度辖区内没有已检查或已处罚的单位' }}
            scroll={{ x: 480 }}
            columns={[
              { title: '大队', dataIndex: 'name' },
              { title: '候选单位（家）', dataIndex: 'candidates', width: 120 },
              { title: '回访数量（10%）', dataIndex: 'quota', width: 130 },
              { title: '备选（递补顺序）', dataIndex: 'alternates', width: 130 },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            回访人、记录人从以下纪检人员中随机分配：{data.auditors.map((a) => a.name).join('、') || '无'}
          </Typography.Paragraph>
        </Card>
        <FreezeCard preview={data} />
        <Card title="回访抽取记录" size="small">
          <Table<CallbackRoundListItem> rowKey="id" size="small" columns={roundColumns} dataSource={data.rounds} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 760 }} locale={{ emptyText: '暂无回访抽取' }} />
        </Card>
      </Flex>
    </>
  );
}
