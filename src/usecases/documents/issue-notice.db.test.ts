import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../../../test/harness/db.ts';
import { createDrawFixture, createInspectedTask } from '../../../test/harness/documents.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../test/harness/factories.ts';
import { documents, orgs } from '../../db/schema.ts';
import type { Actor } from '../../domain/access.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { issueNotice } from './issue-notice.ts';
import { voidDocument } from './void-document.ts';

/*
 * Numbers under load (decision 0023): twenty notices issued at once on twenty records of one brigade get 1..20 — no
 * gap, no twin; a refused issue takes no number; a voided number stays, shown voided. Runs on PGlite and PostgreSQL
 * (DATABASE_URL=postgres://… npx vitest run this file).
 */

let database: TestDatabase;
let ctx: UseCaseContext;
const records: { recordId: string; hazardIds: string[] }[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const tree = await createOrgTree(db);
  await db.update(orgs).set({ docPrefix: '婺' }).where(eq(orgs.id, tree.brigadeA.id));
  const admin = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const actor: Actor = { accountId: admin.id, username: admin.username, displayName: '管理员', role: 'brigade_admin', orgId: tree.brigadeA.id, orgPath: tree.brigadeA.path, orgKind: 'brigade' };
  ctx = { db, actor, ip: null, now: new Date('2026-12-04T02:00:00Z') };
  const inspector = await createInspectorFixture(db, { orgId: tree.brigadeA.id });
  const drawId = await createDrawFixture(db, tree.brigadeA.id, admin.id);
  for (let i = 0; i < 21; i++) {
    const unitId = await createUnitFixture(db, { brigadeId: tree.brigadeA.id });
    const made = await createInspectedTask(db, { drawId, orgId: tree.brigadeA.id, unitId, leadIds: [inspector], accountId: admin.id, visitDate: '2026-12-02', hazards: [{ location: '一层', description: `隐患${i}` }] });
    records.push(made);
  }
}, 60_000);
afterAll(async () => {
  await database.dispose();
});

const issue = (r: { recordId: string; hazardIds: string[] }) =>
  issueNotice(ctx, r.recordId, { type: 'deadline_notice', periods: r.hazardIds.map((hazardId) => ({ hazardId, workingDays: 5 })) });

describe('document numbers', () => {
  it('gives twenty concurrent notices the numbers 1..20: consecutive, no gap, no twin', async () => {
    const issued = await Promise.all(records.slice(0, 20).map(issue));
    const seqs = issued.map((i) => i.document.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(issued.map((i) => i.document.number)).size).toBe(20);
    expect(issued.map((i) => i.document.number)).toContain('婺消限字〔2026〕第0020号');
  }, 60_000);

  it('a refused issue (the same hazards again) takes no number; a voided number stays, voided', async () => {
    const refused = await Promise.allSettled([issue(records[3]!), issue(records[7]!)]);
    expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const next = await issue(records[20]!);
    expect(next.document.number).toBe('婺消限字〔2026〕第0021号');
    await voidDocument(ctx, next.document.id, '误开');
    const rows = await database.db.select({ seq: documents.seq, status: documents.status }).from(documents);
    expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(rows.find((r) => r.seq === 21)?.status).toBe('voided');
    // The voided number is not given again.
    const again = await issue(records[20]!);
    expect(again.document.number).toBe('婺消限字〔2026〕第0022号');
  }, 60_000);
});
