import { RollbackOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { DrawSummary } from '@contracts/draws.ts';
import type { MonthlyPlanView } from '@contracts/plans.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { drawsQuery } from '../../api/draws.ts';
import { planKeys, reopenMonthlyPlan } from '../../api/plans.ts';
import { ReasonModal } from '../components/reason-modal.tsx';
import { useSession } from '../../session/session-context.ts';
import { DrawStatusTag } from '../../shared/draws/draw-status-tag.tsx';
import { FreezeDrawModal } from './freeze-draw-modal.tsx';
import { HashText } from '../../shared/draws/hash-text.tsx';

type PlanRef = Pick<MonthlyPlanView, 'id' | 'status' | 'year' | 'month' | 'orgName'>;

/** The draws of a monthly plan, from the draw list (each summary names its plan). */
function useDrawsOfMonthlyPlan(plan: PlanRef): { draws: DrawSummary[]; loading: boolean } {
  const list = useQuery({ ...drawsQuery, enabled: plan.status === 'published' });
  return { draws: (list.data ?? []).filter((d) => d.monthlyPlanId === plan.id), loading: list.isPending };
}

/**
 * On a published monthly plan: its draws, and while none is live (a voided draw leaves room for a new one)
 * 组织抽取 — or 退回重新制定, with a reason, when the plan can no longer be drawn as published.
 */
export function MonthlyPlanDrawCard({ plan }: { plan: PlanRef }) {
  const { canChange } = useSession();
  const queryClient = useQueryClient();
  const [freezing, setFreezing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const { draws, loading } = useDrawsOfMonthlyPlan(plan);
  if (plan.status !== 'published') return null;
  const live = draws.some((d) => d.status !== 'voided');
  const actions =
    !live && !loading ? (
      <Flex gap={8}>
        {canChange('plans.manage') ? (
          <Button icon={<RollbackOutlined />} onClick={() => setReopening(true)}>
            退回重新制定
          </Button>
        ) : null}
        {canChange('draws.manage') ? (
          <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setFreezing(true)}>
            组织抽取
          </Button>
        ) : null}
      </Flex>
    ) : null;
  return (
    <Card title="随机抽取" size="small" loading={loading} extra={actions}>
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
      {reopening ? (
        <ReasonModal
          title="退回月度计划，重新制定？"
          name="reopenMonthlyPlan"
          label="退回理由"
          okText="退回"
          successText="月度计划已退回为草稿，调整后可重新发布"
          submit={(reason) => reopenMonthlyPlan(plan.id, { reason })}
          onClose={() => setReopening(false)}
          onSaved={() => {
            setReopening(false);
            void queryClient.invalidateQueries({ queryKey: planKeys.all });
          }}
        >
          <Typography.Paragraph type="secondary">
            退回后本月计划从门户撤下、恢复为草稿，可重新生成或调整后再次发布；退回理由记入审计日志。已组织抽取（未作废）的计划不能退回。
          </Typography.Paragraph>
        </ReasonModal>
      ) : null}
    </Card>
  );
}
