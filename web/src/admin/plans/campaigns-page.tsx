import { PlusOutlined } from '@ant-design/icons';
import type { CampaignView } from '@contracts/plans.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { campaignsQuery } from '../../api/plans.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { CampaignFormModal } from './campaign-form-modal.tsx';
import { PlanStatusTag } from '../../shared/plans/plan-status-tag.tsx';
import { useFilterDescription } from './use-filter-description.ts';
import { useSession } from '../../session/session-context.ts';

export default function CampaignsPage() {
  const { canChange } = useSession();
  const canManage = canChange('plans.manage');
  const navigate = useNavigate();
  const describe = useFilterDescription();
  const list = useQuery(campaignsQuery);
  const [editing, setEditing] = useState<{ campaign?: CampaignView } | null>(null);

  const columns: TableColumnsType<CampaignView> = [
    { title: '专项检查', key: 'name', render: (_, c) => <Link to={`/admin/campaigns/${c.id}`}>{c.name}</Link> },
    { title: '制定单位', dataIndex: 'orgName', key: 'org' },
    { title: '检查期间', key: 'period', render: (_, c) => `${c.startsOn} 至 ${c.endsOn}` },
    {
      title: '范围',
      key: 'filter',
      render: (_, c) => (
        <Typography.Text style={{ maxWidth: 280 }} ellipsis={{ tooltip: describe(c.filter) }}>
          {describe(c.filter)}
        </Typography.Text>
      ),
    },
    { title: '抽查数量', key: 'quota', align: 'right', render: (_, c) => `${c.quota} 家` },
    {
      title: '状态',
      key: 'status',
      render: (_, c) => (
        <>
          <PlanStatusTag plan={c} />
          {c.frequencyOverrideReason ? <Tag color="warning">不受频次限制</Tag> : null}
        </>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, c) =>
        c.status === 'draft' && c.canEdit ? (
          <Button size="small" type="link" onClick={() => setEditing({ campaign: c })}>
            编辑
          </Button>
        ) : null,
    });
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="专项检查"
        description="在火灾多发季节、重大节日和重大活动前后，按专项检查方案确定检查对象范围、抽查数量和检查内容。"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新建专项检查
            </Button>
          ) : null
        }
      />
      <Card>
        <QueryTable<CampaignView> list={list} columns={columns} emptyText="还没有专项检查" />
      </Card>
      {editing ? (
        <CampaignFormModal
          campaign={editing.campaign}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            if (!editing.campaign) void navigate(`/admin/campaigns/${saved.id}`);
          }}
        />
      ) : null}
    </Flex>
  );
}
