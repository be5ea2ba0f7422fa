import { useQuery } from '@tanstack/react-query';
import type { DescriptionsProps } from 'antd';
import { Card, Col, Descriptions, Flex, Row, Statistic, Tag } from 'antd';
import { orgTreeQuery } from '../../api/orgs.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { sumOrgTree } from '../../lib/org-tree.ts';
import { useSession } from '../../session/session-context.ts';
import { MonthProgressCard } from './month-progress-card.tsx';
import { HazardRemindersCard } from './hazard-reminders-card.tsx';
import { PublicationRemindersCard } from './publication-reminders-card.tsx';
import { MyTasksCard } from './my-tasks-card.tsx';
import { InboxCard } from './inbox-card.tsx';

export default function DashboardPage() {
  const { session, can } = useSession();
  const { account, org } = session;
  const canReadOrgs = can('orgs.read');
  // An inspector's day starts from their tasks; an administrator's or 纪检's from the month's progress.
  const isInspector = account.inspectorId !== null;
  const orgTree = useQuery({ ...orgTreeQuery, enabled: canReadOrgs });
  const totals = orgTree.data ? sumOrgTree(orgTree.data) : null;

  const details: DescriptionsProps['items'] = [
    { key: 'displayName', label: '姓名', children: account.displayName },
    { key: 'username', label: '用户名', children: account.username },
    { key: 'org', label: '所属机构', children: org.name },
    { key: 'orgKind', label: '机构类型', children: org.kindLabel },
    { key: 'role', label: '角色', children: account.roleLabel },
    {
      key: 'access',
      label: '操作权限',
      children: session.readOnly ? <Tag color="orange">只读</Tag> : <Tag color="green">可办理业务</Tag>,
    },
  ];

  const stats = [
    { key: 'orgs', title: '本级及下辖机构', value: totals?.orgs, suffix: '个' },
    { key: 'units', title: '检查对象', value: totals?.units, suffix: '家' },
    { key: 'inspectors', title: '执法检查人员', value: totals?.inspectors, suffix: '名' },
    { key: 'accounts', title: '系统账号', value: totals?.accounts, suffix: '个' },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="工作台" />
      <Card title={`您好，${account.displayName}`}>
        <Descriptions items={details} column={{ xs: 1, sm: 2, lg: 3 }} />
      </Card>
      <InboxCard />
      {isInspector ? <MyTasksCard /> : null}
      {!isInspector && can('plans.read') ? <MonthProgressCard /> : null}
      {can('plans.read') ? <HazardRemindersCard mine={isInspector} /> : null}
      {!isInspector && can('plans.read') ? <PublicationRemindersCard /> : null}
      {canReadOrgs ? (
        <Row gutter={[16, 16]}>
          {stats.map((stat) => (
            <Col key={stat.key} xs={12} lg={6}>
              <Card loading={orgTree.isPending}>
                <Statistic title={stat.title} value={stat.value ?? '—'} suffix={stat.value === undefined ? null : stat.suffix} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
    </Flex>
  );
}
