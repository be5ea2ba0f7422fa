import type { TaskView } from '@contracts/draws.ts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { myTasksQuery } from '../../api/draws.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { todayInChina } from '../../lib/today.ts';
import { OPEN_TASK_STATUSES } from '../../shared/draws/labels.ts';

/** Days from today (China time) to a due date: negative when overdue. */
function daysLeft(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

function TaskLine({ task, today }: { task: TaskView; today: string }) {
  const left = daysLeft(task.dueDate, today);
  return (
    <List.Item>
      <List.Item.Meta
        title={<Link to={`/admin/tasks/${task.id}`}>{task.unitName}</Link>}
        description={
          <>
            {task.unitAddress ?? '地址未登记'} · 期限 {task.dueDate}{' '}
            {left < 0 ? (
              <Tag color="red">逾期 {-left} 天</Tag>
            ) : left <= 7 ? (
              <Tag color="orange">{left === 0 ? '今天到期' : `${left} 天后到期`}</Tag>
            ) : null}
          </>
        }
      />
    </List.Item>
  );
}

/** An inspector's 工作台: the open tasks, overdue first, then by due date. */
export function MyTasksCard() {
  const list = useQuery(myTasksQuery);
  const today = todayInChina();
  const open = (list.data?.tasks ?? []).filter((t) => OPEN_TASK_STATUSES.includes(t.status)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const overdue = open.filter((t) => t.dueDate < today);
  const soon = open.filter((t) => t.dueDate >= today && daysLeft(t.dueDate, today) <= 7);
  return (
    <Card title="我的待办" extra={<Link to="/admin/my-tasks">全部任务</Link>}>
      {list.isError ? (
        <LoadFailed onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 8 }}>
            <Col xs={8}>
              <Statistic
                title="已逾期"
                value={overdue.length}
                suffix="项"
                valueStyle={overdue.length ? { color: '#cf1322' } : undefined}
              />
            </Col>
            <Col xs={8}>
              <Statistic title="7 天内到期" value={soon.length} suffix="项" />
            </Col>
            <Col xs={8}>
              <Statistic title="待检查" value={open.length} suffix="项" />
            </Col>
          </Row>
          {open.length === 0 ? (
            <Empty description={list.isPending ? '加载中…' : '暂时没有待检查的任务'} />
          ) : (
            <List size="small" dataSource={open.slice(0, 8)} renderItem={(task) => <TaskLine task={task} today={today} />} />
          )}
          {open.length > 8 ? (
            <Typography.Text type="secondary">另有 {open.length - 8} 项，见「我的任务」。</Typography.Text>
          ) : null}
        </>
      )}
    </Card>
  );
}
