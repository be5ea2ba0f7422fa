/** Column settings of a list (列设置), the pure part: which columns show, and how the choice is stored. */

export type ColumnChoice = { key: string; title: string; locked: boolean };

/** The localStorage key of a list's hidden columns, one per list (`xf.units.hiddenColumns`). */
export const hiddenColumnsKey = (list: string) => `xf.${list}.hiddenColumns`;

/** The hidden column keys stored as JSON; an empty list when nothing, or nothing readable, is stored. */
export function parseHiddenColumns(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The choices offered: every column by its key and title; a locked column (the row's name) cannot be hidden. */
export function columnChoices(columns: readonly { key?: unknown; title?: unknown }[], locked: readonly string[]): ColumnChoice[] {
  return columns.map((column) => ({
    key: String(column.key),
    title: String(column.title),
    locked: locked.includes(String(column.key)),
  }));
}

/** The columns to show: all but the hidden ones; a locked column shows even if an old setting hid it. */
export function visibleColumns<C extends { key?: unknown }>(
  columns: readonly C[],
  hidden: readonly string[],
  locked: readonly string[],
): C[] {
  return columns.filter((column) => locked.includes(String(column.key)) || !hidden.includes(String(column.key)));
}

/** The hidden keys after the user ticked `shown`: the unticked columns that may be hidden. */
export function hiddenAfterChoice(choices: readonly ColumnChoice[], shown: readonly unknown[]): string[] {
  return choices.filter((choice) => !choice.locked && !shown.includes(choice.key)).map((choice) => choice.key);
}
