import { CHECK_ITEM_FIELD_KEYS, type CheckItemFields, type ChecklistLine } from './check-item.ts';

type DiffedField = (typeof CHECK_ITEM_FIELD_KEYS)[number];
type LineField = Exclude<keyof ChecklistLine, 'code'>;

/** One field whose value differs between two versions. */
export type FieldChange = { field: DiffedField; before: string | null; after: string | null };

/** A checklist line present in both versions (matched by code) whose text, applicability or basis changed. */
export type LineChange = { code: string; before: ChecklistLine; after: ChecklistLine; fields: LineField[] };

export type CheckItemVersionDiff = {
  fields: FieldChange[];
  checklist: {
    added: ChecklistLine[];
    removed: ChecklistLine[];
    changed: LineChange[];
    /** The lines kept in both versions stand in another order. */
    reordered: boolean;
  };
  /** Nothing differs: publishing `after` would publish the same text again. */
  unchanged: boolean;
};

const LINE_FIELDS: readonly LineField[] = ['text', 'appliesTo', 'basis'];

/**
 * What changed from one version of an item to the next, for the history view: each differing field with
 * its old and new value, and the checklist lines added, removed and changed, matched by line code (a line
 * whose code changed counts as one removed and one added). Order of the result follows `after`.
 */
export function diffCheckItemVersions(before: CheckItemFields, after: CheckItemFields): CheckItemVersionDiff {
  const fields: FieldChange[] = [];
  for (const field of CHECK_ITEM_FIELD_KEYS) {
    if (before[field] !== after[field]) fields.push({ field, before: before[field], after: after[field] });
  }
  const beforeByCode = new Map(before.checklist.map((line) => [line.code, line]));
  const afterCodes = new Set(after.checklist.map((line) => line.code));
  const added: ChecklistLine[] = [];
  const changed: LineChange[] = [];
  for (const line of after.checklist) {
    const old = beforeByCode.get(line.code);
    if (!old) {
      added.push(line);
      continue;
    }
    const differing = LINE_FIELDS.filter((key) => old[key] !== line[key]);
    if (differing.length > 0) changed.push({ code: line.code, before: old, after: line, fields: differing });
  }
  const removed = before.checklist.filter((line) => !afterCodes.has(line.code));
  const keptBefore = before.checklist.filter((line) => afterCodes.has(line.code)).map((line) => line.code);
  const keptAfter = after.checklist.filter((line) => beforeByCode.has(line.code)).map((line) => line.code);
  const reordered = keptBefore.some((code, i) => keptAfter[i] !== code);
  return {
    fields,
    checklist: { added, removed, changed, reordered },
    unchanged: fields.length === 0 && added.length === 0 && removed.length === 0 && changed.length === 0 && !reordered,
  };
}
