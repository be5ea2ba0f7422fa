import { lateDecisionProblem } from '../../domain/cases/case-deadlines.ts';
import { PENALTY_KIND_LABELS, PROCEDURE_LABELS, type PenaltyKind, type Procedure } from '../../domain/cases/case-types.ts';
import { checkPenalty, findProvision, formatYuan } from '../../domain/cases/fire-law-provisions.ts';
import { composePenaltyDecision, composePenaltySummary } from '../../domain/documents/compose-penalty.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { findDocumentsByIds, hazardsOfCase, latestVisitDates, updateCase, type CaseRow } from '../../db/case-queries.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadCase } from './load-case.ts';
import { recordPenaltyEntry } from '../publication/record-penalty-entry.ts';
import { standardTextsOfHazards } from '../../db/publication-queries.ts';

export type DecidePenaltyInput = {
  provisionCode: string;
  kind: PenaltyKind;
  amount: number | null;
  procedure: Procedure;
  decidedOn: string;
  officers: readonly string[];
};

/**
 * 作出处罚决定 (decision 0023): the penalty is checked against the provision's range and the procedure's limits (a
 * 400 naming the field), the decision date against the 90-day period from opening; then the 行政处罚决定书 (or the
 * 当场行政处罚决定书 of the summary procedure) is issued with the case, and the case is decided — a fine then awaits
 * payment.
 */
export async function decidePenalty(ctx: UseCaseContext, caseId: string, input: DecidePenaltyInput): Promise<CaseRow> {
  const amount = input.kind === 'warning' && input.amount === 0 ? null : input.amount;
  return ctx.db.transaction(async (tx) => {
    const { case: c, unit, org: { name: orgName } } = await loadCase(ctx, caseId, { db: tx, act: true, forUpdate: true });
    if (c.status !== 'open') throw new DomainError('CONFLICT', '该案件已作出决定或已结案，不能再次作出处罚决定');
    const problems = checkPenalty({ provisionCode: input.provisionCode, partyKind: c.partyKind, kind: input.kind, amount, procedure: input.procedure });
    if (problems.length > 0) {
      throw new DomainError('VALIDATION_FAILED', problems[0]!.message, { field: problems[0]!.field, problems: problems.map((p) => p.message) });
    }
    const today = localDate(ctx.now);
    if (input.decidedOn > today) throw new DomainError('VALIDATION_FAILED', '决定日期：不能晚于今天', { field: 'decidedOn' });
    if (input.decidedOn < c.openedOn) throw new DomainError('VALIDATION_FAILED', `决定日期：不能早于立案日期 ${c.openedOn}`, { field: 'decidedOn' });
    const late = lateDecisionProblem(await loadHolidayCalendar(tx), c.openedOn, input.decidedOn);
    if (late) throw new DomainError('VALIDATION_FAILED', late, { field: 'decidedOn' });
    const provision = findProvision(input.provisionCode)!;
    const hazards = await hazardsOfCase(tx, c.id);
    const party = { kind: c.partyKind, name: c.partyName, address: unit.address ?? unit.registeredAddress ?? '', uscc: c.partyKind === 'organisation' ? unit.uscc : null };
    const facts = hazards.map((h) => ({ description: h.description, location: h.location }));
    const type: DocumentType = input.procedure === 'summary' ? 'penalty_summary' : 'penalty_decision';
    let compose;
    if (type === 'penalty_summary') {
      const officers = input.officers.length > 0 ? input.officers : [ctx.actor.displayName];
      compose = (stamp: Parameters<typeof composePenaltySummary>[0]) =>
        composePenaltySummary(stamp, { party, hazards: facts, citation: provision.citation, kind: input.kind, amount, decidedOn: input.decidedOn, place: party.address, officers });
    } else {
      const noticeIds = [...new Set(hazards.flatMap((h) => (h.noticeId ? [h.noticeId] : [])))];
      const notices = await findDocumentsByIds(tx, noticeIds);
      const notice = notices.sort((a, b) => a.issueDate.localeCompare(b.issueDate))[0];
      const reinspectionTasks = [...new Set(hazards.flatMap((h) => (h.reinspectionTaskId ? [h.reinspectionTaskId] : [])))];
      const visits = [...(await latestVisitDates(tx, reinspectionTasks)).values()].sort();
      const reinspection = visits.length > 0 ? { date: visits.at(-1)!, corrected: false } : null;
      compose = (stamp: Parameters<typeof composePenaltyDecision>[0]) =>
        composePenaltyDecision(stamp, {
          party,
          hazards: facts,
          notice: notice ? { title: DOCUMENT_TYPE_LABELS[notice.docType as DocumentType] ?? '责令改正通知书', number: notice.number, issueDate: notice.issueDate } : null,
          reinspection,
          citation: provision.citation,
          kind: input.kind,
          amount,
        });
    }
    const document = await issueDocument(tx, ctx, { orgId: c.orgId, unitId: c.unitId, type, issueDate: input.decidedOn, caseId: c.id, compose, auditSummary: { case: c.number } });
    const patch = {
      status: 'decided' as const,
      procedure: input.procedure,
      provisionCode: provision.code,
      penaltyKind: input.kind,
      fineAmount: input.kind === 'fine' ? amount : null,
      decidedOn: input.decidedOn,
      decisionDocumentId: document.id,
      paymentStatus: input.kind === 'fine' ? ('unpaid' as const) : ('not_applicable' as const),
      updatedAt: ctx.now,
    };
    await updateCase(tx, c.id, patch);
    await recordPenaltyEntry(tx, ctx, {
      case: c,
      brigadeName: orgName,
      unit,
      decisionNumber: document.number,
      decidedOn: input.decidedOn,
      citation: provision.citation,
      penaltyKind: input.kind,
      fineAmount: input.kind === 'fine' ? amount : null,
      facts: await standardTextsOfHazards(tx, hazards),
    });
    await recordAudit(tx, ctx, {
      action: 'case.decide',
      targetType: 'case',
      targetId: c.id,
      orgId: c.orgId,
      summary: {
        number: c.number,
        provision: provision.citation,
        penalty: input.kind === 'fine' ? `${PENALTY_KIND_LABELS.fine} ${formatYuan(amount ?? 0)} 元` : PENALTY_KIND_LABELS.warning,
        procedure: PROCEDURE_LABELS[input.procedure],
        decidedOn: input.decidedOn,
        document: document.number,
      },
    });
    return { ...c, ...patch };
  });
}
