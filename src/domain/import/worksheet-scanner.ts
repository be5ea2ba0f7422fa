/**
 * The rows of a worksheet part (`xl/worksheets/sheetN.xml`) read from its text as it streams, each cell's value in the
 * shapes `cellValueToText` (spreadsheet-cell.ts) takes: strings, numbers, booleans, Dates, `{ formula, result }`,
 * `{ error }`, and whatever the shared strings hold (rich text). A scanner of its own (decision 0031): the generic
 * SAX parser behind exceljs's worksheet reader built an event object per tag for 66 MB of cells and was half of a
 * 100,000-row import's reading time.
 *
 * It reads what Excel, WPS and LibreOffice write: `<row r>` and `<c r s t>` (either may lack its reference: rows and
 * cells then follow the previous one), `<v>`, `<f>`, inline strings `<is>` (every `<t>` run joined, phonetic `<rPh>`
 * runs left out), element names with a namespace prefix (`<x:c>`), entities and character references, CDATA,
 * comments and processing instructions. Anything outside `<sheetData>` is skipped. Sizes are not its business: the
 * XML guard (xml-guard.ts) has seen every byte first and refuses over-long cells, rows and tokens, so what this
 * scanner keeps between chunks (one unfinished tag or text run) is bounded by the guard's limits.
 */

import { DomainError } from '../errors.ts';

/** What a worksheet's cells need from the rest of the workbook. */
export type WorksheetContext = {
  /** The shared strings by index (`t="s"`). */
  readonly sharedStrings: readonly unknown[];
  /** Whether the cell style with this index formats numbers as dates or times. */
  isDateStyle(style: number): boolean;
  /** The workbook counts days from 1904 (old Mac workbooks). */
  readonly date1904: boolean;
};

/** One row: its number (1-based) and its cells' values by column (0-based, sparse). */
export type WorksheetRow = { rowNumber: number; values: unknown[] };

export type WorksheetScanner = {
  /** The next piece of the part's text. */
  write(text: string): void;
  /** The part has ended. */
  end(): void;
};

/** A cell being read: its column (0-based), style, type and the texts of its `<v>`, `<f>` and inline string. */
type OpenCell = { column: number; style: number; type: string; value: string | null; formula: string | null; inline: string | null };

const CAPTURE_NONE = 0;
const CAPTURE_VALUE = 1;
const CAPTURE_FORMULA = 2;
const CAPTURE_INLINE = 3;

/** Characters kept between two pieces at most (one unfinished token; the guard allows a token of 1 MB). */
const MAX_PENDING_CHARS = 4 * 1024 * 1024;

