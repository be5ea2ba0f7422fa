import type { ChecklistLine } from '../check-items/check-item.ts';
import { checklistForUnit, type ChecklistUnitFacts } from '../check-items/checklist.ts';
import type { RecordSnapshot } from './record-types.ts';

/** A published version of a 抽查事项 the task is checked against. */
export type PublishedVersion = { versionId: string; itemCode: string; version: number; name: string; checklist: ChecklistLine[] };

/**
 * The checklist a task's record is judged against, as a snapshot: for each 抽查事项 of the task's plan, one published
 * version — the one the record's lines name (a draft stays pinned to the version it was made with, even if a newer
 * one was published since), else the newest — and of it the lines that apply to the unit, in template order.
 * `versions` holds every published version of the items, any order. A record naming two versions of one item gets
 * the first named; the validation then finds the other version's lines unknown.
 */
export function applicableSnapshot(
  versions: readonly PublishedVersion[],
  unit: ChecklistUnitFacts,
  usedVersionIds: ReadonlySet<string> = new Set(),
): RecordSnapshot {
  const byItem = new Map<string, PublishedVersion[]>();
  for (const v of versions) byItem.set(v.itemCode, [...(byItem.get(v.itemCode) ?? []), v]);
  const lines: RecordSnapshot['lines'] = [];
  for (const [itemCode, list] of byItem) {
    const newestFirst = [...list].sort((a, b) => b.version - a.version);
    const chosen = newestFirst.find((v) => usedVersionIds.has(v.versionId)) ?? newestFirst[0]!;
    for (const line of checklistForUnit(chosen.checklist, unit)) {
      lines.push({ versionId: chosen.versionId, itemCode, itemName: chosen.name, version: chosen.version, code: line.code, text: line.text, basis: line.basis });
    }
  }
  return { lines };
}
