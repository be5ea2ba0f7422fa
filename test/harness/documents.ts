import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client.ts';
import type { RecordBody } from '../../src/contracts/field.ts';
import { draws, hazards, inspectionRecords, specialCampaigns, tasks } from '../../src/db/schema.ts';
import { hazardsFromRecord } from '../../src/domain/hazards/hazards-from-record.ts';

/*
 * Inspected tasks for the documents' tests, written directly (the field routes' own tests cover submitting a record):
 * an executed campaign draw, a task per unit, a record with 不符合 lines and the hazards submitting it makes.
 */

let n = 0;

/** An executed draw of a (published) campaign of the brigade: tasks need one. */
export async function createDrawFixture(db: Db, orgId: string, accountId: string): Promise<string> {
  n += 1;
  const [campaign] = await db
    .insert(specialCampaigns)
    .values({ orgId, name: `专项${n}`, startsOn: '2026-12-01', endsOn: '2026-12-31', settings: {} as never, status: 'published', createdBy: accountId })
    .returning({ id: specialCampaigns.id });
  const at = new Date('2026-12-01T01:00:00Z');
  const [draw] = await db
    .insert(draws)
    .values({
      code: `T${Date.now().toString(36)}${n}`,
      orgId,
      campaignId: campaign!.id,
      status: 'executed',
      manifest: {} as never,
      manifestHash: 'a'.repeat(64),
      periodStart: '2026-12-01',
      dueDate: '2026-12-31',
      frozenAt: at,
      frozenBy: accountId,
      executedAt: at,
      executedBy: accountId,
    })
    .returning({ id: draws.id });
  return draw!.id;
}

export type HazardLine = { location: string; description: string; legalBasis?: string; fixedOnSpot?: boolean };

/** A done task with a submitted record (version 1) whose lines fail as given, and its hazards; returns the ids. */
export async function createInspectedTask(
  db: Db,
  input: { drawId: string; orgId: string; unitId: string; leadIds: string[]; assistantIds?: string[]; accountId: string; visitDate: string; hazards: HazardLine[] },
): Promise<{ taskId: string; recordId: string; hazardIds: string[] }> {
  n += 1;
  const [task] = await db
    .insert(tasks)
    .values({
      drawId: input.drawId,
      orgId: input.orgId,
      unitId: input.unitId,
      stratum: 'general',
      rank: n,
      leadIds: input.leadIds,
      assistantIds: input.assistantIds ?? [],
      backups: { lead: [], assistant: [] },
      dueDate: '2026-12-31',
      status: 'done',
      visitDate: input.visitDate,
    })
    .returning({ id: tasks.id });
  const taskId = task!.id;
  const recordId = randomUUID();
  const lines = input.hazards.map((h, i) => ({
    versionId: randomUUID(),
    code: `1.${i + 1}`,
    result: 'fail' as const,
    note: '',
    uncheckedReason: '',
    hazard: { description: h.description, location: h.location, legalBasis: h.legalBasis ?? '《中华人民共和国消防法》第二十八条', fixedOnSpot: h.fixedOnSpot ?? false },
    photos: [],
  }));
  const body: RecordBody = {
    taskId,
    outcome: 'inspected',
    startedAt: `${input.visitDate}T09:00:00+08:00`,
    endedAt: `${input.visitDate}T10:00:00+08:00`,
    accompanying: { name: '', title: '' },
    jointStaffIds: [],
    lines,
    conclusion: lines.length > 0 ? 'hazards_found' : 'no_hazard',
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
    submittedByInspector: input.leadIds[0]!,
    submittedAt: new Date(`${input.visitDate}T02:00:00Z`),
  });
  const rows = hazardsFromRecord(lines, input.visitDate).map((h) => ({ ...h, orgId: input.orgId, unitId: input.unitId, taskId, recordId }));
  const inserted = rows.length > 0 ? await db.insert(hazards).values(rows).returning({ id: hazards.id, seq: hazards.seq }) : [];
  return { taskId, recordId, hazardIds: inserted.sort((a, b) => a.seq - b.seq).map((h) => h.id) };
}
