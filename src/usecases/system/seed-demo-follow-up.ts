import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Db } from '../../db/client.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { listTasksOfDraw } from '../../db/draw-queries.ts';
import { latestRecordsOfTasks } from '../../db/field-queries.ts';
import { hazardsOfNotice, hazardsOfRecord, hazardsOfTask } from '../../db/hazard-queries.ts';
import { decidePenalty } from '../cases/decide-penalty.ts';
import { openCase } from '../cases/open-case.ts';
import { recordPayment } from '../cases/record-payment.ts';
import { issueNotice } from '../documents/issue-notice.ts';
import { recordService } from '../documents/record-service.ts';
import { createReinspectionTask } from '../reinspections/create-reinspection-task.ts';
import { demoContextFor } from './seed-demo-draw.ts';
import { inspectDemoTask, skipRefusal } from './seed-demo-field-work.ts';

const HOUR = 3_600_000;
/** 09:30 China time of a day. */
const morningOf = (date: string) => new Date(`${date}T01:30:00Z`);

/**
 * The follow-up of last month's demo inspections, through the use cases (issue 14's demo): each record with a hazard
 * waiting for a notice gets a 责令限期改正通知书 the next working day, served in person. The second notice's 复查 finds
 * the hazards not corrected, so a case is opened, a 行政处罚决定书 (art. 60 para. 1
 * item 7, 10,000 CNY) decided, served and paid; every other notice's 复查 finds them corrected, except the last two:
 * the last has a long period and is still running, the one before it has passed its correction date without a 复查 (the
 * daily job then schedules one), so the 隐患闭环 shows it overdue. Anything the rules refuse (a deadline needing an
 * unentered year, say) is skipped.
 */
export async function seedDemoFollowUp(db: Db, o: { drawId: string; leads: ReadonlyMap<string, string>; now: Date }): Promise<void> {
  const today = localDate(o.now);
  const calendar = await loadHolidayCalendar(db);
  const tasks = (await listTasksOfDraw(db, o.drawId)).filter((t) => t.task.status === 'done');
  const records = await latestRecordsOfTasks(db, tasks.map((t) => t.task.id));
  const withHazards = tasks
    .map((t) => ({ t, record: records.get(t.task.id)! }))
    .filter((x) => x.record)
    .sort((a, b) => a.record.visitDate.localeCompare(b.record.visitDate));
  const notices: { id: string; leadUsername: string; taskId: string }[] = [];
  for (const [k, { t, record }] of withHazards.entries()) {
    const open = (await hazardsOfRecord(db, record.id)).filter((h) => h.stage === 'found');
    const leadUsername = o.leads.get(t.task.leadIds[0]!);
    if (open.length === 0 || !leadUsername) continue;
    const issueDate = safe(() => addWorkingDays(calendar, record.visitDate, 1));
    if (!issueDate || issueDate >= today) continue;
    const lead = await demoContextFor(db, leadUsername, morningOf(issueDate));
    const last = k === withHazards.length - 1;
    let noticeId: string | null = null;
    await skipRefusal(async () => {
      const issued = await issueNotice(lead, record.id, {
        type: 'deadline_notice',
        issueDate,
        periods: open.map((h) => ({ hazardId: h.id, workingDays: last ? 15 : 5 })),
      });
      noticeId = issued.document.id;
    });
    if (!noticeId) continue;
    const id: string = noticeId;
    await skipRefusal(() =>
      recordService(
        { ...lead, now: new Date(morningOf(issueDate).getTime() + 2 * HOUR) },
        id,
        serviceInPerson(new Date(morningOf(issueDate).getTime() + HOUR), t.unitAddress ?? ''),
      ),
    );
    notices.push({ id, leadUsername, taskId: t.task.id });
  }
  // Every notice but the last two: a 复查 on the first working day after the correction date.
  for (const [k, notice] of notices.slice(0, -2).entries()) {
    const due = (await hazardsOfNotice(db, notice.id)).map((h) => h.correctionDue).filter((d): d is string => d !== null).sort().at(-1);
    const visitDay = due ? safe(() => addWorkingDays(calendar, due, 1)) : null;
    if (!visitDay || visitDay >= today) continue;
    const admin = await demoContextFor(db, 'wucheng', new Date(morningOf(visitDay).getTime() - 3 * 24 * HOUR));
    let taskId: string | null = null;
    await skipRefusal(async () => {
      taskId = (await createReinspectionTask(admin, notice.id)).id;
    });
    if (!taskId) continue;
    const corrected = k !== 1;
    const done = await inspectDemoTask(db, notice.leadUsername, taskId, morningOf(visitDay), `reinspection-${notice.id}`, {
      unable: null,
      line: (l) => (corrected ? { result: 'pass', hazard: null } : { result: 'fail', hazard: { description: `逾期未改正：${l.text.replace(/^[^：]*：/, '')}`, location: l.text.split('：')[0] ?? '现场', legalBasis: '《中华人民共和国消防法》第六十条第一款第七项', fixedOnSpot: false } }),
    });
    if (!done || corrected) continue;
    await seedDemoCase(db, calendar, notice.taskId, visitDay, today);
  }
}

