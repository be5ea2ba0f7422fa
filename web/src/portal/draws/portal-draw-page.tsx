import type { PublicDrawTaskView, PublicDrawView } from '@contracts/draws.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Card, Descriptions, Flex, Grid, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { publicDrawQuery, publicDrawTasksQuery } from '../../api/draws.ts';
import { BackLink } from '../../components/back-link.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { BundleVerifier } from './bundle-verifier.tsx';
import { ChangesTable } from '../../shared/draws/changes-table.tsx';
import { DrawStatusTag } from '../../shared/draws/draw-status-tag.tsx';
import { HashText } from '../../shared/draws/hash-text.tsx';
import { displayRank, externalRefLabel, stratumName } from '../../shared/draws/labels.ts';
import { UnitRankSearch } from './unit-rank-search.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { formatDateTime } from '../../lib/format.ts';

type PublicTask = PublicDrawTaskView;
type PublicStratum = PublicDrawView['strata'][number];

const BACK = { title: '找不到该抽取', backTo: '/portal/draws', backText: '返回随机抽取结果' };

/** The task table's columns; strata by the names the draw's plan published. */
const taskColumns = (names: ReadonlyMap<string, string>): TableColumnsType<PublicTask> => [
  { title: '检查对象', dataIndex: 'unitName', key: 'unit' },
  { title: '分层', key: 'stratum', render: (_, t) => stratumName(t.stratum, names) },
  { title: '排名', key: 'rank', align: 'right', width: 64, render: (_, t) => displayRank(t) },
  { title: '主办', key: 'leads', render: (_, t) => t.leads.join('、') || '—' },
  { title: '协办', key: 'assistants', render: (_, t) => t.assistants.join('、') || '—' },
  { title: '状态', dataIndex: 'statusLabel', key: 'status' },
  {
    title: '抽查结果',
    key: 'result',
    render: (_, t) => (t.resultId ? <Link to={`/portal/results/${t.resultId}`} aria-label={`${t.unitName}的抽查结果`}>查看结果</Link> : '—'),
  },
];

const strataColumns: TableColumnsType<PublicStratum> = [
  { title: '分层', dataIndex: 'name', key: 'name' },
  { title: '抽取名额', key: 'quota', align: 'right', render: (_, s) => `${s.quota} 家` },
  { title: '备选（递补顺序）', key: 'alternates', align: 'right', render: (_, s) => `${s.alternates} 家` },
];

/** /portal/draws/:code: a draw's inputs, timeline, result and changes, with the bundle and the in-browser verifier. */
export default function PortalDrawPage() {
  const { code = '' } = useParams();
  const query = useQuery(publicDrawQuery(code));
  return (
    <PublicLayout title={`随机抽取 ${code}`}>
      <QueryGate query={query} notFound={BACK}>
        {(draw) => <PortalDraw draw={draw} />}
      </QueryGate>
    </PublicLayout>
  );
}

