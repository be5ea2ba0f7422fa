import type { SelfCheckListItem } from '@contracts/self-checks.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { runSelfCheckNow, selfCheckKeys, selfChecksQuery } from '../../api/self-checks.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { useSession } from '../../session/session-context.ts';

const columns: TableColumnsType<SelfCheckListItem> = [
  {
    title: '检查日期',
    key: 'date',
    render: (_, r) => <Link to={`/admin/self-checks/${r.id}`}>{r.checkDate}</Link>,
  },
  { title: '单位', dataIndex: 'orgName', key: 'org' },
  {
    title: '类别',
    key: 'kind',
    render: (_, r) => (
      <Flex gap={4} wrap>
        <Tag color={r.kind === 'brigade' ? 'blue' : 'purple'}>{r.kindLabel}</Tag>
        {r.manual ? <Tag>立即检查</Tag> : null}
      </Flex>
    ),
  },
  {
    title: '发现问题',
    key: 'summary',
    render: (_, r) => (
      <Flex gap={8} align="center" wrap style={{ minWidth: 200 }}>
        <Tag color={r.total > 0 ? 'red' : 'green'}>{r.total > 0 ? `${r.total} 项` : '无'}</Tag>
        <span>{r.summary}</span>
      </Flex>
    ),
  },
];

/** 十日、二十日检查: the reports in scope, newest first, and 「立即检查」 for a brigade administrator. */
export default function SelfChecksPage() {
  const result = useQuery(selfChecksQuery());
  const { canChange } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const run = useNotifiedMutation(runSelfCheckNow, { success: '检查完成', onSuccess: (d) => void navigate(`/admin/self-checks/${d.id}`) }, {
    refresh: () => {
      void queryClient.invalidateQueries({ queryKey: selfCheckKeys.all });
      void queryClient.invalidateQueries({ queryKey: selfCheckKeys.inbox });
    },
  });
  const canRun = (result.data?.canRunNow ?? false) && canChange('plans.manage');
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="十日、二十日检查"
        description="每月 10 日、20 日（遇节假日顺延至下一个工作日）自动检查：逾期未完成的任务、5 个工作日内到期尚未确定检查日的任务、任务分配不均、休假人员持有任务、待检查单位信息缺失、逾期未公示。报告送大队管理员，汇总送支队。"
        extra={
          canRun ? (
            <Button type="primary" loading={run.isPending} onClick={() => run.mutate(undefined)}>
              立即检查
            </Button>
          ) : null
        }
      />
      <Card>
        <Table<SelfCheckListItem> rowKey="id" columns={columns} dataSource={result.data?.items ?? []} loading={result.isPending} scroll={{ x: 'max-content' }} locale={{ emptyText: '暂无检查报告' }} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </Card>
    </Flex>
  );
}
