import { DomainError } from '../errors.ts';
import { decodeText, normalizeLineEnds } from './worksheet-scanner.ts';

/**
 * The shared strings of a workbook (`xl/sharedStrings.xml`) read from its text as it streams, each `<si>` entry as the
 * text Excel shows: its `<t>` runs joined (rich text loses only its formatting), phonetic guides (`<rPh>`) left out,
 * entities and character references decoded, CDATA kept, an empty entry (`<si/>`) as ''. Element names may carry a
 * namespace prefix. As for the worksheet (worksheet-scanner.ts), the XML guard has seen every byte first and holds an
 * entry to its size, so what waits between pieces here (one unfinished entry) stays small; exceljs's SAX reader of
 * the same part was a quarter of a large import's reading time.
 */
export function createSharedStringsScanner(onString: (text: string) => void): { write(text: string): void; end(): void } {
  let buffer = '';
  const scan = (): void => {
    let text = buffer;
    // A comment is skipped whole (it may hold markup); an unfinished one waits for the rest.
    if (text.includes('<!--')) {
      text = text.replace(/<!--[\s\S]*?-->/g, '');
      const open = text.indexOf('<!--');
      if (open >= 0) {
        emitEntries(text.slice(0, open));
        buffer = text.slice(open);
        return;
      }
    }
    buffer = text.slice(emitEntries(text));
  };
  /** Emits every whole entry of `text`; returns where the first unfinished one (or the end) is. */
  const emitEntries = (text: string): number => {
    ENTRY.lastIndex = 0;
    let end = 0;
    for (let m = ENTRY.exec(text); m !== null; m = ENTRY.exec(text)) {
      onString(m[1] === '/>' ? '' : entryText(m[2] ?? ''));
      end = ENTRY.lastIndex;
    }
    // What follows the last whole entry: keep from an entry that has begun, or from a tag not yet ended (it may be
    // one); nothing else of it is needed.
    const rest = text.slice(end);
    const begun = rest.search(ENTRY_START);
    if (begun >= 0) return end + begun;
    const lastTag = rest.lastIndexOf('<');
    return lastTag >= 0 && rest.indexOf('>', lastTag) < 0 ? end + lastTag : text.length;
  };
  return {
    write(text: string): void {
      buffer += text;
      scan();
      if (buffer.length > MAX_PENDING_CHARS) {
        throw new DomainError('PAYLOAD_TOO_LARGE', '文件无法读取：共享字符串表中有一段过长的内容，不是正常的 Excel 文件，已拒绝');
      }
    },
    end(): void {
      scan();
      buffer = '';
    },
  };
}

/** Characters kept between two pieces at most (one unfinished entry; the guard allows an entry of 1 MB). */
const MAX_PENDING_CHARS = 4 * 1024 * 1024;

const NAME = (local: string) => `<(?:[A-Za-z_][\\w.-]*:)?${local}`;
/** A whole `<si>` entry: self-closing, or with its content up to `</si>`. */
const ENTRY = new RegExp(`${NAME('si')}(?=[\\s/>])[^>]*?(\\/>|>([\\s\\S]*?)<\\/(?:[A-Za-z_][\\w.-]*:)?si\\s*>)`, 'g');
const ENTRY_START = new RegExp(`${NAME('si')}(?=[\\s/>]|$)`);
const PHONETIC = new RegExp(`${NAME('rPh')}(?=[\\s/>])[^>]*?(?:\\/>|>[\\s\\S]*?<\\/(?:[A-Za-z_][\\w.-]*:)?rPh\\s*>)`, 'g');
const RUN_TEXT = new RegExp(`${NAME('t')}(?=[\\s/>])[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/(?:[A-Za-z_][\\w.-]*:)?t\\s*>)`, 'g');

/** The text of an entry's content: its `<t>` runs outside phonetic guides, joined. */
function entryText(content: string): string {
  const runs = content.includes('rPh') ? content.replace(PHONETIC, '') : content;
  let text = '';
  RUN_TEXT.lastIndex = 0;
  for (let m = RUN_TEXT.exec(runs); m !== null; m = RUN_TEXT.exec(runs)) text += runText(m[1] ?? '');
  return text;
}

/** A run's characters: CDATA as it is, the rest decoded (line ends normalised as by an XML parser). */
function runText(raw: string): string {
  if (!raw.includes('<![CDATA[')) return decodeText(raw);
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? normalizeLineEnds(part.slice(9, -3)) : decodeText(part)))
    .join('');
}
