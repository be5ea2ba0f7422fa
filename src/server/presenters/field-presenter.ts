import {
  CONCLUSION_LABELS,
  OUTBOX_STATE_LABELS,
  RECORD_OUTCOME_LABELS,
  type FieldTask,
  type FieldTaskBundle,
  type OutboxMessageView,
  type PublicNoticeView,
  type RecordSummary,
  type RecordView,
} from '../../contracts/field.ts';
import { TASK_KIND_LABELS, TASK_STATUS_LABELS } from '../../contracts/draws.ts';
import { INSPECTION_KIND_LABELS } from '../../domain/plans/eligibility-types.ts';
import { UNIT_CATEGORY_LABELS, type UnitCategory } from '../../domain/registry/unit-rules.ts';
import { NOTICE_PREPARE } from '../../domain/tasks/notice-text.ts';
import type { InspectionRecordRow, OutboxMessageRow } from '../../db/field-queries.ts';
import type { getFieldBundle } from '../../usecases/field/get-field-bundle.ts';
import type { getRecord } from '../../usecases/records/get-record.ts';
import type { getPublicNotice } from '../../usecases/public/get-public-notice.ts';
import { presentAttachedFile } from './file-presenter.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentFieldBundle(bundle: Awaited<ReturnType<typeof getFieldBundle>>): FieldTaskBundle {
  return {
    today: bundle.today,
    inspector: bundle.inspector,
    at: bundle.at.toISOString(),
    tasks: bundle.tasks.map((t): FieldTask => {
      const { task, unit } = t.row;
      return {
        id: task.id,
        kind: task.kind,
        followsNotice: t.followsNotice,
        drawCode: t.row.drawCode ?? TASK_KIND_LABELS.reinspection,
        status: task.status,
        statusLabel: TASK_STATUS_LABELS[task.status],
        dueDate: task.dueDate,
        visitDate: task.visitDate,
        notice: task.notifiedAt
          ? {
              state: t.message?.state ?? 'pending',
              stateLabel: OUTBOX_STATE_LABELS[t.message?.state ?? 'pending'],
              sentAt: iso(t.message?.sentAt ?? null),
              late: task.noticeLate,
              lateReason: task.noticeLateReason,
            }
          : null,
        myRole: t.myRole,
        unit: {
          id: unit.id,
          name: unit.name,
          creditCode: unit.uscc,
          address: unit.address,
          category: unit.category,
          categoryLabel: UNIT_CATEGORY_LABELS[unit.category as UnitCategory] ?? unit.category,
          isCrowded: unit.isCrowded,
          contactName: unit.contactName,
          contactPhone: unit.contactPhone,
        },
        people: t.people,
        jointStaffChoices: t.jointStaffChoices.map(({ id, name, organization }) => ({ id, name, organization })),
        previousInspections: t.previousInspections.map((h) => ({ on: h.inspectedOn, kindLabel: INSPECTION_KIND_LABELS[h.kind] })),
        openNotices: [],
        checklist: t.checklist.lines.map((l) => ({ versionId: l.versionId, itemName: l.itemName, code: l.code, text: l.text, basis: l.basis })),
        record: t.record ? { id: t.record.id, version: t.record.version, bodyHash: t.record.bodyHash, assistantConfirmed: t.assistantConfirmed } : null,
      };
    }),
  };
}

export function presentRecordSummary(
  row: { record: InspectionRecordRow; unitName: string; unitId: string; drawCode: string | null },
  submittedBy: string,
): RecordSummary {
  const r = row.record;
  const photos = new Set([...r.body.lines.flatMap((l) => l.photos), ...(r.body.unable?.photos ?? [])]);
  return {
    id: r.id,
    taskId: r.taskId,
    version: r.version,
    unitId: row.unitId,
    unitName: row.unitName,
    drawCode: row.drawCode ?? TASK_KIND_LABELS.reinspection,
    outcome: r.outcome,
    outcomeLabel: RECORD_OUTCOME_LABELS[r.outcome],
    conclusionLabel: r.body.conclusion ? CONCLUSION_LABELS[r.body.conclusion] : null,
    correctionReason: r.correctionReason,
    hazardCount: r.body.lines.filter((l) => l.result === 'fail').length,
    photoCount: photos.size,
    submittedBy,
    submittedAt: r.submittedAt.toISOString(),
  };
}

export function presentRecord(detail: Awaited<ReturnType<typeof getRecord>>): RecordView {
  const r = detail.record;
  const confirmation = detail.confirmations[0] ?? null;
  return {
    id: r.id,
    taskId: r.taskId,
    unitId: detail.task.unitId,
    version: r.version,
    correctsRecordId: r.correctsId,
    correctionReason: r.correctionReason,
    outcome: r.outcome,
    outcomeLabel: RECORD_OUTCOME_LABELS[r.outcome],
    bodyHash: r.bodyHash,
    body: r.body,
    signatures: r.signatures,
    unitName: detail.unitName,
    drawCode: detail.drawCode ?? TASK_KIND_LABELS.reinspection,
    submittedBy: detail.submittedByName,
    submittedAt: r.submittedAt.toISOString(),
    assistantConfirmedAt: confirmation ? confirmation.confirmedAt.toISOString() : r.signatures.assistant ? r.submittedAt.toISOString() : null,
    people: [
      ...detail.task.leadIds.map((id) => ({ id, name: detail.names.get(id) ?? '（已删除）', role: 'lead' as const })),
      ...detail.task.assistantIds.map((id) => ({ id, name: detail.names.get(id) ?? '（已删除）', role: 'assistant' as const })),
    ],
    jointStaff: detail.jointStaff,
    files: detail.files.map(presentAttachedFile),
    lineLabels: Object.fromEntries(r.snapshot.lines.map((l) => [`${l.versionId}:${l.code}`, { itemName: l.itemName, text: l.text }])),
  };
}

export function presentOutboxMessage(row: { message: OutboxMessageRow; unitName: string | null }): OutboxMessageView {
  const m = row.message;
  return {
    id: m.id,
    taskId: m.taskId,
    unitName: row.unitName,
    channel: m.channel,
    recipient: m.recipient,
    body: m.body,
    state: m.state,
    stateLabel: OUTBOX_STATE_LABELS[m.state],
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: iso(m.sentAt),
  };
}

/** The public notice page: the brigade, the unit, the day, what to prepare. Whitelisted: no people, no phone. */
export function presentPublicNotice(found: Awaited<ReturnType<typeof getPublicNotice>>): PublicNoticeView {
  const cancelled = found.taskStatus === 'replaced' || found.taskStatus === 'cancelled';
  const visitDate = found.message.visitDate;
  const superseded = !cancelled && found.taskVisitDate !== null && found.taskVisitDate !== visitDate;
  const stateLabel = cancelled ? '本次检查已取消' : superseded ? `检查日期已改为 ${found.taskVisitDate}` : '检查安排有效';
  const [y, m, d] = (superseded ? found.taskVisitDate! : (visitDate ?? '')).split('-');
  return {
    brigadeName: found.brigadeName,
    unitName: found.unitName,
    visitDate: cancelled ? null : superseded ? found.taskVisitDate : visitDate,
    stateLabel,
    text: cancelled
      ? `${found.unitName}：原定的消防监督抽查已取消，无需准备。`
      : `${found.unitName}：${found.brigadeName}依据《消防监督检查规定》，定于${Number(y)}年${Number(m)}月${Number(d)}日对贵单位进行消防监督抽查（双随机、一公开）。检查人员将出示执法证件；请安排人员陪同，并准备以下资料。`,
    prepare: cancelled ? [] : NOTICE_PREPARE,
  };
}
