import { localDate, startOfLocalDay } from '../../domain/local-date.ts';
import { roleOnTask } from '../../domain/tasks/task-lifecycle.ts';
import { findInspectorsByIds } from '../../db/inspector-queries.ts';
import {
  findFieldPeople,
  latestMessagesOfTasks,
  latestRecordsOfTasks,
  listConfirmations,
  listExternalChoices,
  listFieldTaskRows,
  listInspectionsOfUnits,
} from '../../db/field-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { inspectorOfActor } from './field-task-access.ts';
import { loadTaskChecklists } from './task-checklist.ts';
import { loadReinspectionChecklists } from '../reinspections/reinspection-checklists.ts';

const DAY = 86_400_000;

/**
 * What the device loads to work offline (GET /api/field/tasks): the tasks the account's inspector is on as 主办 or
 * 协办 — every open task whose draw period has begun by today + `days` (the lead must see a task to set its visit
 * day, whatever its due date), every open 复查 task (its checklist: the notice's hazards), and those whose record was
 * submitted today — each with the unit's facts, the team with
 * their 执法证号, the org's joint-inspection choices, the unit's previous inspections, the checklist lines that apply
 * (published versions in force) and the latest record.
 */
export async function getFieldBundle(ctx: UseCaseContext, days: number) {
  const inspectorId = await inspectorOfActor(ctx.db, ctx);
  const today = localDate(ctx.now);
  const until = localDate(new Date(startOfLocalDay(today).getTime() + days * DAY));
  const rows = await listFieldTaskRows(ctx.db, inspectorId, { until, since: startOfLocalDay(today) });
  const taskIds = rows.map((r) => r.task.id);
  const [me] = await findInspectorsByIds(ctx.db, [inspectorId]);
  const people = new Map((await findFieldPeople(ctx.db, rows.flatMap((r) => [...r.task.leadIds, ...r.task.assistantIds]))).map((p) => [p.id, p]));
  const external = await listExternalChoices(ctx.db, [...new Set(rows.map((r) => r.task.orgId))]);
  const history = await listInspectionsOfUnits(ctx.db, rows.map((r) => r.unit.id));
  const checklists = await loadTaskChecklists(ctx.db, rows.flatMap((r) => (r.task.drawId ? [r.task.drawId] : [])));
  const reinspections = await loadReinspectionChecklists(ctx.db, rows.map((r) => r.task));
  const records = await latestRecordsOfTasks(ctx.db, taskIds);
  const confirmations = await listConfirmations(ctx.db, [...records.values()].map((r) => r.id));
  const messages = await latestMessagesOfTasks(ctx.db, taskIds);
  return {
    today,
    inspector: { id: inspectorId, name: me?.name ?? '' },
    at: ctx.now,
    tasks: rows.map((r) => {
      const record = records.get(r.task.id) ?? null;
      return {
        row: r,
        myRole: roleOnTask(r.task, inspectorId) ?? 'assistant',
        people: [
          ...r.task.leadIds.map((id) => ({ id, role: 'lead' as const })),
          ...r.task.assistantIds.map((id) => ({ id, role: 'assistant' as const })),
        ].map((p) => ({ ...p, name: people.get(p.id)?.name ?? '', certificateNo: people.get(p.id)?.certificateNo ?? null })),
        jointStaffChoices: external.filter((e) => e.orgId === r.task.orgId),
        previousInspections: history.filter((h) => h.unitId === r.unit.id && h.taskId !== r.task.id).slice(0, 5),
        checklist: r.task.drawId
          ? checklists.snapshotOf(r.task.drawId, r.unit, record ? new Set(record.body.lines.map((l) => l.versionId)) : undefined)
          : { lines: reinspections.get(r.task.id)?.lines ?? [] },
        followsNotice: reinspections.get(r.task.id)?.notice ?? null,
        record,
        assistantConfirmed: record !== null && (record.signatures.assistant !== null || confirmations.some((c) => c.recordId === record.id)),
        message: messages.get(r.task.id) ?? null,
      };
    }),
  };
}
