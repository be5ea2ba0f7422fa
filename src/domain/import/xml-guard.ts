/**
 * A watchman for the XML of an .xlsx part, fed the inflated bytes before the XML parser sees them (decision 0014).
 * An XML parser holds each token whole — a text node, a tag with its attributes, a comment — and exceljs holds a
 * whole row, so a 300 MB cell becomes a 300 MB string before anyone can look at it. The guard scans the bytes as
 * they stream (a small state machine over `<`, `>`, quotes, comments and CDATA; no strings are built) and refuses
 * the part as soon as
 * - the part inflates to more bytes than its zip entry declared (declared sizes are checked first, but can lie);
 * - one token is longer than `maxTokenBytes`;
 * - one cell (`<c>` in a worksheet, `<si>` in the shared strings) is longer than `maxCellBytes`, or one row
 *   (`<row>`) longer than `maxRowBytes`;
 * - the shared strings hold more than `maxSharedStrings` entries;
 * - it has a document type declaration (`<!DOCTYPE`: entity tricks; Excel never writes one).
 * Messages are Chinese and name the cell (「第 12 行第 3 列（C12）」), row or entry. Pure: bytes in, errors out.
 */
import { DomainError } from '../errors.ts';
import { MAX_IMPORT_CELL_CHARS, notAnXlsxFileError } from './import-table.ts';

export type XmlGuardOptions = {
  /** The zip entry's name, for messages. */
  partName: string;
  /** What the part is to the user: 「工作表」, 「共享字符串表」 … */
  label: string;
  /** The size the zip entry declared: more inflated bytes than this is a lie. */
  declaredBytes: number;
  maxTokenBytes: number;
  /** For worksheets (`<c>`) and shared strings (`<si>`). */
  maxCellBytes?: number;
  /** For worksheets. */
  maxRowBytes?: number;
  /** For shared strings. */
  maxSharedStrings?: number;
};

export type XmlGuard = {
  /** Scans the next inflated bytes; throws a DomainError when a limit is passed. */
  write(chunk: Uint8Array): void;
  /** The bytes scanned so far. */
  readonly bytes: number;
};

// The scanner's states: in text, just after '<', in the element name, in a tag, in a quoted attribute value, after
// "<!", in a comment, in a CDATA section, in a processing instruction.
const CONTENT = 0;
const TAG_START = 1;
const TAG_NAME = 2;
const TAG = 3;
const TAG_QUOTE = 4;
const BANG_OPENING = 5;
const COMMENT = 6;
const CDATA = 7;
const PI = 8;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;

/** Elements whose size the guard watches: a row, a cell, a shared string. */
const NOT_WATCHED = 0;
const ROW = 1;
const CELL = 2;
const SHARED_STRING = 3;

