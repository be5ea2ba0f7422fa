import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CalendarYearParams, HolidayDayInput, PutCalendarYearRequest } from './calendar.ts';
import { issueMessages, messagesNotInChinese, NAMES_THE_FIELD } from './contract-test-helpers.ts';

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
  it.each(VALID)('%s accepts a valid request', (_, schema, sample) => {
    expect(schema.safeParse(sample).error?.issues).toBeUndefined();
  });

  it.each(VALID)('%s answers every bad value in Chinese, naming the field (a day by its place: 「第 4 天的日期：…」)', (_, schema, sample) => {
    expect(messagesNotInChinese(schema, sample, NAMES_THE_FIELD)).toEqual([]);
  });

  it('names the row of a day that is not an object', () => {
    const body = { source: '通知', publishedOn: null, days: [day, '2027-01-02'] };
    expect(issueMessages(PutCalendarYearRequest, body)).toEqual(['第 2 天：应为包含 date、kind、name 的对象']);
  });
});
