import type { CalendarYearDetail, CalendarYearsResponse, PutCalendarYearRequest } from '@contracts/calendar.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

export const calendarKeys = {
  all: ['calendar'] as const,
  years: ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
};

/** The years with a 放假调休 arrangement, and a warning when the calendar is running out. */
export const calendarYearsQuery = queryOptions({
  queryKey: calendarKeys.years,
  queryFn: () => api.get<CalendarYearsResponse>('/api/calendar/years'),
});

/** One year's days off and make-up working days. */
export const calendarYearQuery = (year: number | null) =>
  queryOptions({
    queryKey: calendarKeys.year(year ?? 0),
    queryFn: () => api.get<CalendarYearDetail>(`/api/calendar/${String(year)}`),
    enabled: year !== null,
  });

/** Replaces a year's arrangement (system administrators only). */
export const putCalendarYear = (year: number, body: PutCalendarYearRequest) =>
  api.put<CalendarYearDetail>(`/api/calendar/${String(year)}`, body);
