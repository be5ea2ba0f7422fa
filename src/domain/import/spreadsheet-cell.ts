/**
 * Spreadsheet cells as the text a person sees in Excel. A reader such as exceljs hands over strings,
 * numbers, booleans, Dates, rich text `{ richText: [{ text }] }`, hyperlinks `{ text, hyperlink }`, formulas
 * `{ formula, result }` and errors `{ error }`; the import compares and stores text, so every value becomes
 * text here. Structural types only: this module does not depend on the reader.
 */

/** Excel keeps and shows at most 15 significant digits of a number. */
const EXCEL_DIGITS = 15;

/**
 * The text of one cell value:
 * - numbers as Excel's "General" format shows them, with at most 15 significant digits and never in
 *   exponent form: a credit code or telephone number typed as a number must not become 9.1E+17;
 * - dates as YYYY-MM-DD (YYYY-MM-DD HH:mm:ss when there is a time of day). Readers give Excel's wall-clock
 *   time as a UTC instant, so the UTC fields are the ones shown;
 * - booleans as TRUE / FALSE, as Excel shows them; rich text joined; hyperlinks by their text; formulas by
 *   their cached result; error cells by their code (#N/A …);
 * - empty cells and values of unknown shape as ''.
 */
export function cellValueToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateToText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText.map((part: unknown) => cellValueToText((part as { text?: unknown })?.text)).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValueToText(v.result);
    if ('hyperlink' in v || 'text' in v) return cellValueToText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

/**
 * Whether a number cell holds more significant digits than Excel keeps, so Excel has already rounded it
 * when the file was typed: an 18-digit credit code or a 身份证号 entered as a number comes back with zeros
 * at the end. The import uses this to explain such a code instead of only reporting a wrong check character.
 */
export function isImpreciseNumber(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)) {
    return isImpreciseNumber((value as { result?: unknown }).result);
  }
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) >= 10 ** EXCEL_DIGITS;
}

function numberToText(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '' : n > 0 ? '#NUM!' : '-#NUM!';
  if (n === 0) return '0';
  let text = n.toPrecision(EXCEL_DIGITS);
  if (text.includes('e')) text = expandExponent(text);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text;
}

/** "9.13301007517011e+17" → "913301007517011000"; "1.5e-7" → "0.00000015". */
function expandExponent(text: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = m;
  const digits = lead + fraction;
  const point = 1 + Number(exponentText);
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function dateToText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
