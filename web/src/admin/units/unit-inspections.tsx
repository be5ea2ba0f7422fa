import type { UnitDetail } from '@contracts/units.ts';
import type { TableColumnsType } from 'antd';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';

type Inspection = UnitDetail['inspections'][number];
type Task = UnitDetail['tasks'][number];

const inspectionColumns: TableColumnsType<Inspection> = [
  { title: '检查日期', dataIndex: 'on', key: 'on', width: 120 },
  {
    title: '类型',
    key: 'kind',
    render: (_, i) => (
      <>
        {i.kindLabel} {i.counted ? <Tag color="blue">计入抽查频次</Tag> : <Tag>不计入频次</Tag>}
      </>
    ),
  },
  {
    title: '来源',
    key: 'source',
    render: (_, i) => (i.taskId ? <Link to={`/admin/tasks/${i.taskId}`}>{i.sourceLabel}</Link> : i.sourceLabel),
  },
  { title: '备注', dataIndex: 'note', key: 'note', render: (note: string | null) => note ?? '—' },
];

/** Every inspection of the unit on record: what counts toward the frequency rules and what does not (复查, 投诉核查). */
export function UnitInspections({ inspections }: { inspections: Inspection[] }) {
  return (
    <Table<Inspection>
      rowKey={(i) => `${i.on}-${i.kind}-${i.sourceLabel}`}
      size="small"
      columns={inspectionColumns}
      dataSource={inspections}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '没有检查记录' }}
    />
  );
}

const taskColumns: TableColumnsType<Task> = [
  {
    title: '抽取编号',
    key: 'draw',
    render: (_, t) => (t.drawId ? <Link to={`/admin/draws/${t.drawId}`}>{t.drawCode}</Link> : <Tag color="orange">{t.kindLabel}</Tag>),
  },
  { title: '完成期限', dataIndex: 'dueDate', key: 'due', width: 120 },
  { title: '状态', key: 'status', render: (_, t) => <Link to={`/admin/tasks/${t.id}`}>{t.statusLabel}</Link> },
  {
    title: '检查记录',
    key: 'record',
    render: (_, t) =>
      t.record ? (
        <Link to={`/admin/records/${t.record.id}`}>
          {t.record.outcomeLabel}
          {t.record.conclusionLabel ? `：${t.record.conclusionLabel}` : ''}
          {t.record.version > 1 ? `（第 ${t.record.version} 版）` : ''}
        </Link>
      ) : (
        '—'
      ),
  },
  { title: '主办', key: 'leads', render: (_, t) => t.leads.join('、') || '—' },
  { title: '协办', key: 'assistants', render: (_, t) => t.assistants.join('、') || '—' },
];

/** The tasks drawn for the unit, newest first, each linking to its draw, its page and its latest record. */
export function UnitTasks({ tasks }: { tasks: Task[] }) {
  if (tasks.length === 0) return <Typography.Text type="secondary">尚未被抽中</Typography.Text>;
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      columns={taskColumns}
      dataSource={tasks}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
