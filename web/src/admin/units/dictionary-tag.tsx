import { Tag } from 'antd';
import type { DictionaryKind } from '../../api/dictionaries.ts';
import type { DictionaryLookup } from '../../hooks/use-dictionaries.ts';

/** A dictionary value (风险等级, 信用等级 …) as a tag in the dictionary's colour; a dash when empty. */
export function DictionaryTag({
  dictionaries,
  kind,
  code,
}: {
  dictionaries: DictionaryLookup;
  kind: DictionaryKind;
  code: string | null | undefined;
}) {
  if (!code) return <>—</>;
  return <Tag color={dictionaries.color(kind, code) ?? undefined}>{dictionaries.label(kind, code)}</Tag>;
}
