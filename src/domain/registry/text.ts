/**
 * Small text folds shared by the registry rules and the import: Chinese office files mix full-width and
 * half-width forms, ideographic spaces, non-breaking spaces and invisible zero-width characters.
 */

/** What foldFullWidth changes: text without any of it is returned as it is (one scan, no new string). */
const FULL_WIDTH_OR_WIDE_SPACE = /[\uFF01-\uFF5E\u3000\u00A0]/;

/** Full-width ASCII (！–～) to half-width, ideographic and non-breaking spaces to a plain space. */
export function foldFullWidth(text: string): string {
  if (!FULL_WIDTH_OR_WIDE_SPACE.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00A0]/g, ' ');
}

/** Zero-width spaces and joiners and the BOM, which copy-paste leaves in cells. */
export function stripInvisible(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
}

const WHITESPACE_OR_INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/;

/**
 * A cell as a person means it: invisible characters removed, every run of whitespace (line breaks, tabs,
 * ideographic spaces) made one space, trimmed. Letters and punctuation are kept as written.
 */
export function cleanCell(text: string): string {
  // Most cells hold neither whitespace (\s includes U+3000 and U+FEFF) nor invisible characters: nothing to change.
  if (!WHITESPACE_OR_INVISIBLE.test(text)) return text;
  return stripInvisible(text)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}
