import { CASE_STATUS_LABELS, PAYMENT_STATUS_LABELS } from '../../domain/cases/case-types.ts';
import { formatYuan } from '../../domain/cases/fire-law-provisions.ts';
import { deadlineText } from '../../domain/deadlines/deadline-text.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { HAZARD_STAGE_LABELS } from '../../domain/hazards/hazard-stage.ts';
import { localDate } from '../../domain/local-date.ts';
import { noticeState } from '../../domain/publication/notice-state.ts';
import { earlyRequestOpen } from '../../domain/publication/unit-page-rules.ts';
import { RATING_LABELS } from '../../domain/publication/unit-access.ts';
import { RECORD_OUTCOME_LABELS } from '../../domain/records/record-labels.ts';
import { maskPersonName } from '../../domain/registry/masking.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import {
  evidenceOfDocuments,
  finishedVisitsOfUnit,
  findUnitName,
  hazardsOfNoticesForUnit,
  inspectorNames,
  noticesOfUnit,
  penaltiesOfUnit,
  reinspectionRequestsOf,
} from '../../db/unit-access-queries.ts';
import type { UnitNoticeView, UnitOwnView, UnitPenaltyView, UnitVisitView } from '../../contracts/publication.ts';
import type { UnitContext } from './unit-session.ts';

/**
 * The inspected unit's own page (GET /api/unit/me, decision 0024): its correction notices with their hazards in its
 * own words (it is the unit's notice), deadlines and state; its finished visits with the inspectors as masked names
 * and roles (the page shows no full name, phone or badge); its penalty decisions. Everything is of the session's unit.
 */
export async function getUnitOwnView(ctx: UnitContext): Promise<UnitOwnView> {
  const unit = await findUnitName(ctx.db, ctx.session.unitId);
  if (!unit) throw new DomainError('NOT_FOUND', '单位不存在');
  const today = localDate(ctx.now);
  const calendar = await loadHolidayCalendar(ctx.db);
  const notices = await noticesOfUnit(ctx.db, unit.id);
  const ids = notices.map((n) => n.id);
  const [hazardRows, requests, evidence, visits, penalties] = [
    await hazardsOfNoticesForUnit(ctx.db, ids),
    await reinspectionRequestsOf(ctx.db, ids),
    await evidenceOfDocuments(ctx.db, ids),
    await finishedVisitsOfUnit(ctx.db, unit.id),
    await penaltiesOfUnit(ctx.db, unit.id),
  ];
  const names = await inspectorNames(ctx.db, [...new Set(visits.flatMap((v) => [...v.leadIds, ...v.assistantIds]))]);

  const noticeViews: UnitNoticeView[] = notices.map((n) => {
    const own = hazardRows.filter((h) => h.noticeId === n.id);
    const live = own.filter((h) => h.stage !== 'superseded');
    const dues = live.flatMap((h) => (h.correctionDue ? [h.correctionDue] : [])).sort();
    const correctionDue = dues.at(-1) ?? null;
    const state = noticeState({ status: n.status, replaced: n.replacedBy !== null, hazardStages: own.map((h) => h.stage), correctionDue }, today);
    const pending = state.state === 'correcting' || state.state === 'awaiting_reinspection';
    const deadline = pending && correctionDue ? deadlineText(calendar, today, correctionDue) : null;
    const request = requests.find((r) => r.documentId === n.id) ?? null;
    return {
      id: n.id,
      number: n.number,
      typeLabel: DOCUMENT_TYPE_LABELS[n.docType as DocumentType] ?? n.docType,
      issueDate: n.issueDate,
      brigadeName: n.orgName,
      state: state.state,
      stateLabel: state.label,
      correctionDue,
      deadlineLabel: deadline?.label ?? null,
      overdue: deadline?.overdue ?? false,
      hazards: own.map((h) => {
        const d = h.stage === 'ordered' && h.correctionDue ? deadlineText(calendar, today, h.correctionDue) : null;
        return { seq: h.seq, description: h.description, location: h.location, correctionDue: h.correctionDue, deadlineLabel: d?.label ?? null, overdue: d?.overdue ?? false, stageLabel: HAZARD_STAGE_LABELS[h.stage] };
      }),
      earlyRequestedOn: request?.requestedOn ?? null,
      reinspectionDue: n.reinspectionTaskDue,
      canRequestEarly: earlyRequestOpen({ docType: n.docType, status: n.status, replaced: n.replacedBy !== null, stages: own.map((h) => h.stage), correctionDue, reinspectionDue: n.reinspectionTaskDue }, today),
      canUpload: n.status === 'issued' && n.replacedBy === null && state.state !== 'corrected',
      evidence: evidence
        .filter((e) => e.documentId === n.id)
        .map((e) => ({ id: e.id, fileName: e.fileName, contentType: e.contentType, byteSize: e.byteSize, submittedAt: e.submittedAt.toISOString() })),
    };
  });

  const visitViews: UnitVisitView[] = visits.map((v) => ({
    taskId: v.taskId,
    kindLabel: v.kind === 'reinspection' ? '复查' : '双随机抽查',
    visitDate: v.visitDate,
    brigadeName: v.orgName,
    outcomeLabel: v.outcome === 'unable' ? RECORD_OUTCOME_LABELS.unable : v.hazardCount > 0 ? `发现火灾隐患 ${v.hazardCount} 处` : '未发现火灾隐患',
    inspectors: [
      ...v.leadIds.map((id, i) => ({ key: `lead-${i}`, roleLabel: '主办', name: maskPersonName(names.get(id) ?? null) })),
      ...v.assistantIds.map((id, i) => ({ key: `assistant-${i}`, roleLabel: '协办', name: maskPersonName(names.get(id) ?? null) })),
    ],
    rating: v.ratingScore === null ? null : { score: v.ratingScore, scoreLabel: `${v.ratingScore} 分 ${RATING_LABELS[v.ratingScore] ?? ''}`.trim() },
  }));

  const penaltyViews: UnitPenaltyView[] = penalties.map((p) => ({
    number: p.number,
    decidedOn: p.decidedOn!,
    brigadeName: p.orgName,
    penaltyLabel: p.penaltyKind === 'fine' && p.fineAmount !== null ? `罚款 ${formatYuan(p.fineAmount)} 元` : '警告',
    statusLabel:
      p.documentStatus === 'voided'
        ? '决定书已作废'
        : p.status === 'revoked'
          ? p.revokeKind === 'changed' ? '处罚决定已变更' : CASE_STATUS_LABELS.revoked
          : p.penaltyKind === 'fine'
            ? PAYMENT_STATUS_LABELS[p.paymentStatus]
            : CASE_STATUS_LABELS[p.status],
  }));

  return { unitName: unit.name, expiresAt: ctx.session.expiresAt.toISOString(), notices: noticeViews, visits: visitViews, penalties: penaltyViews };
}
