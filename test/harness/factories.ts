import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/domain/access.ts';
import type { Db } from '../../src/db/client.ts';
import { accounts, orgs } from '../../src/db/schema.ts';
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
