import type { FastifyInstance } from 'fastify';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { auditLog } from '../../../db/schema.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let adminA: Session;
let adminB: Session;
let orgAdmin: Session;
let auditor: Session;
let inspectorB: Awaited<ReturnType<typeof createAccountFixture>>;

const lastAudit = async () => {
  const [row] = await database.db
    .select({ action: auditLog.action, summary: auditLog.summary })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row!;
};

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  tree = await createOrgTree(database.db);
  const a = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeB });
  const o = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  const j = await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment });
  inspectorB = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeB });
  adminA = await logInAs(app, a.username, a.password);
  adminB = await logInAs(app, b.username, b.password);
  orgAdmin = await logInAs(app, o.username, o.password);
  auditor = await logInAs(app, j.username, j.password);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('account management', () => {
  it('lets a brigade admin create an inspector account in their brigade, audited in the same transaction', async () => {
    const res = await call(app, adminA, 'POST', '/api/accounts', {
      username: 'Zhangsan01',
      displayName: '张三',
      role: 'inspector',
      orgId: tree.brigadeA.id,
      password: 'Init2026pass',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'zhangsan01', roleLabel: '监督员', mustChangePassword: true, disabled: false });
    expect(await lastAudit()).toMatchObject({ action: 'account.create', summary: { username: 'zhangsan01', role: 'inspector' } });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('refuses a duplicate user name naming the field', async () => {
    const res = await call(app, adminA, 'POST', '/api/accounts', {
      username: 'zhangsan01',
      displayName: '张三',
      role: 'inspector',
      orgId: tree.brigadeA.id,
      password: 'Init2026pass',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ message: '用户名：已被使用', field: 'username' });
  });

  it('explains invalid fields in Chinese', async () => {
    const res = await call(app, adminA, 'POST', '/api/accounts', {
      username: '1x',
      displayName: '',
      role: 'inspector',
      orgId: tree.brigadeA.id,
      password: 'Init2026pass',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('username');
    expect(res.json().error.message).toMatch(/^用户名：/);
    const badRole = await call(app, adminA, 'POST', '/api/accounts', {
      username: 'lisi',
      displayName: '李四',
      role: 'root',
      orgId: tree.brigadeA.id,
      password: 'Init2026pass',
    });
    expect(badRole.json().error).toMatchObject({ field: 'role', message: '角色：不是有效的角色' });
  });

  it('does not let a brigade admin grant a role above their own or place an account in another brigade', async () => {
    const up = await call(app, adminA, 'POST', '/api/accounts', {
      username: 'boss1',
      displayName: '王五',
      role: 'org_admin',
      orgId: tree.detachment.id,
      password: 'Init2026pass',
    });
    expect(up.statusCode).toBe(403);
    const sideways = await call(app, adminA, 'POST', '/api/accounts', {
      username: 'side1',
      displayName: '赵六',
      role: 'inspector',
      orgId: tree.brigadeB.id,
      password: 'Init2026pass',
    });
    expect(sideways.statusCode).toBe(400);
    expect(sideways.json().error).toMatchObject({ field: 'orgId', message: '所属机构：不存在' });
  });

  it('answers 404 when a brigade-A admin asks for a brigade-B account, and lists only brigade A', async () => {
    const res = await call(app, adminA, 'GET', `/api/accounts/${inspectorB.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await call(app, adminA, 'POST', `/api/accounts/${inspectorB.id}/status`, { disabled: true, reason: '测试' })).statusCode).toBe(404);
    const list = await call(app, adminA, 'GET', '/api/accounts?pageSize=200');
    expect(list.json().items.every((a: { orgId: string }) => a.orgId === tree.brigadeA.id)).toBe(true);
    expect((await call(app, adminB, 'GET', `/api/accounts/${inspectorB.id}`)).statusCode).toBe(200);
  });

  it('answers 404 for another brigade and for a detachment above when asking for an org', async () => {
    expect((await call(app, adminA, 'GET', `/api/orgs/${tree.brigadeB.id}`)).statusCode).toBe(404);
    expect((await call(app, adminA, 'GET', `/api/orgs/${tree.detachment.id}`)).statusCode).toBe(404);
    expect((await call(app, adminA, 'GET', `/api/orgs/${tree.brigadeA.id}`)).statusCode).toBe(200);
  });

  it('lets the detachment admin see both brigades', async () => {
    const list = await call(app, orgAdmin, 'GET', '/api/accounts?pageSize=200');
    const orgIds = new Set(list.json().items.map((a: { orgId: string }) => a.orgId));
    expect(orgIds.has(tree.brigadeA.id) && orgIds.has(tree.brigadeB.id)).toBe(true);
  });

  it('disables an account with a reason, which ends its sessions and blocks login', async () => {
    const target = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA });
    const session = await logInAs(app, target.username, target.password);
    const noReason = await call(app, adminA, 'POST', `/api/accounts/${target.id}/status`, { disabled: true, reason: '' });
    expect(noReason.json().error).toMatchObject({ field: 'reason', message: '原因：不能为空' });
    const res = await call(app, adminA, 'POST', `/api/accounts/${target.id}/status`, { disabled: true, reason: '调离本大队' });
    expect(res.json()).toMatchObject({ disabled: true, disabledReason: '调离本大队' });
    expect((await call(app, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const login = await call(app, null, 'POST', '/api/auth/login', { username: target.username, password: target.password });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.message).toBe('该账号已停用，请联系管理员');
    expect(await lastAudit()).toMatchObject({ action: 'auth.login_failed' });
  });

  it('does not let an admin disable their own account', async () => {
    const me = (await call(app, adminA, 'GET', '/api/auth/me')).json();
    const res = await call(app, adminA, 'POST', `/api/accounts/${me.account.id}/status`, { disabled: true, reason: '试试' });
    expect(res.statusCode).toBe(403);
  });

  it('resets a password so that the owner must change it at next login', async () => {
    const target = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA });
    const res = await call(app, adminA, 'POST', `/api/accounts/${target.id}/password`, { password: 'Temp2026pass' });
    expect(res.statusCode).toBe(200);
    const login = await call(app, null, 'POST', '/api/auth/login', { username: target.username, password: 'Temp2026pass' });
    expect(login.json().account.mustChangePassword).toBe(true);
    expect(JSON.stringify(await lastAudit())).not.toContain('Temp2026pass');
  });

  it('edits role and org within scope and records before and after', async () => {
    const target = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA });
    const res = await call(app, orgAdmin, 'PATCH', `/api/accounts/${target.id}`, { displayName: '王小明', orgId: tree.brigadeB.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '王小明', orgId: tree.brigadeB.id });
    expect((await lastAudit()).summary).toMatchObject({ changes: { displayName: [`测试${target.username}`, '王小明'] } });
  });
});

describe('纪检 (auditor) is read-only', () => {
  it('can read accounts and the audit log of the subtree', async () => {
    expect((await call(app, auditor, 'GET', '/api/accounts')).statusCode).toBe(200);
    const audit = await call(app, auditor, 'GET', '/api/audit?pageSize=5');
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.length).toBeGreaterThan(0);
    expect((await call(app, auditor, 'GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('cannot change anything, whatever the endpoint', async () => {
    const attempts = [
      call(app, auditor, 'POST', '/api/accounts', { username: 'x1234', displayName: '某', role: 'auditor', orgId: tree.detachment.id, password: 'Init2026pass' }),
      call(app, auditor, 'POST', `/api/accounts/${inspectorB.id}/status`, { disabled: true, reason: '测试' }),
      call(app, auditor, 'PATCH', `/api/accounts/${inspectorB.id}`, { displayName: '改名' }),
      call(app, auditor, 'POST', `/api/accounts/${inspectorB.id}/password`, { password: 'Init2026pass' }),
      call(app, auditor, 'POST', '/api/orgs', { parentId: tree.detachment.id, kind: 'brigade', name: '新大队', shortName: '新', divisionCode: '330111' }),
      call(app, auditor, 'PATCH', `/api/orgs/${tree.brigadeA.id}`, { name: '改名' }),
      call(app, auditor, 'POST', '/api/collaboration-zones', { detachmentId: tree.detachment.id, name: '区', brigadeIds: [tree.brigadeA.id, tree.brigadeB.id] }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('纪检账号为只读账号，不能进行修改操作');
    }
  });
});
