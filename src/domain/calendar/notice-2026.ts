import type { HolidayDay } from './working-days.ts';

/**
 * The 2026 arrangement of the State Council notice of 2025-11-04, written out by hand from
 * the notice — independent of the chinese-days package the database is seeded from — for tests to check against.
 */
export const NOTICE_2026: readonly { name: string; off: [string, string]; workdays: string[] }[] = [
  { name: '元旦', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
  { name: '春节', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明', off: ['2026-04-04', '2026-04-06'], workdays: [] },
  { name: '劳动节', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
  { name: '端午', off: ['2026-06-19', '2026-06-21'], workdays: [] },
  { name: '中秋', off: ['2026-09-25', '2026-09-27'], workdays: [] },
  { name: '国庆', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
];

/** NOTICE_2026 as the holiday table stores it: one row per day off and per make-up working day. */
export function noticeRows2026(): HolidayDay[] {
  const out: HolidayDay[] = [];
  for (const h of NOTICE_2026) {
    const [first, last] = h.off;
    for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      out.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name: h.name });
    }
    for (const date of h.workdays) out.push({ date, kind: 'workday', name: h.name });
  }
  return out;
}
