import { DomainError } from '../../domain/errors.ts';
import { normalizeExternalValue } from '../../domain/draw/seed.ts';
import { drawExternalEntries } from '../../db/schema.ts';
import { listExternalEntries, listObservers } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { manifestOf, readableDraw, requireFrozen } from './draw-access.ts';

/**
 * One entry of a published external value (DRAW-SPEC §1.4): accepted after every observer has revealed; each
 * value must be entered by two different accounts and the entries must agree (after whitespace
 * normalisation). An entry that disagrees with an earlier one is refused (nothing is stored): the people at
 * the table check the official announcement and enter it again.
 */
export async function recordExternalValue(ctx: UseCaseContext, drawId: string, input: { source: string; ref: string; value: string }): Promise<{ confirmed: boolean }> {
  requirePermission(ctx.actor, 'draws.manage');
  const value = normalizeExternalValue(input.value);
  if (value === '') throw new DomainError('VALIDATION_FAILED', '开奖号码：不能为空', { field: 'value' });
  return ctx.db.transaction(async (tx) => {
    const { draw, org } = await readableDraw(ctx, drawId, tx, true);
    requireFrozen(draw);
    if (!manifestOf(draw).external.some((e) => e.source === input.source && e.ref === input.ref)) {
      throw new DomainError('VALIDATION_FAILED', '外部随机源：不是抽取清单中指定的来源和期号', { field: 'ref' });
    }
    if ((await listObservers(tx, drawId)).some((o) => !o.reveal)) throw new DomainError('CONFLICT', '所有监督人揭示密钥之后才能录入外部随机数');
    const entries = (await listExternalEntries(tx, drawId)).filter((e) => e.source === input.source && e.ref === input.ref);
    if (entries.some((e) => e.enteredBy === ctx.actor.accountId)) throw new DomainError('CONFLICT', '同一账号不能重复录入，须由另一名工作人员复核录入');
    const mismatch = entries.find((e) => e.value !== value);
    if (mismatch) throw new DomainError('CONFLICT', `两次录入不一致：已录入「${mismatch.value}」，本次「${value}」。请核对官方开奖公告`);
    await tx.insert(drawExternalEntries).values({ drawId, source: input.source, ref: input.ref, value, enteredBy: ctx.actor.accountId, enteredAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'draw.external', targetType: 'draw', targetId: drawId, orgId: org.id, summary: { drawId: draw.code, source: input.source, ref: input.ref, value, entry: entries.length + 1 } });
    return { confirmed: entries.length + 1 >= 2 };
  });
}
