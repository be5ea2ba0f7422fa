import { z } from 'zod';
import type { AttachedFileView } from './files.ts';
import { cleanText, nameText, text, uuidParam } from './common.ts';
import { TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus } from '../domain/tasks/task-lifecycle.ts';
import { TASK_KINDS, TASK_KIND_LABELS, type TaskKind } from '../domain/tasks/task-kind.ts';

/** A task's life and its statuses' names (owned by src/domain/tasks/task-lifecycle.ts, decision 0020). */
export { TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus };
/** What made a task: a draw, or a notice that needs a 复查 (decision 0023). */
export { TASK_KINDS, TASK_KIND_LABELS, type TaskKind };

export const FreezeDrawRequest = z.object({
  source: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('monthly_plan'), id: uuidParam('月度计划') }),
      z.object({ kind: z.literal('campaign'), id: uuidParam('专项检查') }),
    ],
    {
      // An object whose `kind` is neither plan, or (raised here too, though zod's types omit it) no object at all.
      error: (issue) =>
        typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
          ? '抽取来源：应为月度计划（monthly_plan）或专项检查（campaign）'
          : '抽取来源：格式不正确',
    },
  ),
  observers: z
    .array(
      z.object({ name: nameText('监督人姓名', 40), capacity: cleanText('监督人身份', 40) }, { error: '监督人：格式不正确' }),
      { error: '监督人：必须是列表' },
    )
    .max(9, '监督人：最多 9 名'),
  external: z
    .array(z.object({ source: cleanText('外部随机源', 40), ref: cleanText('期号', 40) }, { error: '外部随机源：格式不正确' }), {
      error: '外部随机源：必须是列表',
    })
    .min(1, '外部随机源：至少指定一个')
    .max(3, '外部随机源：最多 3 个'),
});
export type FreezeDrawRequest = z.infer<typeof FreezeDrawRequest>;

export const ObserverParams = z.object({
  id: uuidParam('编号'),
  observerId: z.string({ error: '监督人编号：格式不正确' }).regex(/^OBS-\d{1,2}$/, '监督人编号：格式不正确'),
});
export const CommitmentRequest = z.object({ commitment: text('承诺值', { max: 512, min: 0 }).toLowerCase() });
export const RevealRequest = z.object({ reveal: text('密钥', { max: 512, messages: { tooLong: '密钥：过长' } }) });
export const ExternalValueRequest = z.object({
  source: cleanText('外部随机源', 40),
  ref: cleanText('期号', 40),
  value: text('开奖号码', { max: 100, min: 0, trim: false }),
});
/** Photos or PDFs uploaded first (POST /api/files), named here by their SHA-256. */
const evidenceFiles = z
  .array(z.string({ error: '证明文件：编号格式不正确' }).regex(/^[0-9a-f]{64}$/, '证明文件：编号格式不正确'), { error: '证明文件：必须是列表' })
  .max(10, '证明文件：最多 10 个')
  .default([]);
export const ReplaceInspectorRequest = z.object({
  inspectorId: uuidParam('检查人员'),
  reason: cleanText('递补理由', 500),
  evidence: cleanText('证明材料', 500),
  evidenceFiles,
});
export const ReplaceUnitRequest = z.object({ reason: cleanText('递补理由', 500), evidence: cleanText('证明材料', 500), evidenceFiles });
export const TaskListQuery = z.object({
  mine: z.enum(['true', 'false'], { error: '仅看我的任务：只能是 true 或 false' }).optional(),
  status: z
    .enum(TASK_STATUSES, {
      error: `任务状态：只能是 ${TASK_STATUSES.slice(0, -1).map((s) => `${s}（${TASK_STATUS_LABELS[s]}）`).join('、')}或 cancelled（已取消）`,
    })
    .optional(),
});
export const DrawCodeParams = z.object({
  code: z.string({ error: '抽取编号：格式不正确' }).regex(/^D-\d{4}-\d{2}-\d{6}-\d{3,}$/, '抽取编号：格式不正确'),
});
/** The stratum codes a plan may give (src/contracts/plans.ts) and a campaign's one pool, `campaign`. */
const STRATUM_CODE = /^[a-z][a-z0-9_]{0,31}$/;
/** GET /api/public/draws/:code/tasks: a page of the draw's tasks (decision 0035). */
export const PublicDrawTasksQuery = z.object({
  page: z.coerce.number({ error: '页码：必须是数字' }).int('页码：必须是整数').min(1, '页码：至少为 1').max(100_000, '页码：过大').default(1),
  pageSize: z.coerce
    .number({ error: '每页条数：必须是数字' })
    .int('每页条数：必须是整数')
    .min(1, '每页条数：至少为 1')
    .max(100, '每页条数：最多 100')
    .default(50),
  stratum: z.string({ error: '分层：格式不正确' }).regex(STRATUM_CODE, '分层：格式不正确').optional(),
});
export type PublicDrawTasksQuery = z.infer<typeof PublicDrawTasksQuery>;
export const PublicUnitSearchQuery = z.object({
  q: text('查询', { max: 60, min: 2, messages: { empty: '查询：至少 2 个字', tooLong: '查询：最多 60 个字' } }),
});

