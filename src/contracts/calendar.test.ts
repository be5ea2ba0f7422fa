import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CalendarYearParams, HolidayDayInput, PutCalendarYearRequest } from './calendar.ts';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';

const day = { date: '2027-01-01', kind: 'holiday', name: '元旦' };

const VALID: [string, z.ZodType, unknown][] = [
  ['CalendarYearParams', CalendarYearParams, { year: '2027' }],
  ['HolidayDayInput', HolidayDayInput, day],
  [
    'PutCalendarYearRequest',
    PutCalendarYearRequest,
    {
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      publishedOn: '2026-11-12',
      days: [day, { date: '2027-02-20', kind: 'workday', name: '春节' }],
    },
  ],
];

describe('calendar contracts', () => {
  sweepContracts(VALID);

  it('names the row of a day that is not an object', () => {
    const body = { source: '通知', publishedOn: null, days: [day, '2027-01-02'] };
    expect(issueMessages(PutCalendarYearRequest, body)).toEqual(['第 2 天：应为包含 date、kind、name 的对象']);
  });
});
