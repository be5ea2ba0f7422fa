/**
 * Document numbers (文号, decision 0023): a pattern per brigade and document type with the tokens {代字}, {年} and
 * {序号:N} (the sequence, zero-padded to N digits), e.g. the default 「{代字}消限字〔{年}〕第{序号:4}号」 →
 * 「婺消限字〔2026〕第0012号」. The sequence comes from the counter row in the issuing transaction; this file only
 * formats and checks patterns. Pure.
 */
import { DOCUMENT_NUMBER_WORDS, type DocumentType } from './document-types.ts';

/** The counter types: every document type, and 'case' for 立案 numbers. */
export type NumberedType = DocumentType | 'case';

const CASE_WORD = '立';

export function defaultNumberPattern(type: NumberedType): string {
  if (type === 'penalty_decision') return '{代字}消行罚决字〔{年}〕第{序号:6}号';
  const word = type === 'case' ? CASE_WORD : DOCUMENT_NUMBER_WORDS[type];
  return `{代字}消${word}字〔{年}〕第{序号:4}号`;
}

const TOKEN = /\{(代字|年|序号(?::(\d))?)\}/g;

/** Why a pattern cannot number documents (Chinese), or null when it can: it must hold {年} and {序号} once each. */
export function checkNumberPattern(pattern: string): string | null {
  if (pattern.length === 0 || pattern.length > 60) return '文号格式：长度应为 1–60 个字符';
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]!.split(':')[0]!);
  const leftover = pattern.replace(TOKEN, '');
  if (/[{}]/.test(leftover)) return '文号格式：只能使用 {代字}、{年}、{序号} 或 {序号:位数}';
  if (tokens.filter((t) => t === '年').length !== 1) return '文号格式：必须且只能含一个 {年}';
  if (tokens.filter((t) => t === '序号').length !== 1) return '文号格式：必须且只能含一个 {序号}';
  return null;
}

/** Fills a pattern: formatNumber('{代字}消限字〔{年}〕第{序号:4}号', '婺', 2026, 12) → 「婺消限字〔2026〕第0012号」. */
export function formatDocumentNumber(pattern: string, prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer, got ${seq}`);
  return pattern.replace(TOKEN, (_m, token: string, width?: string) => {
    if (token === '代字') return prefix;
    if (token === '年') return String(year);
    return String(seq).padStart(width ? Number(width) : 1, '0');
  });
}

/** The 代字 of a brigade: its own setting, else the first character of its short name (「婺城大队」 → 「婺」). */
export function documentPrefixOf(org: { docPrefix: string | null; shortName: string }): string {
  return org.docPrefix && org.docPrefix.length > 0 ? org.docPrefix : [...org.shortName][0] ?? '';
}
