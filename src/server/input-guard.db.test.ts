import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import {
  createAccountFixture,
  createInspectorFixture,
  createOrgTree,
  createUnitFixture,
  usccFor,
  type AccountFixture,
} from '../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../test/harness/http.ts';
import { auditLog, units } from '../db/schema.ts';

/*
 * The findings of the outside hostile-input check, one by one (decision 0015); the sweep over every route is
 * hostile-input.db.test.ts.
 */

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let admin: Session;
let other: AccountFixture;
let unitId: string;
let inspectorId: string;

const NUL = '含有空字符（U+0000），请删除后重试';
const SURROGATE = '含有无效的字符编码（不成对的代理项），请重新输入';
const SPOOFING = '不能含有换行、文字方向控制符或零宽字符等不可见字符';
const auditCount = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => new Date('2026-11-22T02:00:00Z') });
  tree = await createOrgTree(database.db);
  const system = await createAccountFixture(database.db, { role: 'system_admin', org: tree.corps });
  other = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  unitId = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, name: '金华市婺城区鑫源餐饮店' });
  inspectorId = await createInspectorFixture(database.db, { orgId: tree.brigadeA.id });
  admin = await logInAs(app, system.username, system.password);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('NUL never reaches the database', () => {
  it('refuses a NUL in the login username, naming the field, before any account is looked up', async () => {
    const before = await auditCount();
    const res = await call(app, null, 'POST', '/api/auth/login', { username: 'admin\u0000', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'VALIDATION_FAILED', message: `用户名：${NUL}`, field: 'username' });
    expect(await auditCount()).toBe(before);
  });

  it('refuses a NUL in a query filter (q, riskLevel), naming the parameter', async () => {
    const q = await call(app, admin, 'GET', '/api/units?q=%E9%91%AB%00');
    expect(q.statusCode).toBe(400);
    expect(q.json().error).toEqual({ code: 'VALIDATION_FAILED', message: `关键字：${NUL}`, field: 'q' });
    const risk = await call(app, admin, 'GET', '/api/units?riskLevel=%00');
    expect(risk.json().error).toMatchObject({ message: `风险等级：${NUL}`, field: 'riskLevel' });
    expect((await call(app, admin, 'GET', '/api/units/export?q=%00')).statusCode).toBe(400);
  });

  it('refuses a NUL in a path parameter of the portal, where no login is needed', async () => {
    const res = await call(app, null, 'GET', '/api/public/check-items/XF%00001');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
    const search = await call(app, null, 'GET', '/api/public/draws/D-2026-06-330702-001/units?q=%E9%91%AB%00');
    expect(search.json().error).toMatchObject({ field: 'q' });
  });

  it('refuses a NUL in the text fields that used to skip the cleaner: a lead’s reference, a holiday’s name, an upload’s file name', async () => {
    const event = await call(app, admin, 'POST', '/api/trigger-events', {
      unitId,
      kind: 'complaint',
      receivedOn: '2026-11-20',
      summary: '群众来电反映楼梯间堆放杂物',
      reference: '12345\u0000',
    });
    expect(event.statusCode).toBe(400);
    expect(event.json().error).toMatchObject({ field: 'reference' });
    const calendar = await call(app, admin, 'PUT', '/api/calendar/2027', {
      source: '国务院办公厅通知',
      publishedOn: null,
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦\u0000' }],
    });
    expect(calendar.json().error).toMatchObject({ field: 'days', path: 'days.0.name' });
    const upload = await app.inject({
      method: 'POST',
      url: `/api/imports/units?brigadeId=${tree.brigadeA.id}&fileName=%E5%90%8D%E5%BD%95%00.csv`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('名称,统一社会信用代码\n'),
    });
    expect(upload.statusCode).toBe(400);
    expect(upload.json().error).toMatchObject({ message: `文件名：${NUL}`, field: 'fileName' });
  });
});

describe('a lone surrogate is refused, naming the field, and nothing is written', () => {
  it('refuses it in a unit’s name on an update, leaving the unit and the audit chain as they were', async () => {
    const before = await auditCount();
    const res = await call(app, admin, 'PATCH', `/api/units/${unitId}`, { name: '鑫源\ud800餐饮店' });
    expect(res.statusCode).toBe(400);
    // The input guard answers before the route's contract does, with the generic label of the key.
    expect(res.json().error).toEqual({ code: 'VALIDATION_FAILED', message: `名称：${SURROGATE}`, field: 'name' });
    expect(await auditCount()).toBe(before);
    const [unit] = await database.db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    expect(unit!.name).toBe('金华市婺城区鑫源餐饮店');
  });

  it('refuses it on creation instead of storing U+FFFD', async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(units);
    const res = await call(app, admin, 'POST', '/api/units', {
      name: '金华市\udc00餐饮店',
      uscc: usccFor(424242),
      category: 'general',
      brigadeId: tree.brigadeA.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'name' });
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(units)).toEqual(before);
  });

  it('refuses it deep inside a body, naming the list and the row', async () => {
    const res = await call(app, admin, 'POST', '/api/draws', {
      source: { kind: 'campaign', id: unitId },
      observers: [{ name: '李四', capacity: '群众代表' }, { name: '王\ud800五', capacity: '群众代表' }],
      external: [{ source: '福彩3D', ref: '2026300' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'observers', path: 'observers.1.name' });
  });
});

