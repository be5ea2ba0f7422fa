import { DomainError } from '../../domain/errors.ts';
import { nextCallbackAlternate } from '../../domain/oversight/callbacks.ts';
import { findCallbackUnit, insertCallbackUnits, listCallbackRecords, listCallbackUnits, updateCallbackUnit } from '../../db/callback-queries.ts';
import { brigadesOfUnits } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { changeableRound } from './callback-access.ts';

/**
 * 递补 of a callback: a unit whose latest record says it was not reached is replaced by the next alternate of its
 * brigade in the published order (the result's `alternates`), called by the same 回访人 and 记录人 — unless the manifest
 * bars one of them from that unit, then the replacement is refused. Who and why are kept on the new row and audited.
 */
export async function replaceCallbackUnit(ctx: UseCaseContext, callbackUnitId: string, reason: string): Promise<{ unitId: string }> {
  return ctx.db.transaction(async (tx) => {
    const unit = await findCallbackUnit(tx, callbackUnitId, true);
    if (!unit) throw new DomainError('NOT_FOUND', '回访单位不存在');
    const { round, org } = await changeableRound(ctx, unit.roundId, tx);
    if (round.status !== 'executed' || !round.result) throw new DomainError('CONFLICT', round.status === 'voided' ? '该回访抽取已作废' : '回访抽取执行后才能递补');
    if (unit.status !== 'recorded') throw new DomainError('CONFLICT', unit.status === 'replaced' ? '该单位已被递补' : '先记录回访情况（未联系上），再递补');
    const records = (await listCallbackRecords(tx, round.id)).filter((r) => r.record.callbackUnitId === callbackUnitId);
    const latest = records.at(-1)?.record;
    if (!latest || latest.reached) throw new DomainError('CONFLICT', '只有未联系上的单位可以递补');
    const stratum = round.result.strata.find((s) => s.code === unit.stratum);
    const used = new Set((await listCallbackUnits(tx, round.id)).map((u) => u.cu.unitId));
    const next = nextCallbackAlternate(stratum?.alternates ?? [], used);
    if (!next) throw new DomainError('CONFLICT', '该大队公布的备选单位已用完，不能再递补');
    const barred = round.manifest.conflicts.some(([a, u]) => u === next && (a === unit.callerId || a === unit.recorderId));
    if (barred) throw new DomainError('CONFLICT', '下一家备选单位与本单位的回访人或记录人有回避关系，请作废本次回访抽取后重新抽取');
    const rank = (stratum?.selected.length ?? 0) + (stratum?.alternates.indexOf(next) ?? 0) + 1;
    const brigadeOf = await brigadesOfUnits(tx, [next]);
    const id = crypto.randomUUID();
    await insertCallbackUnits(tx, [
      { id, roundId: round.id, unitId: next, brigadeId: brigadeOf.get(next)!, stratum: unit.stratum, rank, callerId: unit.callerId, recorderId: unit.recorderId, replacesId: unit.id, replaceReason: reason, replacedBy: ctx.actor.accountId, createdAt: ctx.now },
    ]);
    await updateCallbackUnit(tx, unit.id, { status: 'replaced' });
    await recordAudit(tx, ctx, {
      action: 'callback.replace',
      targetType: 'callback_round',
      targetId: round.id,
      orgId: org.id,
      summary: { drawId: round.code, fromId: unit.unitId, toId: next, reason },
    });
    return { unitId: next };
  });
}
