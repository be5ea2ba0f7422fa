import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Select } from 'antd';
import { useState } from 'react';
import type { TaskStatus } from '../../api/draws.ts';
import { tasksQuery } from '../../api/draws.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TASK_STATUS_OPTIONS } from '../../shared/draws/labels.ts';
import { TasksTable } from './tasks-table.tsx';

/** /admin/tasks: the tasks of every draw in scope, by status. 递补 is done on the draw's page. */
export default function TasksPage() {
  const [status, setStatus] = useState<TaskStatus | undefined>('assigned');
  const list = useQuery(tasksQuery(status));
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="抽查任务"
        description="随机抽取执行后生成的检查任务；递补检查人员或检查对象请在对应的抽取页面办理。"
        extra={
          <Select<TaskStatus | undefined>
            aria-label="任务状态"
            style={{ width: 160 }}
            allowClear
            placeholder="全部状态"
            value={status}
            onChange={(value) => setStatus(value)}
            options={TASK_STATUS_OPTIONS}
          />
        }
      />
      <Card>
        {list.isError ? (
          <LoadFailed onRetry={() => void list.refetch()} />
        ) : (
          <TasksTable tasks={list.data ?? []} loading={list.isFetching} withDraw emptyText="没有符合条件的抽查任务" />
        )}
      </Card>
    </Flex>
  );
}
