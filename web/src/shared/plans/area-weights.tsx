import type { PlanSettingsInput } from '@contracts/plans.ts';
import { Button, Table, Typography } from 'antd';

export type AreaWeight = NonNullable<PlanSettingsInput['weights']['areas']>[number];

const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/** 区域风险权重 from the early warning: the district or industry, its factor, its months and why. */
export function AreaWeights({ areas, onRemove }: { areas: readonly AreaWeight[]; onRemove?: ((index: number) => void) | undefined }) {
  if (areas.length === 0) return null;
  return (
    <>
      <Typography.Paragraph style={{ marginTop: 16 }}>因不合格率预警，下列行政区划或行业的单位在所列月份权重再乘以倍数：</Typography.Paragraph>
      <Table<AreaWeight>
        rowKey={(a) => `${a.kind}-${a.code}-${a.fromMonth}`}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...areas]}
        columns={[
          { title: '类型', key: 'kind', render: (_, a) => (a.kind === 'district' ? '行政区划' : '行业') },
          { title: '代码', dataIndex: 'code', key: 'code' },
          { title: '倍数', key: 'factor', align: 'right', render: (_, a) => `×${a.factor}` },
          { title: '适用月份', key: 'months', render: (_, a) => (a.fromMonth === a.toMonth ? monthText(a.fromMonth) : `${monthText(a.fromMonth)}至${monthText(a.toMonth)}`) },
          { title: '理由', dataIndex: 'reason', key: 'reason' },
          ...(onRemove
            ? [
                {
                  title: '操作',
                  key: 'remove',
                  render: (_: unknown, a: AreaWeight) => (
                    <Button size="small" type="link" danger onClick={() => onRemove(areas.indexOf(a))}>
                      移除
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
