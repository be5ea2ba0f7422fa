import { EditOutlined, SendOutlined } from '@ant-design/icons';
import type { CampaignView, StratumQuotaView } from '@contracts/plans.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { campaignQuery, publishCampaign } from '../../api/plans.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { CampaignFormModal } from './campaign-form-modal.tsx';
import { EligibilityTotals, ExcludedReasonsTable } from '../../shared/plans/eligibility-card.tsx';
import { PlanFactsCard } from './plan-facts-card.tsx';
import { useFilterDescription } from './use-filter-description.ts';
import { usePlanMutation } from './use-plan-mutation.ts';
import { useConfirmAction } from '../../hooks/use-confirm-action.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';

export default function CampaignPage() {
  const { id = '' } = useParams();
  const query = useQuery(campaignQuery(id));
  return (
    <QueryGate query={query} notFound={{ title: '找不到该专项检查', backTo: '/admin/campaigns', backText: '返回专项检查列表' }}>
      {(campaign) => <CampaignDetail campaign={campaign} />}
    </QueryGate>
  );
}

function CampaignDetail({ campaign }: { campaign: CampaignView }) {
  const { canChange } = useSession();
  const editable = canChange('plans.manage') && campaign.canEdit && campaign.status === 'draft';
  const confirm = useConfirmAction();
  const describe = useFilterDescription();
  const [editing, setEditing] = useState(false);

  const publishMutation = usePlanMutation(() => publishCampaign(campaign.id), { success: '专项检查已发布，已在门户公开' });
  const onPublish = () =>
    confirm({
      title: '发布专项检查？',
      content: '发布后不可修改，范围、数量和理由将在门户公开。',
      okText: '发布',
      action: () => publishMutation.mutateAsync(),
    });

  const eligibility = campaign.eligibility;
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={campaign.name}
        description={<BackLink to="/admin/campaigns">返回专项检查列表</BackLink>}
        extra={
          editable ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
              <Button type="primary" icon={<SendOutlined />} loading={publishMutation.isPending} onClick={onPublish}>
                发布
              </Button>
            </>
          ) : null
        }
      />
      <PlanFactsCard
        plan={campaign}
        period={{ key: 'period', label: '检查期间', children: `${campaign.startsOn} 至 ${campaign.endsOn}` }}
        facts={[
          { key: 'scope', label: '检查范围', children: describe(campaign.filter), span: 2 },
          { key: 'published', label: '发布时间', children: formatDateTime(campaign.publishedAt) },
          { key: 'quota', label: '抽查数量', children: `${campaign.quota} 家（备选 ${campaign.alternatesPercent}%）` },
          { key: 'items', label: '抽查事项', children: campaign.checkItemCodes.join('、') || '—' },
          { key: 'description', label: '说明', children: campaign.description || '—', span: 3 },
        ]}
      />
      {campaign.frequencyOverrideReason ? (
        <Alert
          type="warning"
          showIcon
          title="本专项检查不受频次规则限制"
          description={`理由（公开）：${campaign.frequencyOverrideReason}`}
        />
      ) : null}
      {campaign.quotaView ? <CampaignQuota quota={campaign.quotaView} /> : null}
      {eligibility ? (
        <Card title="候选单位与不纳入情况">
          <EligibilityTotals candidates={eligibility.candidates} excluded={eligibility.excluded}>
            按专项检查开始日期的条件计算{campaign.frequencyOverrideReason ? '（不适用频次规则）' : ''}。
          </EligibilityTotals>
          <ExcludedReasonsTable rows={eligibility.excludedByReason} />
        </Card>
      ) : (
        <Alert type="info" showIcon title="尚未计算候选单位（保存后计算）" />
      )}
      {editing ? (
        <CampaignFormModal campaign={campaign} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      ) : null}
    </Flex>
  );
}

/** A campaign's one quota: how many units, how many candidates, alternates and how far the candidates fall short. */
function CampaignQuota({ quota }: { quota: StratumQuotaView }) {
  return (
    <Card title="抽查数量">
      <Descriptions
        column={{ xs: 1, md: 4 }}
        items={[
          { key: 'computed', label: '计划抽查', children: `${quota.computed} 家` },
          { key: 'candidates', label: '候选单位', children: `${quota.candidates} 家` },
          { key: 'quota', label: '实际可抽', children: <Typography.Text strong>{quota.quota} 家</Typography.Text> },
          { key: 'alternates', label: '备选单位', children: `${quota.alternates} 家` },
        ]}
      />
      {quota.shortBy > 0 ? (
        <Alert type="warning" showIcon title={`候选单位不足：计划抽查 ${quota.computed} 家，符合条件的只有 ${quota.candidates} 家，缺口 ${quota.shortBy} 家`} />
      ) : null}
    </Card>
  );
}
