import type { CallbackReportRow, CallbackRoundView, CallbackUnitView } from '@contracts/callbacks.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Rate, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  callbackBundleUrl,
  callbackKeys,
  callbackReportUrl,
  callbackRoundQuery,
  enterCallbackExternal,
  executeCallbackRound,
  replaceCallbackUnit,
  voidCallbackRound,
} from '../../api/callbacks.ts';
import { BackLink } from '../../components/back-link.tsx';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSpin } from '../../components/page-spin.tsx';
import { useInvalidation, useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { formatDateTime } from '../../lib/format.ts';
import { HashText } from '../../shared/draws/hash-text.tsx';
import { ReasonModal } from '../components/reason-modal.tsx';
import { CallbackRecordModal } from './callback-record-modal.tsx';

const UNIT_STATUS_COLORS = { open: 'blue', recorded: 'green', replaced: 'default', cancelled: 'default' } as const;

function ExternalEntry({ round, ext, refresh }: { round: CallbackRoundView; ext: CallbackRoundView['external'][number]; refresh: () => void }) {
  const [form] = Form.useForm<{ value: string }>();
  const mutation = useNotifiedMutation(
    ({ value }: { value: string }) => enterCallbackExternal(round.id, { source: ext.source, ref: ext.ref, value }),
    { success: (r) => (r.confirmed ? '两名纪检人员录入一致，开奖号码已确认' : '已录入，待另一名纪检人员复核录入'), form, onSuccess: () => form.resetFields() },
    { refresh, refreshOnError: refresh },
  );
  return (
    <Flex vertical gap={8}>
      <Typography.Text>
        {ext.source} 第 {ext.ref} 期：{ext.confirmed ? <Tag color="green">已确认 {ext.value}</Tag> : <Tag>已录入 {ext.entries} 次，待确认</Tag>}
      </Typography.Text>
      {!ext.confirmed && round.canManage ? (
        ext.enteredByMe ? (
          <Typography.Text type="secondary">您已录入，须由另一名纪检人员复核录入。</Typography.Text>
        ) : (
          <Form form={form} name={`callback-external-${ext.ref}`} layout="inline" onFinish={(v) => mutation.mutate(v)}>
            <Form.Item name="value" label="开奖号码" rules={[{ required: true, whitespace: true, message: '开奖号码：不能为空' }]}>
              <Input maxLength={100} placeholder="如 5 0 8" style={{ width: 160 }} />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={mutation.isPending}>
              录入
            </Button>
          </Form>
        )
      ) : null}
    </Flex>
  );
}

function ReportCard({ round }: { round: CallbackRoundView }) {
  const report = round.report;
  if (!report) return null;
  const columns: TableColumnsType<CallbackReportRow> = [
    { title: '大队', dataIndex: 'brigadeName', fixed: 'left', width: 130 },
    { title: '回访单位', dataIndex: 'drawn', width: 90 },
    { title: '已回访', dataIndex: 'recorded', width: 80 },
    { title: '联系上', dataIndex: 'reached', width: 80 },
    { title: '联系率', dataIndex: 'reachedRate', width: 80 },
    { title: '平均满意度', dataIndex: 'averageSatisfaction', width: 100 },
    { title: '反映不当行为', dataIndex: 'conductReports', width: 110 },
    { title: '单位页投诉', dataIndex: 'complaints', width: 100 },
    { title: '单位页评价', dataIndex: 'ratings', width: 100 },
    { title: '单位页平均评分', dataIndex: 'averageRating', width: 120 },
  ];
  return (
    <Card title={`季度报告（${round.quarterLabel}）`} size="small" extra={<Button href={callbackReportUrl(round.id)}>导出 Excel</Button>}>
      <Table<CallbackReportRow> rowKey="brigadeName" size="small" pagination={false} columns={columns} dataSource={[...report.rows, report.total]} scroll={{ x: 990 }} />
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label="清单哈希">
          <HashText hash={report.manifestHash} />
        </Descriptions.Item>
        {report.resultHash ? (
          <Descriptions.Item label="结果哈希">
            <HashText hash={report.resultHash} />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

/**
 * /admin/callbacks/:id — one callback round: the frozen list's hash, the external value entered by two 纪检, 执行抽取,
 * the drawn units with 回访人/记录人 and their callback records, 递补 of an unreachable unit, the bundle for draw-verify,
 * 作废, and the quarterly report.
 */
export default function CallbackRoundPage() {
  const { id = '' } = useParams();
  const round = useQuery(callbackRoundQuery(id));
  const { refresh } = useInvalidation(callbackKeys.all);
  const [recording, setRecording] = useState<CallbackUnitView | null>(null);
  const [replacing, setReplacing] = useState<CallbackUnitView | null>(null);
  const [voiding, setVoiding] = useState(false);
  const execute = useNotifiedMutation(() => executeCallbackRound(id), { success: '回访抽取已执行' }, { refresh, refreshOnError: refresh });
  const back = <BackLink to="/admin/callbacks">返回纪检回访</BackLink>;
  if (round.isPending) return <PageSpin />;
  if (round.isError) {
    const status = round.error instanceof ApiError ? round.error.status : 0;
    return (
      <>
        {back}
        {status === 403 || status === 404 ? <Result status={status === 403 ? '403' : '404'} title={status === 403 ? '无权访问' : '回访抽取不存在'} subTitle={round.error.message} /> : <LoadFailed onRetry={() => void round.refetch()} />}
      </>
    );
  }
  const r = round.data;
  const allConfirmed = r.external.every((e) => e.confirmed);
  const columns: TableColumnsType<CallbackUnitView> = [
    {
      title: '单位',
      dataIndex: 'unitName',
      render: (_: unknown, u) => (
        <Flex vertical>
          <span>{u.unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.brigadeName} · 第 {u.rank} 位{u.contactName || u.contactPhone ? ` · ${u.contactName ?? ''} ${u.contactPhone ?? ''}` : ''}
          </Typography.Text>
          {u.replaces ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              递补「{u.replaces.unitName}」：{u.replaces.reason}（{u.replaces.by}）
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: '回访人', dataIndex: 'caller', width: 90 },
    { title: '记录人', dataIndex: 'recorder', width: 90 },
    { title: '状态', dataIndex: 'status', width: 90, render: (_: unknown, u) => <Tag color={UNIT_STATUS_COLORS[u.status]}>{u.statusLabel}</Tag> },
    {
      title: '回访情况',
      key: 'record',
      width: 260,
      render: (_: unknown, u) =>
        u.record ? (
          <Flex vertical gap={2}>
            <span>
              {u.record.reached ? '已联系上' : '未联系上'}（{u.record.attempts} 次）
              {u.record.satisfaction ? <Rate disabled value={u.record.satisfaction} style={{ fontSize: 12, marginLeft: 8 }} aria-hidden /> : null}
            </span>
            {u.record.conductReported ? <Typography.Text type="danger">反映不当行为：{u.record.conductText}</Typography.Text> : null}
            {u.record.notes ? <Typography.Text type="secondary">{u.record.notes}</Typography.Text> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.record.recordedBy} {formatDateTime(u.record.recordedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_: unknown, u) =>
        r.canManage && r.status === 'executed' && (u.status === 'open' || u.status === 'recorded') ? (
          <Space wrap size={4}>
            <Button size="small" onClick={() => setRecording(u)}>
              {u.record ? '更新记录' : '记录回访'}
            </Button>
            {u.canReplace ? (
              <Button size="small" onClick={() => setReplacing(u)}>
                递补
              </Button>
            ) : null}
          </Space>
        ) : null,
    },
  ];
  return (
    <>
      {back}
      <PageHeader
        title={`纪检回访 ${r.quarterLabel}`}
        description={`${r.orgName} · ${r.statusLabel}`}
        extra={
          <Space wrap>
            {r.resultHash ? <Button href={callbackBundleUrl(r.id)}>下载结果包</Button> : null}
            {r.canManage ? (
              <Button danger onClick={() => setVoiding(true)}>
                作废
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        {r.status === 'voided' ? <Alert type="warning" showIcon message={`已作废（${formatDateTime(r.voidedAt)}）：${r.voidReason ?? ''}`} /> : null}
        <Card size="small" title="抽取过程">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="抽取编号">
              <span data-latin>{r.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label="状态">{r.statusLabel}</Descriptions.Item>
            <Descriptions.Item label="冻结">{`${r.frozenBy} ${formatDateTime(r.frozenAt)}`}</Descriptions.Item>
            <Descriptions.Item label="回访人员">{r.auditors.map((a) => a.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label="清单哈希" span={2}>
              <HashText hash={r.manifestHash} />
            </Descriptions.Item>
            {r.resultHash ? (
              <Descriptions.Item label="结果哈希" span={2}>
                <HashText hash={r.resultHash} />
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            各大队：{r.strata.map((s) => `${s.name} 候选 ${s.candidates} 家、回访 ${s.quota} 家、备选 ${s.alternates} 家`).join('；')}
          </Typography.Paragraph>
          {r.status === 'frozen' ? (
            <Flex vertical gap={12}>
              {r.external.map((e) => (
                <ExternalEntry key={`${e.source}-${e.ref}`} round={r} ext={e} refresh={refresh} />
              ))}
              {r.canManage ? (
                <div>
                  <Button type="primary" disabled={!allConfirmed} loading={execute.isPending} onClick={() => execute.mutate(undefined)}>
                    执行抽取
                  </Button>
                  {!allConfirmed ? <Typography.Text type="secondary" style={{ marginLeft: 8 }}>开奖号码经两名纪检人员录入一致后才能执行</Typography.Text> : null}
                </div>
              ) : null}
            </Flex>
          ) : (
            <Typography.Text type="secondary">
              外部随机数：{r.external.map((e) => `${e.source} 第 ${e.ref} 期 ${e.value ?? '未确认'}`).join('；')}。结果包可用 <code>npm run cli -- draw-verify 结果包.json</code> 离线复核。
            </Typography.Text>
          )}
        </Card>
        {r.units.length > 0 ? (
          <Card size="small" title={`回访单位（${r.units.filter((u) => u.status !== 'replaced').length}）`}>
            <Table<CallbackUnitView> rowKey="id" size="small" columns={columns} dataSource={r.units} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 900 }} />
          </Card>
        ) : null}
        <ReportCard round={r} />
      </Flex>
      {recording ? <CallbackRecordModal unit={recording} onClose={() => setRecording(null)} refresh={refresh} /> : null}
      {replacing ? (
        <ReasonModal
          title={`递补：${replacing.unitName}`}
          name="callback-replace"
          label="递补理由"
          okText="按公布顺序递补"
          successText="已由下一家备选单位递补"
          submit={(reason) => replaceCallbackUnit(replacing.id, reason)}
          onClose={() => setReplacing(null)}
          onSaved={() => {
            setReplacing(null);
            refresh();
          }}
        />
      ) : null}
      {voiding ? (
        <ReasonModal
          title="作废回访抽取"
          name="callback-void"
          label="作废理由"
          okText="作废"
          successText="回访抽取已作废"
          submit={(reason) => voidCallbackRound(r.id, reason)}
          onClose={() => setVoiding(false)}
          onSaved={() => {
            setVoiding(false);
            refresh();
          }}
        >
          <Alert type="warning" showIcon message="作废不删除任何记录；本季度重新抽取须指定新的外部随机数期号。" style={{ marginBottom: 12 }} />
        </ReasonModal>
      ) : null}
    </>
  );
}
