import { composeInspectionRecord } from '../../domain/documents/compose-inspection-record.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate, localTimeText } from '../../domain/local-date.ts';
import { liveDocumentsOfRecord, type DocumentRow } from '../../db/document-queries.ts';
import { findRecordDetail } from '../../db/field-queries.ts';
import { findUnitById } from '../../db/unit-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { requireActOnTask } from './document-access.ts';
import { issueDocument } from './issue-document.ts';
import { signersOfTask } from './notice-signers.ts';

/**
 * Issues the 消防监督检查记录 of a submitted record as a numbered document (POST /api/records/:id/record-document): the
 * unit's facts, every line with its result, the findings, and the documents already issued for it. Once per record
 * version (409 the second time; a corrected record version gets its own).
 */
export async function issueRecordDocument(ctx: UseCaseContext, recordId: string): Promise<DocumentRow> {
  requirePermission(ctx.actor, 'plans.read');
  return ctx.db.transaction(async (tx) => {
    const detail = await findRecordDetail(tx, recordId);
    if (!detail) throw new DomainError('NOT_FOUND', '检查记录不存在');
    requireInScope(ctx.actor, detail.orgPath, '检查记录');
    const { record, task } = detail;
    await requireActOnTask(ctx, tx, detail.orgPath, task.id);
    if (record.outcome !== 'inspected') throw new DomainError('CONFLICT', '无法检查的记录不能开具消防监督检查记录');
    const issued = await liveDocumentsOfRecord(tx, record.id);
    const existing = issued.find((d) => d.docType === 'inspection_record');
    if (existing) throw new DomainError('CONFLICT', `该检查记录已开具 ${existing.number}，不能重复开具`);
    const unit = (await findUnitById(tx, task.unitId))?.unit;
    const inspectors = await signersOfTask(tx, task);
    const texts = new Map(record.snapshot.lines.map((l) => [`${l.versionId}|${l.code}`, l.text]));
    return issueDocument(tx, ctx, {
      orgId: task.orgId,
      unitId: task.unitId,
      type: 'inspection_record',
      issueDate: localDate(ctx.now),
      taskId: task.id,
      recordId: record.id,
      compose: (stamp) =>
        composeInspectionRecord(stamp, {
          unitName: detail.unitName,
          unitAddress: unit?.address ?? '',
          inspectedOn: record.visitDate,
          timeRange: `${localTimeText(new Date(record.body.startedAt))}–${localTimeText(new Date(record.body.endedAt))}`,
          accompanying: [record.body.accompanying.name, record.body.accompanying.title].filter(Boolean).join('，'),
          inspectors,
          lines: record.body.lines.map((l) => ({
            code: l.code,
            text: texts.get(`${l.versionId}|${l.code}`) ?? l.code,
            result: l.result,
            hazard: l.hazard ? { location: l.hazard.location, description: l.hazard.description, fixedOnSpot: l.hazard.fixedOnSpot } : null,
          })),
          conclusion: record.body.conclusion,
          remarks: record.body.remarks,
          documentsIssued: issued.map((d) => `${d.number} ${DOCUMENT_TYPE_LABELS[d.docType as DocumentType] ?? ''}`.trim()),
          replaces: null,
        }),
      auditSummary: { record: record.id },
    });
  });
}
