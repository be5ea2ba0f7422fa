import type { PersonRef, TaskView } from '@contracts/draws.ts';
import type { TableColumnsType } from 'antd';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { TaskStatusTag } from '../../shared/draws/draw-status-tag.tsx';
import { displayRank, OPEN_TASK_STATUSES, stratumName } from '../../shared/draws/labels.ts';

const names = (people: PersonRef[]) => (people.length ? people.map((p) => p.name).join('、') : '—');

/** What a row can do: 递补 its inspector or its unit (admins of an executed draw, on tasks still to be done). */
export type TaskActions = { onReplaceInspector: (task: TaskView) => void; onReplaceUnit: (task: TaskView) => void };

/**
 * Tasks as a table: unit (to the task's page), stratum and rank, 主办 / 协办, the published 递补 order, due date, status. `withDraw` adds
 * the draw and the org (task lists across draws); `actions` adds 递补 buttons on assigned tasks.
 */
export function TasksTable({
  tasks,
  loading = false,
  withDraw = false,
  stratumNames,
  actions,
  emptyText = '没有抽查任务',
}: {
  tasks: TaskView[];
  loading?: boolean;
  withDraw?: boolean;
  stratumNames?: ReadonlyMap<string, string>;
  actions?: TaskActions | undefined;
  emptyText?: ReactNode;
}) {
  const columns: TableColumnsType<TaskView> = [
    {
      title: '检查对象',
      key: 'unit',
      render: (_, t) => (
        <div style={{ minWidth: 180 }}>
          <Link to={`/admin/tasks/${t.id}`}>{t.unitName}</Link>
          {t.unitAddress ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.unitAddress}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    { title: '分层', key: 'stratum', render: (_, t) => stratumName(t.stratum, stratumNames) },
    { title: '排名', key: 'rank', align: 'right', width: 64, render: (_, t) => (t.kind === 'reinspection' ? '—' : displayRank(t)) },
    { title: '主办', key: 'leads', render: (_, t) => names(t.leads) },
    { title: '协办', key: 'assistants', render: (_, t) => names(t.assistants) },
    {
      title: '递补顺序',
      key: 'backups',
      render: (_, t) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          主办：{names(t.backups.lead)}
          <br />
          协办：{names(t.backups.assistant)}
        </Typography.Text>
      ),
    },
    { title: '完成期限', dataIndex: 'dueDate', key: 'due', width: 110 },
    {
      title: '状态',
      key: 'status',
      render: (_, t) => (
        <Space size={0} orientation="vertical">
          <TaskStatusTag task={t} />
          {t.visitDate ? <Typography.Text type="secondary">检查日期 {t.visitDate}{t.notice?.late ? '（迟延告知）' : ''}</Typography.Text> : null}
          {t.record ? (
            <Link to={`/admin/records/${t.record.id}`}>
              {t.record.outcomeLabel}
              {t.record.conclusionLabel ? `：${t.record.conclusionLabel}` : ''}
              {t.record.version > 1 ? `（第 ${t.record.version} 版）` : ''}
            </Link>
          ) : null}
        </Space>
      ),
    },
  ];
  if (withDraw) {
    columns.unshift(
      {
        title: '抽取编号',
        key: 'draw',
        render: (_, t) => (t.drawId ? <Link to={`/admin/draws/${t.drawId}`}>{t.drawCode}</Link> : <Tag color="orange">{t.kindLabel}</Tag>),
      },
      { title: '组织单位', dataIndex: 'orgName', key: 'org' },
    );
  }
  if (actions) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, t) =>
        OPEN_TASK_STATUSES.includes(t.status) || t.status === 'unable' ? (
          <Space size={0} orientation="vertical">
            {OPEN_TASK_STATUSES.includes(t.status) ? (
              <Button type="link" size="small" onClick={() => actions.onReplaceInspector(t)}>
                递补检查人员
              </Button>
            ) : null}
            <Button type="link" size="small" onClick={() => actions.onReplaceUnit(t)}>
              递补检查对象
            </Button>
          </Space>
        ) : null,
    });
  }
  return (
    <Table<TaskView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
    />
  );
}
