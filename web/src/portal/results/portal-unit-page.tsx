import type { PublicUnitView } from '@contracts/publication.ts';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Flex, Typography } from 'antd';
import { useParams } from 'react-router';
import { publicUnitQuery } from '../../api/results.ts';
import { BackLink } from '../../components/back-link.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { NoticeList, ResultList } from './result-parts.tsx';

const BACK = {
  title: '找不到该单位的公示信息',
  subTitle: '该单位没有正在公示的抽查结果或行政处罚。',
  backTo: '/portal/results',
  backText: '返回抽查结果',
};

/** /portal/units/:id: a unit's published results, its penalties within their display period and its notices' states. */
export default function PortalUnitPage() {
  const { id = '' } = useParams();
  const query = useQuery(publicUnitQuery(id));
  return (
    <PublicLayout title={query.data?.name ?? '单位公示信息'}>
      <QueryGate query={query} notFound={BACK}>
        {(unit) => <UnitPage unit={unit} />}
      </QueryGate>
    </PublicLayout>
  );
}

function UnitPage({ unit }: { unit: PublicUnitView }) {
  return (
    <Flex vertical gap={16}>
      <Card>
        <BackLink to="/portal/results">返回抽查结果</BackLink>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '12px 0' }}>
          {unit.name}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'uscc', label: '统一社会信用代码', children: <span data-latin>{unit.uscc}</span> },
            { key: 'district', label: '行政区划', children: unit.districtName ?? '—' },
            { key: 'address', label: '地址', children: unit.address || '—' },
          ]}
        />
      </Card>
      <Card title={`抽查结果（${unit.results.length}）`}>
        {unit.results.length ? <ResultList items={unit.results} showUnit={false} /> : <Empty description="暂无公示的抽查结果" />}
      </Card>
      <Card title={`行政处罚（${unit.penalties.length}）`}>
        {unit.penalties.length ? (
          <ResultList items={unit.penalties} showUnit={false} />
        ) : (
          <Empty description="公示期内没有行政处罚" />
        )}
      </Card>
      <Card title={`整改通知书（${unit.notices.length}）`}>
        <NoticeList notices={unit.notices} />
      </Card>
    </Flex>
  );
}
