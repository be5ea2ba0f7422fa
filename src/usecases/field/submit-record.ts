import type { SubmitRecordRequest } from '../../contracts/field.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { recordBodyHash, submissionHash } from '../../domain/records/record-hash.ts';
import { filesOfRecord, validateRecord, type RecordProblem } from '../../domain/records/validate-record.ts';
import { decideTaskAction, roleOnTask, type TaskStatus } from '../../domain/tasks/task-lifecycle.ts';
import type { Tx } from '../../db/client.ts';
import { findTask, updateTaskRow } from '../../db/draw-queries.ts';
import {
  deleteInspectionHistoryOfTask,
  findExternalPeopleOfOrg,
  findRecord,
  flagUnitForReview,
  insertInspectionHistory,
  insertRecord,
  latestRecordsOfTasks,
  type InspectionRecordRow,
} from '../../db/field-queries.ts';
import { findStoredFiles } from '../../db/file-queries.ts';
import { findUnitById } from '../../db/unit-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { recordHazards } from '../documents/record-hazards.ts';
import { recordUnitHistory } from '../units/record-unit-history.ts';
import { inspectorOfActor } from './field-task-access.ts';
import { loadRecordBasis } from './task-checklist.ts';
import { afterReinspectionRecord } from '../reinspections/after-reinspection-record.ts';
import { recordResultEntry } from '../publication/record-result-entry.ts';

/** 无法检查 reasons that put the unit's existence or operation in doubt: the unit is flagged 待核实 (decision 0021). */
const FLAGGING_REASONS = { not_found: '现场检查：查无此单位', closed: '现场检查：单位已停业/歇业' } as const;

/**
 * Submits an inspection record made on the device (POST /api/field/records), in one transaction (decision 0020):
 * the record (version 1, or the next version for a correction) with the snapshot of the checklist it was judged
 * against; the task's status (done, or unable); for an inspection, the unit's inspection_history row (routine for a
 * monthly-plan draw, special for a campaign, dated the visit day) so the frequency rules see it at once; for
 * 无法检查 with 查无此单位 or 已停业, the unit flagged 待核实; and an audit entry carrying the body hash.
 *
 * Idempotent by the record's id: the same submission again returns the stored record (`replayed`); another
 * submission under that id is 409. Refused: not one's task (403); a task replaced or cancelled, a second record
 * without `corrects`, a correction of a superseded version (409); rule problems (400, every one listed); files not
 * uploaded yet (409, listed in `missing`).
 */