/** A case for the hazards the 复查 found not corrected: opened the next working day, decided a week later, served, paid. */
async function seedDemoCase(db: Db, calendar: Awaited<ReturnType<typeof loadHolidayCalendar>>, taskId: string, reinspectedOn: string, today: string) {
  const hazards = (await hazardsOfTask(db, taskId)).filter((h) => h.stage === 'case' && h.caseId === null);
  if (hazards.length === 0) return;
  const openedOn = safe(() => addWorkingDays(calendar, reinspectedOn, 1));
  const decidedOn = openedOn ? safe(() => addWorkingDays(calendar, openedOn, 5)) : null;
  if (!openedOn || !decidedOn || decidedOn >= today) return;
  const admin = await demoContextFor(db, 'wucheng', morningOf(openedOn));
  let caseId: string | null = null;
  await skipRefusal(async () => {
    caseId = (await openCase(admin, { unitId: hazards[0]!.unitId, hazardIds: hazards.map((h) => h.id), reason: '经复查，责令限期改正的火灾隐患逾期未改正', procedure: 'ordinary', partyKind: 'organisation', openedOn })).id;
  });
  if (!caseId) return;
  const id: string = caseId;
  let decisionId: string | null = null;
  await skipRefusal(async () => {
    decisionId = (await decidePenalty({ ...admin, now: morningOf(decidedOn) }, id, { provisionCode: '60-1-7', kind: 'fine', amount: 10000, procedure: 'ordinary', decidedOn, officers: [] })).decisionDocumentId;
  });
  if (!decisionId) return;
  const decision: string = decisionId;
  await skipRefusal(() =>
    recordService(
      { ...admin, now: new Date(morningOf(decidedOn).getTime() + 3 * HOUR) },
      decision,
      serviceInPerson(new Date(morningOf(decidedOn).getTime() + 2 * HOUR), '大队办公室', { name: '单位法定代表人', relation: '法定代表人' }),
    ),
  );
  const paidOn = safe(() => addWorkingDays(calendar, decidedOn, 4));
  if (paidOn && paidOn < today) await skipRefusal(() => recordPayment({ ...admin, now: morningOf(paidOn) }, id, { status: 'paid', paidOn, note: '当事人已通过银行缴纳罚款' }));
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/**
 * A document handed to the unit in person (直接送达), as the demo and the simulated year serve them: to its
 * 消防安全管理人 unless another recipient is named (a penalty decision goes to the 法定代表人).
 */
export function serviceInPerson(servedAt: Date, place: string, recipient = { name: '单位安全管理人', relation: '消防安全管理人' }) {
  return {
    method: 'direct' as const,
    servedAt: servedAt.toISOString(),
    place,
    recipientName: recipient.name,
    recipientRelation: recipient.relation,
    refusalReason: '',
    witness: '',
    postalTracking: '',
    electronicAddress: '',
    consentFile: null,
    evidenceFiles: [],
  };
}
