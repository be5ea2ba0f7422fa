import type { FastifyInstance } from 'fastify';
import {
  CalendarYearParams,
  HOLIDAY_KIND_LABELS,
  PutCalendarYearRequest,
  type CalendarYearDetail,
  type CalendarYearsResponse,
} from '../../../contracts/calendar.ts';
import { getCalendarYear } from '../../../usecases/calendar/get-calendar-year.ts';
import { listCalendarYears } from '../../../usecases/calendar/list-calendar-years.ts';
import { replaceCalendarYear } from '../../../usecases/calendar/replace-calendar-year.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';

type YearRow = { year: number; source: string; publishedOn: string | null };
type DayRow = { date: string; kind: 'holiday' | 'workday'; name: string };

function presentCalendarYear(year: YearRow, days: DayRow[]): CalendarYearDetail {
  return {
    year: year.year,
    source: year.source,
    publishedOn: year.publishedOn,
    days: days.map((d) => ({ date: d.date, kind: d.kind, kindLabel: HOLIDAY_KIND_LABELS[d.kind], name: d.name })),
  };
}

/** The working-day calendar (节假日安排): read by every account, replaced per year by system admins. */
export function registerCalendarRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/calendar/years', async (request): Promise<CalendarYearsResponse> => {
    const { years, warning } = await listCalendarYears(contextOf(request, deps));
    return { years: years.map((y) => ({ year: y.year, source: y.source, publishedOn: y.publishedOn, days: y.days })), warning };
  });

  app.get('/api/calendar/:year', async (request): Promise<CalendarYearDetail> => {
    const { year } = parse(CalendarYearParams, request.params);
    const row = await getCalendarYear(contextOf(request, deps), year);
    return presentCalendarYear(row, row.days);
  });

  app.put('/api/calendar/:year', async (request): Promise<CalendarYearDetail> => {
    const { year } = parse(CalendarYearParams, request.params);
    const input = parse(PutCalendarYearRequest, request.body);
    const ctx = contextOf(request, deps);
    await replaceCalendarYear(ctx, year, input);
    const row = await getCalendarYear(ctx, year);
    return presentCalendarYear(row, row.days);
  });
}
