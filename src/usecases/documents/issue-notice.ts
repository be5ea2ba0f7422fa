import type { IssueNoticeRequest } from '../../contracts/documents.ts';
import { computedDeadlineText } from '../../domain/deadlines/deadline-text.ts';
import { deadlineNoticeServiceDue } from '../../domain/deadlines/deadlines.ts';
import { noticeCorrectionDues } from '../../domain/documents/notice-deadlines.ts';
import { DomainError } from '../../domain/errors.ts';
import { HAZARD_STAGE_LABELS, type HazardStage } from '../../domain/hazards/hazard-stage.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import type { DocumentRow } from '../../db/document-queries.ts';
import { findRecordDetail } from '../../db/field-queries.ts';
import { findHazards, hazardsOfRecord } from '../../db/hazard-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { requireActOnTask } from './document-access.ts';
import { issueDocument } from './issue-document.ts';
import { moveHazards } from './move-hazards.ts';
import { noticeComposer, signersOfTask } from './notice-signers.ts';

/**
 * Issues a 责令限期改正通知书 or 责令立即改正通知书 for hazards of an inspection record (POST /api/records/:id/notices),
 * in one transaction: the next number, the content composed from the hazards and their correction dates, the hazards
 * moved found → ordered. By default every hazard of the record still waiting for a notice. Issuing after the service
 * deadline (3 working days after the inspection) is allowed and flagged late. Refused: a hazard already ordered by a
 * live notice or in a later stage (409), a period missing or a year without holiday data (400).
 */
export async function issueNotice(ctx: UseCaseContext, recordId: string, input: IssueNoticeRequest): Promise<{ document: DocumentRow; late: boolean }> {
  requirePermission(ctx.actor, 'plans.read');
  return ctx.db.transaction(async (tx) => {
    const detail = await findRecordDetail(tx, recordId);
    if (!detail) throw new DomainError('NOT_FOUND', '检查记录不存在');
    requireInScope(ctx.actor, detail.orgPath, '检查记录');
    const { record, task } = detail;
    await requireActOnTask(ctx, tx, detail.orgPath, task.id);

    const ofRecord = await hazardsOfRecord(tx, record.id);
    const ids = input.hazardIds ?? ofRecord.filter((h) => h.stage === 'found').map((h) => h.id);
    if (ids.length === 0) throw new DomainError('CONFLICT', '该检查记录没有待开具文书的隐患');
    if (new Set(ids).size !== ids.length) throw new DomainError('VALIDATION_FAILED', '隐患：不能重复选择', { field: 'hazardIds' });
    const stray = ids.find((id) => !ofRecord.some((h) => h.id === id));
    if (stray) throw new DomainError('VALIDATION_FAILED', '隐患：所选隐患不属于该检查记录', { field: 'hazardIds' });
    const chosen = await findHazards(tx, ids, true);
    for (const h of chosen) {
      if (h.stage === 'ordered') throw new DomainError('CONFLICT', `隐患 ${h.seq}（${h.description.slice(0, 20)}）已在有效的通知书上，请勿重复开具`);
      if (h.stage !== 'found') throw new DomainError('CONFLICT', `隐患 ${h.seq}（${h.description.slice(0, 20)}）当前为「${HAZARD_STAGE_LABELS[h.stage as HazardStage]}」，不能开具通知书`);
    }

    const issueDate = input.issueDate ?? localDate(ctx.now);
    if (issueDate < record.visitDate) throw new DomainError('VALIDATION_FAILED', '成文日期：不能早于检查日期', { field: 'issueDate' });
    if (issueDate > localDate(ctx.now)) throw new DomainError('VALIDATION_FAILED', '成文日期：不能晚于今天', { field: 'issueDate' });
    const calendar = await loadHolidayCalendar(tx);
    const dues = noticeCorrectionDues(calendar, input.type, issueDate, chosen, input.periods);
    const service = computedDeadlineText(calendar, issueDate, () => deadlineNoticeServiceDue(calendar, record.visitDate));
    const late = service.due !== null && issueDate > service.due;

    const document = await issueDocument(tx, ctx, {
      orgId: task.orgId,
      unitId: task.unitId,
      type: input.type,
      issueDate,
      taskId: task.id,
      recordId: record.id,
      compose: noticeComposer(
        { type: input.type, unitName: detail.unitName, inspectedOn: record.visitDate, inspectors: await signersOfTask(tx, task), replaces: null },
        chosen,
        dues,
      ),
      auditSummary: { record: record.id, hazards: chosen.length, serviceDue: service.due, late },
    });
    for (const due of new Set(dues.values())) {
      const group = chosen.filter((h) => dues.get(h.id) === due).map((h) => h.id);
      await moveHazards(tx, ctx, group, 'notice_issued', { noticeId: document.id, correctionDue: due });
    }
    return { document, late };
  });
}
