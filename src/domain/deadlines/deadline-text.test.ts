import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { computedDeadlineText, deadlineText } from './deadline-text.ts';
import { deadlineNoticeServiceDue } from './deadlines.ts';

const calendar = buildHolidayCalendar([{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }], [2026]);

describe('deadlineText', () => {
  it('says how many working days are left, due today, or overdue', () => {
    expect(deadlineText(calendar, '2026-12-07', '2026-12-09')).toMatchObject({ label: '还剩 2 个工作日', overdue: false });
    expect(deadlineText(calendar, '2026-12-09', '2026-12-09')).toMatchObject({ label: '今日到期', overdue: false });
    expect(deadlineText(calendar, '2026-12-14', '2026-12-10')).toMatchObject({ label: '已逾期 2 个工作日', overdue: true });
  });

  it('refuses to guess a year whose holidays are not entered', () => {
    expect(deadlineText(calendar, '2026-12-30', '2027-01-05')).toEqual({ label: '无法计算：2027 年节假日安排尚未录入', overdue: false, state: null });
    expect(computedDeadlineText(calendar, '2026-12-30', () => deadlineNoticeServiceDue(calendar, '2026-12-30'))).toMatchObject({ label: '无法计算：2027 年节假日安排尚未录入', due: null });
  });
});
