import { isUnitDrawable } from '../../domain/registry/unit-rules.ts';
import { checkUscc } from '../../domain/uscc.ts';
import { findProbableDuplicates, listUnitHistory } from '../../db/unit-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { localDate } from '../../domain/local-date.ts';
import { getUnit } from './get-unit.ts';

/** Everything the detail page shows: the record, whether it can be drawn today and why not, warnings, history. */
export async function getUnitDetail(ctx: UseCaseContext, id: string) {
  const { unit, brigade } = await getUnit(ctx, id);
  const drawability = isUnitDrawable(
    { status: unit.status, statusEffectiveOn: unit.statusEffectiveOn, flaggedForReview: unit.flaggedAt !== null, address: unit.address },
    localDate(ctx.now),
  );
  return {
    unit,
    brigade,
    drawability,
    usccWarnings: checkUscc(unit.uscc).warnings,
    probableDuplicates: await findProbableDuplicates(ctx.db, unit),
    history: await listUnitHistory(ctx.db, unit.id),
  };
}
