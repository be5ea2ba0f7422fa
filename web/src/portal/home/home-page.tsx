import { AuditOutlined, BankOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { PortalHomeView } from '@contracts/public.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { portalHomeQuery } from '../../api/public.ts';
import { PortalQuery } from '../layout/portal-query.tsx';
import { SYSTEM_NAME } from '../../lib/constants.ts';
import { formatDateTime } from '../../lib/format.ts';
import { nestByParent } from '../../lib/org-tree.ts';
import { PublicLayout } from '../layout/public-layout.tsx';

type PortalOrg = PortalHomeView['orgs'][number];

const PRINCIPLES: { icon: ReactNode; title: string; text: string }[] = [
  {
    icon: <BankOutlined />,
    title: '随机抽取检查对象',
    text: '从检查对象名录库中按抽查计划确定的比例和频次随机抽取被检查单位。',
  },
  {
    icon: <TeamOutlined />,
    title: '随机选派执法检查人员',
    text: '从执法检查人员名录库中随机选派检查人员，并落实回避要求。',
  },
  {
    icon: <SafetyCertificateOutlined />,
    title: '抽查情况及查处结果及时向社会公开',
    text: '抽查事项、抽查计划、抽查结果和查处情况依法向社会公示。',
  },
];

const orgColumns: TableColumnsType<PortalOrg> = [
  { title: '机构', dataIndex: 'name', key: 'name' },
  {
    title: '类型',
    dataIndex: 'kindLabel',
    key: 'kind',
    width: 96,
    render: (label: string) => <Tag color="blue">{label}</Tag>,
  },
  { title: '检查对象数量', dataIndex: 'unitCount', key: 'unitCount', width: 140, align: 'right' },
];

export default function HomePage() {
  const query = useQuery(portalHomeQuery);

  return (
    <PublicLayout>
      <Flex vertical gap={16}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
            {query.data?.systemName ?? SYSTEM_NAME}
          </Typography.Title>
          <Typography.Paragraph>
            本系统落实消防监督检查“双随机、一公开”要求：随机抽取检查对象、随机选派执法检查人员、抽查情况及查处结果及时向社会公开。
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {PRINCIPLES.map((item) => (
              <Col key={item.title} xs={24} md={8}>
                <Card size="small" style={{ height: '100%' }}>
                  <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
                    {item.icon} {item.title}
                  </Typography.Title>
                  <Typography.Text type="secondary">{item.text}</Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            每一次随机抽取的依据、过程和结果都将记入防篡改的审计链并向社会公开，任何人都可以据此复核抽取是否公正。
          </Typography.Paragraph>
        </Card>

        <Card title="抽查结果公示">
          <Typography.Paragraph>
            每一次双随机抽查的结果（检查项目、发现的火灾隐患、整改情况）和消防行政处罚决定都在这里公示，可以按单位名称、统一社会信用代码、地区和日期查询。
          </Typography.Paragraph>
          <Flex gap={16} wrap>
            <Link to="/portal/results">查询抽查结果和行政处罚</Link>
            <Link to="/portal/open-data">开放数据接口和订阅源</Link>
          </Flex>
        </Card>

        <PortalQuery query={query}>{(home) => <PortalData home={home} />}</PortalQuery>
      </Flex>
    </PublicLayout>
  );
}

/** "审计链：共 N 条，最新哈希 xxxx…" */
function auditChainLine({ entries, lastHash }: PortalHomeView['auditChain']): string {
  const head = `审计链：共 ${entries} 条`;
  return lastHash ? `${head}，最新哈希 ${lastHash.slice(0, 16)}…` : head;
}

function PortalData({ home }: { home: PortalHomeView }) {
  const { totals, auditChain } = home;
  const stats = [
    { title: '消防救援大队', value: totals.brigades, suffix: '个' },
    { title: '检查对象', value: totals.units, suffix: '家' },
    { title: '执法检查人员', value: totals.inspectors, suffix: '名' },
  ];
  return (
    <>
      <Card>
        <Row gutter={[16, 16]}>
          {stats.map((stat) => (
            <Col key={stat.title} xs={8}>
              <Statistic title={stat.title} value={stat.value} suffix={stat.suffix} />
            </Col>
          ))}
        </Row>
      </Card>

      <Card title="消防救援机构">
        <Table<PortalOrg>
          rowKey="id"
          columns={orgColumns}
          dataSource={nestByParent(home.orgs)}
          expandable={{ defaultExpandAllRows: true }}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无机构' }}
        />
      </Card>

      <Card>
        <Typography.Text className="break-all" copyable={auditChain.lastHash ? { text: auditChain.lastHash } : false}>
          <AuditOutlined /> {auditChainLine(auditChain)}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          系统中每一项操作都按顺序记入审计链，每条记录的哈希值包含上一条记录的哈希值，任何篡改、删除或调换都会被校验发现。
          以上数字统计于 {formatDateTime(home.asOf)}，每半分钟更新一次。
        </Typography.Paragraph>
      </Card>
    </>
  );
}
