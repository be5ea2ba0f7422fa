import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog } from '../../../db/schema.ts';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree, type AccountFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs } from '../../../../test/harness/http.ts';

let database: TestDatabase;
let app: FastifyInstance;
let clock = new Date('2026-11-22T09:00:00Z');
let admin: AccountFixture;
let auditor: AccountFixture;

const auditCount = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => clock });
  const tree = await createOrgTree(database.db);
  admin = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  auditor = await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('login and sessions', () => {
  it('logs in, sets an HttpOnly SameSite cookie and returns the session with a CSRF token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: admin.password } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/xf_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = res.json();
    expect(body.account).toMatchObject({ username: admin.username, roleLabel: '大队管理员' });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/argon2/);
  });

  it('answers /api/auth/me only with a valid session', async () => {
    expect((await call(app, null, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const session = await logInAs(app, admin.username, admin.password);
    const me = await call(app, session, 'GET', '/api/auth/me');
    expect(me.json()).toMatchObject({ account: { username: admin.username }, csrfToken: session.csrf });
  });

  it('rejects a wrong password with a Chinese message and records the failure in the audit chain', async () => {
    const before = await auditCount();
    const res = await call(app, null, 'POST', '/api/auth/login', { username: admin.username, password: 'nope12345' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    expect(await auditCount()).toBe(before + 1);
  });

  it('names the missing field when the login body is incomplete', async () => {
    const res = await call(app, null, 'POST', '/api/auth/login', { username: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '密码：必须填写', field: 'password' });
  });

  it('refuses a form-encoded or text body, which a cross-site form could send', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    expect(res.statusCode).toBe(415);
  });

  it('refuses a state-changing request without the CSRF token, or from another site', async () => {
    const session = await logInAs(app, admin.username, admin.password);
    const noToken = await call(app, session, 'POST', '/api/auth/logout', {}, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_REJECTED');
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
      payload: {},
    });
    expect(wrongToken.statusCode).toBe(403);
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'https://evil.example' },
      payload: {},
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await call(app, session, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const session = await logInAs(app, admin.username, admin.password);
    expect((await call(app, session, 'POST', '/api/auth/logout', {})).statusCode).toBe(200);
    expect((await call(app, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('expires a session after four idle hours', async () => {
    const session = await logInAs(app, admin.username, admin.password);
    clock = new Date(clock.getTime() + 4 * 3600_000 + 1000);
    expect((await call(app, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('login throttling', () => {
  it('throttles the sixth wrong password in a row, even if the sixth is right, and lifts it after 15 minutes', async () => {
    const tree = await createOrgTree(database.db);
    const victim = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA });
    const attempt = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: victim.username, password }, remoteAddress: '10.9.9.9' });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-pass-1')).statusCode).toBe(401);
    const sixth = await attempt('wrong-pass-1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toMatch(/连续登录失败次数过多，请 15 分钟后再试/);
    expect(sixth.headers['retry-after']).toBe('900');
    expect((await attempt(victim.password)).statusCode).toBe(429);
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    expect((await attempt(victim.password)).statusCode).toBe(200);
  });

  it('throttles an address that fails twenty times across different accounts', async () => {
    const ip = '10.7.7.7';
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${i}`, password: 'x' }, remoteAddress: ip });
      expect(res.statusCode).toBe(401);
    }
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: admin.password }, remoteAddress: ip });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/该地址登录失败次数过多/);
  });
});

describe('password change', () => {
  it('applies the password policy and lets the new password log in', async () => {
    const tree = await createOrgTree(database.db);
    const user = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA });
    const session = await logInAs(app, user.username, user.password);
    const weak = await call(app, session, 'POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ message: '新密码：密码至少 8 个字符', field: 'newPassword' });
    const wrongCurrent = await call(app, session, 'POST', '/api/auth/password', { currentPassword: 'bad', newPassword: 'NewPass2026x' });
    expect(wrongCurrent.json().error).toMatchObject({ message: '当前密码：不正确', field: 'currentPassword' });
    const ok = await call(app, session, 'POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'NewPass2026x' });
    expect(ok.statusCode).toBe(200);
    await logInAs(app, user.username, 'NewPass2026x');
  });

  it('lets an account on its initial password do nothing but see itself, change it and log out, whatever the client', async () => {
    const tree = await createOrgTree(database.db);
    const user = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
    await database.db.update(accounts).set({ mustChangePassword: true }).where(eq(accounts.id, user.id));
    const session = await logInAs(app, user.username, user.password);
    expect((await call(app, session, 'GET', '/api/auth/me')).json().account).toMatchObject({ mustChangePassword: true });
    for (const [method, url, body] of [
      ['GET', '/api/units', undefined],
      ['GET', '/api/accounts', undefined],
      ['POST', '/api/annual-plans', { orgId: tree.brigadeA.id, year: 2026, name: '绕过改密的计划' }],
    ] as const) {
      const res = await call(app, session, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringContaining('请先修改初始密码') });
    }
    // The portal stays open to everyone.
    expect((await call(app, session, 'GET', '/api/public/home')).statusCode).toBe(200);
    const changed = await call(app, session, 'POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'Changed2026pass' });
    expect(changed.statusCode).toBe(200);
    expect((await call(app, session, 'GET', '/api/units')).statusCode).toBe(200);
  });

  it('tells browsers and proxies never to store answers that may carry personal data', async () => {
    const session = await logInAs(app, admin.username, admin.password);
    for (const url of ['/api/auth/me', '/api/units', '/api/inspectors', '/api/accounts']) {
      const res = await call(app, session, 'GET', url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: admin.password } });
    expect(login.headers['cache-control']).toBe('no-store');
    expect((await call(app, null, 'GET', '/api/units')).headers['cache-control']).toBe('no-store');
  });

  it('lets a read-only 纪检 account change its own password but nothing else', async () => {
    const session = await logInAs(app, auditor.username, auditor.password);
    const ok = await call(app, session, 'POST', '/api/auth/password', { currentPassword: auditor.password, newPassword: 'Jijian2026new' });
    expect(ok.statusCode).toBe(200);
  });
});
