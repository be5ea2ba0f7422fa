/**
 * The fixed words both renderers print around a document's content (PDF and .docx print the same paper).
 */

/** 「2026-10-09」 → 「2026年10月9日」 (the long form of a Chinese official date). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A signature's date in long form, or blanks to fill in by hand. */
export function signatureDate(isoDate: string | null): string {
  return isoDate ? chineseDate(isoDate) : BLANK_DATE;
}

/** The addressee as printed, ending in a full-width colon: 「金华市某某有限公司：」. */
export function addresseeLine(addressee: string): string {
  return /[：:]$/.test(addressee) ? addressee : `${addressee}：`;
}

/** The line under the number of a correction: 「本文书更正婺消限字〔2026〕第0001号」. */
export function replacesLine(replaces: string): string {
  return `本文书更正${replaces}`;
}

/** 「年 月 日」 with ideographic spaces to write the date in. */
export const BLANK_DATE = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';
export const SEAL_MARK = '（印章）';
export const VOID_MARK = '作废';
export const RECEIPT_LINE = `被检查单位签收：＿＿＿＿＿＿＿＿\u3000\u3000${BLANK_DATE}`;
export const BLANK_NAME = '＿＿＿＿＿＿＿＿';
