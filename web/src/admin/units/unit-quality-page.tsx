import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Form, Row, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { unitQualityQuery } from '../../api/units.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { unitListPath } from './unit-filters.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import type { UnitQuality } from '../../lib/registry-labels.ts';

type QualityCard = { key: UnitQuality; title: string; help: (staleDays: number) => string };

const CARDS: QualityCard[] = [
  { key: 'missing_address', title: '缺少实际地址', help: () => '没有可用的实际经营地址，不能被抽取' },
  { key: 'missing_contact', title: '缺少联系人/电话', help: () => '联系人或联系电话为空' },
  { key: 'missing_safety_owner', title: '缺少消防安全责任人', help: () => '未登记消防安全责任人' },
  { key: 'missing_district', title: '缺少行政区划', help: () => '未填写所在区县' },
  { key: 'suspected_duplicate', title: '疑似重复', help: () => '名称和地址规范化后相同的单位' },
  { key: 'flagged', title: '疑似僵尸单位（待核实）', help: () => '已标记待核实，暂不参与抽取' },
  {
    key: 'stale',
    title: '超过一年未更新',
    help: (days) => `超过 ${days} 天没有任何更新`,
  },
];

/** 数据质量: how many units have each problem; every card opens the list filtered to that problem. */
export default function UnitQualityPage() {
  const scope = useOrgScope();
  const [brigadeId, setBrigadeId] = useState<string | undefined>();
  const quality = useQuery(unitQualityQuery(brigadeId));

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="数据质量"
        description="名录库的数据问题会直接影响随机抽取：缺少地址的单位无法上门检查，僵尸单位会虚增合格率。点击卡片查看对应单位。"
        extra={
          scope.severalBrigades ? (
            <Form layout="inline">
              <Form.Item label="所属大队" htmlFor="qualityBrigade" style={{ marginInlineEnd: 0 }}>
                <Select
                  id="qualityBrigade"
                  allowClear
                  placeholder="全部大队"
                  value={brigadeId}
                  onChange={setBrigadeId}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={scope.brigades.map((brigade) => ({ value: brigade.id, label: brigade.name }))}
                  style={{ width: 220 }}
                />
              </Form.Item>
            </Form>
          ) : null
        }
      />
      {quality.isError ? (
        <LoadFailed onRetry={() => void quality.refetch()} />
      ) : (
        <>
          <Card loading={quality.isPending}>
            <Statistic title="名录库单位总数" value={quality.data?.total ?? 0} suffix="家" />
          </Card>
          <Row gutter={[16, 16]}>
            {CARDS.map((card) => {
              const count = quality.data?.counts[card.key];
              return (
                <Col key={card.key} xs={24} sm={12} lg={8} xl={6}>
                  <Link
                    to={unitListPath({ quality: card.key, brigadeId })}
                    className="quality-card-link"
                    aria-label={`${card.title}：${count ?? '—'} 家，查看单位`}
                  >
                    <Card hoverable loading={quality.isPending} style={{ height: '100%' }}>
                      <Statistic
                        title={card.title}
                        value={count ?? '—'}
                        suffix={count === undefined ? null : '家'}
                        styles={{ content: { color: count ? '#cf1322' : '#389e0d' } }}
                      />
                      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
                        <Typography.Text type="secondary">{card.help(quality.data?.staleDays ?? 365)}</Typography.Text>
                        <RightOutlined />
                      </Flex>
                    </Card>
                  </Link>
                </Col>
              );
            })}
          </Row>
        </>
      )}
    </Flex>
  );
}
