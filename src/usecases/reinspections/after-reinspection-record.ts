import { composeReinspectionOpinion } from '../../domain/documents/compose-reinspection-opinion.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { reinspectionOutcome } from '../../domain/reinspections/reinspection-checklist.ts';
import type { Tx } from '../../db/client.ts';
import { findDocument } from '../../db/document-queries.ts';
import type { TaskRow } from '../../db/draw-queries.ts';
import { findFieldPeople, type InspectionRecordRow } from '../../db/field-queries.ts';
import { hazardsOfReinspectionTasks } from '../../db/reinspection-queries.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { moveHazards } from '../documents/move-hazards.ts';
import type { UseCaseContext } from '../lib/context.ts';

/**
 * What a submitted 复查 record sets off, in the submitting transaction (decision 0023): the hazards of 符合 lines are
 * 已改正, those of 不符合 lines go to 立案查处 (stage case, no case yet: 待立案); and the 复查意见书 is issued, naming each
 * hazard 已改正 or 未改正, signed by the task's inspectors. A 无法检查 record changes nothing (the hazards stay 待复查).
 * A correction of a 复查 record is refused: its hazards have moved and its opinion is issued.
 */
export async function afterReinspectionRecord(tx: Tx, ctx: UseCaseContext, input: { task: TaskRow; record: InspectionRecordRow; unitName: string }): Promise<void> {
  const { task, record } = input;
  if (record.correctsId !== null) {
    throw new DomainError('CONFLICT', '复查记录提交后已开具复查意见书、隐患已流转，不能更正；如有错误请作废复查意见书后重新安排复查');
  }
  if (record.outcome !== 'inspected') return;
  const notice = task.followsDocumentId ? await findDocument(tx, task.followsDocumentId) : null;
  if (!notice) throw new DomainError('CONFLICT', '复查任务所依据的通知书不存在');
  const hazards = (await hazardsOfReinspectionTasks(tx, [task.id], true)).filter((h) => h.stage === 'reinspection');
  const { corrected, notCorrected } = reinspectionOutcome(hazards, record.body.lines);
  if (corrected.length > 0) await moveHazards(tx, ctx, corrected.map((h) => h.id), 'reinspected_corrected');
  if (notCorrected.length > 0) await moveHazards(tx, ctx, notCorrected.map((h) => h.id), 'reinspected_not_corrected', { caseId: null });
  const people = new Map((await findFieldPeople(tx, [...task.leadIds, ...task.assistantIds])).map((p) => [p.id, p]));
  const inspectors = [...task.leadIds, ...task.assistantIds].flatMap((id) => {
    const p = people.get(id);
    return p ? [{ name: p.name, certificateNo: p.certificateNo }] : [];
  });
  const resultOf = new Set(corrected.map((h) => h.id));
  await issueDocument(tx, ctx, {
    orgId: task.orgId,
    unitId: task.unitId,
    type: 'reinspection_opinion',
    issueDate: localDate(ctx.now),
    taskId: task.id,
    recordId: record.id,
    compose: (stamp) =>
      composeReinspectionOpinion({
        stamp,
        addressee: input.unitName,
        noticeNumber: notice.number,
        inspectedOn: record.visitDate,
        items: [...corrected, ...notCorrected]
          .sort((a, b) => a.seq - b.seq)
          .map((h) => ({ location: h.location, description: h.description, corrected: resultOf.has(h.id) })),
        inspectors,
      }),
    auditSummary: { notice: notice.number, corrected: corrected.length, notCorrected: notCorrected.length },
  });
}
