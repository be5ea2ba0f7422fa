/**
 * China Standard Time, the system's one clock: UTC+8 all year (China has kept no daylight saving since 1991). Every
 * "today", every day boundary and every time of day shown to a person is reckoned here, whatever the zone of the
 * server, the CLI's machine or the browser. `local` in these names means China Standard Time. The web formats the
 * same way through `web/src/lib/format.ts` (Intl with {@link CHINA_TIME_ZONE}).
 */

/** The IANA zone of China Standard Time, for `Intl.DateTimeFormat` (the web). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The China calendar date (YYYY-MM-DD) of an instant: 2026-12-31T16:00:00Z is already 2027-01-01. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China calendar day (YYYY-MM-DD) begins: 00:00 China time, 16:00 UTC of the day before. */
export function startOfLocalDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** The instant the China calendar day after `date` begins (an inclusive "to" date as an exclusive bound). */
export function startOfNextLocalDay(date: string): Date {
  return new Date(startOfLocalDay(date).getTime() + DAY_MS);
}

/** The instant of a time of day (HH:MM) on a China calendar day: `atLocalTime('2026-11-30', '09:00')`. */
export function atLocalTime(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - OFFSET_MS);
}

/** Date and time to the minute in China time, as tables and reports print it: "2026-11-22 08:30". */
export function localDateTimeText(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Time of day to the second in China time: "17:45:02" (the development log). */
export function localTimeText(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 19);
}
