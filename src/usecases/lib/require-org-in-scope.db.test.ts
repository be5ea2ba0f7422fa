import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness/db.ts';
import { createOrgTree } from '../../../test/harness/factories.ts';
import type { Actor } from '../../domain/access.ts';
import { createAnnualPlan } from '../plans/create-annual-plan.ts';
import type { UseCaseContext } from './context.ts';
import { requireOrgInScope } from './require-org-in-scope.ts';

let database: TestDatabase;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let brigadeAdminOfA: UseCaseContext;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await createOrgTree(database.db);
  const actor: Actor = {
    accountId: randomUUID(),
    username: 'a1',
    displayName: '大队管理员',
    role: 'brigade_admin',
    orgId: tree.brigadeA.id,
    orgPath: tree.brigadeA.path,
    orgKind: 'brigade',
  };
  brigadeAdminOfA = { db: database.db, actor, ip: null, now: new Date('2026-12-06T02:00:00Z') };
});
afterAll(async () => database.dispose());

describe('requireOrgInScope', () => {
  const field = { name: 'brigadeId', label: '所属大队' };

  it('returns the org a request names when it is in the actor’s subtree', async () => {
    const org = await requireOrgInScope(brigadeAdminOfA, database.db, tree.brigadeA.id, field);
    expect(org).toMatchObject({ id: tree.brigadeA.id, kind: 'brigade' });
  });

  it('refuses a missing org as a validation error naming the field', async () => {
    await expect(requireOrgInScope(brigadeAdminOfA, database.db, randomUUID(), field)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '所属大队：不存在',
      details: { field: 'brigadeId' },
    });
  });

  it('refuses an org outside the subtree with the very same answer, so its existence does not leak', async () => {
    for (const outside of [tree.brigadeB.id, tree.detachment.id]) {
      await expect(requireOrgInScope(brigadeAdminOfA, database.db, outside, field)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: '所属大队：不存在',
        details: { field: 'brigadeId' },
      });
    }
  });

  it('answers a plan for an org outside the subtree as it answers one for a missing org', async () => {
    const outside = createAnnualPlan(brigadeAdminOfA, { orgId: tree.brigadeB.id, year: 2027, name: '计划' });
    await expect(outside).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '制定单位：不存在', details: { field: 'orgId' } });
  });
});
