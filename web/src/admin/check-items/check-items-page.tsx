import { PlusOutlined } from '@ant-design/icons';
import type { CheckItemDetail, CheckItemListItem } from '@contracts/check-items.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { checkItemsQuery } from '../../api/check-items.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { CheckItemEditorModal } from './check-item-editor-modal.tsx';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';

const nameOf = (item: CheckItemListItem) => item.current?.name ?? item.draft?.name ?? '—';

const columns: TableColumnsType<CheckItemListItem> = [
  { title: '编码', dataIndex: 'code', key: 'code', width: 90 },
  {
    title: '事项名称',
    key: 'name',
    render: (_, item) => <Link to={`/admin/check-items/${item.id}`}>{nameOf(item)}</Link>,
  },
  { title: '检查方式', key: 'method', width: 90, render: (_, item) => item.current?.methodLabel ?? '—' },
  {
    title: '当前版本',
    key: 'version',
    width: 110,
    render: (_, item) =>
      item.current ? `第 ${item.current.version} 版` : <Typography.Text type="secondary">未发布</Typography.Text>,
  },
  {
    title: '发布时间',
    key: 'publishedAt',
    width: 180,
    render: (_, item) => (item.current ? formatDateTime(item.current.publishedAt) : '—'),
  },
  {
    title: '状态',
    key: 'state',
    width: 170,
    render: (_, item) => (
      <Flex gap={4} wrap>
        {item.withdrawnAt ? <Tag color="red">已废止</Tag> : item.current ? <Tag color="green">已发布</Tag> : null}
        {item.draft && !item.withdrawnAt ? <Tag color="orange">第 {item.draft.version} 版草稿</Tag> : null}
      </Flex>
    ),
  },
  { title: '所属', key: 'owner', width: 130, render: (_, item) => item.ownerOrgName ?? '全国' },
];

export default function CheckItemsPage() {
  const { canChange, session } = useSession();
  const canManage = canChange('items.manage');
  const navigate = useNavigate();
  const list = useQuery(checkItemsQuery);
  const scope = useOrgScope();
  const [creating, setCreating] = useState(false);

  const onCreated = (saved: CheckItemDetail) => {
    setCreating(false);
    void navigate(`/admin/check-items/${saved.id}`);
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="抽查事项清单"
        description="随机抽查的事项、依据、内容、主体、对象、方式、比例和频次，以及现场检查表。发布后的版本不再改变，修改会形成新版本草稿，发布后在门户网站公开。"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} disabled={scope.loading} onClick={() => setCreating(true)}>
              新建抽查事项
            </Button>
          ) : null
        }
      />
      <Card>
        {list.isError ? (
          <LoadFailed onRetry={() => void list.refetch()} />
        ) : (
          <Table<CheckItemListItem>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '暂无抽查事项' }}
          />
        )}
      </Card>
      {creating ? (
        <CheckItemEditorModal
          mode="create"
          orgs={scope.orgs}
          canCreateNational={session.account.role === 'system_admin'}
          onClose={() => setCreating(false)}
          onSaved={onCreated}
        />
      ) : null}
    </Flex>
  );
}
