import { presentAttachedFile } from './file-presenter.ts';
import { canManageInScope, type Actor } from '../../domain/access.ts';
import type { ExternalReference, Manifest } from '../../domain/draw/draw-types.ts';
import { confirmedExternalValue } from '../../domain/draw/external-entries.ts';
import { INSPECTOR_ROLE_LABELS, type InspectorRole } from '../../domain/registry/inspector-rules.ts';
import {
  DRAW_STATUS_LABELS,
  TASK_KIND_LABELS,
  TASK_STATUS_LABELS,
  type DrawStep,
  type DrawSummary,
  type DrawView,
  type PublicDrawTaskView,
  type PublicDrawView,
  type PublicUnitRankView,
  type TaskChangeView,
  type TaskDetailView,
  type TaskDocumentRef,
  type TaskView,
} from '../../contracts/draws.ts';
import type { DrawRow, TaskRow } from '../../db/draw-queries.ts';
import type { DocumentRow } from '../../db/document-queries.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/documents/document-types.ts';
import { HAZARD_STAGE_LABELS, type HazardStage } from '../../domain/hazards/hazard-stage.ts';
import type { DrawDetail } from '../../usecases/draws/get-draw.ts';
import type { UnitRank } from '../../usecases/public/search-public-draw-unit.ts';
import type { PublicDraw, PublicDrawTask } from '../../usecases/public/get-public-draw.ts';
import type { TaskFieldFacts } from '../../usecases/field/task-field-facts.ts';
import type { getTask } from '../../usecases/draws/get-task.ts';
import { CONCLUSION_LABELS, OUTBOX_STATE_LABELS, RECORD_OUTCOME_LABELS } from '../../contracts/field.ts';

const CHANGE_LABELS = { inspector_replaced: '检查人员递补', unit_replaced: '检查对象递补', cancelled: '任务取消' } as const;
const OUTCOME_LABELS = {
  selected: '被抽中',
  alternate: '备选（递补顺序）',
  not_selected: '未被抽中',
  excluded: '未列入候选',
  not_listed: '不在本次抽取范围',
} as const;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What the portal says of a task's progress: whether it was inspected, not the steps on the way (a visit day set, a
 * visit under way are the unit's and the brigade's business until the result is out; decision 0021).
 */
const PUBLIC_TASK_STATUS: Record<TaskRow['status'], TaskRow['status']> = {
  assigned: 'assigned',
  notified: 'assigned',
  in_progress: 'assigned',
  done: 'done',
  unable: 'unable',
  closed: 'done',
  replaced: 'replaced',
  cancelled: 'cancelled',
};

type SummarySource = {
  draw: Pick<
    DrawRow,
    | 'id'
    | 'code'
    | 'status'
    | 'manifestHash'
    | 'frozenAt'
    | 'executedAt'
    | 'voidedAt'
    | 'dueDate'
    | 'monthlyPlanId'
    | 'campaignId'
  >;
  org: { name: string };
};

export function presentDrawSummary(row: SummarySource, sourceLabel: string): DrawSummary {
  const d = row.draw;
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusLabel: DRAW_STATUS_LABELS[d.status],
    orgName: row.org.name,
    sourceLabel,
    monthlyPlanId: d.monthlyPlanId,
    campaignId: d.campaignId,
    manifestHash: d.manifestHash,
    frozenAt: d.frozenAt.toISOString(),
    executedAt: iso(d.executedAt),
    voidedAt: iso(d.voidedAt),
    dueDate: d.dueDate,
  };
}

const people = (ids: readonly string[], names: Map<string, string>) => ids.map((id) => ({ id, name: names.get(id) ?? id }));

