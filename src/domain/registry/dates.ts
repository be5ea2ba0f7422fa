/**
 * Calendar dates as 'YYYY-MM-DD' strings, the form the registries store (SQL `date`). Such strings compare
 * correctly with < and >, so the rules compare them directly; this module only guards the format.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written as YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (isLeap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

/** Throws a RangeError naming `what` unless `value` is a YYYY-MM-DD date: a caller's bug, not user input. */
export function assertIsoDate(value: string, what: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
}

/**
 * Whether `on` lies in the inclusive period [from, to]. A null bound is open: `from: null` means "since
 * always", `to: null` means "until further notice".
 */
export function isWithinPeriod(on: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= on) && (to === null || on <= to);
}
