import { DomainError } from '../../domain/errors.ts';
import { insertCallbackExternalEntry, listCallbackExternalEntries } from '../../db/callback-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { acceptExternalEntry, externalEntrySummary, externalValueOf, throwIfDisagrees } from '../draws/external-entry-step.ts';
import { changeableRound, requireFrozenRound } from './callback-access.ts';

/**
 * One 纪检's entry of the external value named by a callback round (draw-algorithm.md §1.4, as for plan draws): confirmed once
 * two different accounts entered the same value; a disagreeing entry is kept and audited and the caller gets CONFLICT.
 */
export async function recordCallbackExternalValue(ctx: UseCaseContext, roundId: string, input: { source: string; ref: string; value: string }): Promise<{ confirmed: boolean }> {
  const value = externalValueOf(input.value);
  const outcome = await ctx.db.transaction(async (tx) => {
    const { round, org } = await changeableRound(ctx, roundId, tx);
    requireFrozenRound(round);
    if (!round.manifest.external.some((e) => e.source === input.source && e.ref === input.ref)) {
      throw new DomainError('VALIDATION_FAILED', '外部随机源：不是回访抽取清单中指定的来源和期号', { field: 'ref' });
    }
    const earlier = (await listCallbackExternalEntries(tx, roundId)).filter((e) => e.source === input.source && e.ref === input.ref);
    const check = acceptExternalEntry(earlier, { value, enteredBy: ctx.actor.accountId });
    await insertCallbackExternalEntry(tx, { roundId, source: input.source, ref: input.ref, value, enteredBy: ctx.actor.accountId, enteredAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'callback.external',
      targetType: 'callback_round',
      targetId: roundId,
      orgId: org.id,
      summary: { drawId: round.code, ...externalEntrySummary({ ...input, value }, earlier.length + 1, check) },
    });
    return check;
  });
  throwIfDisagrees(outcome);
  return { confirmed: outcome.confirms };
}
