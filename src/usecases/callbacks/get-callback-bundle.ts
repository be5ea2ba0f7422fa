import { DomainError } from '../../domain/errors.ts';
import type { DrawBundle } from '../../domain/draw/draw-types.ts';
import { listCallbackExternalEntries } from '../../db/callback-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { drawInputsFrom } from '../draws/draw-result.ts';
import { readableRound } from './callback-access.ts';

/**
 * The XF-SRS/1 bundle of a callback round with a result (executed, or voided after its value was confirmed): the
 * manifest, no observers, the confirmed external values and the result — what `draw-verify` and the portal's verifier
 * check. Ids only (units, 纪检 accounts and brigades by id); kept for 纪检, not published on the portal.
 */
export async function getCallbackBundle(ctx: UseCaseContext, id: string): Promise<{ code: string; bundle: DrawBundle }> {
  const { round } = await readableRound(ctx, id);
  if (!round.result) throw new DomainError('NOT_FOUND', '该回访抽取尚未执行，还没有结果包');
  const { externals } = drawInputsFrom(round.manifest, [], await listCallbackExternalEntries(ctx.db, id));
  return { code: round.code, bundle: { manifest: round.manifest, observers: [], external: externals, result: round.result } };
}
