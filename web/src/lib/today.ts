import dayjs from 'dayjs';

/** Today's date (YYYY-MM-DD) in China Standard Time, whatever the browser's time zone: due dates are China dates. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Today in China as a dayjs value (the browser's midnight of that date), for date pickers and "not after today". */
export const todayInChinaDayjs = () => dayjs(todayInChina());
