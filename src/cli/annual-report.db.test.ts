import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnnualReport } from './annual-report.ts';
import { documents, inspectionHistory, inspectionRecords, tasks } from '../db/schema.ts';
import { findOrgById } from '../db/org-queries.ts';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { createDrawFixture, createInspectedTask } from '../../test/harness/documents.ts';
import { createAccountFixture, createInspectorFixture, createOrg, createOrgTree, createUnitFixture, type OrgFixture } from '../../test/harness/factories.ts';
import { penaltyContent, plantPublication } from '../../test/harness/publications.ts';
import { findBrigadeForReport, gatherAnnualReport } from '../usecases/reports/annual-report.ts';

/*
 * A small year of one brigade: five drawn tasks (two with hazards, one of them a joint inspection, one clean, one
 * 无法检查, one not yet visited), a replaced task that does not count, a notice, a fine and, for last year, two legacy
 * inspections only.
 */

let database: TestDatabase;
let brigade: OrgFixture;
let detachmentName: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const tree = await createOrgTree(db);
  brigade = await createOrg(db, tree.detachment, 'brigade', '金东区消防救援大队');
  detachmentName = tree.detachment.name;
  const admin = await createAccountFixture(db, { role: 'brigade_admin', org: brigade });
  const inspector = await createInspectorFixture(db, { orgId: brigade.id });
  await createInspectorFixture(db, { orgId: brigade.id });
  const drawId = await createDrawFixture(db, brigade.id, admin.id);
  const unit = () => createUnitFixture(db, { brigadeId: brigade.id });
  const inspect = async (visitDate: string, hazards: { location: string; description: string }[]) =>
    createInspectedTask(db, { drawId, orgId: brigade.id, unitId: await unit(), leadIds: [inspector], accountId: admin.id, visitDate, hazards });

  const correct = async (recordId: string, change: (v1: typeof inspectionRecords.$inferSelect) => Partial<typeof inspectionRecords.$inferInsert>) => {
    const [v1] = await db.select().from(inspectionRecords).where(eq(inspectionRecords.id, recordId));
    await db.insert(inspectionRecords).values({ ...v1!, ...change(v1!), id: randomUUID(), version: 2, correctsId: v1!.id, correctionReason: '更正' });
  };
  const joint = await inspect('2026-11-10', [
    { location: '一层', description: '安全出口上锁' },
    { location: '二层', description: '灭火器过期' },
  ]);
  // Records are never changed: a correction (version 2) names the joint staff, and the latest version is what counts.
  await correct(joint.recordId, (v1) => ({ body: { ...v1.body, jointStaffIds: [randomUUID()] } }));
  await inspect('2026-11-12', [{ location: '三层', description: '疏散通道堆放杂物' }]);
  await inspect('2026-11-13', []);
  const unable = await inspect('2026-11-14', []);
  await db.update(tasks).set({ status: 'unable' }).where(eq(tasks.id, unable.taskId));
  await correct(unable.recordId, (v1) => ({
    outcome: 'unable',
    body: { ...v1.body, outcome: 'unable', conclusion: null, unable: { reason: 'closed', observation: '已停业', photos: [] } as never },
  }));
  const base = { drawId, orgId: brigade.id, stratum: 'general', leadIds: [inspector], assistantIds: [], backups: { lead: [], assistant: [] }, dueDate: '2026-12-31' };
  await db.insert(tasks).values({ ...base, unitId: await unit(), rank: 90, status: 'assigned' });
  await db.insert(tasks).values({ ...base, unitId: await unit(), rank: 91, status: 'replaced' });

  const noticeUnit = await unit();
  await db.insert(documents).values({
    orgId: brigade.id,
    unitId: noticeUnit,
    docType: 'deadline_notice',
    number: '金消限字〔2026〕第0001号',
    year: 2026,
    seq: 1,
    issueDate: '2026-11-10',
    content: {} as never,
    contentHash: 'c'.repeat(64),
    checkCode: 'ANNUAL0000000001',
    issuedBy: admin.id,
    issuedAt: new Date('2026-11-10T02:00:00Z'),
  });
  await plantPublication(db, { orgId: brigade.id, unitId: noticeUnit }, penaltyContent({ fineAmount: 8000, decidedOn: '2026-11-25' }));
  for (const inspectedOn of ['2025-03-01', '2025-06-01'])
    await db.insert(inspectionHistory).values({ unitId: noticeUnit, inspectedOn, kind: 'routine', source: 'legacy' });
}, 60_000);
afterAll(async () => {
  await database.dispose();
});

describe('gatherAnnualReport', () => {
  it('counts the year from tasks, latest records, hazards, notices and cases', async () => {
    const org = (await findOrgById(database.db, brigade.id))!;
    const { current, previous, addressee } = await gatherAnnualReport(database.db, org, 2026, '2026-12-31');
    expect(addressee).toBe(detachmentName);
    expect(current).toMatchObject({
      source: 'system',
      unitsInRegistry: 7,
      inspectors: 2,
      drawn: 5,
      inspected: 3,
      unable: 1,
      withHazards: 2,
      hazards: 3,
      jointInspections: 1,
      notices: 1,
      penalties: 1,
      fineAmount: 8000,
      completionRate: 60,
      failureRate: 66.7,
    });
    expect(current.unableByReason).toEqual([{ reason: 'closed', count: 1 }]);
    expect(current.months[11]).toEqual({ month: 12, drawn: 5, inspected: 3, withHazards: 2 });
    expect(current.topHazards.map((h) => h.count)).toEqual([1, 1, 1]);
    expect(previous).toMatchObject({ source: 'legacy', inspected: 2, drawn: null });
  });
});

describe('annual-report on the command line', () => {
  it('finds the brigade by part of its name and writes a .docx with the right figures', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'annual-')), 'report.docx');
    const code = await runAnnualReport(database.db, ['--brigade', '金东', '--year', '2026', '--out', out], new Date('2026-12-20T02:00:00Z'));
    expect(code).toBe(0);
    const xml = strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('金东区消防救援大队关于2026年度消防监督“双随机、一公开”抽查情况的报告');
    expect(text).toContain('“双随机”抽查单位5家');
    expect(text).toContain('不合格单位2家');
    expect(text).toContain('罚款金额8,000元');
    expect(text).toContain('“跨部门”联合检查1次');
    expect(text).toContain('2026年12月20日');
  });

  it('refuses an unknown or ambiguous brigade and a bad year in Chinese', async () => {
    await expect(findBrigadeForReport(database.db, '不存在')).rejects.toThrow('大队：找不到名称含“不存在”的大队');
    await expect(findBrigadeForReport(database.db, '大队')).rejects.toThrow(/对应多个大队/);
    await expect(runAnnualReport(database.db, ['--brigade', '金东', '--year', '26', '--out', 'x.docx'])).rejects.toThrow('参数 --year：应为四位数字的年份，如 2026');
    await expect(runAnnualReport(database.db, ['--brigade', '金东', '--out', 'x.docx'])).rejects.toThrow('参数 --year：请给出年份，如 --year 2026');
  });
});