function PortalDraw({ draw }: { draw: PublicDrawView }) {
  return (
    <Flex vertical gap={16}>
      <Card>
        <BackLink to="/portal/draws">返回随机抽取结果</BackLink>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '12px 0' }}>
          随机抽取 {draw.code}
        </Typography.Title>
        {draw.status === 'voided' ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`本次抽取已作废：${draw.voidReason ?? ''}`}
            description={
              draw.wouldBe
                ? '作废时抽取输入已齐备：本应产生的抽取结果（未下达任务）已随作废公开，可下载结果包并在浏览器中验证。'
                : undefined
            }
          />
        ) : null}
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'org', label: '组织单位', children: draw.orgName },
            { key: 'source', label: '抽查计划', children: draw.sourceLabel },
            { key: 'status', label: '状态', children: <DrawStatusTag draw={draw} /> },
            { key: 'due', label: '任务完成期限', children: draw.dueDate },
            {
              key: 'counts',
              label: '抽取清单',
              children: `候选单位 ${draw.counts.candidates} 家，排除 ${draw.counts.excluded} 家，检查人员 ${draw.counts.inspectors} 名，不得指派的人员与单位组合 ${draw.counts.conflicts} 条（回避等，原因不公开）`,
            },
            {
              key: 'external',
              label: '外部随机源',
              children: draw.external.map((e) => `${externalRefLabel(e)}：${e.value ?? '待开奖'}`).join('；'),
            },
            {
              key: 'manifest',
              label: '清单哈希',
              span: 'filled',
              children: <HashText hash={draw.manifestHash} label="清单哈希" />,
            },
            {
              key: 'seed',
              label: '种子',
              span: 'filled',
              children: draw.seed ? <HashText hash={draw.seed} label="种子" /> : '执行后公布',
            },
            {
              key: 'result',
              label: '结果哈希',
              span: 'filled',
              children: draw.resultHash ? <HashText hash={draw.resultHash} label="结果哈希" /> : '执行后公布',
            },
          ]}
        />
      </Card>
      <Card title="验证抽取结果">
        <BundleVerifier
          code={draw.code}
          published={{ manifestHash: draw.manifestHash, resultHash: draw.resultHash, external: draw.external }}
        />
      </Card>
      <DrawTasks draw={draw} />
      <Card title="查询本单位">
        <UnitRankSearch code={draw.code} />
      </Card>
      <Flex gap={16} wrap align="flex-start">
        <Card title="抽取过程" style={{ flex: '1 1 480px', minWidth: 0 }}>
          <Timeline
            items={draw.timeline.map((t, i) => ({
              key: i,
              title: formatDateTime(t.at),
              content: (
                <>
                  <Typography.Text strong>{t.label}</Typography.Text>
                  {t.detail ? (
                    <div className="hash-text" style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                      {t.detail}
                    </div>
                  ) : null}
                </>
              ),
            }))}
          />
        </Card>
        <Card title="分层名额" style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Table<PublicStratum> rowKey="code" size="small" columns={strataColumns} dataSource={draw.strata} pagination={false} />
        </Card>
      </Flex>
      <Card title="抽取后的变更">
        {draw.changeTotal > draw.changes.length ? (
          <Typography.Paragraph type="secondary">
            共 {draw.changeTotal} 条变更，此处列出最近的 {draw.changes.length} 条。
          </Typography.Paragraph>
        ) : null}
        <ChangesTable changes={draw.changes} />
      </Card>
    </Flex>
  );
}

const TASK_PAGE_SIZE = 50;

/**
 * The draw's tasks, a page at a time from the server (a province's draw has thousands), in draw order; the count in
 * the title is the server's total. A draw voided before execution lists the tasks its result would have created.
 */
function DrawTasks({ draw }: { draw: PublicDrawView }) {
  const [page, setPage] = useState(1);
  const query = useQuery(publicDrawTasksQuery(draw.code, { page, pageSize: TASK_PAGE_SIZE }));
  const narrow = !Grid.useBreakpoint().sm;
  const total = query.data?.total;
  const count = total === undefined ? '…' : String(total);
  return (
    <Card title={draw.wouldBe ? `本应产生的抽查任务（${count}，抽取已作废，未下达）` : `抽查任务（${count}）`}>
      {query.isError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title="抽查任务加载失败，请稍后刷新重试" /> : null}
      <Table<PublicTask>
        rowKey={(t) => `${t.unitId}/${t.stratum}/${t.rank}/${t.statusLabel}`}
        size="middle"
        loading={query.isFetching}
        columns={taskColumns(new Map(draw.strata.map((s) => [s.code, s.name])))}
        dataSource={query.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: TASK_PAGE_SIZE,
          total: total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
          simple: narrow,
          showTotal: narrow ? undefined : (n) => `共 ${n} 项`,
        }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: draw.resultHash ? '没有抽查任务' : '尚未执行抽取' }}
      />
    </Card>
  );
}