describe('dates stay within 1900-01-01 and 2099-12-31', () => {
  it('refuses year 0 in a query and in a body, naming the field and the range', async () => {
    const audit = await call(app, admin, 'GET', '/api/audit?to=0000-01-01');
    expect(audit.statusCode).toBe(400);
    expect(audit.json().error).toMatchObject({ message: '结束时间：应在 1900-01-01 至 2099-12-31 之间', field: 'to' });
    const inspector = await call(app, admin, 'PATCH', `/api/inspectors/${inspectorId}`, { certificateValidFrom: '0000-01-01' });
    expect(inspector.statusCode).toBe(400);
    expect(inspector.json().error).toMatchObject({ field: 'certificateValidFrom' });
    const far = await call(app, admin, 'PATCH', `/api/inspectors/${inspectorId}`, { certificateValidUntil: '9999-12-31' });
    expect(far.json().error).toMatchObject({ message: '执法证有效期止：应在 1900-01-01 至 2099-12-31 之间' });
  });
});

describe('a displayed name cannot be spoofed', () => {
  it('refuses a right-to-left override or a zero-width character in the names of units, people, accounts and orgs', async () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['PATCH', `/api/units/${unitId}`, { name: '鑫源餐饮\u202e店' }, 'name'],
      ['PATCH', `/api/units/${unitId}`, { safetyOwner: '王\u200b大明' }, 'safetyOwner'],
      ['PATCH', `/api/inspectors/${inspectorId}`, { name: '张\u2066三' }, 'name'],
      ['PATCH', `/api/accounts/${other.id}`, { displayName: '管理员\ufeff' + '甲' }, 'displayName'],
      ['PATCH', `/api/orgs/${tree.brigadeB.id}`, { name: '婺城\u200d大队' }, 'name'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await call(app, admin, method as 'PATCH', url, body);
      expect(res.statusCode, `${url} ${field}`).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.message).toMatch(new RegExp(`：${SPOOFING}$`));
    }
  });

  it('refuses one in an observer’s name', async () => {
    const res = await call(app, admin, 'POST', '/api/draws', {
      source: { kind: 'campaign', id: unitId },
      observers: [{ name: '李\u202e四', capacity: '群众代表' }],
      external: [{ source: '福彩3D', ref: '2026300' }],
    });
    expect(res.json().error).toMatchObject({ message: `监督人姓名：${SPOOFING}`, field: 'observers', path: 'observers.0.name' });
  });
});

describe('every error the framework raises is answered in Chinese', () => {
  it('answers an over-long path parameter with 414 and a Chinese body', async () => {
    const res = await call(app, admin, 'GET', `/api/units/${'x'.repeat(200)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ error: { code: 'URI_TOO_LONG', message: '请求地址：过长' } });
  });

  it('answers a path whose %-escapes do not decode with 400 and a Chinese body', async () => {
    const res = await call(app, null, 'GET', '/api/public/check-items/%zz');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_URL', message: expect.stringMatching(/^请求地址：/) });
  });

  it('answers an unknown path, a wrong method, broken JSON and a wrong content type in Chinese', async () => {
    expect((await call(app, admin, 'GET', `/api/${'x'.repeat(10_000)}`)).json().error.message).toBe('请求的地址不存在');
    expect((await call(app, admin, 'DELETE', '/api/units')).json().error.message).toBe('请求的地址不存在');
    const broken = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(broken.json().error.message).toBe('请求内容不是有效的 JSON');
    const form = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.message).toMatch(/^请求格式不受支持/);
  });

  it('answers, on the socket itself, a request Node cannot parse: headers too large, an unknown method', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(request));
        let answer = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const tooLarge = await raw(`GET /api/units?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(tooLarge).toMatch(/^HTTP\/1\.1 431 /);
    expect(tooLarge).toContain('{"error":{"code":"HEADERS_TOO_LARGE","message":"请求地址或请求头过长"}}');
    const unknown = await raw('BREW /api/units HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(unknown).toMatch(/^HTTP\/1\.1 400 /);
    const body = unknown.slice(unknown.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toEqual({ error: { code: 'BAD_REQUEST', message: '请求格式不正确，无法解析' } });
    // Content-Length counts bytes, not characters: the Chinese body arrives whole.
    expect(Number(/content-length: (\d+)/i.exec(unknown)![1])).toBe(Buffer.byteLength(body));
  });
});
