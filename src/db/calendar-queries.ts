import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { buildHolidayCalendar, type HolidayCalendar, type HolidayDay } from '../domain/calendar/working-days.ts';
import type { DbOrTx, Tx } from './client.ts';
import { calendarYears, holidays } from './schema.ts';

export type CalendarYearRow = typeof calendarYears.$inferSelect;
export type HolidayRow = typeof holidays.$inferSelect;

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

/** The known years with how many special days (holidays and make-up days) each has. */
export async function listCalendarYears(db: DbOrTx): Promise<(CalendarYearRow & { days: number })[]> {
  const years = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const counts = await db
    .select({ year: sql<number>`extract(year from ${holidays.date})::int`, days: sql<number>`count(*)::int` })
    .from(holidays)
    .groupBy(sql`1`);
  const byYear = new Map(counts.map((c) => [Number(c.year), Number(c.days)]));
  return years.map((y) => ({ ...y, days: byYear.get(y.year) ?? 0 }));
}

export async function findCalendarYear(db: DbOrTx, year: number): Promise<CalendarYearRow | undefined> {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return row;
}

export async function listHolidaysOfYear(db: DbOrTx, year: number): Promise<HolidayRow[]> {
  return db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, yearStart(year)), lte(holidays.date, yearEnd(year))))
    .orderBy(asc(holidays.date));
}

/** Replaces a year's arrangement: the caller runs this in the transaction that also audits it. */
export async function replaceCalendarYear(
  tx: Tx,
  year: number,
  input: { source: string; publishedOn: string | null; days: readonly HolidayDay[] },
  now: Date,
): Promise<{ removed: number }> {
  const removed = await tx
    .delete(holidays)
    .where(and(gte(holidays.date, yearStart(year)), lte(holidays.date, yearEnd(year))))
    .returning({ date: holidays.date });
  await tx
    .insert(calendarYears)
    .values({ year, source: input.source, publishedOn: input.publishedOn, updatedAt: now })
    .onConflictDoUpdate({ target: calendarYears.year, set: { source: input.source, publishedOn: input.publishedOn, updatedAt: now } });
  if (input.days.length > 0) {
    await tx.insert(holidays).values(input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: input.source, updatedAt: now })));
  }
  return { removed: removed.length };
}

/**
 * The domain calendar of the given years (all known years when omitted). A requested year without data
 * is simply absent from `years`, so any computation touching it raises CalendarYearMissingError.
 */
export async function loadHolidayCalendar(db: DbOrTx, years?: readonly number[]): Promise<HolidayCalendar> {
  const known = await db
    .select({ year: calendarYears.year })
    .from(calendarYears)
    .where(years ? inArray(calendarYears.year, years.length > 0 ? [...years] : [-1]) : undefined);
  const knownYears = known.map((k) => k.year);
  if (knownYears.length === 0) return buildHolidayCalendar([], []);
  const rows = await db
    .select({ date: holidays.date, kind: holidays.kind, name: holidays.name })
    .from(holidays)
    .where(inArray(sql`extract(year from ${holidays.date})::int`, knownYears))
    .orderBy(asc(holidays.date));
  return buildHolidayCalendar(rows, knownYears);
}
