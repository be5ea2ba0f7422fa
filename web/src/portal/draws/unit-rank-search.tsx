import type { PublicUnitRankView } from '@contracts/draws.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { publicUnitRankQuery } from '../../api/draws.ts';
import { rankLabel, stratumName } from '../../shared/draws/labels.ts';

const OUTCOME_COLORS: Record<PublicUnitRankView['outcome'], string> = {
  selected: 'red',
  alternate: 'orange',
  not_selected: 'default',
  excluded: 'default',
  not_listed: 'default',
};

const columns: TableColumnsType<PublicUnitRankView> = [
  { title: '单位', dataIndex: 'unitName', key: 'name' },
  { title: '结果', key: 'outcome', render: (_, r) => <Tag color={OUTCOME_COLORS[r.outcome]}>{r.outcomeLabel}</Tag> },
  { title: '分层', key: 'stratum', render: (_, r) => (r.stratum ? stratumName(r.stratum) : '—') },
  { title: '排名', key: 'rank', render: (_, r) => rankLabel(r.rank, r.candidatesInStratum) ?? '—' },
  { title: '说明', key: 'reason', render: (_, r) => r.reason ?? '—' },
];

/** 查询本单位: a unit finds itself by name or credit code and sees whether it was drawn and where it ranked. */
export function UnitRankSearch({ code }: { code: string }) {
  const [q, setQ] = useState('');
  const result = useQuery(publicUnitRankQuery(code, q));
  return (
    <>
      <Input.Search
        allowClear
        enterButton="查询"
        placeholder="输入单位名称（至少 2 个字）或统一社会信用代码"
        aria-label="查询本单位"
        maxLength={60}
        style={{ maxWidth: 520 }}
        onSearch={(value) => setQ(value.trim())}
      />
      {q.length === 1 ? <Typography.Text type="danger">至少输入 2 个字</Typography.Text> : null}
      {q.length >= 2 ? (
        <Table<PublicUnitRankView>
          style={{ marginTop: 12 }}
          rowKey="unitId"
          size="middle"
          columns={columns}
          dataSource={result.data ?? []}
          loading={result.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '本次抽取的清单中没有找到该单位' }}
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        排名是该单位在所属分层全部候选单位中的随机顺序（按 XF-SRS/1 由种子算出，可用结果包复算）；前若干名被抽中，其后为递补备选。
      </Typography.Paragraph>
    </>
  );
}
