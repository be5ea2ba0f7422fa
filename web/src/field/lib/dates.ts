const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** Today's date (YYYY-MM-DD) in China Standard Time, whatever the device's time zone. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant as ISO 8601 in China time with its offset: `2026-12-05T09:30:00+08:00` (what the record carries). */
export function chinaDateTime(now: Date): string {
  return `${new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** `date` plus `days` (YYYY-MM-DD, calendar days). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `12月5日 周五`: a date as an inspector reads it on a list. */
export function formatShortDate(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  return `${at.getUTCMonth() + 1}月${at.getUTCDate()}日 周${WEEKDAYS[at.getUTCDay()]}`;
}

/** `2026-12-05 09:30`: an ISO instant in China time. */
export function formatChinaMinute(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `09:30:12`: the time of day in China time (when something was last saved). */
export function formatChinaTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(11, 19);
}
