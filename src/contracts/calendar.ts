import { z } from 'zod';
import { cleanText, isoDate, text } from './common.ts';

const FIELD_LABELS: Record<string, string> = { date: '日期', kind: '类型', name: '节日名称', publishedOn: '发布日期', days: '放假调休日期' };

/**
 * The field at fault in words, from a zod issue path: 「第 4 天的日期」 for days[3].date, 「发布日期」 for
 * publishedOn; `fallback` when the schema is parsed on its own. The error's `path` (days.3.date) lets a form
 * mark the very row.
 */
export function calendarFieldName(path: readonly PropertyKey[] | undefined, fallback: string): string {
  const label = (key: PropertyKey) => FIELD_LABELS[String(key)] ?? String(key);
  if (!path || path.length === 0) return label(fallback);
  if (path[0] === 'days' && typeof path[1] === 'number') {
    const day = `第 ${path[1] + 1} 天`;
    return path.length > 2 ? `${day}的${label(path[2]!)}` : day;
  }
  return label(path[path.length - 1]!);
}
const pathName = calendarFieldName;

/** A message naming the exact field at fault: 「第 4 天的日期：应为 YYYY-MM-DD 格式的日期」. */
const at = (fallback: string, problem: string) => (issue: { path?: readonly PropertyKey[] | undefined }) =>
  `${pathName(issue.path, fallback)}：${problem}`;

/** A date named by its place in the request (「第 4 天的日期」), `fallback` when it is parsed on its own. */
const isoDateAt = (fallback: string) => isoDate((path) => pathName(path, fallback));

export const CalendarYearParams = z.object({
  year: z.coerce
    .number({ error: '年份：必须是数字' })
    .int('年份：必须是整数')
    .min(2000, '年份：应在 2000–2999 之间')
    .max(2999, '年份：应在 2000–2999 之间'),
});
export type CalendarYearParams = z.infer<typeof CalendarYearParams>;

export const HOLIDAY_KIND_VALUES = ['holiday', 'workday'] as const;
export const HOLIDAY_KIND_LABELS: Record<(typeof HOLIDAY_KIND_VALUES)[number], string> = { holiday: '放假', workday: '调休上班' };

export const HolidayDayInput = z.object(
  {
    date: isoDateAt('date'),
    kind: z.enum(HOLIDAY_KIND_VALUES, { error: at('kind', '应为 holiday（放假）或 workday（调休上班）') }),
    name: text((path) => pathName(path, 'name'), { max: 20, name: true }),
  },
  { error: at('日期条目', '应为包含 date、kind、name 的对象') },
);
export type HolidayDayInput = z.infer<typeof HolidayDayInput>;

/**
 * Replaces one year's 放假调休 arrangement. `days` lists every day off and every make-up working day
 * (weekends inside a break included); the server checks each date lies in that year and appears once.
 */
export const PutCalendarYearRequest = z.object({
  source: cleanText('来源', 200),
  publishedOn: isoDateAt('publishedOn').nullable(),
  days: z.array(HolidayDayInput, { error: '放假调休日期：必须是列表' }).max(366, '放假调休日期：最多 366 天'),
});
export type PutCalendarYearRequest = z.infer<typeof PutCalendarYearRequest>;

export type CalendarYearView = { year: number; source: string; publishedOn: string | null; days: number };
export type CalendarYearsResponse = { years: CalendarYearView[]; warning: string | null };
export type HolidayDayView = { date: string; kind: (typeof HOLIDAY_KIND_VALUES)[number]; kindLabel: string; name: string };
export type CalendarYearDetail = { year: number; source: string; publishedOn: string | null; days: HolidayDayView[] };
