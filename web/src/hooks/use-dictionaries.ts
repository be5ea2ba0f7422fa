import type { DictionaryEntryView } from '@contracts/units.ts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DictionaryKind } from '../api/dictionaries.ts';
import { dictionariesQuery } from '../api/dictionaries.ts';

export type DictionaryOption = { value: string; label: string; color: string | null; disabled?: boolean };

export type DictionaryLookup = {
  loading: boolean;
  /** Entries of one kind by sort order (inactive ones included). */
  entries: (kind: DictionaryKind) => DictionaryEntryView[];
  /**
   * Select options: active entries, plus inactive ones listed in `keep` (a record's current values, so an
   * edit form still shows them); values not in the dictionary at all are kept as they are.
   */
  options: (kind: DictionaryKind, keep?: readonly (string | null | undefined)[]) => DictionaryOption[];
  /** The label of a code, or the code itself when the dictionary does not know it. */
  label: (kind: DictionaryKind, code: string | null | undefined) => string | null;
  color: (kind: DictionaryKind, code: string | null | undefined) => string | null;
};

/** GET /api/dictionaries, with helpers for selects and labels. */
export function useDictionaries(): DictionaryLookup {
  const query = useQuery(dictionariesQuery);
  return useMemo(() => {
    const data = query.data ?? {};
    const entries = (kind: DictionaryKind) =>
      [...(data[kind] ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label, 'zh'));
    const find = (kind: DictionaryKind, code: string | null | undefined) =>
      code ? (data[kind] ?? []).find((entry) => entry.code === code) : undefined;
    return {
      loading: query.isPending,
      entries,
      options: (kind, keep = []) => {
        const kept = new Set(keep.filter((value): value is string => Boolean(value)));
        const list: DictionaryOption[] = entries(kind)
          .filter((entry) => entry.active || kept.has(entry.code))
          .map((entry) => ({
            value: entry.code,
            label: entry.active ? entry.label : `${entry.label}（已停用）`,
            color: entry.color,
          }));
        for (const value of kept) {
          if (!list.some((option) => option.value === value)) list.push({ value, label: value, color: null });
        }
        return list;
      },
      label: (kind, code) => (code ? (find(kind, code)?.label ?? code) : null),
      color: (kind, code) => find(kind, code)?.color ?? null,
    };
  }, [query.data, query.isPending]);
}
