import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex } from 'antd';
import { myTasksQuery } from '../../api/draws.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../../session/session-context.ts';
import { TasksTable } from './tasks-table.tsx';

/**
 * /admin/my-tasks: the tasks the signed-in inspector is on as 主办 or 协办. An account without a linked inspector is
 * told so (the server's message) as an empty state, not as a failure.
 */
export default function MyTasksPage() {
  const { session } = useSession();
  const isInspector = session.account.inspectorId !== null;
  // An account that is not an inspector has no tasks of its own: nothing to ask the server.
  const list = useQuery({ ...myTasksQuery, enabled: isInspector });
  return (
    <Flex vertical gap={16}>
      <PageHeader title="我的任务" description="您作为主办或协办检查人员的抽查任务。" />
      <Card>
        {!isInspector ? (
          <Empty description="当前账号没有关联执法检查人员，没有分配给本人的抽查任务" />
        ) : list.data?.noInspector ? (
          <Empty description={list.data.noInspector} />
        ) : list.isError ? (
          <LoadFailed onRetry={() => void list.refetch()} />
        ) : (
          <TasksTable tasks={list.data?.tasks ?? []} loading={list.isFetching} withDraw emptyText="暂时没有分配给您的抽查任务" />
        )}
      </Card>
    </Flex>
  );
}
