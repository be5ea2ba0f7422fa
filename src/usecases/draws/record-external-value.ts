import { sha256Hex } from '../../domain/crypto/sha256.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkExternalEntry } from '../../domain/draw/external-entries.ts';
import { normalizeExternalValue } from '../../domain/draw/seed.ts';
import { insertExternalEntry, listExternalEntries, listObservers } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableDraw, requireFrozen } from './draw-access.ts';

/**
 * One entry of a published external value (DRAW-SPEC §1.4), accepted after every observer has revealed. The
 * value is confirmed once two different accounts have entered it (domain/draw/external-entries.ts). An entry
 * that disagrees with another account's is kept and audited, and the caller gets CONFLICT — without being told
 * the other value, so the second entry stays a real check: the people at the table read the official
 * announcement again and whoever was wrong enters the right value. Until confirmed, the audit log and the
 * portal show an entry's hash only.
 */
export async function recordExternalValue(ctx: UseCaseContext, drawId: string, input: { source: string; ref: string; value: string }): Promise<{ confirmed: boolean }> {
  requirePermission(ctx.actor, 'draws.manage');
  const value = normalizeExternalValue(input.value);
  if (value === '') throw new DomainError('VALIDATION_FAILED', '开奖号码：不能为空', { field: 'value' });
  const outcome = await ctx.db.transaction(async (tx) => {
    const { draw, org } = await readableDraw(ctx, drawId, tx, true);
    requireFrozen(draw);
    if (!draw.manifest.external.some((e) => e.source === input.source && e.ref === input.ref)) {
      throw new DomainError('VALIDATION_FAILED', '外部随机源：不是抽取清单中指定的来源和期号', { field: 'ref' });
    }
    if ((await listObservers(tx, drawId)).some((o) => !o.reveal)) throw new DomainError('CONFLICT', '所有监督人揭示密钥之后才能录入外部随机数');
    const earlier = (await listExternalEntries(tx, drawId)).filter((e) => e.source === input.source && e.ref === input.ref);
    const check = checkExternalEntry(earlier, { value, enteredBy: ctx.actor.accountId });
    if (!check.ok) {
      throw new DomainError(
        'CONFLICT',
        check.reason === 'ALREADY_CONFIRMED' ? '该期开奖号码已由两名工作人员录入一致，无需再录入' : '您已录入过该号码，须由另一名工作人员复核录入',
      );
    }
    await insertExternalEntry(tx, { drawId, source: input.source, ref: input.ref, value, enteredBy: ctx.actor.accountId, enteredAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'draw.external',
      targetType: 'draw',
      targetId: drawId,
      orgId: org.id,
      summary: {
        drawId: draw.code,
        source: input.source,
        ref: input.ref,
        // The value itself only once confirmed: before that, anyone reading the log could copy it.
        ...(check.confirms ? { value } : { valueSha256: sha256Hex(value) }),
        entry: earlier.length + 1,
        confirmed: check.confirms,
        disagrees: check.disagrees,
      },
    });
    return check;
  });
  if (outcome.disagrees) {
    throw new DomainError('CONFLICT', '与另一名工作人员的录入不一致，尚未确认（本次录入已记录）。请核对官方开奖公告：录错的一方重新录入正确号码', { field: 'value' });
  }
  return { confirmed: outcome.confirms };
}
