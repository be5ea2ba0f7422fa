import { isDomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { reinspectionsDue } from '../../domain/reinspections/reinspection-schedule.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { noticesAwaitingReinspection } from '../../db/reinspection-queries.ts';
import type { SystemContext } from '../lib/context.ts';
import { systemActorContext } from '../lib/system-actor.ts';
import { scheduleReinspection } from './schedule-reinspection.ts';

export type ReinspectionSchedulerOutcome = {
  noticeId: string;
  number: string;
  result: 'created' | 'skipped' | 'failed';
  taskId: string | null;
  dueDate: string | null;
  message: string;
};

/**
 * The daily 复查 job (decision 0023): for every brigade, every issued 责令限期改正通知书 with hazards still ordered
 * corrected and no 复查 task gets one when the pure rule says so (deadline ≤ 2 working days away, due, past, or an
 * early request). Each task is made in its own transaction and audited as 系统定时任务. Idempotent: a notice with a
 * task is not listed again. A notice whose dates need a year without calendar data is skipped with the Chinese
 * message (the caller logs it); any other refusal is reported as failed, never thrown.
 */
export async function runReinspectionScheduler(ctx: SystemContext): Promise<ReinspectionSchedulerOutcome[]> {
  const today = localDate(ctx.now);
  const notices = await noticesAwaitingReinspection(ctx.db);
  if (notices.length === 0) return [];
  const calendar = await loadHolidayCalendar(ctx.db);
  const numberOf = new Map(notices.map((n) => [n.noticeId, n.number]));
  const { create, skipped } = reinspectionsDue(
    calendar,
    today,
    notices.map((n) => ({ noticeId: n.noticeId, correctionDue: n.correctionDue, requestedOn: n.requestedOn, hasTask: false })),
  );
  const outcomes: ReinspectionSchedulerOutcome[] = skipped.map((s) => ({
    noticeId: s.noticeId,
    number: numberOf.get(s.noticeId) ?? '',
    result: 'skipped',
    taskId: null,
    dueDate: null,
    message: s.message,
  }));
  const acting = systemActorContext(ctx);
  for (const decision of create) {
    const base = { noticeId: decision.noticeId, number: numberOf.get(decision.noticeId) ?? '' };
    const requestedOn = notices.find((n) => n.noticeId === decision.noticeId)?.requestedOn ?? null;
    try {
      const task = await ctx.db.transaction((tx) => scheduleReinspection(tx, acting, decision.noticeId, { requestedOn, reason: decision.reason }));
      outcomes.push({ ...base, result: 'created', taskId: task.id, dueDate: task.dueDate, message: '已生成复查任务' });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      outcomes.push({ ...base, result: e.code === 'CALENDAR_YEAR_MISSING' ? 'skipped' : 'failed', taskId: null, dueDate: null, message: e.message });
    }
  }
  return outcomes;
}