const MIB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round((bytes / MIB) * 10) / 10} MB`;
const count = (n: number) => n.toLocaleString('en-US');
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** The column number of letters such as "C" or "AB" (1-based). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The value of the `r` attribute in the bytes of a start tag, or null. */
function referenceIn(tag: Uint8Array): string | null {
  let text = '';
  for (const b of tag) text += String.fromCharCode(b);
  return /\sr\s*=\s*["']([^"']{1,20})["']/.exec(text)?.[1] ?? null;
}

/** Local element names packed into a number as the bytes go by (no string per tag): `c`, `row`, `si`. */
const NAME_C = 0x63;
const NAME_ROW = 0x726f77;
const NAME_SI = 0x7369;
/** The start tags of rows and cells are kept up to this many bytes, to name them in a message. */
const KEPT_TAG_BYTES = 256;

/** Creates a guard for one part (see the module comment). */
export function createXmlGuard(options: XmlGuardOptions): XmlGuard {
  const { maxTokenBytes } = options;
  const maxCellBytes = options.maxCellBytes ?? Infinity;
  const maxRowBytes = options.maxRowBytes ?? Infinity;
  const maxSharedStrings = options.maxSharedStrings ?? Infinity;

  let base = 0; // offset of the current chunk in the part
  let state: number = CONTENT;
  let tokenStart = 0; // where the current text run or markup began
  let closing = false;
  let nameCode = 0;
  let nameLength = 0;
  let watched: number = NOT_WATCHED;
  let quote = 0;
  let previous = 0; // the byte before, inside a tag or a processing instruction
  let run = 0; // dashes before '>' in a comment, brackets before '>' in CDATA
  let opening = ''; // what follows "<!"

  let rowStart = -1;
  let rows = 0;
  let cellStart = -1;
  let sharedStringStart = -1;
  let sharedStrings = 0;
  // The start tag being read (when it is a row's or a cell's), and the last row's and cell's start tags.
  // Three buffers that change roles (no copying): the tag being read becomes the last row's or cell's, whose buffer
  // takes the next tag.
  let keeping = false;
  let tag = new Uint8Array(KEPT_TAG_BYTES);
  let tagLength = 0;
  let rowTag = new Uint8Array(KEPT_TAG_BYTES);
  let rowTagLength = 0;
  let cellTag = new Uint8Array(KEPT_TAG_BYTES);
  let cellTagLength = 0;

  /** The row being read: its `r`, or its position when it has none (rows without `r` follow one another). */
  const rowNumber = (): number => {
    const reading = keeping && watched === ROW;
    const r = reading ? referenceIn(tag.subarray(0, tagLength)) : referenceIn(rowTag.subarray(0, rowTagLength));
    return r !== null && /^\d+$/.test(r) ? Number(r) : reading ? rows + 1 : rows;
  };

  const cellTooLong = (): never => {
    const reading = keeping && watched === CELL;
    const ref = reading ? referenceIn(tag.subarray(0, tagLength)) : referenceIn(cellTag.subarray(0, cellTagLength));
    const match = ref === null ? null : /^([A-Z]{1,3})(\d+)$/.exec(ref);
    const where = match
      ? `第 ${match[2]} 行第 ${columnNumber(match[1]!)} 列（${ref}）的内容`
      : `第 ${rowNumber()} 行有一个单元格的内容`;
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `${where}过长：超过 ${megabytes(maxCellBytes)}（一个单元格最多 ${count(MAX_IMPORT_CELL_CHARS)} 个字符），已拒绝`,
    );
  };
  const sharedStringTooLong = (): never => {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `文件中第 ${count(sharedStrings)} 个文本（共享字符串）过长：超过 ${megabytes(maxCellBytes)}（一个单元格最多 ${count(MAX_IMPORT_CELL_CHARS)} 个字符），已拒绝`,
    );
  };
  const rowTooLong = (): never => {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `第 ${rowNumber()} 行的内容超过 ${megabytes(maxRowBytes)}，已拒绝：请检查该行是否有异常的单元格`,
    );
  };

  /** Element sizes at `end` (an offset in the part). */
  const checkElements = (end: number): void => {
    if (cellStart >= 0 && end - cellStart > maxCellBytes) cellTooLong();
    if (sharedStringStart >= 0 && end - sharedStringStart > maxCellBytes) sharedStringTooLong();
    if (rowStart >= 0 && end - rowStart > maxRowBytes) rowTooLong();
  };

  /** The token that began at tokenStart is `length` bytes long so far. */
  const checkToken = (length: number): void => {
    if (length <= maxTokenBytes) return;
    if (cellStart >= 0 || (keeping && watched === CELL)) cellTooLong();
    if (sharedStringStart >= 0) sharedStringTooLong();
    const near = rows > 0 || (keeping && watched === ROW) ? `（第 ${rowNumber()} 行附近）` : '';
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `文件无法读取：${options.label}（${options.partName}）中有一段超过 ${megabytes(maxTokenBytes)} 的内容${near}，不是正常的 Excel 文件，已拒绝`,
    );
  };

  /** Keeps bytes [from, to) of the chunk as part of the start tag being read (a byte loop: a tag is a few bytes). */
  const keep = (chunk: Uint8Array, from: number, to: number): void => {
    if (!keeping) return;
    const end = Math.min(to, from + KEPT_TAG_BYTES - tagLength);
    for (let i = from; i < end; i++) tag[tagLength++] = chunk[i]!;
  };

  /** The element name has ended: which watched element, if any, the tag is. */
  const nameEnded = (): void => {
    const code = nameLength <= 3 ? nameCode : -1;
    watched = code === NAME_ROW ? ROW : code === NAME_C ? CELL : code === NAME_SI ? SHARED_STRING : NOT_WATCHED;
    keeping = !closing && (watched === ROW || watched === CELL);
    tagLength = 0;
  };

  /** A start or end tag has ended at offset `end` (the '>'). */
  const endTag = (end: number, selfClosing: boolean): void => {
    keeping = false;
    if (closing) {
      checkElements(end + 1);
      if (watched === ROW) rowStart = -1;
      else if (watched === CELL) cellStart = -1;
      else if (watched === SHARED_STRING) sharedStringStart = -1;
      return;
    }
    if (watched === ROW) {
      rows++;
      const free = rowTag;
      rowTag = tag;
      tag = free;
      rowTagLength = tagLength;
      rowStart = selfClosing ? -1 : tokenStart;
    } else if (watched === CELL) {
      const free = cellTag;
      cellTag = tag;
      tag = free;
      cellTagLength = tagLength;
      cellStart = selfClosing ? -1 : tokenStart;
    } else if (watched === SHARED_STRING) {
      sharedStrings++;
      if (sharedStrings > maxSharedStrings) {
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `文件中的文本（共享字符串）超过 ${count(maxSharedStrings)} 个，已拒绝：请拆分后分批导入`,
        );
      }
      sharedStringStart = selfClosing ? -1 : tokenStart;
    }
    checkElements(end + 1);
  };

  /** Back to text after markup that ended at offset `end` (the '>'). */
  const endMarkup = (end: number): void => {
    checkToken(end + 1 - tokenStart);
    checkElements(end + 1);
    state = CONTENT;
    tokenStart = end + 1;
  };

  return {
    get bytes() {
      return base;
    },
    write(chunk: Uint8Array): void {
      if (base + chunk.length > options.declaredBytes) {
        throw new DomainError(
          'UNSUPPORTED_FILE',
          `文件已损坏或被篡改：${options.label}（${options.partName}）解压后的大小超过了文件目录中声明的 ${count(options.declaredBytes)} 字节，疑似压缩炸弹，已拒绝`,
        );
      }
      const n = chunk.length;
      let i = 0;
      let tagFrom = 0; // where this chunk's part of the start tag being read begins
      while (i < n) {
        switch (state) {
          case CONTENT: {
            const lt = chunk.indexOf(LT, i);
            if (lt < 0) {
              checkToken(base + n - tokenStart);
              i = n;
              break;
            }
            checkToken(base + lt - tokenStart);
            tokenStart = base + lt;
            state = TAG_START;
            i = lt + 1;
            break;
          }
          case TAG_START: {
            const b = chunk[i]!;
            if (b === BANG) {
              state = BANG_OPENING;
              opening = '';
            } else if (b === QUESTION) {
              state = PI;
              previous = 0;
            } else {
              closing = b === SLASH;
              nameCode = closing ? 0 : b;
              nameLength = closing ? 0 : 1;
              state = TAG_NAME;
            }
            i++;
            break;
          }
          case TAG_NAME: {
            const b = chunk[i]!;
            if (isSpace(b) || b === SLASH || b === GT) {
              nameEnded();
              tagFrom = i;
              state = TAG;
              previous = 0;
              break; // the byte is read again as part of the tag
            }
            if (b === COLON) {
              // A namespace prefix (x:row): only the local name counts.
              nameCode = 0;
              nameLength = 0;
            } else {
              nameLength++;
              if (nameLength <= 3) nameCode = nameCode * 256 + b;
            }
            i++;
            break;
          }
          case TAG: {
            for (; i < n; i++) {
              const b = chunk[i]!;
              if (b === GT) {
                keep(chunk, tagFrom, i + 1);
                checkToken(base + i + 1 - tokenStart);
                endTag(base + i, previous === SLASH);
                state = CONTENT;
                tokenStart = base + i + 1;
                i++;
                break;
              }
              if (b === QUOTE || b === APOSTROPHE) {
                quote = b;
                state = TAG_QUOTE;
                i++;
                break;
              }
              previous = b;
            }
            break;
          }
          case TAG_QUOTE: {
            const end = chunk.indexOf(quote, i);
            if (end < 0) {
              i = n;
              break;
            }
            state = TAG;
            previous = 0;
            i = end + 1;
            break;
          }
          case BANG_OPENING: {
            // "<!--" opens a comment, "<![CDATA[" a CDATA section; anything else (<!DOCTYPE, <!ENTITY) is refused.
            opening += String.fromCharCode(chunk[i]!);
            i++;
            if (opening === '--') {
              state = COMMENT;
              run = 0;
            } else if (opening === '[CDATA[') {
              state = CDATA;
              run = 0;
            } else if (!'--'.startsWith(opening) && !'[CDATA['.startsWith(opening)) {
              throw notAnXlsxFileError();
            }
            break;
          }
          case COMMENT:
          case CDATA: {
            // A comment ends at "-->", a CDATA section at "]]>".
            const mark = state === COMMENT ? DASH : CLOSE_BRACKET;
            for (; i < n; i++) {
              const b = chunk[i]!;
              if (b === GT && run >= 2) {
                endMarkup(base + i);
                i++;
                break;
              }
              run = b === mark ? run + 1 : 0;
            }
            break;
          }
          case PI: {
            for (; i < n; i++) {
              const b = chunk[i]!;
              if (b === GT && previous === QUESTION) {
                endMarkup(base + i);
                i++;
                break;
              }
              previous = b;
            }
            break;
          }
        }
      }
      if (state === TAG || state === TAG_QUOTE) keep(chunk, tagFrom, n);
      base += n;
      if (state !== CONTENT) checkToken(base - tokenStart);
      checkElements(base);
    },
  };
}
