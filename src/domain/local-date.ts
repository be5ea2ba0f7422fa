/** The calendar date (YYYY-MM-DD) in China Standard Time (UTC+8, no daylight saving) of an instant. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
