import type { DescriptionsProps } from 'antd';
import { Card, Descriptions } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import { PlanStatusTag } from '../../shared/plans/plan-status-tag.tsx';

type Fact = NonNullable<DescriptionsProps['items']>[number];

/**
 * The facts card under a plan page's title (annual plan, monthly plan, campaign): 制定单位, the plan's `period`,
 * 状态, then the plan's own `facts`, up to `xl` a row on wide screens; `children` below them.
 */
export function PlanFactsCard({
  plan,
  period,
  facts,
  xl = 3,
  children,
}: {
  plan: ComponentProps<typeof PlanStatusTag>['plan'] & { orgName: string };
  period: Fact;
  facts: Fact[];
  xl?: number;
  children?: ReactNode;
}) {
  return (
    <Card>
      <Descriptions
        column={{ xs: 1, md: 2, xl }}
        items={[
          { key: 'org', label: '制定单位', children: plan.orgName },
          period,
          { key: 'status', label: '状态', children: <PlanStatusTag plan={plan} /> },
          ...facts,
        ]}
      />
      {children}
    </Card>
  );
}
