import { PROCEDURE_LABELS, type PartyKind, type Procedure } from '../../domain/cases/case-types.ts';
import { defaultNumberPattern, documentPrefixOf, formatDocumentNumber } from '../../domain/documents/document-number.ts';
import { DomainError } from '../../domain/errors.ts';
import { HAZARD_EVENT_LABELS, HAZARD_STAGE_LABELS, type HazardStage } from '../../domain/hazards/hazard-stage.ts';
import { localDate } from '../../domain/local-date.ts';
import { insertCase, type CaseRow } from '../../db/case-queries.ts';
import { allocateSequence, findNumberPattern, findOrgForDocuments } from '../../db/document-queries.ts';
import { findHazards, updateHazard } from '../../db/hazard-queries.ts';
import { moveHazards } from '../documents/move-hazards.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadUnitForCases } from './load-case.ts';

export type OpenCaseInput = {
  unitId: string;
  hazardIds: readonly string[];
  reason: string;
  procedure: Procedure;
  partyKind: PartyKind;
  partyName?: string | undefined;
  /** A natural person under 18 (nothing about the penalty is ever published). */
  partyMinor?: boolean | undefined;
  openedOn?: string | undefined;
};

const MOVABLE: readonly HazardStage[] = ['found', 'ordered', 'reinspection'];

/**
 * 立案 (decision 0023) for hazards of one unit. Hazards still being followed (found / ordered / reinspection) move to
 * 立案查处中 with the case; hazards a 复查 already sent to 立案 (stage case, no case yet: 待立案) just get the case. The
 * number comes from the brigade's 'case' counter in this transaction. The party is the unit unless told otherwise.
 */
export async function openCase(ctx: UseCaseContext, input: OpenCaseInput): Promise<CaseRow> {
  const today = localDate(ctx.now);
  const openedOn = input.openedOn ?? today;
  if (openedOn > today) throw new DomainError('VALIDATION_FAILED', '立案日期：不能晚于今天', { field: 'openedOn' });
  if (input.partyKind === 'person' && !input.partyName) throw new DomainError('VALIDATION_FAILED', '当事人：当事人为个人时必须填写姓名', { field: 'partyName' });
  return ctx.db.transaction(async (tx) => {
    const { unit, brigade } = await loadUnitForCases(ctx, input.unitId, { db: tx, act: true });
    const ids = [...new Set(input.hazardIds)];
    const rows = await findHazards(tx, ids, true);
    if (rows.length !== ids.length || rows.some((h) => h.unitId !== unit.id)) throw new DomainError('NOT_FOUND', '隐患：部分隐患不存在或不属于该单位', { field: 'hazardIds' });
    for (const h of rows) {
      const pending = h.stage === 'case' && h.caseId === null;
      if (!pending && !MOVABLE.includes(h.stage)) {
        const why = h.stage === 'case' ? '已在其他案件中' : `当前为「${HAZARD_STAGE_LABELS[h.stage]}」`;
        throw new DomainError('CONFLICT', `隐患 ${h.seq}（${h.description.slice(0, 20)}）${why}，不能立案`, { field: 'hazardIds' });
      }
    }
    const org = await findOrgForDocuments(tx, brigade.id);
    if (!org) throw new DomainError('NOT_FOUND', '单位所属大队不存在');
    const year = Number(openedOn.slice(0, 4));
    const pattern = (await findNumberPattern(tx, brigade.id, 'case')) ?? defaultNumberPattern('case');
    const seq = await allocateSequence(tx, brigade.id, 'case', year);
    const number = formatDocumentNumber(pattern, documentPrefixOf(org), year, seq);
    const row = await insertCase(tx, {
      id: crypto.randomUUID(),
      orgId: brigade.id,
      unitId: unit.id,
      number,
      openedOn,
      openedBy: ctx.actor.accountId,
      reason: input.reason,
      partyKind: input.partyKind,
      partyName: input.partyName ?? unit.name,
      partyMinor: input.partyKind === 'person' && input.partyMinor === true,
      procedure: input.procedure,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const toMove = rows.filter((h) => MOVABLE.includes(h.stage)).map((h) => h.id);
    if (toMove.length > 0) await moveHazards(tx, ctx, toMove, 'case_opened', { caseId: row.id });
    for (const h of rows.filter((r) => r.stage === 'case')) {
      await updateHazard(tx, h.id, { caseId: row.id, updatedAt: ctx.now });
      await recordAudit(tx, ctx, {
        action: 'hazard.stage',
        targetType: 'hazard',
        targetId: h.id,
        orgId: h.orgId,
        summary: { event: HAZARD_EVENT_LABELS.case_opened, from: HAZARD_STAGE_LABELS.case, to: HAZARD_STAGE_LABELS.case, task: h.taskId, caseId: row.id },
      });
    }
    await recordAudit(tx, ctx, {
      action: 'case.open',
      targetType: 'case',
      targetId: row.id,
      orgId: brigade.id,
      summary: { number, unit: unit.name, party: row.partyName, procedure: PROCEDURE_LABELS[input.procedure], hazards: rows.length, openedOn },
    });
    return row;
  });
}
