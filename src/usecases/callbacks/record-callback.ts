import type { CallbackRecordRequest } from '../../contracts/callbacks.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkCallbackRecord } from '../../domain/oversight/callbacks.ts';
import { findCallbackUnit, insertCallbackRecord, updateCallbackUnit } from '../../db/callback-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { changeableRound } from './callback-access.ts';

/**
 * A callback record (是否联系上 with the attempts, 满意度 1–5, 是否反映执法人员不当行为 with its text, 备注) by a 纪检 of
 * the round's subtree. Records are append-only: a later record of the same unit supersedes the earlier one, and both
 * stay. The conduct text is kept out of the audit summary (it may name people); the summary says whether one was made.
 */
export async function recordCallback(ctx: UseCaseContext, callbackUnitId: string, input: CallbackRecordRequest): Promise<void> {
  const problem = checkCallbackRecord(input);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem.message, { field: problem.field });
  await ctx.db.transaction(async (tx) => {
    const unit = await findCallbackUnit(tx, callbackUnitId, true);
    if (!unit) throw new DomainError('NOT_FOUND', '回访单位不存在');
    const { round, org } = await changeableRound(ctx, unit.roundId, tx);
    if (round.status !== 'executed') throw new DomainError('CONFLICT', round.status === 'voided' ? '该回访抽取已作废' : '回访抽取执行后才能记录回访');
    if (unit.status === 'replaced' || unit.status === 'cancelled') throw new DomainError('CONFLICT', '该单位已被递补或取消，不再记录回访');
    await insertCallbackRecord(tx, {
      callbackUnitId,
      reached: input.reached,
      attempts: input.attempts,
      satisfaction: input.reached ? input.satisfaction : null,
      conductReported: input.conductReported,
      conductText: input.conductReported ? input.conductText.trim() : '',
      notes: input.notes.trim(),
      recordedBy: ctx.actor.accountId,
      recordedAt: ctx.now,
    });
    if (unit.status !== 'recorded') await updateCallbackUnit(tx, callbackUnitId, { status: 'recorded' });
    await recordAudit(tx, ctx, {
      action: 'callback.record',
      targetType: 'callback_round',
      targetId: round.id,
      orgId: org.id,
      summary: { drawId: round.code, unitId: unit.unitId, reached: input.reached, attempts: input.attempts, satisfaction: input.reached ? input.satisfaction : null, conductReported: input.conductReported },
    });
  });
}
