import { REFERRAL_DEPARTMENT_LABELS, type ReferralDepartment } from '../../domain/cases/case-types.ts';
import { composeReferralLetter } from '../../domain/documents/compose-referral.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { hazardsOfCase, insertReferral, type ReferralRow } from '../../db/case-queries.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadCase } from './load-case.ts';

export type ReferCaseInput = {
  department: ReferralDepartment;
  departmentName: string;
  reason: string;
  attachments: readonly string[];
  contactName: string;
  contactPhone: string;
  sentOn: string;
};

/** 移送 a case to another department (decision 0023) with its 案件移送函, issued with the case. */
export async function referCase(ctx: UseCaseContext, caseId: string, input: ReferCaseInput): Promise<ReferralRow> {
  if (input.sentOn > localDate(ctx.now)) throw new DomainError('VALIDATION_FAILED', '移送日期：不能晚于今天', { field: 'sentOn' });
  return ctx.db.transaction(async (tx) => {
    const { case: c, unit } = await loadCase(ctx, caseId, { db: tx, act: true, forUpdate: true });
    if (c.status === 'closed') throw new DomainError('CONFLICT', '该案件已结案，不能移送');
    if (input.sentOn < c.openedOn) throw new DomainError('VALIDATION_FAILED', `移送日期：不能早于立案日期 ${c.openedOn}`, { field: 'sentOn' });
    const hazards = await hazardsOfCase(tx, c.id);
    const letter = await issueDocument(tx, ctx, {
      orgId: c.orgId,
      unitId: c.unitId,
      type: 'referral_letter',
      issueDate: input.sentOn,
      caseId: c.id,
      compose: (stamp) =>
        composeReferralLetter(stamp, {
          departmentName: input.departmentName,
          party: { kind: 'organisation', name: unit.name, address: unit.address ?? unit.registeredAddress ?? '', uscc: unit.uscc },
          facts: hazards.map((h) => (h.location ? `${h.location}：${h.description}` : h.description)),
          reason: input.reason,
          caseNumber: c.number,
          attachments: input.attachments,
          contact: { name: input.contactName, phone: input.contactPhone },
        }),
      auditSummary: { case: c.number },
    });
    const row = await insertReferral(tx, {
      orgId: c.orgId,
      unitId: c.unitId,
      caseId: c.id,
      hazardIds: hazards.map((h) => h.id),
      department: input.department,
      departmentName: input.departmentName,
      reason: input.reason,
      letterDocumentId: letter.id,
      sentOn: input.sentOn,
      createdBy: ctx.actor.accountId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'referral.send',
      targetType: 'referral',
      targetId: row.id,
      orgId: c.orgId,
      summary: { case: c.number, department: REFERRAL_DEPARTMENT_LABELS[input.department], departmentName: input.departmentName, letter: letter.number, sentOn: input.sentOn },
    });
    return row;
  });
}
