import { ThunderboltOutlined } from '@ant-design/icons';
import type { DrawView } from '@contracts/draws.ts';
import type { MonthlyPlanView } from '@contracts/plans.ts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { drawQuery, drawsQuery } from '../../api/draws.ts';
import { useSession } from '../../session/session-context.ts';
import { DrawStatusTag } from './draw-status-tag.tsx';
import { FreezeDrawModal } from './freeze-draw-modal.tsx';
import { HashText } from './hash-text.tsx';

type PlanRef = Pick<MonthlyPlanView, 'id' | 'status' | 'year' | 'month' | 'orgName'>;

/**
 * The draws of a monthly plan. A draw summary does not name its plan, so the list is narrowed by the source label
 * the server gives a monthly plan's draw ("2026 年 1 月月度抽查计划") and the org, and each candidate's detail
 * (which has monthlyPlanId) decides.
 */
function useDrawsOfMonthlyPlan(plan: PlanRef): { draws: DrawView[]; loading: boolean } {
  const list = useQuery({ ...drawsQuery, enabled: plan.status === 'published' });
  const label = `${plan.year} 年 ${plan.month} 月月度抽查计划`;
  const candidates = (list.data ?? []).filter((d) => d.sourceLabel === label && d.orgName === plan.orgName);
  const details = useQueries({ queries: candidates.map((d) => drawQuery(d.id)) });
  return {
    draws: details.flatMap((q) => (q.data?.monthlyPlanId === plan.id ? [q.data] : [])),
    loading: list.isPending || details.some((q) => q.isPending),
  };
}

/** On a published monthly plan: its draws, and 组织抽取 while none is live (a voided draw leaves room for a new one). */
export function MonthlyPlanDrawCard({ plan }: { plan: PlanRef }) {
  const { canChange } = useSession();
  const [freezing, setFreezing] = useState(false);
  const { draws, loading } = useDrawsOfMonthlyPlan(plan);
  if (plan.status !== 'published') return null;
  const live = draws.some((d) => d.status !== 'voided');
  return (
    <Card
      title="随机抽取"
      size="small"
      loading={loading}
      extra={
        canChange('draws.manage') && !live && !loading ? (
          <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setFreezing(true)}>
            组织抽取
          </Button>
        ) : null
      }
    >
      {draws.length === 0 ? (
        <Typography.Text type="secondary">
          月度计划已发布，尚未组织随机抽取。抽取时先冻结抽取清单并公开其哈希，再由监督人和外部随机数决定结果。
        </Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {draws.map((d) => (
            <Flex key={d.id} gap={12} align="center" wrap>
              <Link to={`/admin/draws/${d.id}`}>抽取 {d.code}</Link>
              <DrawStatusTag draw={d} />
              <Typography.Text type="secondary">清单哈希</Typography.Text>
              <HashText hash={d.manifestHash} short />
            </Flex>
          ))}
        </Flex>
      )}
      {freezing ? <FreezeDrawModal source={{ kind: 'monthly_plan', id: plan.id }} onClose={() => setFreezing(false)} /> : null}
    </Card>
  );
}
