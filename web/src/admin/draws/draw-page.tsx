import { ExportOutlined, StopOutlined } from '@ant-design/icons';
import type { DrawView, TaskView } from '@contracts/draws.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { drawQuery } from '../../api/draws.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { ChangesTable } from '../../shared/draws/changes-table.tsx';
import { DrawStatusTag } from '../../shared/draws/draw-status-tag.tsx';
import { DrawSteps } from './draw-steps.tsx';
import { HashText } from '../../shared/draws/hash-text.tsx';
import { externalRefLabel, stratumName } from '../../shared/draws/labels.ts';
import type { HeldSecret, HeldSecrets } from './observer-panels.tsx';
import { ReplaceTaskModal } from './replace-task-modal.tsx';
import { TasksTable } from './tasks-table.tsx';
import { VoidDrawModal } from './void-draw-modal.tsx';
import { formatDateTime } from '../../lib/format.ts';

/** /admin/draws/:id: the draw table — freeze → commitments → reveals → external values → execute — and its tasks. */
export default function DrawPage() {
  const { id = '' } = useParams();
  const query = useQuery(drawQuery(id));
  return (
    <QueryGate query={query} notFound={{ title: '找不到该抽取', backTo: '/admin/draws', backText: '返回抽取记录' }}>
      {(draw) => <DrawDetail draw={draw} />}
    </QueryGate>
  );
}

function DrawDetail({ draw }: { draw: DrawView }) {
  const [held, setHeld] = useState<HeldSecrets>({});
  const [voiding, setVoiding] = useState(false);
  const [replacing, setReplacing] = useState<{ task: TaskView; kind: 'inspector' | 'unit' } | null>(null);
  // The plan's own stratum names come with the draw (a monthly plan's quota rows, a campaign's name).
  const names = new Map(draw.strata.map((s) => [s.code, s.name]));

  const sourceLink = draw.monthlyPlanId ? (
    <Link to={`/admin/monthly-plans/${draw.monthlyPlanId}`}>{draw.sourceLabel}</Link>
  ) : draw.campaignId ? (
    <Link to={`/admin/campaigns/${draw.campaignId}`}>{draw.sourceLabel}</Link>
  ) : (
    draw.sourceLabel
  );
  const executable = draw.canManage && draw.status === 'executed';

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={`随机抽取 ${draw.code}`}
        description={<BackLink to="/admin/draws">返回抽取记录</BackLink>}
        extra={
          <>
            <Button icon={<ExportOutlined />} href={`/portal/draws/${draw.code}`} target="_blank">
              门户公示页
            </Button>
            {draw.canManage && draw.status !== 'voided' ? (
              <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)}>
                作废
              </Button>
            ) : null}
          </>
        }
      />
      {draw.status === 'voided' ? (
        <Alert
          type="error"
          showIcon
          title={`已作废：${draw.voidReason ?? ''}`}
          description={`作废时间 ${formatDateTime(draw.voidedAt)}。清单和已有结果仍公开，不能再继续抽取。`}
        />
      ) : null}
      <Card>
        <Typography.Text type="secondary">抽取清单哈希（SHA-256，冻结后已在门户公开，清单不可更改）</Typography.Text>
        <div style={{ margin: '4px 0 16px' }}>
          <HashText hash={draw.manifestHash} large label="抽取清单哈希" />
        </div>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'source', label: '抽查计划', children: sourceLink },
            { key: 'org', label: '组织单位', children: draw.orgName },
            { key: 'status', label: '状态', children: <DrawStatusTag draw={draw} /> },
            { key: 'frozen', label: '冻结时间', children: formatDateTime(draw.frozenAt) },
            { key: 'executed', label: '执行时间', children: formatDateTime(draw.executedAt) },
            { key: 'due', label: '任务完成期限', children: draw.dueDate },
            {
              key: 'counts',
              label: '清单内容',
              children: `候选单位 ${draw.counts.candidates} 家 · 排除 ${draw.counts.excluded} 家 · 检查人员 ${draw.counts.inspectors} 名 · ${conflictText(draw)}`,
            },
            {
              key: 'strata',
              label: '分层名额',
              children: draw.strata.map((s) => `${stratumName(s.code, names)} ${s.quota} 家（备选 ${s.alternates}）`).join('；'),
            },
            {
              key: 'external',
              label: '外部随机源',
              children: draw.external
                .map((e) => (e.value === null ? externalRefLabel(e) : `${externalRefLabel(e)}：${e.value}`))
                .join('；'),
            },
          ]}
        />
      </Card>
      <DrawSteps
        draw={draw}
        held={held}
        onHeld={(observerId: string, secret: HeldSecret) => setHeld((h) => ({ ...h, [observerId]: secret }))}
      />
      {draw.seed && draw.resultHash ? (
        <Card title="抽取结果">
          <Descriptions
            column={1}
            items={[
              { key: 'seed', label: '种子', children: <HashText hash={draw.seed} label="种子" /> },
              { key: 'result', label: '结果哈希', children: <HashText hash={draw.resultHash} label="结果哈希" /> },
              {
                key: 'verify',
                label: '公开验证',
                children: <Link to={`/portal/draws/${draw.code}`}>在门户下载结果包并在浏览器中验证</Link>,
              },
            ]}
          />
        </Card>
      ) : null}
      {draw.tasks.length ? (
        <Card title={`抽查任务（${draw.tasks.length}）`}>
          <TasksTable
            tasks={draw.tasks}
            stratumNames={names}
            actions={
              executable
                ? {
                    onReplaceInspector: (task) => setReplacing({ task, kind: 'inspector' }),
                    onReplaceUnit: (task) => setReplacing({ task, kind: 'unit' }),
                  }
                : undefined
            }
          />
        </Card>
      ) : null}
      {draw.resultHash ? (
        <Card title="变更记录">
          <ChangesTable changes={draw.changes} />
        </Card>
      ) : null}
      {voiding ? <VoidDrawModal draw={draw} onClose={() => setVoiding(false)} /> : null}
      {replacing ? <ReplaceTaskModal task={replacing.task} kind={replacing.kind} onClose={() => setReplacing(null)} /> : null}
    </Flex>
  );
}

/** The conflicts with their real reasons (admin only; the portal shows one count). */
function conflictText(draw: DrawView): string {
  const r = draw.conflictReasons;
  if (!r) return `不得指派的组合 ${draw.counts.conflicts} 条`;
  return `回避 ${r.recusals} 条 · 上次主办不再担任 ${r.previousLeads} 条`;
}
