import type { Token, Tokens } from 'marked';

/** A heading of the document, for the table of contents and the anchors it links to. */
export type OutlineEntry = { depth: number; text: string; id: string };

/** The text a reader sees in inline tokens: code and emphasis without their Markdown marks. */
export function plainTextOf(tokens: readonly Token[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  return tokens
    .map((token) => {
      const t = token as Tokens.Generic;
      if (Array.isArray(t.tokens) && t.tokens.length > 0) return plainTextOf(t.tokens);
      return typeof t.text === 'string' ? t.text : '';
    })
    .join('');
}

const SECTION_NUMBER = /^(\d+(?:\.\d+)*)\.?\s/;

/**
 * A heading's anchor: its section number when it has one ("5.2 排名规则" → `s5-2`, the same anchor a "§5.2" in the
 * text links to, stable when the title is reworded), else its position among the headings (`h7`).
 */
export function headingIdOf(text: string, index: number): string {
  const number = SECTION_NUMBER.exec(text)?.[1];
  return number ? sectionId(number) : `h${index}`;
}

/** The anchor of section "5.2" (as written after "§"). */
export const sectionId = (number: string) => `s${number.replace(/\./g, '-')}`;

export const isHeading = (token: Token): token is Tokens.Heading => token.type === 'heading';

/** Every heading of the lexed document (its top level), in order, with its anchor (headingIdOf). */
export function outlineOf(tokens: readonly Token[]): OutlineEntry[] {
  return tokens.filter(isHeading).map((h, index) => {
    const text = plainTextOf(h.tokens, h.text);
    return { depth: h.depth, text, id: headingIdOf(text, index) };
  });
}

/**
 * Text split where it names a section ("见 §5.2") that the document has, so that the reference can become a link:
 * strings stay text, `{ section, id }` is the reference.
 */
export function splitSectionRefs(text: string, ids: ReadonlySet<string>): (string | { section: string; id: string })[] {
  const parts: (string | { section: string; id: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(/§(\d+(?:\.\d+)*)/g)) {
    const id = sectionId(match[1]!);
    if (!ids.has(id)) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ section: match[0], id });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
