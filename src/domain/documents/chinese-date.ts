/** Dates as documents print them, pure: chineseLongDate('2026-10-09') → 「2026年10月9日」 (no leading zeros). */
export function chineseLongDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
