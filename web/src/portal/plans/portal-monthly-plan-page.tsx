import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { publicMonthlyPlanQuery } from '../../api/plans.ts';
import { BackLink } from '../../components/back-link.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { EligibilityCard } from '../../shared/plans/eligibility-card.tsx';
import { formatYearMonth } from '../../shared/plans/labels.ts';
import { QuotaTable } from '../../shared/plans/quota-table.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { formatDateTime } from '../../lib/format.ts';

const BACK = { title: '找不到该月度计划', backTo: '/portal/plans', backText: '返回抽查计划公示' };

/** /portal/plans/monthly/:id: a published month's quotas per stratum, due date and counts (no unit names). */
export default function PortalMonthlyPlanPage() {
  const { id = '' } = useParams();
  const query = useQuery(publicMonthlyPlanQuery(id));
  const title = query.data ? `${query.data.orgName} ${formatYearMonth(query.data.year, query.data.month)}抽查计划` : '月度抽查计划';
  return (
    <PublicLayout title={title}>
      <QueryGate query={query} notFound={BACK}>
        {(plan) => (
          <Flex vertical gap={16}>
            <Card>
              <BackLink to="/portal/plans">返回抽查计划公示</BackLink>
              <Typography.Title level={1} style={{ fontSize: 22, margin: '12px 0' }}>
                {title}
              </Typography.Title>
              <Descriptions
                column={{ xs: 1, md: 2, lg: 3 }}
                items={[
                  { key: 'org', label: '制定单位', children: plan.orgName },
                  { key: 'month', label: '年月', children: formatYearMonth(plan.year, plan.month) },
                  { key: 'total', label: '本月抽查任务', children: `${plan.totalQuota} 家` },
                  { key: 'due', label: '任务完成期限', children: plan.dueDate },
                  {
                    key: 'annual',
                    label: '依据年度计划',
                    children: <Link to={`/portal/plans/annual/${plan.annualPlanId}`}>{plan.annualPlanName}</Link>,
                  },
                  { key: 'published', label: '发布时间', children: formatDateTime(plan.publishedAt) },
                ]}
              />
              {plan.notes ? <Alert type="info" title={`说明：${plan.notes}`} /> : null}
            </Card>
            <Card title="各类检查对象本月抽查任务数">
              <QuotaTable quotas={plan.quotas} />
              <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
                计算值 = 年度目标中尚未覆盖的单位数 ÷ 本年剩余月数（向上取整），且不超过符合条件的候选单位数；人工调整的任务数列出调整理由。
              </Typography.Paragraph>
            </Card>
            <EligibilityCard eligibility={plan.eligibility} />
          </Flex>
        )}
      </QueryGate>
    </PublicLayout>
  );
}
