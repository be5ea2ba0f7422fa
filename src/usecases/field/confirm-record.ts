import type { Signature } from '../../contracts/field.ts';
import { DomainError } from '../../domain/errors.ts';
import type { TaskStatus } from '../../domain/tasks/task-lifecycle.ts';
import { decideTaskAction, roleOnTask } from '../../domain/tasks/task-lifecycle.ts';
import { findTask } from '../../db/draw-queries.ts';
import { findRecord, insertConfirmation, latestRecordsOfTasks, missingFiles } from '../../db/field-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { inspectorOfActor } from './field-task-access.ts';

/**
 * The 协办 confirms a submitted record on their own device (decision 0020): a handwritten signature over the same
 * body hash, of the task's latest version. A repeat is harmless. Refused: not the task's assistant (403); a hash
 * other than the record's, or a superseded version (409); a signature image not uploaded yet (409, `missing`).
 */
export async function confirmRecord(ctx: UseCaseContext, recordId: string, input: { bodyHash: string; signature: Signature }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const inspectorId = await inspectorOfActor(tx, ctx);
    const record = await findRecord(tx, recordId);
    if (!record) throw new DomainError('NOT_FOUND', '检查记录不存在');
    const found = (await findTask(tx, record.taskId, true))!;
    const decision = decideTaskAction(found.task.status as TaskStatus, 'confirm_record', roleOnTask(found.task, inspectorId));
    if (!decision.ok) throw new DomainError(decision.refusal === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT', decision.message);
    const latest = (await latestRecordsOfTasks(tx, [record.taskId])).get(record.taskId)!;
    if (latest.id !== record.id) throw new DomainError('CONFLICT', `该记录已被更正（现为第 ${latest.version} 版），请确认最新版本`);
    if (input.bodyHash !== record.bodyHash || input.signature.signedHash !== record.bodyHash) {
      throw new DomainError('CONFLICT', '确认的内容与已提交的检查记录不一致：请刷新记录后重新签名确认');
    }
    if (input.signature.kind !== 'signed') throw new DomainError('VALIDATION_FAILED', '协办人员签名：协办人员须亲笔签名', { field: 'signature' });
    const missing = await missingFiles(tx, [input.signature.image]);
    if (missing.length > 0) throw new DomainError('CONFLICT', '签名图片尚未上传，请先上传再确认', { missing });
    const inserted = await insertConfirmation(tx, {
      recordId,
      inspectorId,
      bodyHash: record.bodyHash,
      signature: input.signature,
      confirmedBy: ctx.actor.accountId,
      confirmedAt: ctx.now,
    });
    if (!inserted) return;
    await recordAudit(tx, ctx, {
      action: 'record.confirm',
      targetType: 'inspection_record',
      targetId: recordId,
      orgId: found.task.orgId,
      summary: { task: record.taskId, version: record.version, bodyHash: record.bodyHash },
    });
  });
}
