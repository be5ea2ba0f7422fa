import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { createDrawFixture, createInspectedTask } from '../../test/harness/documents.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../test/harness/factories.ts';
import { hazards, inspectionRecords } from './schema.ts';

/*
 * Migration 0022 makes hazards for records submitted before hazards were rows: the latest version per task, one per
 * 不符合 line in line order, fixed on the spot → corrected that day. Run again, it changes nothing.
 */

let database: TestDatabase;
const BACKFILL = fs.readFileSync(path.join(import.meta.dirname, 'migrations/0022_hazards_backfill.sql'), 'utf8');

beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(async () => {
  await database.dispose();
});

describe('0022 hazards backfill', () => {
  it('backfills the latest record’s 不符合 lines and is idempotent', async () => {
    const db = database.db;
    const tree = await createOrgTree(db);
    const admin = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
    const inspector = await createInspectorFixture(db, { orgId: tree.brigadeA.id });
    const drawId = await createDrawFixture(db, tree.brigadeA.id, admin.id);
    const unitId = await createUnitFixture(db, { brigadeId: tree.brigadeA.id });
    const made = await createInspectedTask(db, {
      drawId,
      orgId: tree.brigadeA.id,
      unitId,
      leadIds: [inspector],
      accountId: admin.id,
      visitDate: '2026-11-20',
      hazards: [{ location: '一层', description: '安全出口上锁' }, { location: '二层', description: '灭火器过期', fixedOnSpot: true }],
    });
    // As before hazards were rows: version 1 without hazards, and a version 2 (a correction) without hazards either.
    await db.delete(hazards).where(eq(hazards.recordId, made.recordId));
    const [v1] = await db.select().from(inspectionRecords).where(eq(inspectionRecords.id, made.recordId));
    const v2 = randomUUID();
    await db.insert(inspectionRecords).values({ ...v1!, id: v2, version: 2, correctsId: v1!.id, correctionReason: '更正' });

    await db.execute(sql.raw(BACKFILL));
    await db.execute(sql.raw(BACKFILL));
    const rows = await db.select().from(hazards).where(eq(hazards.taskId, made.taskId));
    expect(rows.map((h) => [h.recordId, h.seq, h.lineCode, h.location, h.stage, h.foundOn, h.closedOn]).sort()).toEqual([
      [v2, 1, '1.1', '一层', 'found', '2026-11-20', null],
      [v2, 2, '1.2', '二层', 'corrected', '2026-11-20', '2026-11-20'],
    ]);
  });
});