/** Creates a scanner that hands each row, when its `</row>` is read, to `onRow`. */
export function createWorksheetScanner(context: WorksheetContext, onRow: (row: WorksheetRow) => void): WorksheetScanner {
  let buffer = '';
  let inSheetData = false;
  let done = false;
  let row: WorksheetRow | null = null;
  let lastRowNumber = 0;
  let lastColumn = -1;
  let cell: OpenCell | null = null;
  const reused: OpenCell = { column: 0, style: 0, type: 'n', value: null, formula: null, inline: null };
  let capture = CAPTURE_NONE;
  /** Inside `<is>`: `<t>` runs are the string's; inside `<rPh>` (a phonetic guide) they are not. */
  let inInline = false;
  let inPhonetic = false;

  const append = (text: string): void => {
    if (cell === null || capture === CAPTURE_NONE) return;
    if (capture === CAPTURE_VALUE) cell.value = (cell.value ?? '') + text;
    else if (capture === CAPTURE_FORMULA) cell.formula = (cell.formula ?? '') + text;
    else if (!inPhonetic) cell.inline = (cell.inline ?? '') + text;
  };

  /** A start tag `text[start, close]` named `name` ({@link nameCode}); its text is read only for rows and cells. */
  const openTag = (name: number, text: string, start: number, close: number, selfClosing: boolean): void => {
    if (!inSheetData) {
      if (name === SHEET_DATA && !selfClosing) inSheetData = true;
      return;
    }
    switch (name) {
      case ROW: {
        readAttributes(text, start, close, false);
        lastRowNumber = attributeR > 0 ? attributeR : lastRowNumber + 1;
        lastColumn = -1;
        row = { rowNumber: lastRowNumber, values: [] };
        if (selfClosing) closeTag(ROW);
        return;
      }
      case C: {
        if (row === null) return;
        readAttributes(text, start, close, true);
        lastColumn = attributeR >= 0 ? attributeR : lastColumn + 1;
        // One object for every cell in turn: a worksheet has millions.
        cell = reused;
        cell.column = lastColumn;
        cell.style = attributeS;
        cell.type = attributeT;
        cell.value = null;
        cell.formula = null;
        cell.inline = null;
        if (selfClosing) closeTag(C);
        return;
      }
      case V:
        if (cell === null) return;
        cell.value ??= '';
        capture = selfClosing ? CAPTURE_NONE : CAPTURE_VALUE;
        return;
      case F:
        if (cell === null) return;
        cell.formula ??= '';
        capture = selfClosing ? CAPTURE_NONE : CAPTURE_FORMULA;
        return;
      case IS:
        if (cell === null || selfClosing) return;
        cell.inline ??= '';
        inInline = true;
        return;
      case R_PH:
        if (inInline && !selfClosing) inPhonetic = true;
        return;
      case T:
        if (inInline && cell !== null && !selfClosing) capture = CAPTURE_INLINE;
        return;
      default:
        return;
    }
  };

  const closeTag = (name: number): void => {
    if (!inSheetData) return;
    switch (name) {
      case SHEET_DATA:
        inSheetData = false;
        done = true;
        return;
      case ROW:
        if (row !== null) onRow(row);
        row = null;
        return;
      case C:
        if (row !== null && cell !== null) row.values[cell.column] = cellValue(cell, context);
        cell = null;
        capture = CAPTURE_NONE;
        inInline = false;
        inPhonetic = false;
        return;
      case V:
      case F:
      case T:
        capture = CAPTURE_NONE;
        return;
      case IS:
        inInline = false;
        return;
      case R_PH:
        inPhonetic = false;
        return;
      default:
        return;
    }
  };

  /** Reads every whole token in the buffer; keeps an unfinished one (or a text run not yet ended by `<`) for later. */
  const scan = (final: boolean): void => {
    const text = buffer;
    let at = 0;
    while (at < text.length && !done) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        // A text run continues in the next piece (an entity may be cut in two): kept whole until its '<' arrives.
        if (final && capture !== CAPTURE_NONE) append(decodeText(text.slice(at)));
        at = final ? text.length : at;
        break;
      }
      if (lt > at && capture !== CAPTURE_NONE) append(decodeText(text.slice(at, lt)));
      at = lt;
      const next = text.charCodeAt(at + 1);
      if (next === 0x21 && text.startsWith('<!--', at)) {
        const close = text.indexOf('-->', at + 4);
        if (close < 0) break;
        at = close + 3;
      } else if (next === 0x21 && text.startsWith('<![CDATA[', at)) {
        const close = text.indexOf(']]>', at + 9);
        if (close < 0) break;
        const data = text.slice(at + 9, close);
        append(normalizeLineEnds(data));
        at = close + 3;
      } else if (next === 0x3f || next === 0x21) {
        // <?…?> and other declarations (the guard refuses a DOCTYPE before this is reached).
        const close = text.indexOf('>', at + 2);
        if (close < 0) break;
        at = close + 1;
      } else {
        const close = tagEnd(text, at + 1);
        if (close < 0) break;
        const closing = next === 0x2f;
        const selfClosing = !closing && text.charCodeAt(close - 1) === 0x2f;
        const name = nameCode(text, closing ? at + 2 : at + 1, close);
        if (closing) closeTag(name);
        else openTag(name, text, at, close, selfClosing);
        at = close + 1;
      }
    }
    buffer = done ? '' : text.slice(at);
    // What waits here is one unfinished token, which the guard has already held to its limit; never more.
    if (buffer.length > MAX_PENDING_CHARS) {
      throw new DomainError('PAYLOAD_TOO_LARGE', '文件无法读取：工作表中有一段过长的内容，不是正常的 Excel 文件，已拒绝');
    }
  };

  return {
    write(text: string): void {
      if (done) return;
      buffer += text;
      scan(false);
    },
    end(): void {
      if (!done) scan(true);
      buffer = '';
    },
  };
}

/**
 * The index of the '>' that ends the tag whose name begins at `from` (a '>' inside a quoted attribute value skipped),
 * or −1. Quotes count only after the name, as the XML guard counts them: a quote inside a (malformed) name must not
 * make this scanner wait for a closing quote the guard never waits for.
 */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  let at = from;
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 0x3e) return at;
    if (isSpace(c) || c === 0x2f) break;
  }
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return at;
    }
  }
  return -1;
}

/** The elements the scanner knows, as {@link nameCode} numbers them; 0 for any other. */
const ROW = 1;
const C = 2;
const V = 3;
const F = 4;
const IS = 5;
const T = 6;
const R_PH = 7;
const SHEET_DATA = 8;

/**
 * Which known element the name read from `from` (up to whitespace, '/' or '>') is, its namespace prefix left out;
 * no string is made (a worksheet has millions of tags).
 */
function nameCode(text: string, from: number, to: number): number {
  let end = from;
  let start = from;
  for (; end < to; end++) {
    const c = text.charCodeAt(end);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
    if (c === 0x3a) start = end + 1;
  }
  const c0 = text.charCodeAt(start);
  switch (end - start) {
    case 1:
      return c0 === 0x63 ? C : c0 === 0x76 ? V : c0 === 0x66 ? F : c0 === 0x74 ? T : 0;
    case 2:
      return c0 === 0x69 && text.charCodeAt(start + 1) === 0x73 ? IS : 0;
    case 3:
      if (c0 === 0x72 && text.charCodeAt(start + 1) === 0x6f && text.charCodeAt(start + 2) === 0x77) return ROW;
      return c0 === 0x72 && text.charCodeAt(start + 1) === 0x50 && text.charCodeAt(start + 2) === 0x68 ? R_PH : 0;
    case 9:
      return text.startsWith('sheetData', start) ? SHEET_DATA : 0;
    default:
      return 0;
  }
}

