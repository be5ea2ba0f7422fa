import { DomainError } from '../../domain/errors.ts';
import { insertExternalEntry, listExternalEntries, listObservers } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableDraw, requireFrozen } from './draw-access.ts';
import { acceptExternalEntry, externalEntrySummary, externalValueOf, throwIfDisagrees } from './external-entry-step.ts';

/**
 * One entry of a published external value (draw-algorithm.md §1.4), accepted after every observer has revealed. The
 * value is confirmed once two different accounts have entered it (domain/draw/external-entries.ts). An entry
 * that disagrees with another account's is kept and audited, and the caller gets CONFLICT — without being told
 * the other value, so the second entry stays a real check: the people at the table read the official
 * announcement again and whoever was wrong enters the right value. Until confirmed, the audit log and the
 * portal show an entry's hash only.
 */
export async function recordExternalValue(ctx: UseCaseContext, drawId: string, input: { source: string; ref: string; value: string }): Promise<{ confirmed: boolean }> {
  requirePermission(ctx.actor, 'draws.manage');
  const value = externalValueOf(input.value);
  const outcome = await ctx.db.transaction(async (tx) => {
    const { draw, org } = await readableDraw(ctx, drawId, tx, true);
    requireFrozen(draw);
    if (!draw.manifest.external.some((e) => e.source === input.source && e.ref === input.ref)) {
      throw new DomainError('VALIDATION_FAILED', '外部随机源：不是抽取清单中指定的来源和期号', { field: 'ref' });
    }
    if ((await listObservers(tx, drawId)).some((o) => !o.reveal)) throw new DomainError('CONFLICT', '所有监督人揭示密钥之后才能录入外部随机数');
    const earlier = (await listExternalEntries(tx, drawId)).filter((e) => e.source === input.source && e.ref === input.ref);
    const check = acceptExternalEntry(earlier, { value, enteredBy: ctx.actor.accountId });
    await insertExternalEntry(tx, { drawId, source: input.source, ref: input.ref, value, enteredBy: ctx.actor.accountId, enteredAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'draw.external',
      targetType: 'draw',
      targetId: drawId,
      orgId: org.id,
      summary: { drawId: draw.code, ...externalEntrySummary({ ...input, value }, earlier.length + 1, check) },
    });
    return check;
  });
  throwIfDisagrees(outcome);
  return { confirmed: outcome.confirms };
}