export function presentTask(
  row: { task: TaskRow; unitName: string; unitAddress: string | null; orgName?: string; drawCode?: string | null },
  names: Map<string, string>,
  draw?: { code: string; orgName: string },
  field?: TaskFieldFacts,
): TaskView {
  const t = row.task;
  const backups = t.backups;
  const message = field?.messages.get(t.id) ?? null;
  const record = field?.records.get(t.id) ?? null;
  return {
    id: t.id,
    kind: t.kind,
    kindLabel: TASK_KIND_LABELS[t.kind],
    drawId: t.drawId,
    drawCode: t.kind === 'reinspection' ? TASK_KIND_LABELS.reinspection : (row.drawCode ?? draw?.code ?? ''),
    orgName: row.orgName ?? draw?.orgName ?? '',
    unitId: t.unitId,
    unitName: row.unitName,
    unitAddress: row.unitAddress,
    stratum: t.stratum,
    rank: t.rank,
    leads: people(t.leadIds, names),
    assistants: people(t.assistantIds, names),
    backups: { lead: people(backups.lead, names), assistant: people(backups.assistant, names) },
    dueDate: t.dueDate,
    status: t.status,
    statusLabel: TASK_STATUS_LABELS[t.status],
    replacesTaskId: t.replacesTaskId,
    visitDate: t.visitDate,
    notice: t.notifiedAt
      ? {
          notifiedAt: t.notifiedAt.toISOString(),
          late: t.noticeLate,
          lateReason: t.noticeLateReason,
          messageState: message?.state ?? null,
          messageStateLabel: message ? OUTBOX_STATE_LABELS[message.state] : null,
        }
      : null,
    record: record
      ? {
          id: record.id,
          version: record.version,
          outcome: record.outcome,
          outcomeLabel: RECORD_OUTCOME_LABELS[record.outcome],
          conclusionLabel: record.body.conclusion ? CONCLUSION_LABELS[record.body.conclusion] : null,
          hazardCount: record.body.lines.filter((l) => l.result === 'fail').length,
          submittedAt: record.submittedAt.toISOString(),
        }
      : null,
  };
}

/** What the portal says of an inspector's 递补: why a named person could not go (illness, leave …) is theirs. */
const PUBLIC_INSPECTOR_REASON = '检查人员因故不能参加，按公布的递补顺序替换（具体理由已记录备查）';
const PUBLIC_EVIDENCE = '证明材料已留存备查';

/**
 * The changes since the draw. The admin view has every reason and evidence as entered; the portal keeps a
 * unit's 递补 reason (it is about the unit) but not an inspector's, and no evidence (it may name people).
 */
function presentChanges(
  changes: DrawDetail['changes'],
  names: { inspectors: ReadonlyMap<string, string>; units: ReadonlyMap<string, string> },
  audience: 'admin' | 'public',
): TaskChangeView[] {
  return changes.map((c) => {
    const nameOf = (id: string | null) =>
      id === null ? null : c.kind === 'unit_replaced' ? (names.units.get(id) ?? id) : (names.inspectors.get(id) ?? id);
    return {
      at: c.at.toISOString(),
      kind: c.kind,
      kindLabel: CHANGE_LABELS[c.kind],
      roleLabel: c.role ? INSPECTOR_ROLE_LABELS[c.role as InspectorRole] : null,
      from: nameOf(c.fromId),
      to: nameOf(c.toId),
      reason: audience === 'public' && c.kind === 'inspector_replaced' ? PUBLIC_INSPECTOR_REASON : c.reason,
      evidence: audience === 'public' ? PUBLIC_EVIDENCE : c.evidence,
      evidenceFiles: audience === 'public' ? [] : c.evidenceFiles.map(presentAttachedFile),
    };
  });
}

/** The names an admin view gives the people and units its changes name: those of the draw's tasks. */
const detailNames = (detail: DrawDetail) => ({ inspectors: detail.names, units: new Map(detail.tasks.map((t) => [t.task.unitId, t.unitName])) });

function externalStatus(
  external: readonly ExternalReference[],
  allEntries: DrawDetail['entries'],
  accountId: string | null,
) {
  return external.map((ref) => {
    const entries = allEntries.filter((e) => e.source === ref.source && e.ref === ref.ref);
    const value = confirmedExternalValue(entries);
    return {
      source: ref.source,
      ref: ref.ref,
      entries: entries.length,
      value,
      confirmed: value !== null,
      enteredByMe: entries.some((e) => e.enteredBy === accountId),
    };
  });
}

