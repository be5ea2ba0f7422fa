import dayjs from 'dayjs';

/** `2025-03-01 09:30:00` in the browser's time zone; an em dash for missing values. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD HH:mm:ss') : value;
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