/** What {@link readAttributes} read: `r` (a cell's 0-based column or a row's number; −1 when absent or not one), `s`, `t`. */
let attributeR = -1;
let attributeS = 0;
let attributeT = 'n';

/**
 * Reads the attributes `r`, `s` and `t` of the start tag `text[start, close)` into {@link attributeR},
 * {@link attributeS} and {@link attributeT}, without making a string of the tag (only `t`'s value is one). A cell's
 * `r` is its reference ("C12": column 2), a row's its number.
 */
function readAttributes(text: string, start: number, close: number, ofCell: boolean): void {
  attributeR = -1;
  attributeS = 0;
  attributeT = 'n';
  let at = start + 1;
  while (at < close && !isSpace(text.charCodeAt(at))) at++;
  while (at < close) {
    while (at < close && isSpace(text.charCodeAt(at))) at++;
    const nameStart = at;
    while (at < close) {
      const c = text.charCodeAt(at);
      if (isSpace(c) || c === 0x3d || c === 0x2f) break;
      at++;
    }
    const nameLength = at - nameStart;
    while (at < close && isSpace(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== 0x3d) {
      at = Math.max(at, nameStart + 1);
      continue;
    }
    at++;
    while (at < close && isSpace(text.charCodeAt(at))) at++;
    const quote = text.charCodeAt(at);
    if (quote !== 0x22 && quote !== 0x27) return;
    const valueStart = at + 1;
    const valueEnd = text.indexOf(quote === 0x22 ? '"' : "'", valueStart);
    if (valueEnd < 0 || valueEnd > close) return;
    at = valueEnd + 1;
    if (nameLength !== 1) continue;
    const name = text.charCodeAt(nameStart);
    if (name === 0x72) attributeR = ofCell ? columnAt(text, valueStart, valueEnd) : positiveIntegerAt(text, valueStart, valueEnd);
    else if (name === 0x73) attributeS = Math.max(0, positiveIntegerAt(text, valueStart, valueEnd));
    else if (name === 0x74) attributeT = text.slice(valueStart, valueEnd);
  }
}

/** The decimal integer text[from, to) (digits only), or −1. */
function positiveIntegerAt(text: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let at = from; at < to; at++) {
    const d = text.charCodeAt(at) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The 0-based column of the cell reference text[from, to) ("C12", "AB3"; the letters count), or −1. */
function columnAt(text: string, from: number, to: number): number {
  let column = 0;
  let at = from;
  for (; at < to && at - from < 4; at++) {
    const c = text.charCodeAt(at);
    const upper = c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
    if (upper < 0x41 || upper > 0x5a) break;
    column = column * 26 + (upper - 0x40);
  }
  return at === from || at - from > 3 ? -1 : column - 1;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Line ends as an XML parser passes them on: CR LF and a lone CR become LF (XML 1.0 §2.11). */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * XML text as a parser gives it: line ends normalised (CR LF and a lone CR become LF, XML 1.0 §2.11), then entities
 * and character references decoded (an unknown entity is left as written; `&#13;` stays a CR).
 */
export function decodeText(raw: string): string {
  const text = normalizeLineEnds(raw);
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/**
 * A cell's value as the worksheet says it, in the shapes exceljs gives (so `cellValueToText` shows what Excel shows):
 * shared and inline strings, numbers (dates where the style says so), booleans, errors, ISO dates (`t="d"`), and a
 * formula as `{ formula, result }` with its cached result in the same types.
 */
export function cellValue(cell: OpenCell, context: WorksheetContext): unknown {
  const { type, value } = cell;
  if (cell.formula !== null) return { formula: cell.formula, result: value === null ? undefined : typed(type, value, cell.style, context) };
  if (type === 'inlineStr') return cell.inline ?? value ?? null;
  if (value === null) return null;
  return typed(type, value, cell.style, context);
}

function typed(type: string, value: string, style: number, context: WorksheetContext): unknown {
  switch (type) {
    case 's': {
      const index = Number.parseInt(value, 10);
      return Number.isInteger(index) && index >= 0 && index < context.sharedStrings.length ? context.sharedStrings[index] : null;
    }
    case 'str':
    case 'inlineStr':
      return value;
    case 'e':
      return { error: value.trim() };
    case 'b':
      return Number.parseInt(value, 10) !== 0;
    case 'd': {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value.trim()) ? value.trim() : `${value.trim()}Z`);
      return Number.isNaN(date.getTime()) ? value : date;
    }
    default: {
      const number = Number.parseFloat(value);
      return Number.isFinite(number) && context.isDateStyle(style) ? excelDate(number, context.date1904) : number;
    }
  }
}

/** Excel's serial day number (with its fraction of a day) as the UTC instant of its wall-clock time. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Whether a number format shows a date or time: it has y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
