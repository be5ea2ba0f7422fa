import { isUnitDrawable } from '../../domain/registry/unit-rules.ts';
import { checkUscc } from '../../domain/uscc.ts';
import { inspectorNames } from '../../db/draw-queries.ts';
import { findProbableDuplicates, listUnitHistory, listUnitInspections, listUnitTasks } from '../../db/unit-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { localDate } from '../../domain/local-date.ts';
import { getUnit } from './get-unit.ts';
import { loadTaskFieldFacts } from '../field/task-field-facts.ts';

/**
 * Everything the detail page shows: the record, whether it can be drawn today and why not, warnings, the record's
 * history, the unit's inspections (every kind) and the tasks drawn for it with their inspectors and
 * latest inspection records.
 */
export async function getUnitDetail(ctx: UseCaseContext, id: string) {
  const { unit, brigade } = await getUnit(ctx, id);
  const drawability = isUnitDrawable(
    { status: unit.status, statusEffectiveOn: unit.statusEffectiveOn, flaggedForReview: unit.flaggedAt !== null, address: unit.address },
    localDate(ctx.now),
  );
  const taskRows = await listUnitTasks(ctx.db, unit.id);
  return {
    unit,
    brigade,
    drawability,
    usccWarnings: checkUscc(unit.uscc).warnings,
    probableDuplicates: await findProbableDuplicates(ctx.db, unit),
    history: await listUnitHistory(ctx.db, unit.id),
    inspections: await listUnitInspections(ctx.db, unit.id),
    tasks: taskRows,
    records: (await loadTaskFieldFacts(ctx.db, taskRows.map((t) => t.task.id))).records,
    inspectorNames: await inspectorNames(ctx.db, taskRows.flatMap((t) => [...t.task.leadIds, ...t.task.assistantIds])),
  };
}
