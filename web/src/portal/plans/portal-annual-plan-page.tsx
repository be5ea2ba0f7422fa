import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useParams } from 'react-router';
import { publicAnnualPlanQuery } from '../../api/plans.ts';
import { BackLink } from '../../components/back-link.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { revisionsOf } from '../../shared/plans/labels.ts';
import { MonthsTable } from '../../shared/plans/months-table.tsx';
import { PlanRules } from './plan-rules.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { formatDateTime } from '../../lib/format.ts';

const BACK = { title: '找不到该抽查计划', backTo: '/portal/plans', backText: '返回抽查计划公示' };

/** /portal/plans/annual/:id: a published annual plan's rules in plain Chinese, and its published months. */
export default function PortalAnnualPlanPage() {
  const { id = '' } = useParams();
  const query = useQuery(publicAnnualPlanQuery(id));
  return (
    <PublicLayout title={query.data?.name ?? '年度抽查计划'}>
      <QueryGate query={query} notFound={BACK}>
        {(plan) => (
          <Flex vertical gap={16}>
            <Card>
              <BackLink to="/portal/plans">返回抽查计划公示</BackLink>
              <Typography.Title level={1} style={{ fontSize: 22, margin: '12px 0' }}>
                {plan.name}
              </Typography.Title>
              <Descriptions
                column={{ xs: 1, md: 3 }}
                items={[
                  { key: 'org', label: '制定单位', children: plan.orgName },
                  { key: 'year', label: '年度', children: `${plan.year} 年` },
                  {
                    key: 'published',
                    label: revisionsOf(plan.revision) ? `第 ${revisionsOf(plan.revision)} 次修订发布` : '发布时间',
                    children: formatDateTime(plan.publishedAt),
                  },
                ]}
              />
            </Card>
            <PlanRules settings={plan.settings} />
            <Card title="七、月度抽查计划">
              <MonthsTable monthlyPlans={plan.monthlyPlans} linkTo={(monthly) => `/portal/plans/monthly/${monthly.id}`} portal />
            </Card>
          </Flex>
        )}
      </QueryGate>
    </PublicLayout>
  );
}