function nextStep(detail: DrawDetail): DrawStep {
  if (detail.draw.status !== 'frozen') return null;
  if (detail.observers.some((o) => !o.commitment)) return 'commit';
  if (detail.observers.some((o) => !o.reveal)) return 'reveal';
  if (externalStatus(detail.draw.manifest.external, detail.entries, null).some((e) => !e.confirmed)) return 'external';
  return 'execute';
}

function counts(manifest: Manifest) {
  return {
    candidates: manifest.candidates.length,
    excluded: manifest.excluded.length,
    inspectors: manifest.inspectors.length,
    conflicts: manifest.conflicts.length,
  };
}

export function presentDraw(detail: DrawDetail, actor: Actor): DrawView {
  const d = detail.draw;
  const manifest = d.manifest;
  const draw = { code: d.code, orgName: detail.org.name };
  return {
    ...presentDrawSummary(detail, detail.sourceLabel),
    monthlyPlanId: d.monthlyPlanId,
    campaignId: d.campaignId,
    periodStart: d.periodStart,
    counts: counts(manifest),
    conflictReasons: d.conflictReasons
      ? {
          recusals: d.conflictReasons.filter((c) => c[2] === 'RECUSAL').length,
          previousLeads: d.conflictReasons.filter((c) => c[2] === 'PREVIOUS_LEAD').length,
        }
      : null,
    strata: manifest.strata.map((s) => ({ ...s, name: detail.stratumNames[s.code] ?? s.code })),
    observers: detail.observers.map((o) => ({
      observerId: o.observerId,
      name: o.name,
      capacity: o.capacity,
      commitment: o.commitment,
      committedAt: iso(o.committedAt),
      revealed: o.reveal !== null,
      revealedAt: iso(o.revealedAt),
    })),
    external: externalStatus(manifest.external, detail.entries, actor.accountId),
    seed: d.seed,
    resultHash: d.resultHash,
    voidReason: d.voidReason,
    tasks: detail.tasks.map((t) => presentTask(t, detail.names, draw, detail.field)),
    changes: presentChanges(detail.changes, detailNames(detail), 'admin'),
    nextStep: nextStep(detail),
    canManage: canManageInScope(actor, 'draws.manage', detail.org.path),
  };
}

const docRef = (d: DocumentRow): TaskDocumentRef => ({
  id: d.id,
  number: d.number,
  title: DOCUMENT_TYPE_LABELS[d.docType as DocumentType] ?? d.docType,
  issueDate: d.issueDate,
  voided: d.status === 'voided',
});

function presentFollowUp(found: Awaited<ReturnType<typeof getTask>>, actor: Actor): Pick<TaskDetailView, 'reinspection' | 'pendingReinspections'> {
  const { followUp } = found;
  const canSchedule = canManageInScope(actor, 'draws.manage', found.orgPath);
  return {
    reinspection: followUp.notice
      ? {
          notice: docRef(followUp.notice),
          opinion: followUp.opinion ? docRef(followUp.opinion) : null,
          hazards: followUp.hazards.map((h) => ({
            id: h.id,
            seq: h.seq,
            location: h.location,
            description: h.description,
            stage: h.stage,
            stageLabel: HAZARD_STAGE_LABELS[h.stage as HazardStage] ?? h.stage,
          })),
        }
      : null,
    pendingReinspections: followUp.pending.map((n) => ({ notice: docRef(n), canSchedule })),
  };
}

export function presentTaskDetail(found: Awaited<ReturnType<typeof getTask>>, actor: Actor): TaskDetailView {
  if (found.kind === 'reinspection') {
    return {
      ...presentTask(found.row, found.names, undefined, found.field),
      drawStatus: null,
      sourceLabel: TASK_KIND_LABELS.reinspection,
      stratumName: found.row.task.stratum,
      replacedBy: null,
      replaces: null,
      nextAlternate: null,
      changes: [],
      canManage: false,
      ...presentFollowUp(found, actor),
    };
  }
  const { detail, row } = found;
  const t = row.task;
  const draw = { code: detail.draw.code, orgName: detail.org.name };
  const mine = detail.changes.filter((c) => c.taskId === t.id || (c.taskId === t.replacesTaskId && c.kind === 'unit_replaced'));
  const ref = (r: typeof found.replaces) => (r ? { id: r.task.id, unitName: r.unitName } : null);
  return {
    ...presentTask(row, detail.names, draw, detail.field),
    drawStatus: detail.draw.status,
    sourceLabel: detail.sourceLabel,
    stratumName: detail.stratumNames[t.stratum] ?? t.stratum,
    replacedBy: ref(found.replacedBy),
    replaces: ref(found.replaces),
    nextAlternate: found.nextAlternate,
    changes: presentChanges(mine, detailNames(detail), 'admin'),
    canManage: detail.draw.status === 'executed' && canManageInScope(actor, 'draws.manage', found.orgPath),
    ...presentFollowUp(found, actor),
  };
}

