import { CHINA_TIME_ZONE } from '@contracts/common.ts';

/**
 * Instants are shown in China Standard Time, as the server reckons them (src/domain/local-date.ts), not in the
 * browser's zone: an inspector travelling abroad or a browser set to UTC sees the same times as the office.
 */
const CHINA_DATE_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2025-03-01 09:30:00`: the instant in China Standard Time. */
export function formatInChinaTime(at: Date): string {
  const part = Object.fromEntries(CHINA_DATE_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** An ISO instant from the API as `2025-03-01 09:30:00` in China Standard Time; an em dash for missing values. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : formatInChinaTime(at);
}

/** The first `length` characters of a hash, for display next to a copy button holding the full value. */
export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? hash.slice(0, length) : hash;
}

/** One-line JSON for table cells. */
export function compactJson(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return JSON.stringify(value);
}

/** Indented JSON for detail views. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** A calendar date (YYYY-MM-DD) as 「2026年12月7日（星期一）」. */
export function formatLongDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${y}年${m}月${d}日（星期${WEEKDAYS[weekday]}）`;
}
