import { PlusOutlined } from '@ant-design/icons';
import type { CollaborationZoneView, OrgTreeNode } from '@contracts/orgs.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { collaborationZonesQuery } from '../../api/orgs.ts';
import { ZoneFormModal } from './zone-form-modal.tsx';

type CollaborationZonesCardProps = {
  /** 支队 in the user's scope (with their 大队), offered when creating or editing a zone. */
  detachments: OrgTreeNode[];
  canManage: boolean;
};

/** 协作区: groups of 大队 under one 支队 that pool inspectors for cross-region draws. */
export function CollaborationZonesCard({ detachments, canManage }: CollaborationZonesCardProps) {
  const zones = useQuery(collaborationZonesQuery);
  const [editing, setEditing] = useState<{ zone?: CollaborationZoneView } | null>(null);

  const columns: TableColumnsType<CollaborationZoneView> = [
    { title: '名称', dataIndex: 'name', key: 'name' },
    { title: '所属支队', dataIndex: 'detachmentName', key: 'detachment' },
    {
      title: '成员大队',
      key: 'brigades',
      render: (_, zone) => (
        <Flex gap={4} wrap>
          {zone.brigades.map((brigade) => (
            <Tag key={brigade.id}>{brigade.name}</Tag>
          ))}
        </Flex>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, zone) => (
        <Button type="link" size="small" onClick={() => setEditing({ zone })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <Card
      title="协作区"
      extra={
        canManage && detachments.length > 0 ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新建协作区
          </Button>
        ) : null
      }
    >
      <Table<CollaborationZoneView>
        rowKey="id"
        columns={columns}
        dataSource={zones.data ?? []}
        loading={zones.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无协作区' }}
      />
      {editing ? (
        <ZoneFormModal
          zone={editing.zone}
          detachments={detachments}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
