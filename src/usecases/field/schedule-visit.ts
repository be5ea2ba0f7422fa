import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { checkVisitSchedule } from '../../domain/tasks/pre-notice.ts';
import { noticeMessageText, shortCodeFrom } from '../../domain/tasks/notice-text.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { updateTaskRow } from '../../db/draw-queries.ts';
import { insertOutboxMessage, isShortCodeTaken } from '../../db/field-queries.ts';
import { findUnitById } from '../../db/unit-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { lockFieldTask } from './field-task-access.ts';

export type OutboxSettings = { channel: 'log' | 'sms'; publicBaseUrl: string };

/**
 * 检查前告知 (decision 0020): the lead sets the visit day (today … the due date); the unit is told through the outbox
 * (one message, sent by the dispatcher) and the task becomes 已告知. A notice later than the last working day before
 * the visit needs a reason, kept with the task. Setting the same day again changes nothing; another day (before the
 * visit started) sends a new message.
 */
export async function scheduleVisit(ctx: UseCaseContext, taskId: string, input: { visitDate: string; lateReason: string }, outbox: OutboxSettings): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const found = await lockFieldTask(tx, ctx, taskId, 'schedule_visit');
    const { task, org } = found;
    if (task.status === 'notified' && task.visitDate === input.visitDate) return;
    const today = localDate(ctx.now);
    const calendar = await loadHolidayCalendar(tx, [...new Set([Number(today.slice(0, 4)), Number(input.visitDate.slice(0, 4))])]);
    const check = checkVisitSchedule(calendar, { today, visitDate: input.visitDate, dueDate: task.dueDate, lateReason: input.lateReason });
    if (!check.ok) throw new DomainError('VALIDATION_FAILED', check.message, { field: check.field });
    const { unit } = (await findUnitById(tx, task.unitId))!;
    let shortCode = shortCodeFrom(randomBytes(10));
    while (await isShortCodeTaken(tx, shortCode)) shortCode = shortCodeFrom(randomBytes(10));
    const link = `${outbox.publicBaseUrl}/portal/notice/${shortCode}`;
    const phone = unit.contactPhone?.trim() ?? '';
    const noPhone = outbox.channel === 'sms' && phone === '';
    const message = await insertOutboxMessage(tx, {
      orgId: task.orgId,
      taskId,
      channel: outbox.channel,
      recipient: phone === '' ? `${unit.name}（未登记联系电话）` : phone,
      body: noticeMessageText({ brigadeName: org.name, unitName: unit.name, visitDate: input.visitDate, link, kind: task.kind }),
      shortCode,
      visitDate: input.visitDate,
      state: noPhone ? 'failed' : 'pending',
      lastError: noPhone ? '单位未登记联系电话，短信无法发送：请电话或上门告知，并在单位信息中补全联系电话' : null,
      nextAttemptAt: ctx.now,
      createdBy: ctx.actor.accountId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await updateTaskRow(tx, taskId, {
      status: 'notified',
      visitDate: input.visitDate,
      notifiedAt: ctx.now,
      noticeLate: check.late,
      noticeLateReason: check.late ? input.lateReason.trim() : null,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'task.schedule_visit',
      targetType: 'task',
      targetId: taskId,
      orgId: task.orgId,
      summary: {
        unit: unit.name,
        visitDate: input.visitDate,
        previousVisitDate: task.visitDate,
        late: check.late,
        noticeDeadline: check.noticeDeadline,
        lateReason: check.late ? input.lateReason.trim() : null,
        message: message.id,
        channel: outbox.channel,
      },
    });
  });
}
