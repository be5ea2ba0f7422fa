import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { loadHolidayCalendar } from '../../../db/calendar-queries.ts';
import { auditLog } from '../../../db/schema.ts';
import { addWorkingDays, CalendarYearMissingError, isWorkingDay, lastWorkingDaysOfMonth } from '../../../domain/calendar/working-days.ts';

let database: TestDatabase;
let app: FastifyInstance;
let systemAdmin: Session;
let brigadeAdmin: Session;

/** A made-up 2027 arrangement for the test only (the real one is not published yet). */
const body2027 = (days = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
  { date: '2027-01-04', kind: 'holiday', name: '元旦' },
  { date: '2027-01-09', kind: 'workday', name: '元旦' },
]) => ({ source: '测试用安排', publishedOn: '2026-11-20', days });

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => new Date('2026-11-22T02:00:00Z') });
  const tree = await createOrgTree(database.db);
  const s = await createAccountFixture(database.db, { role: 'system_admin', org: tree.corps });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  systemAdmin = await logInAs(app, s.username, s.password);
  brigadeAdmin = await logInAs(app, b.username, b.password);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('working-day calendar API', () => {
  it('lists the seeded years with 2026 complete, and warns in November that 2027 is missing', async () => {
    const res = await call(app, brigadeAdmin, 'GET', '/api/calendar/years');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
    // 2026: 33 days off and 6 make-up working days.
    expect(body.years[2]).toEqual({ year: 2026, source: '国务院办公厅关于2026年部分节假日安排的通知', publishedOn: '2025-11-04', days: 39 });
    expect(body.warning).toMatch(/^2027 年的节假日安排尚未录入/);
  });

  it('returns a year’s days with their labels', async () => {
    const res = await call(app, brigadeAdmin, 'GET', '/api/calendar/2026');
    expect(res.statusCode).toBe(200);
    expect(res.json().days).toContainEqual({ date: '2026-02-14', kind: 'workday', kindLabel: '调休上班', name: '春节' });
    expect((await call(app, brigadeAdmin, 'GET', '/api/calendar/2027')).statusCode).toBe(404);
  });

  it('loads the seeded 2026 arrangement into the domain calendar', async () => {
    const calendar = await loadHolidayCalendar(database.db);
    expect(isWorkingDay(calendar, '2026-01-04')).toBe(true);
    expect(isWorkingDay(calendar, '2026-02-16')).toBe(false);
    expect(addWorkingDays(calendar, '2026-02-13', 2)).toBe('2026-02-24');
    expect(lastWorkingDaysOfMonth(calendar, '2026-09', 2)).toEqual(['2026-09-29', '2026-09-30']);
  });

  it('raises the clear error for a 2027 calculation while 2027 is missing', async () => {
    const calendar = await loadHolidayCalendar(database.db);
    expect(() => addWorkingDays(calendar, '2026-12-31', 1)).toThrow(CalendarYearMissingError);
    expect(() => isWorkingDay(calendar, '2027-01-04')).toThrow('2027 年的节假日安排尚未录入，无法计算工作日');
  });

  it('forbids a brigade admin to change the calendar', async () => {
    const res = await call(app, brigadeAdmin, 'PUT', '/api/calendar/2027', body2027());
    expect(res.statusCode).toBe(403);
  });

  it('rejects an invalid date with a message naming the row and field', async () => {
    const bad = body2027([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-30', kind: 'holiday', name: '春节' },
    ]);
    const res = await call(app, systemAdmin, 'PUT', '/api/calendar/2027', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'days', message: '第 2 天的日期：不是有效的日期', path: 'days.1.date' });
  });

  it('rejects a date of another year and a duplicated date', async () => {
    const otherYear = await call(app, systemAdmin, 'PUT', '/api/calendar/2027', body2027([{ date: '2026-12-31', kind: 'holiday', name: '元旦' }]));
    expect(otherYear.statusCode).toBe(400);
    expect(otherYear.json().error).toMatchObject({ message: '第 1 天的日期：2026-12-31 不属于 2027 年', path: 'days.0.date' });
    const twice = body2027([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect((await call(app, systemAdmin, 'PUT', '/api/calendar/2027', twice)).json().error).toMatchObject({
      message: '第 2 天的日期：2027-01-01 与第 1 天重复',
      path: 'days.1.date',
    });
    expect((await call(app, brigadeAdmin, 'GET', '/api/calendar/2027')).statusCode).toBe(404);
  });

  it('lets a system admin enter 2027, after which 2027 computations work and the warning stops', async () => {
    const res = await call(app, systemAdmin, 'PUT', '/api/calendar/2027', body2027());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, source: '测试用安排', publishedOn: '2026-11-20' });
    expect(res.json().days).toHaveLength(5);

    const calendar = await loadHolidayCalendar(database.db);
    expect(addWorkingDays(calendar, '2026-12-31', 1)).toBe('2027-01-05');
    expect(isWorkingDay(calendar, '2027-01-09')).toBe(true);
    expect((await call(app, brigadeAdmin, 'GET', '/api/calendar/years')).json().warning).toBeNull();

    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.update')).orderBy(desc(auditLog.seq)).limit(1);
    expect(entry).toMatchObject({ targetType: 'calendar_year', targetId: '2027' });
    expect(entry!.summary).toMatchObject({ year: 2027, holidays: 4, workdays: 1, removed: 0 });
  });

  it('replaces the whole year on a second PUT', async () => {
    const res = await call(app, systemAdmin, 'PUT', '/api/calendar/2027', body2027([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]));
    expect(res.statusCode).toBe(200);
    expect(res.json().days).toEqual([{ date: '2027-01-01', kind: 'holiday', kindLabel: '放假', name: '元旦' }]);
    const calendar = await loadHolidayCalendar(database.db, [2027]);
    expect(isWorkingDay(calendar, '2027-01-04')).toBe(true);
    expect(() => isWorkingDay(calendar, '2026-06-01')).toThrow(CalendarYearMissingError);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.update')).orderBy(desc(auditLog.seq)).limit(1);
    expect(entry!.summary).toMatchObject({ holidays: 1, workdays: 0, removed: 5 });
  });
});
