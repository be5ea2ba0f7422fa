import { DomainError } from '../../domain/errors.ts';
import { filesOfRecord } from '../../domain/records/validate-record.ts';
import { inspectorNames } from '../../db/draw-queries.ts';
import { findRecordDetail, listConfirmations } from '../../db/field-queries.ts';
import { findStoredFiles } from '../../db/file-queries.ts';
import { findAccountById } from '../../db/account-queries.ts';
import { findExternalPeopleByIds } from '../../db/inspector-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/**
 * One inspection record with its files, the 协办's confirmation, who submitted it, the task's people and the joint staff
 * by name (admin view, in scope).
 */
export async function getRecord(ctx: UseCaseContext, id: string) {
  requirePermission(ctx.actor, 'plans.read');
  const detail = await findRecordDetail(ctx.db, id);
  if (!detail) throw new DomainError('NOT_FOUND', '检查记录不存在');
  requireInScope(ctx.actor, detail.orgPath, '检查记录');
  const { record } = detail;
  const files = await findStoredFiles(ctx.db, filesOfRecord(record.body, record.signatures));
  const confirmations = await listConfirmations(ctx.db, [record.id]);
  const { task } = detail;
  const names = await inspectorNames(ctx.db, [record.submittedByInspector, ...task.leadIds, ...task.assistantIds]);
  const submitter = await findAccountById(ctx.db, record.submittedBy);
  const jointStaff = await findExternalPeopleByIds(ctx.db, record.body.jointStaffIds);
  return {
    ...detail,
    files,
    confirmations,
    names,
    jointStaff: record.body.jointStaffIds.map((id) => {
      const person = jointStaff.find((p) => p.id === id);
      return { id, name: person?.name ?? '（已删除）', organization: person?.organization ?? '' };
    }),
    submittedByName: names.get(record.submittedByInspector) ?? submitter?.account.displayName ?? '',
  };
}
