import { applicableSnapshot } from '../../domain/records/applicable-lines.ts';
import type { RecordSnapshot } from '../../domain/records/record-types.ts';
import type { DbOrTx } from '../../db/client.ts';
import { checkItemCodesOfDraws, listPublishedVersionsOfItems } from '../../db/field-queries.ts';
import type { DrawRow, TaskRow } from '../../db/draw-queries.ts';
import { loadReinspectionChecklists } from '../reinspections/reinspection-checklists.ts';

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

/**
 * What one task's record is judged against and how its inspection is counted: a drawn task's checklist (history kind
 * routine, or special for a campaign) or a 复查 task's lines from its notice (history kind reinspection, which the
 * frequency rules do not count), and the code the audit and flags name (the draw's, or 「复查 <notice number>」).
 */
export async function loadRecordBasis(
  db: DbOrTx,
  task: TaskRow,
  draw: DrawRow | null,
  unit: { category: string; isCrowded: boolean },
  usedVersionIds: ReadonlySet<string>,
): Promise<{ snapshot: RecordSnapshot; historyKind: 'routine' | 'special' | 'reinspection'; code: string }> {
  if (task.kind === 'reinspection' || draw === null) {
    const checklist = (await loadReinspectionChecklists(db, [task])).get(task.id);
    return { snapshot: { lines: checklist?.lines ?? [] }, historyKind: 'reinspection', code: `复查 ${checklist?.notice.number ?? ''}`.trim() };
  }
  const checklists = await loadTaskChecklists(db, [draw.id]);
  return {
    snapshot: checklists.snapshotOf(draw.id, unit, usedVersionIds),
    historyKind: checklists.kindOf(draw.id) === 'campaign' ? 'special' : 'routine',
    code: draw.code,
  };
}
