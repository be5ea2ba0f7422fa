import { composeResult, outcomeOf, publicationSearchGrams } from '../../domain/publication/compose-publication.ts';
import { PUBLICATION_OUTCOME_LABELS } from '../../domain/publication/publication-types.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Tx } from '../../db/client.ts';
import type { InspectionRecordRow } from '../../db/field-queries.ts';
import { findPublicationOfTask, insertPublication, updatePublication } from '../../db/publication-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';

type UnitFacts = { name: string; uscc: string; address: string | null; registeredAddress: string | null; districtCode: string | null };

/**
 * The result entry of a drawn task (decision 0024), made in the transaction that submits its record: a first record
 * makes the entry (待公示, due 20 working days from the visit); a corrected record composes it again — a pending
 * entry simply changes, a published one is republished with the correction (its content version counts up). 复查
 * tasks make no entry: 复查 is not a random check, and its outcome shows as the notice's state.
 */
export async function recordResultEntry(
  tx: Tx,
  ctx: UseCaseContext,
  input: { task: { id: string; kind: 'draw' | 'reinspection'; orgId: string; unitId: string; drawId: string | null }; brigadeName: string; drawCode: string | null; unit: UnitFacts; record: InspectionRecordRow },
): Promise<void> {
  const { task, record } = input;
  if (task.kind !== 'draw') return;
  const content = composeResult({ brigadeName: input.brigadeName, unit: input.unit, drawCode: input.drawCode, record: { body: record.body, snapshot: record.snapshot, version: record.version, visitDate: record.visitDate } });
  const columns = {
    content,
    eventDate: content.inspectedOn,
    unitName: content.unitName,
    uscc: content.uscc,
    districtCode: content.districtCode,
    outcome: outcomeOf(content),
    searchGrams: publicationSearchGrams(content),
    updatedAt: ctx.now,
  };
  const existing = await findPublicationOfTask(tx, task.id, true);
  if (existing) {
    await updatePublication(tx, existing.id, { ...columns, contentVersion: existing.contentVersion + 1 });
  } else {
    const row = await insertPublication(tx, { kind: 'result', orgId: task.orgId, unitId: task.unitId, taskId: task.id, drawId: task.drawId, createdOn: localDate(ctx.now), ...columns });
    await recordAudit(tx, ctx, {
      action: 'publication.create',
      targetType: 'publication',
      targetId: row.id,
      orgId: task.orgId,
      summary: { type: '抽查结果', unit: content.unitName, inspectedOn: content.inspectedOn, result: PUBLICATION_OUTCOME_LABELS[content.outcome] },
    });
  }
}
