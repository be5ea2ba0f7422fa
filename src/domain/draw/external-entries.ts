/**
 * The two-person entry of a published external value (draw-algorithm.md §1.4): each entry is one account typing the
 * value it read in the official announcement. A value is confirmed once two different accounts have entered
 * it; an entry that disagrees is kept (and audited) but confirms nothing, so a typo — even the first entry's —
 * is corrected by entering the right value again, never by editing or deleting an entry.
 */
export type ExternalEntry = { value: string; enteredBy: string };

/** The value two different accounts entered, in entry order (the first value to reach two), or null. */
export function confirmedExternalValue(entries: readonly ExternalEntry[]): string | null {
  const accountsByValue = new Map<string, Set<string>>();
  for (const entry of entries) {
    const accounts = accountsByValue.get(entry.value) ?? new Set<string>();
    accounts.add(entry.enteredBy);
    accountsByValue.set(entry.value, accounts);
    if (accounts.size >= 2) return entry.value;
  }
  return null;
}

export type ExternalEntryCheck =
  | { ok: true; confirms: boolean; disagrees: boolean }
  | { ok: false; reason: 'ALREADY_CONFIRMED' | 'SAME_ACCOUNT_SAME_VALUE' };

/**
 * Whether `entry` may be added to `earlier` (the entries of the same source and issue): not once the value is
 * confirmed, and not the same value again by the same account (a second pair of eyes is the point). Says
 * whether it confirms a value and whether it disagrees with another account's entry.
 */
export function checkExternalEntry(earlier: readonly ExternalEntry[], entry: ExternalEntry): ExternalEntryCheck {
  if (confirmedExternalValue(earlier) !== null) return { ok: false, reason: 'ALREADY_CONFIRMED' };
  if (earlier.some((e) => e.enteredBy === entry.enteredBy && e.value === entry.value)) return { ok: false, reason: 'SAME_ACCOUNT_SAME_VALUE' };
  const confirms = confirmedExternalValue([...earlier, entry]) !== null;
  const disagrees = !confirms && earlier.some((e) => e.enteredBy !== entry.enteredBy && e.value !== entry.value);
  return { ok: true, confirms, disagrees };
}
