import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/domain/access.ts';
import type { Db } from '../../src/db/client.ts';
import { accounts, inspectors, orgs, units } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/usecases/lib/passwords.ts';

export const TEST_PASSWORD = 'Test1234pass';

let counter = 0;
const next = () => ++counter;
const hashCache = new Map<string, Promise<string>>();
const cachedHash = (password: string) => {
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  return hashCache.get(password)!;
};

export type OrgFixture = { id: string; path: string; name: string; kind: 'corps' | 'detachment' | 'brigade' };

export async function createOrg(db: Db, parent: OrgFixture | null, kind: OrgFixture['kind'], name?: string): Promise<OrgFixture> {
  const id = randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  const n = next();
  const orgName = name ?? `测试${{ corps: '总队', detachment: '支队', brigade: '大队' }[kind]}${n}`;
  await db.insert(orgs).values({
    id,
    parentId: parent?.id ?? null,
    kind,
    name: orgName,
    shortName: orgName.slice(0, 8),
    divisionCode: String(330100 + (n % 800)),
    path,
  });
  return { id, path, name: orgName, kind };
}

/** 总队 → 支队 → 大队 A and 大队 B: the smallest tree that can show scoping. */
export async function createOrgTree(db: Db) {
  const corps = await createOrg(db, null, 'corps');
  const detachment = await createOrg(db, corps, 'detachment');
  const brigadeA = await createOrg(db, detachment, 'brigade');
  const brigadeB = await createOrg(db, detachment, 'brigade');
  return { corps, detachment, brigadeA, brigadeB };
}

export type AccountFixture = { id: string; username: string; password: string; role: Role; orgId: string };

export async function createAccountFixture(
  db: Db,
  options: { role: Role; org: OrgFixture; username?: string; password?: string; disabled?: boolean },
): Promise<AccountFixture> {
  const username = options.username ?? `u${next()}_${options.role.replace('_', '')}`;
  const password = options.password ?? TEST_PASSWORD;
  const [row] = await db
    .insert(accounts)
    .values({
      username,
      displayName: `测试${username}`,
      role: options.role,
      orgId: options.org.id,
      passwordHash: await cachedHash(password),
      disabledAt: options.disabled ? new Date() : null,
    })
    .returning({ id: accounts.id });
  return { id: row!.id, username, password, role: options.role, orgId: options.org.id };
}

/** A valid 统一社会信用代码 made from a number (GB 32100-2015 check character computed). */
export function usccFor(n: number): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `9133070${String(n).padStart(10, '0')}`.slice(0, 17);
  const sum = [...body].reduce((s, ch, i) => s + charset.indexOf(ch) * weights[i]!, 0);
  return body + charset[(31 - (sum % 31)) % 31];
}

export type UnitFixtureInput = Partial<typeof units.$inferInsert> & { brigadeId: string };

/** Inserts a unit (active, general, with a usable address unless told otherwise) and returns its id. */
export async function createUnitFixture(db: Db, input: UnitFixtureInput): Promise<string> {
  const n = next();
  const [row] = await db
    .insert(units)
    .values({ uscc: usccFor(n * 7919 + 13), name: `测试单位${n}`, address: `测试路${n}号`, category: 'general', ...input })
    .returning({ id: units.id });
  return row!.id;
}

/** Inserts an inspector with a certificate valid 2020–2030 and both roles, and returns its id. */
export async function createInspectorFixture(db: Db, input: Partial<typeof inspectors.$inferInsert> & { orgId: string }): Promise<string> {
  const n = next();
  const [row] = await db
    .insert(inspectors)
    .values({
      name: `监督员${n}`,
      badgeNo: `T${String(n).padStart(6, '0')}`,
      certificateNo: `ZJ${n}`,
      certificateValidFrom: '2020-01-01',
      certificateValidUntil: '2030-12-31',
      post: 'full_time',
      roles: ['lead', 'assistant'],
      drawWeight: 2,
      ...input,
    })
    .returning({ id: inspectors.id });
  return row!.id;
}
