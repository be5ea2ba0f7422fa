import { SwapOutlined } from '@ant-design/icons';
import type { TaskDetailView } from '@contracts/draws.ts';
import type { RecordSummary } from '@contracts/field.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { taskQuery, taskRecordsQuery } from '../../api/records.ts';
import { BackLink } from '../../components/back-link.tsx';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ChangesTable } from '../../shared/draws/changes-table.tsx';
import { TaskStatusTag } from '../../shared/draws/draw-status-tag.tsx';
import { displayRank, OPEN_TASK_STATUSES } from '../../shared/draws/labels.ts';
import { OUTBOX_STATE_COLORS, OUTCOME_COLORS } from '../records/record-helpers.ts';
import { ReplaceTaskModal } from './replace-task-modal.tsx';
import { PendingReinspectionsCard, ReinspectionCard } from './reinspection-cards.tsx';

/** /admin/tasks/:id: one task — unit, draw, people, status, pre-notice, its records, its changes — and its 递补. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const query = useQuery(taskQuery(id));
  return (
    <QueryGate query={query} notFound={{ title: '找不到该抽查任务', backTo: '/admin/tasks', backText: '返回抽查任务' }}>
      {(task) => <TaskDetail task={task} />}
    </QueryGate>
  );
}

const names = (people: { name: string }[]) => (people.length ? people.map((p) => p.name).join('、') : '—');

const recordColumns: TableColumnsType<RecordSummary> = [
  { title: '版本', key: 'version', render: (_, r) => <Link to={`/admin/records/${r.id}`}>第 {r.version} 版</Link> },
  {
    title: '检查结果',
    key: 'outcome',
    render: (_, r) => (
      <>
        <Tag color={OUTCOME_COLORS[r.outcome]}>{r.outcomeLabel}</Tag>
        {r.conclusionLabel ?? ''}
      </>
    ),
  },
  { title: '隐患', key: 'hazards', render: (_, r) => (r.hazardCount ? <Typography.Text type="danger">{r.hazardCount} 处</Typography.Text> : '—') },
  { title: '提交', key: 'submitted', render: (_, r) => `${r.submittedBy} · ${formatDateTime(r.submittedAt)}` },
  { title: '更正理由', key: 'reason', render: (_, r) => r.correctionReason ?? '—' },
];

/** After 无法检查: what happens next, and (for an administrator) the button that does it. */
function UnableCallToAction({ task, onReplaceUnit }: { task: TaskDetailView; onReplaceUnit: () => void }) {
  if (task.status !== 'unable') return null;
  const next = task.nextAlternate;
  if (!next) {
    return (
      <Alert
        type="warning"
        showIcon
        title="本任务无法检查，且该分层的备选单位已用尽"
        description="无法按备选顺序递补检查对象；请在工作记录中说明情况。"
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title="本任务无法检查：请递补该分层的下一家备选单位"
      description={
        <>
          按公布的备选顺序，将由 <Typography.Text strong>{next.unitName}</Typography.Text> 递补；检查人员按公布的递补规则确定。
          {task.canManage ? null : '递补由本级大队管理员办理。'}
        </>
      }
      action={
        task.canManage ? (
          <Button type="primary" icon={<SwapOutlined />} onClick={onReplaceUnit}>
            递补检查对象
          </Button>
        ) : undefined
      }
    />
  );
}

function TaskDetail({ task }: { task: TaskDetailView }) {
  const [replacing, setReplacing] = useState<'inspector' | 'unit' | null>(null);
  const records = useQuery(taskRecordsQuery(task.id));
  const open = OPEN_TASK_STATUSES.includes(task.status);
  const notice = task.notice;
  const reinspection = task.kind === 'reinspection';
  const drawItems = reinspection
    ? [{ key: 'kind', label: '任务类型', children: <Tag color="orange">复查任务</Tag> }]
    : [
        { key: 'draw', label: '抽取编号', children: <Link to={`/admin/draws/${task.drawId ?? ''}`}>{task.drawCode}</Link> },
        { key: 'source', label: '抽查计划', children: task.sourceLabel },
      ];
  const strataItems = reinspection
    ? []
    : [
        { key: 'stratum', label: '分层', children: task.stratumName },
        { key: 'rank', label: '排名', children: `第 ${displayRank(task)} 名` },
      ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={`${reinspection ? '复查任务' : '抽查任务'}：${task.unitName}`}
        description={<BackLink to="/admin/tasks">返回抽查任务</BackLink>}
        extra={
          task.canManage && (open || task.status === 'unable') ? (
            <>
              {open ? <Button onClick={() => setReplacing('inspector')}>递补检查人员</Button> : null}
              {open ? <Button onClick={() => setReplacing('unit')}>递补检查对象</Button> : null}
            </>
          ) : undefined
        }
      />
      <UnableCallToAction task={task} onReplaceUnit={() => setReplacing('unit')} />
      {task.replacedBy ? (
        <Alert
          type="info"
          showIcon
          title={
            <>
              检查对象已递补，由 <Link to={`/admin/tasks/${task.replacedBy.id}`}>{task.replacedBy.unitName}</Link> 接替
            </>
          }
        />
      ) : null}
      <Card title="任务信息">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'unit', label: '检查对象', children: <Link to={`/admin/units/${task.unitId}`}>{task.unitName}</Link> },
            { key: 'address', label: '地址', children: task.unitAddress ?? '—' },
            { key: 'status', label: '状态', children: <TaskStatusTag task={task} /> },
            ...drawItems,
            { key: 'org', label: '组织单位', children: task.orgName },
            ...strataItems,
            { key: 'due', label: '完成期限', children: task.dueDate },
            { key: 'leads', label: '主办', children: names(task.leads) },
            { key: 'assistants', label: '协办', children: names(task.assistants) },
            ...(reinspection
              ? []
              : [
                  {
                    key: 'backups',
                    label: '递补顺序',
                    children: `主办：${names(task.backups.lead)}；协办：${names(task.backups.assistant)}`,
                  },
                ]),
            ...(task.replaces
              ? [
                  {
                    key: 'replaces',
                    label: '递补自',
                    children: <Link to={`/admin/tasks/${task.replaces.id}`}>{task.replaces.unitName}</Link>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ReinspectionCard task={task} />
      <PendingReinspectionsCard task={task} />
      <Card title="检查安排与告知">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'visit', label: '检查日期', children: task.visitDate ?? '主办尚未确定' },
            {
              key: 'notice',
              label: '事先告知',
              children: notice ? (
                <Flex gap={4} wrap align="center">
                  {formatDateTime(notice.notifiedAt)}
                  {notice.late ? <Tag color="orange">迟延告知</Tag> : <Tag color="green">按时告知</Tag>}
                  {notice.messageState && notice.messageStateLabel ? (
                    <Tag color={OUTBOX_STATE_COLORS[notice.messageState]}>告知消息{notice.messageStateLabel}</Tag>
                  ) : null}
                </Flex>
              ) : (
                '尚未告知'
              ),
            },
            ...(notice?.late ? [{ key: 'late', label: '迟延理由', children: notice.lateReason ?? '—' }] : []),
          ]}
        />
      </Card>
      <Card
        title="检查记录"
        extra={
          records.data && records.data.total > 0 ? <Link to={`/admin/records?taskId=${task.id}`}>在检查记录中查看</Link> : null
        }
      >
        {records.isError ? (
          <LoadFailed onRetry={() => void records.refetch()} />
        ) : (
          <Table<RecordSummary>
            rowKey="id"
            size="small"
            columns={recordColumns}
            dataSource={records.data?.items ?? []}
            loading={records.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '尚未提交检查记录' }}
          />
        )}
      </Card>
      {task.changes.length ? (
        <Card title="变更记录">
          <ChangesTable changes={task.changes} />
        </Card>
      ) : null}
      {replacing ? <ReplaceTaskModal task={task} kind={replacing} onClose={() => setReplacing(null)} /> : null}
    </Flex>
  );
}
