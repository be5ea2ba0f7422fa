import type { OrgView } from '@contracts/orgs.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { orgTreeQuery } from '../../api/orgs.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { CollaborationZonesCard } from './collaboration-zones-card.tsx';
import { childOrgKindLabel, OrgFormModal } from './org-form-modal.tsx';
import type { OrgRow } from '../../lib/org-tree.ts';
import { flattenOrgTree, toOrgRows } from '../../lib/org-tree.ts';
import { useSession } from '../../session/session-context.ts';

type Dialog = { mode: 'create'; parent: OrgView } | { mode: 'edit'; org: OrgView };

const KIND_COLORS: Record<OrgView['kind'], string> = { corps: 'geekblue', detachment: 'blue', brigade: 'cyan' };

export default function OrgsPage() {
  const { canChange } = useSession();
  const canManage = canChange('orgs.manage');
  const orgTree = useQuery(orgTreeQuery);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const rows = useMemo(() => (orgTree.data ? toOrgRows(orgTree.data) : []), [orgTree.data]);
  const detachments = useMemo(
    () => (orgTree.data ? flattenOrgTree(orgTree.data).filter((org) => org.kind === 'detachment') : []),
    [orgTree.data],
  );

  const columns: TableColumnsType<OrgRow> = [
    { title: '名称', dataIndex: 'name', key: 'name' },
    { title: '简称', dataIndex: 'shortName', key: 'shortName' },
    {
      title: '类型',
      key: 'kind',
      render: (_, org) => <Tag color={KIND_COLORS[org.kind]}>{org.kindLabel}</Tag>,
    },
    { title: '行政区划代码', dataIndex: 'divisionCode', key: 'divisionCode' },
    { title: '检查对象', dataIndex: 'unitCount', key: 'unitCount', align: 'right' },
    { title: '执法检查人员', dataIndex: 'inspectorCount', key: 'inspectorCount', align: 'right' },
    { title: '账号', dataIndex: 'accountCount', key: 'accountCount', align: 'right' },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, org) => {
        const childLabel = childOrgKindLabel(org);
        return (
          <Space size={0} wrap>
            {childLabel ? (
              <Button type="link" size="small" onClick={() => setDialog({ mode: 'create', parent: org })}>
                新建{childLabel}
              </Button>
            ) : null}
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', org })}>
              编辑
            </Button>
          </Space>
        );
      },
    });
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader title="机构管理" description="总队、支队、大队三级机构及其检查对象、执法检查人员和账号数量。" />
      <Card title="机构">
        {orgTree.isError ? (
          <LoadFailed onRetry={() => void orgTree.refetch()} />
        ) : (
          <Table<OrgRow>
            // Mounted once the tree has loaded, so every level starts expanded.
            key={orgTree.data ? 'loaded' : 'loading'}
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={orgTree.isFetching}
            expandable={{ defaultExpandAllRows: true }}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无机构' }}
          />
        )}
      </Card>
      <CollaborationZonesCard detachments={detachments} canManage={canManage} />
      {dialog ? <OrgFormModal {...dialog} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} /> : null}
    </Flex>
  );
}
