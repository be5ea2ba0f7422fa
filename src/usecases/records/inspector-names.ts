import { inspectorNames } from '../../db/draw-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** The names of inspectors (who submitted the records of a list). */
export async function inspectorNamesOf(ctx: UseCaseContext, ids: readonly string[]): Promise<Map<string, string>> {
  return inspectorNames(ctx.db, ids);
}