export type DrawStatus = 'frozen' | 'executed' | 'voided';
export const DRAW_STATUS_LABELS: Record<DrawStatus, string> = { frozen: '已冻结，待执行', executed: '已执行', voided: '已作废' };

export type DrawSummary = {
  id: string;
  code: string;
  status: DrawStatus;
  statusLabel: string;
  orgName: string;
  sourceLabel: string;
  /** The plan the draw comes from: a monthly plan or a special campaign (one of the two). */
  monthlyPlanId: string | null;
  campaignId: string | null;
  manifestHash: string;
  frozenAt: string;
  executedAt: string | null;
  voidedAt: string | null;
  dueDate: string;
};

export type PersonRef = { id: string; name: string };

export type TaskView = {
  id: string;
  /** 'reinspection': a 复查 task, made from a 责令限期改正通知书, not by a draw (drawId null, drawCode 「复查」). */
  kind: TaskKind;
  kindLabel: string;
  drawId: string | null;
  drawCode: string;
  orgName: string;
  unitId: string;
  unitName: string;
  unitAddress: string | null;
  stratum: string;
  /** 0-based position in the stratum's published order (selected, then alternates); shown as rank + 1. */
  rank: number;
  leads: PersonRef[];
  assistants: PersonRef[];
  backups: { lead: PersonRef[]; assistant: PersonRef[] };
  dueDate: string;
  status: TaskStatus;
  statusLabel: string;
  replacesTaskId: string | null;
  /** The visit day the lead set (pre-notice), null before. */
  visitDate: string | null;
  /** The pre-notice: when the unit was told, whether late (and why), and its latest message's state. */
  notice: {
    notifiedAt: string;
    late: boolean;
    lateReason: string | null;
    messageState: 'pending' | 'sent' | 'failed' | null;
    messageStateLabel: string | null;
  } | null;
  /** The latest inspection record of the task (GET /api/records/:id has the whole record). */
  record: {
    id: string;
    version: number;
    outcome: 'inspected' | 'unable';
    outcomeLabel: string;
    conclusionLabel: string | null;
    hazardCount: number;
    submittedAt: string;
  } | null;
};

export type TaskChangeView = {
  at: string;
  kind: string;
  kindLabel: string;
  roleLabel: string | null;
  from: string | null;
  to: string | null;
  reason: string;
  evidence: string;
  /** Admin only (the portal gets none): the photos and PDFs attached, each served at its url. */
  evidenceFiles: AttachedFileView[];
};

/**
 * GET /api/tasks/:id: one task where it stands in its draw, the changes that concern it and, for a 递补 of its unit
 * (offered after 无法检查), the stratum's next unused alternate.
 */
/** A document as a task page links it. */
export type TaskDocumentRef = { id: string; number: string; title: string; issueDate: string; voided: boolean };

