import type { PublicPlanListView } from '@contracts/plans.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Empty, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { publicPlansQuery } from '../../api/plans.ts';
import { describeFilter, revisionsOf } from '../../shared/plans/labels.ts';
import { MonthsTable } from '../../shared/plans/months-table.tsx';
import { PlanStatusTag } from '../../shared/plans/plan-status-tag.tsx';
import { PortalIntro } from '../layout/portal-intro.tsx';
import { PortalQuery } from '../layout/portal-query.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { formatDateTime } from '../../lib/format.ts';

type PublicCampaign = PublicPlanListView['campaigns'][number];

const campaignColumns: TableColumnsType<PublicCampaign> = [
  { title: '专项检查', dataIndex: 'name', key: 'name' },
  { title: '制定单位', dataIndex: 'orgName', key: 'org' },
  { title: '检查期间', key: 'period', render: (_, c) => `${c.startsOn} 至 ${c.endsOn}` },
  { title: '检查范围', key: 'scope', render: (_, c) => describeFilter(c.filter) },
  { title: '抽查数量', key: 'quota', align: 'right', render: (_, c) => `${c.quota} 家` },
  {
    title: '频次规则',
    key: 'frequency',
    render: (_, c) => (c.frequencyOverrideReason ? `不受频次限制：${c.frequencyOverrideReason}` : '适用年度计划的频次规则'),
  },
  { title: '发布时间', key: 'published', render: (_, c) => formatDateTime(c.publishedAt) },
];

/** Newest year first, then by organisation name. */
const byYearAndOrg = (annual: PublicPlanListView['annual']) =>
  [...annual].sort((a, b) => b.year - a.year || a.orgName.localeCompare(b.orgName, 'zh'));

/** /portal/plans: every published annual plan with its published monthly plans, and the published campaigns. */
export default function PortalPlansPage() {
  const query = useQuery(publicPlansQuery);

  return (
    <PublicLayout title="抽查计划">
      <Flex vertical gap={16}>
        <PortalIntro title="抽查计划公示">
          各消防救援机构的年度“双随机、一公开”抽查计划、逐月分解的月度抽查计划和专项检查，包括抽查比例、频次规则和各月任务数。具体被抽中的单位在随机抽取后另行公示。
        </PortalIntro>
        <PortalQuery query={query}>
          {(data) => (
            <>
              {data.annual.length === 0 ? (
                <Card>
                  <Empty description="暂无已发布的抽查计划" />
                </Card>
              ) : (
                byYearAndOrg(data.annual).map((plan) => (
                  <Card
                    key={plan.id}
                    title={
                      <Flex align="center" gap={8} wrap>
                        <Link to={`/portal/plans/annual/${plan.id}`}>{plan.name}</Link>
                        {revisionsOf(plan.revision) ? <PlanStatusTag plan={plan} /> : null}
                      </Flex>
                    }
                    extra={<Typography.Text type="secondary">{`${plan.orgName} · ${plan.year} 年`}</Typography.Text>}
                  >
                    <MonthsTable
                      monthlyPlans={plan.monthlyPlans}
                      linkTo={(monthly) => `/portal/plans/monthly/${monthly.id}`}
                      portal
                    />
                  </Card>
                ))
              )}
              <Card title="专项检查">
                <Table<PublicCampaign>
                  rowKey="id"
                  size="middle"
                  columns={campaignColumns}
                  dataSource={data.campaigns}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: '暂无已发布的专项检查' }}
                />
              </Card>
            </>
          )}
        </PortalQuery>
      </Flex>
    </PublicLayout>
  );
}
