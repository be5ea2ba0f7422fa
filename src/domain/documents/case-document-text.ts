/**
 * What the case documents (行政处罚决定书, 当场行政处罚决定书, 临时查封决定书, 解除临时查封决定书, 案件移送函) share:
 * the stamp issueDocument gives, the party, dates in words and the remedy sentences. Pure.
 */
import type { PartyKind } from '../cases/case-types.ts';

/** Given by issueDocument once the number is taken (the same shape as its DocumentStamp). */

/** The party as printed: its kind, name, address and (an organisation's) unified social credit code. */
export type DocumentParty = { kind: PartyKind; name: string; address: string; uscc: string | null };

/** 「2026-12-05」 → 「2026年12月5日」. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The 复议 (60 days) and 诉讼 (6 months) sentence every decision carries (行政复议法 art. 20, 行政诉讼法 art. 46). */
export const REMEDY_SENTENCE =
  '如不服本决定，可以在收到本决定书之日起六十日内依法向上一级消防救援机构或者本级人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';

/** 「你单位」 for an organisation, 「你」 for a person. */
export function partyPronoun(kind: PartyKind): string {
  return kind === 'organisation' ? '你单位' : '你';
}

/** The party's label–value rows: 当事人, 地址 (住址), and an organisation's 统一社会信用代码. */
export function partyRows(party: DocumentParty): { label: string; value: string }[] {
  const rows = [
    { label: '当事人', value: party.name },
    { label: party.kind === 'organisation' ? '地址' : '住址', value: party.address },
  ];
  if (party.kind === 'organisation') rows.push({ label: '统一社会信用代码', value: party.uscc ?? '' });
  return rows;
}
