import { randomUUID } from 'node:crypto';
import type { RecordBody } from '../../src/contracts/field.ts';
import type { Db } from '../../src/db/client.ts';
import { hazards, inspectionRecords, tasks } from '../../src/db/schema.ts';
import type { HazardStage } from '../../src/domain/hazards/hazard-stage.ts';

/**
 * A submitted inspection of `unitId` with `descriptions.length` hazards at `stage`, written directly (the records
 * module turns 不符合 lines into hazards; its own tests cover that path). The task is a 复查-kind task (no draw) in
 * status done, so it closes once its hazards are settled. Returns the task, the record and the hazards' ids in order.
 */
export async function createInspectionWithHazards(
  db: Db,
  input: { orgId: string; unitId: string; inspectorId: string; accountId: string; visitDate: string; descriptions: readonly string[]; stage?: HazardStage },
): Promise<{ taskId: string; recordId: string; hazardIds: string[] }> {
  const taskId = randomUUID();
  await db.insert(tasks).values({
    id: taskId,
    kind: 'reinspection',
    drawId: null,
    orgId: input.orgId,
    unitId: input.unitId,
    stratum: '复查',
    rank: 0,
    leadIds: [input.inspectorId],
    assistantIds: [],
    backups: { lead: [], assistant: [] },
    dueDate: input.visitDate,
    status: 'done',
    visitDate: input.visitDate,
  });
  const recordId = randomUUID();
  const body: RecordBody = {
    taskId,
    outcome: 'inspected',
    startedAt: `${input.visitDate}T09:00:00+08:00`,
    endedAt: `${input.visitDate}T10:00:00+08:00`,
    accompanying: { name: '', title: '' },
    jointStaffIds: [],
    lines: [],
    conclusion: null,
    unable: null,
    remarks: '',
  };
  await db.insert(inspectionRecords).values({
    id: recordId,
    taskId,
    version: 1,
    outcome: 'inspected',
    body,
    bodyHash: 'a'.repeat(64),
    signatures: { lead: null, assistant: null, representative: null },
    submissionHash: 'b'.repeat(64),
    snapshot: { lines: [] },
    visitDate: input.visitDate,
    submittedBy: input.accountId,
    submittedByInspector: input.inspectorId,
    submittedAt: new Date(`${input.visitDate}T02:00:00Z`),
  });
  const hazardIds: string[] = [];
  for (const [i, description] of input.descriptions.entries()) {
    const [row] = await db
      .insert(hazards)
      .values({
        orgId: input.orgId,
        unitId: input.unitId,
        taskId,
        recordId,
        lineCode: `L${i + 1}`,
        seq: i + 1,
        description,
        location: `${i + 1} 层`,
        legalBasis: '《中华人民共和国消防法》第十六条',
        fixedOnSpot: false,
        foundOn: input.visitDate,
        stage: input.stage ?? 'found',
      })
      .returning({ id: hazards.id });
    hazardIds.push(row!.id);
  }
  return { taskId, recordId, hazardIds };
}