/**
 * The portal's view of a draw, without its tasks (a page of them at a time, {@link presentPublicDrawTask}): no observer
 * names (ids and commitments only).
 */
export function presentPublicDraw(draw: PublicDraw): PublicDrawView {
  const d = draw.draw;
  const timeline = [{ at: d.frozenAt.toISOString(), label: '冻结抽取清单', detail: `清单哈希 ${d.manifestHash}` }];
  for (const o of draw.observers) {
    if (o.committedAt)
      timeline.push({ at: o.committedAt.toISOString(), label: `监督人 ${o.observerId} 提交承诺值`, detail: o.commitment ?? '' });
  }
  for (const o of draw.observers) {
    if (o.revealedAt)
      timeline.push({ at: o.revealedAt.toISOString(), label: `监督人 ${o.observerId} 揭示密钥`, detail: o.reveal ?? '' });
  }
  // An entry's value is public once two accounts agree on one; before that, it could be copied from here.
  const external = externalStatus(draw.outline.external, draw.entries, null);
  const confirmedRefs = new Set(external.filter((e) => e.confirmed).map((e) => `${e.source}\u0000${e.ref}`));
  for (const e of draw.entries)
    timeline.push({
      at: e.enteredAt.toISOString(),
      label: `录入 ${e.source} 第 ${e.ref} 期开奖号码`,
      detail: confirmedRefs.has(`${e.source}\u0000${e.ref}`) ? e.value : '（两人录入一致后公布）',
    });
  if (d.executedAt)
    timeline.push({ at: d.executedAt.toISOString(), label: '执行抽取', detail: `种子 ${d.seed}；结果哈希 ${d.resultHash}` });
  if (d.voidedAt) timeline.push({ at: d.voidedAt.toISOString(), label: '作废', detail: d.voidReason ?? '' });
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const o = draw.outline;
  return {
    code: d.code,
    status: d.status,
    statusLabel: DRAW_STATUS_LABELS[d.status],
    orgName: draw.org.name,
    sourceLabel: draw.sourceLabel,
    manifestHash: d.manifestHash,
    seed: d.seed,
    resultHash: d.resultHash,
    voidReason: d.voidReason,
    dueDate: d.dueDate,
    counts: { candidates: o.candidates, excluded: o.excluded, inspectors: o.inspectors, conflicts: o.conflicts },
    strata: o.strata.map((s) => ({ code: s.code, name: draw.stratumNames[s.code] ?? s.code, quota: s.quota, alternates: s.alternates })),
    external: external.map(({ source, ref, value }) => ({ source, ref, value })),
    timeline,
    wouldBe: draw.listsWouldBe,
    changes: presentChanges(draw.changes, { inspectors: draw.names, units: draw.unitNames }, 'public'),
    changeTotal: draw.changeTotal,
  };
}

/** A task on the portal's draw page: inspectors by name, whether it was inspected (decision 0021), its published result. */
export function presentPublicDrawTask(t: PublicDrawTask): PublicDrawTaskView {
  return {
    unitName: t.unitName,
    unitId: t.unitId,
    stratum: t.stratum,
    rank: t.rank,
    leads: t.leads,
    assistants: t.assistants,
    statusLabel: t.status === null ? '未下达' : TASK_STATUS_LABELS[PUBLIC_TASK_STATUS[t.status]],
    resultId: t.resultId,
  };
}

export function presentUnitRank(r: UnitRank): PublicUnitRankView {
  return { ...r, outcomeLabel: OUTCOME_LABELS[r.outcome] };
}