export type TaskDetailView = TaskView & {
  /** Null for a 复查 task. */
  drawStatus: DrawStatus | null;
  sourceLabel: string;
  /** The stratum's name as its plan published it. */
  stratumName: string;
  /** The task that took over after a 递补 of this task's unit, and the one this task took over from. */
  replacedBy: { id: string; unitName: string } | null;
  replaces: { id: string; unitName: string } | null;
  /** Who 递补检查对象 would bring in: the stratum's next alternate without a task; null when none is left. */
  nextAlternate: { unitId: string; unitName: string } | null;
  /** The changes since the draw that concern this task (its 递补, and the one that created it). */
  changes: TaskChangeView[];
  /** Whether the actor may 递补 on this task (manages draws in its scope, the draw executed). */
  canManage: boolean;
  /** A 复查 task: the notice it follows and, once recorded, its 复查意见书. */
  reinspection: {
    notice: TaskDocumentRef;
    opinion: TaskDocumentRef | null;
    /** The hazards this 复查 checks, each with its stage now (待复查 → 已改正 / 立案查处中). */
    hazards: { id: string; seq: number; location: string; description: string; stage: string; stageLabel: string }[];
  } | null;
  /**
   * The task's 责令限期改正通知书 that still wait for a 复查 (none made yet): the admin may 安排复查 or register the unit's
   * early request. `canSchedule`: the actor manages tasks in the task's scope.
   */
  pendingReinspections: { notice: TaskDocumentRef; canSchedule: boolean }[];
};

export type DrawStep = 'commit' | 'reveal' | 'external' | 'execute' | null;

export type DrawView = DrawSummary & {
  monthlyPlanId: string | null;
  campaignId: string | null;
  periodStart: string;
  counts: { candidates: number; excluded: number; inspectors: number; conflicts: number };
  /** Admin only: the conflicts by their real reason (the manifest publishes one neutral code for all). */
  conflictReasons: { recusals: number; previousLeads: number } | null;
  /** In manifest order, with the name the plan published for each. */
  strata: { code: string; name: string; quota: number; alternates: number }[];
  observers: {
    observerId: string;
    name: string;
    capacity: string;
    commitment: string | null;
    committedAt: string | null;
    revealed: boolean;
    revealedAt: string | null;
  }[];
  external: { source: string; ref: string; entries: number; value: string | null; confirmed: boolean; enteredByMe: boolean }[];
  seed: string | null;
  resultHash: string | null;
  voidReason: string | null;
  tasks: TaskView[];
  changes: TaskChangeView[];
  nextStep: DrawStep;
  canManage: boolean;
};

export type TimelineEntry = { at: string; label: string; detail: string };

export type PublicDrawView = {
  code: string;
  status: DrawStatus;
  statusLabel: string;
  orgName: string;
  sourceLabel: string;
  manifestHash: string;
  seed: string | null;
  resultHash: string | null;
  voidReason: string | null;
  dueDate: string;
  counts: DrawView['counts'];
  /** In manifest order, with the name the plan published for each. */
  strata: { code: string; name: string; quota: number; alternates: number }[];
  external: { source: string; ref: string; value: string | null }[];
  timeline: TimelineEntry[];
  /**
   * Which tasks GET /api/public/draws/:code/tasks pages: false, the draw's tasks; true, a draw voided before execution
   * with complete inputs: the tasks its result would have created (none were).
   */
  wouldBe: boolean;
  /** The latest changes since the draw (at most 200), in time order; `changeTotal` counts them all. */
  changes: TaskChangeView[];
  changeTotal: number;
};

/** A task on the portal's draw page (GET /api/public/draws/:code/tasks, a page of them in draw order). */
export type PublicDrawTaskView = {
  unitName: string;
  unitId: string;
  stratum: string;
  rank: number;
  /** The inspectors by name, as the task list shows them. */
  leads: string[];
  assistants: string[];
  /** Whether it was inspected (not the steps on the way); 未下达 for a task a voided draw would have created. */
  statusLabel: string;
  /** The task's result on the portal (/portal/results/<id>), when published. */
  resultId: string | null;
};

export type PublicUnitRankView = {
  unitId: string;
  unitName: string;
  outcome: 'selected' | 'alternate' | 'not_selected' | 'excluded' | 'not_listed';
  outcomeLabel: string;
  stratum: string | null;
  /** 1-based rank in the stratum's full ranking (candidates only, once executed). */
  rank: number | null;
  candidatesInStratum: number | null;
  reason: string | null;
};
