import { findCalendarYear, listHolidaysOfYear } from '../../db/calendar-queries.ts';
import { DomainError } from '../../domain/errors.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** One year's arrangement: every day off and make-up working day. NOT_FOUND when the year is not entered. */
export async function getCalendarYear(ctx: UseCaseContext, year: number) {
  const row = await findCalendarYear(ctx.db, year);
  if (!row) throw new DomainError('NOT_FOUND', `${year} 年的节假日安排尚未录入`);
  return { ...row, days: await listHolidaysOfYear(ctx.db, year) };
}
