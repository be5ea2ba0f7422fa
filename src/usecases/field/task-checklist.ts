import { applicableSnapshot } from '../../domain/records/applicable-lines.ts';
import type { RecordSnapshot } from '../../domain/records/record-types.ts';
import type { DbOrTx } from '../../db/client.ts';
import { checkItemCodesOfDraws, listPublishedVersionsOfItems } from '../../db/field-queries.ts';

/**
 * The checklists of tasks: per draw, the 抽查事项 of its plan (monthly plan → annual plan, or the campaign), their
 * published versions, and of them the lines that apply to each unit. Returns a function from a task to its snapshot.
 */
export async function loadTaskChecklists(db: DbOrTx, drawIds: readonly string[]) {
  const codesByDraw = await checkItemCodesOfDraws(db, [...new Set(drawIds)]);
  const allCodes = [...new Set([...codesByDraw.values()].flatMap((c) => c.codes))];
  const versions = await listPublishedVersionsOfItems(db, allCodes);
  return {
    kindOf: (drawId: string) => codesByDraw.get(drawId)?.kind ?? 'monthly_plan',
    snapshotOf: (drawId: string, unit: { category: string; isCrowded: boolean }, usedVersionIds?: ReadonlySet<string>): RecordSnapshot => {
      const codes = new Set(codesByDraw.get(drawId)?.codes ?? []);
      return applicableSnapshot(
        versions.filter((v) => codes.has(v.itemCode)),
        unit,
        usedVersionIds,
      );
    },
  };
}