export async function submitRecord(ctx: UseCaseContext, input: SubmitRecordRequest): Promise<{ record: InspectionRecordRow; replayed: boolean }> {
  const { body, signatures, corrects } = input;
  return ctx.db.transaction(async (tx) => {
    const inspectorId = await inspectorOfActor(tx, ctx);
    const found = await findTask(tx, body.taskId, true);
    if (!found) throw new DomainError('NOT_FOUND', '任务不存在');
    const role = roleOnTask(found.task, inspectorId);
    if (role === null) throw new DomainError('FORBIDDEN', '您不是本任务的检查人员，不能提交检查记录');
    const hash = submissionHash({ body, signatures, corrects });
    const existing = await findRecord(tx, input.id);
    if (existing) {
      if (existing.taskId !== body.taskId || existing.submissionHash !== hash) {
        throw new DomainError('CONFLICT', '该检查记录编号已提交过不同的内容：已提交的记录不能修改，如需更正请提交更正记录');
      }
      return { record: existing, replayed: true };
    }
    const { task, draw } = found;
    const decision = decideTaskAction(task.status as TaskStatus, corrects ? 'correct_record' : 'submit_record', role, body.outcome);
    if (!decision.ok) throw new DomainError(decision.refusal === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT', decision.message);
    if (draw && draw.status !== 'executed') throw new DomainError('CONFLICT', '任务所属的抽取已作废，不能提交检查记录');
    const latest = (await latestRecordsOfTasks(tx, [task.id])).get(task.id) ?? null;
    if (corrects && latest && corrects.recordId !== latest.id) {
      throw new DomainError('CONFLICT', `只能更正本任务最新的检查记录（第 ${latest.version} 版），请刷新后重试`);
    }

    const { unit } = (await findUnitById(tx, task.unitId))!;
    const { snapshot, historyKind, code } = await loadRecordBasis(tx, task, draw, unit, new Set(body.lines.map((l) => l.versionId)));
    const bodyHash = recordBodyHash(body);
    const problems: RecordProblem[] = validateRecord({ taskId: task.id, body, signatures, bodyHash, applicable: snapshot.lines });
    const joint = await findExternalPeopleOfOrg(tx, task.orgId, body.jointStaffIds);
    for (const id of body.jointStaffIds) {
      if (!joint.some((j) => j.id === id)) problems.push({ path: 'body.jointStaffIds', message: `联合检查人员：编号 ${id.slice(0, 8)}… 不是本大队登记的部门人员或专家` });
    }
    if (problems.length > 0) throw problemsError(problems);
    await requireFiles(tx, body, signatures);

    const version = (latest?.version ?? 0) + 1;
    const visitDate = localDate(new Date(body.startedAt));
    const record: InspectionRecordRow = {
      id: input.id,
      taskId: task.id,
      version,
      correctsId: corrects?.recordId ?? null,
      correctionReason: corrects?.reason ?? null,
      outcome: body.outcome,
      body,
      bodyHash,
      signatures,
      submissionHash: hash,
      snapshot,
      visitDate,
      submittedBy: ctx.actor.accountId,
      submittedByInspector: inspectorId,
      submittedAt: ctx.now,
    };
    await insertRecord(tx, record);
    await updateTaskRow(tx, task.id, { status: decision.next, updatedAt: ctx.now });
    await recordHazards(tx, ctx, task, record);
    if (corrects) await deleteInspectionHistoryOfTask(tx, task.id);
    if (body.outcome === 'inspected') {
      await insertInspectionHistory(tx, {
        unitId: task.unitId,
        inspectedOn: visitDate,
        kind: historyKind,
        source: 'task',
        taskId: task.id,
        note: `检查记录 ${input.id}（第 ${version} 版）`,
      });
    }
    await recordResultEntry(tx, ctx, { task, brigadeName: found.org.name, drawCode: draw?.code ?? null, unit, record });
    if (task.kind === 'reinspection') await afterReinspectionRecord(tx, ctx, { task, record, unitName: unit.name });
    let flagged = false;
    const reason = body.unable?.reason;
    if (body.outcome === 'unable' && (reason === 'not_found' || reason === 'closed')) {
      const flagReason = `${FLAGGING_REASONS[reason]}（${visitDate}，${code}）：${body.unable!.detail}`;
      flagged = await flagUnitForReview(tx, task.unitId, flagReason.slice(0, 500), ctx.now);
      if (flagged) await recordUnitHistory(tx, ctx, [{ unitId: task.unitId, kind: 'flag', summary: { reason: flagReason, record: input.id } }]);
    }
    const hazards = body.lines.filter((l) => l.result === 'fail').length;
    await recordAudit(tx, ctx, {
      action: corrects ? 'record.correct' : 'record.submit',
      targetType: 'inspection_record',
      targetId: input.id,
      orgId: task.orgId,
      summary: {
        task: task.id,
        drawId: code,
        unit: unit.name,
        version,
        outcome: body.outcome,
        conclusion: body.conclusion,
        hazards,
        bodyHash,
        visitDate,
        corrects: corrects ? { record: corrects.recordId, reason: corrects.reason } : null,
        unitFlagged: flagged,
      },
    });
    return { record, replayed: false };
  });
}

function problemsError(problems: readonly RecordProblem[]): DomainError {
  const first = problems[0]!;
  const message = problems.length === 1 ? first.message : `${first.message}（共 ${problems.length} 处问题）`;
  const field = first.path.split('.')[0]!;
  return new DomainError('VALIDATION_FAILED', message, { field, path: first.path, problems: problems.map((p) => p.message) });
}

/** Every file the record names must be stored already, and be an image (409 listing the missing ones). */
async function requireFiles(tx: Tx, body: SubmitRecordRequest['body'], signatures: SubmitRecordRequest['signatures']): Promise<void> {
  const names = filesOfRecord(body, signatures);
  const stored = new Map((await findStoredFiles(tx, names)).map((f) => [f.sha256, f]));
  const missing = names.filter((s) => !stored.has(s));
  if (missing.length > 0) {
    throw new DomainError('CONFLICT', `有 ${missing.length} 个照片或签名文件尚未上传（${missing.map((m) => m.slice(0, 8)).join('、')}…），请先上传再提交`, { missing });
  }
  const notImage = names.find((s) => !stored.get(s)!.contentType.startsWith('image/'));
  if (notImage) throw new DomainError('VALIDATION_FAILED', `现场照片：文件 ${notImage.slice(0, 8)}… 不是图片`, { field: 'body' });
}
