import { composeSealingDecision } from '../../domain/documents/compose-sealing.ts';
import { emergencySealingDecisionDue, sealingEnds } from '../../domain/deadlines/deadlines.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate, localDateTimeText } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { insertSealing, updateSealing, type SealingRow } from '../../db/case-queries.ts';
import { findHazards } from '../../db/hazard-queries.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadUnitForCases } from './load-case.ts';

export type SealInput = {
  unitId: string;
  hazardIds: readonly string[];
  places: string;
  reason: string;
  emergency: boolean;
  sealedAt: Date;
  decidedAt: Date;
  deciders: string;
};

/**
 * 临时查封 (decision 0023; 消防法 art. 54, 120号令 art. 22–23): decided collectively (when, and who took part) before
 * sealing, or — an emergency seal — within 24 hours after it. It lasts 30 days from the seal, rolled to a working day
 * (a year without calendar data is refused, not guessed). The 临时查封决定书 is issued with it.
 */
export async function seal(ctx: UseCaseContext, input: SealInput): Promise<SealingRow> {
  if (input.sealedAt > ctx.now) throw new DomainError('VALIDATION_FAILED', '查封时间：不能晚于现在', { field: 'sealedAt' });
  if (input.decidedAt > ctx.now) throw new DomainError('VALIDATION_FAILED', '集体议决时间：不能晚于现在', { field: 'decidedAt' });
  if (input.emergency) {
    const due = emergencySealingDecisionDue(input.sealedAt);
    if (input.decidedAt > due) throw new DomainError('VALIDATION_FAILED', `集体议决时间：紧急查封后应在 24 小时内（${localDateTimeText(due)} 前）集体议决`, { field: 'decidedAt' });
  } else if (input.decidedAt > input.sealedAt) {
    throw new DomainError('VALIDATION_FAILED', '集体议决时间：非紧急情况应先经集体议决再实施查封', { field: 'decidedAt' });
  }
  const sealedOn = localDate(input.sealedAt);
  return ctx.db.transaction(async (tx) => {
    const { unit, brigade } = await loadUnitForCases(ctx, input.unitId, { db: tx, act: true });
    const ids = [...new Set(input.hazardIds)];
    const hazards = await findHazards(tx, ids);
    if (hazards.length !== ids.length || hazards.some((h) => h.unitId !== unit.id)) throw new DomainError('NOT_FOUND', '隐患：部分隐患不存在或不属于该单位', { field: 'hazardIds' });
    const sealedUntil = sealingEnds(await loadHolidayCalendar(tx), sealedOn);
    const row = await insertSealing(tx, {
      orgId: brigade.id,
      unitId: unit.id,
      hazardIds: ids,
      places: input.places,
      reason: input.reason,
      emergency: input.emergency,
      decidedAt: input.decidedAt,
      deciders: input.deciders,
      sealedOn,
      sealedUntil,
      createdBy: ctx.actor.accountId,
      createdAt: ctx.now,
    });
    const issueDate = [sealedOn, localDate(input.decidedAt)].sort().at(-1)!;
    const decision = await issueDocument(tx, ctx, {
      orgId: brigade.id,
      unitId: unit.id,
      type: 'sealing_decision',
      issueDate,
      compose: (stamp) =>
        composeSealingDecision(stamp, {
          party: { kind: 'organisation', name: unit.name, address: unit.address ?? unit.registeredAddress ?? '', uscc: unit.uscc },
          reason: input.reason,
          places: input.places,
          sealedOn,
          sealedUntil,
        }),
    });
    await updateSealing(tx, row.id, { decisionDocumentId: decision.id });
    await recordAudit(tx, ctx, {
      action: 'sealing.decide',
      targetType: 'sealing',
      targetId: row.id,
      orgId: brigade.id,
      summary: { unit: unit.name, places: input.places, emergency: input.emergency, sealedOn, sealedUntil, deciders: input.deciders, decidedAt: input.decidedAt.toISOString(), document: decision.number },
    });
    return { ...row, decisionDocumentId: decision.id };
  });
}
