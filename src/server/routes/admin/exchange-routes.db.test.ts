import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree, createUnitFixture, usccFor } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { penaltyContent, plantPublication, resultContent } from '../../../../test/harness/publications.ts';
import type { BlacklistView, CreditFeedView, ExchangeBatchListView } from '../../../contracts/exchange.ts';
import type { ImportPreviewView, ImportResultView } from '../../../contracts/imports.ts';
import { auditLog, exchangeDeliveries, unitHistory, units } from '../../../db/schema.ts';
import { dispatchExchangeDeliveries } from '../../../usecases/exchange/dispatch-exchange-deliveries.ts';
import { httpExchangeSender } from '../../exchange-sender.ts';

/*
 * 数据交换 through the API (decision 0027): a brigade's export batch holds exactly what the portal shows of its
 * published results and penalties, masked as the portal masks them; a batch downloads again byte for byte with the
 * recorded SHA-256; the credit feed gives each organisation's penalty its period and the blacklist the serious ones;
 * a delivery to a real HTTP receiver that fails once is retried and then sent; the credit-grade import's dry run
 * writes nothing, its refusal writes nothing, its commit sets the grades with a history entry. Another brigade sees
 * nothing, 纪检 reads only, an inspector has no access.
 */

const NOW = new Date('2026-11-20T02:00:00Z');
const now = NOW;
let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let adminA: Session;
let adminB: Session;
let leader: Session;
let auditor: Session;
let inspector: Session;
let unitA = '';
let unitA2 = '';
let usccA = '';
let usccA2 = '';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => now });
  tree = await createOrgTree(database.db);
  const accounts = {
    a: await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA }),
    b: await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeB }),
    leader: await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment }),
    auditor: await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment }),
    inspector: await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA }),
  };
  adminA = await logInAs(app, accounts.a.username, accounts.a.password);
  adminB = await logInAs(app, accounts.b.username, accounts.b.password);
  leader = await logInAs(app, accounts.leader.username, accounts.leader.password);
  auditor = await logInAs(app, accounts.auditor.username, accounts.auditor.password);
  inspector = await logInAs(app, accounts.inspector.username, accounts.inspector.password);

  usccA = usccFor(424242);
  usccA2 = usccFor(434343);
  unitA = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, uscc: usccA, name: '金华某某物流有限公司', creditLevel: 'B' });
  unitA2 = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, uscc: usccA2, name: '金华某某超市' });
  const unitB = await createUnitFixture(database.db, { brigadeId: tree.brigadeB.id });
  const a = { orgId: tree.brigadeA.id };
  await plantPublication(database.db, { ...a, unitId: unitA2 }, resultContent({ unitName: '金华某某超市（店长 13812345678）', uscc: usccA2, inspectedOn: '2026-11-03' }));
  await plantPublication(
    database.db,
    { ...a, unitId: unitA, displayUntil: '2029-11-05' },
    penaltyContent({ unitName: '金华某某物流有限公司', uscc: usccA, partyName: '金华某某物流有限公司', decidedOn: '2026-11-05', fineAmount: 60_000 }),
  );
  await plantPublication(
    database.db,
    { ...a, unitId: unitA2, displayUntil: '2027-02-07' },
    penaltyContent({ unitName: '金华某某超市', uscc: null, partyKind: 'person', partyName: '张三丰', decidedOn: '2026-11-07', fineAmount: 500 }),
  );
  await plantPublication(database.db, { ...a, unitId: unitA, status: 'pending' }, resultContent({ inspectedOn: '2026-11-10' }));
  await plantPublication(database.db, { orgId: tree.brigadeB.id, unitId: unitB }, resultContent({ brigadeName: '乙大队', inspectedOn: '2026-11-04' }));
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const batches = async (s: Session) => {
  const res = await call(app, s, 'GET', '/api/exchange/batches');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ExchangeBatchListView>();
};
const create = (s: Session, body: Record<string, unknown>) => call(app, s, 'POST', '/api/exchange/batches', body);

describe('export batches', () => {
  let batchId = '';

  it('holds the brigade’s published entries as the portal shows them, masked, and nothing pending', async () => {
    const res = await create(adminA, { kind: 'publications', orgId: tree.brigadeA.id, ...NOVEMBER });
    expect(res.statusCode, res.body).toBe(201);
    batchId = res.json<{ ids: string[] }>().ids[0]!;
    const json = await call(app, adminA, 'GET', `/api/exchange/batches/${batchId}/download?format=json`);
    expect(json.statusCode).toBe(200);
    const doc = JSON.parse(json.body) as { schema: string; period: unknown; items: { kind: string; unitName: string; penalty: { partyName: string } | null }[] };
    expect(doc.schema).toBe('xf-exchange/1');
    expect(doc.period).toEqual(NOVEMBER);
    expect(doc.items.map((i) => i.kind)).toEqual(['result', 'penalty', 'penalty']);
    expect(json.body).toContain('138****5678');
    expect(json.body).not.toContain('13812345678');
    expect(json.body).not.toContain('张三丰');
    expect(json.body).not.toContain('乙大队');
  });

  it('downloads again byte for byte, with the recorded SHA-256, and as .xlsx with the same rows', async () => {
    const [listed] = (await batches(adminA)).items;
    expect(listed).toMatchObject({ id: batchId, itemCount: 3, delivery: { state: 'none', stateLabel: '仅供下载' } });
    const first = await call(app, adminA, 'GET', `/api/exchange/batches/${batchId}/download?format=json`);
    const again = await call(app, adminA, 'GET', `/api/exchange/batches/${batchId}/download?format=json`);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(createHash('sha256').update(first.rawPayload).digest('hex')).toBe(listed!.jsonSha256);
    expect(first.headers['x-xf-sha256']).toBe(listed!.jsonSha256);
    const xlsx = await call(app, adminA, 'GET', `/api/exchange/batches/${batchId}/download?format=xlsx`);
    const xlsxAgain = await call(app, adminA, 'GET', `/api/exchange/batches/${batchId}/download?format=xlsx`);
    expect(xlsxAgain.rawPayload.equals(xlsx.rawPayload)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0]!.rowCount).toBe(4);
    const downloads = await database.db.select().from(auditLog).where(eq(auditLog.action, 'exchange.download'));
    expect(downloads.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a period that ends before it starts, naming the field in Chinese', async () => {
    const res = await create(adminA, { kind: 'publications', orgId: tree.brigadeA.id, from: '2026-11-30', to: '2026-11-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('结束日期：不能早于开始日期');
  });

  it('shows a brigade only its own batches; the detachment sees its subtree; 纪检 reads only; an inspector has no access', async () => {
    expect((await batches(adminB)).items).toEqual([]);
    expect((await call(app, adminB, 'GET', `/api/exchange/batches/${batchId}/download?format=json`)).statusCode).toBe(404);
    expect((await batches(leader)).items.map((b) => b.id)).toContain(batchId);
    const wide = await create(leader, { kind: 'publications', orgId: tree.detachment.id, ...NOVEMBER });
    expect(wide.statusCode).toBe(201);
    const [wideId] = wide.json<{ ids: string[] }>().ids;
    expect((await batches(leader)).items.find((b) => b.id === wideId)!.itemCount).toBe(4);
    expect((await call(app, auditor, 'GET', `/api/exchange/batches/${batchId}/download?format=json`)).statusCode).toBe(200);
    expect((await create(auditor, { kind: 'publications', orgId: tree.brigadeA.id, ...NOVEMBER })).statusCode).toBe(403);
    expect((await call(app, inspector, 'GET', '/api/exchange/batches')).statusCode).toBe(403);
    expect((await create(adminB, { kind: 'publications', orgId: tree.brigadeA.id, ...NOVEMBER })).statusCode).toBe(400);
  });
});

describe('the credit feed and the blacklist', () => {
  it('gives an organisation’s penalty its period and seriousness, and never lists a person', async () => {
    const res = await call(app, adminA, 'GET', `/api/exchange/credit-feed?orgId=${tree.brigadeA.id}&from=2026-11-01&to=2026-11-30`);
    expect(res.statusCode, res.body).toBe(200);
    const feed = res.json<CreditFeedView>();
    expect(feed.items).toEqual([
      expect.objectContaining({ uscc: usccA, serious: true, seriousReasons: ['较大数额罚款'], periodFrom: '2026-11-05', repairableFrom: '2027-05-05', periodUntil: '2029-11-04', current: true }),
    ]);
    const file = await call(app, adminA, 'GET', `/api/exchange/credit-feed/download?orgId=${tree.brigadeA.id}&from=2026-11-01&to=2026-11-30&format=json`);
    expect(JSON.parse(file.body)).toMatchObject({ schema: 'xf-exchange/1', kind: 'credit', itemCount: 1 });
  });

  it('lists the unit within its serious period on the blacklist, to staff only', async () => {
    const list = (await call(app, leader, 'GET', `/api/exchange/blacklist?orgId=${tree.detachment.id}`)).json<BlacklistView>();
    expect(list.entries.map((e) => e.uscc)).toEqual([usccA]);
    expect((await call(app, null, 'GET', `/api/exchange/blacklist?orgId=${tree.detachment.id}`)).statusCode).toBe(401);
    expect((await call(app, inspector, 'GET', `/api/exchange/blacklist?orgId=${tree.brigadeA.id}`)).statusCode).toBe(403);
  });
});

describe('deliveries', () => {
  let server: Server;
  const received: { body: string; sha: string | undefined }[] = [];
  let failNext = 1;
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((body) => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(503).end('busy');
          return;
        }
        received.push({ body, sha: req.headers['x-xf-sha256'] as string | undefined });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('queues a batch for the configured endpoint, retries after a failure and then sends the stored bytes', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/receive`;
    const set = await call(app, leader, 'PUT', '/api/exchange/settings', { orgId: tree.detachment.id, endpointUrl: url, creditPolicy: null });
    expect(set.statusCode, set.body).toBe(200);
    const created = await create(adminA, { kind: 'credit', orgId: tree.brigadeA.id, ...NOVEMBER });
    expect(created.statusCode, created.body).toBe(201);
    const [id] = created.json<{ ids: string[] }>().ids;
    expect((await batches(adminA)).items.find((b) => b.id === id)!.delivery.state).toBe('pending');

    const first = await dispatchExchangeDeliveries(database.db, now, httpExchangeSender(5_000));
    expect(first).toEqual([expect.objectContaining({ result: 'retry', error: '接收方返回 HTTP 503：busy' })]);
    expect((await batches(adminA)).items.find((b) => b.id === id)!.delivery).toMatchObject({ state: 'pending', attempts: 1, lastError: '接收方返回 HTTP 503：busy' });
    expect(await dispatchExchangeDeliveries(database.db, now, httpExchangeSender(5_000))).toEqual([]);

    const later = new Date(now.getTime() + 2 * 60_000);
    expect(await dispatchExchangeDeliveries(database.db, later, httpExchangeSender(5_000))).toEqual([expect.objectContaining({ result: 'sent' })]);
    const stored = await call(app, adminA, 'GET', `/api/exchange/batches/${id}/download?format=json`);
    expect(received).toEqual([{ body: stored.body, sha: stored.headers['x-xf-sha256'] }]);
    expect((await batches(adminA)).items.find((b) => b.id === id)!.delivery.state).toBe('sent');

    expect((await call(app, auditor, 'POST', `/api/exchange/batches/${id}/resend`, {})).statusCode).toBe(403);
    expect((await call(app, adminA, 'POST', `/api/exchange/batches/${id}/resend`, {})).statusCode).toBe(204);
    expect((await call(app, adminA, 'POST', `/api/exchange/batches/${id}/resend`, {})).statusCode).toBe(409);
    expect(await dispatchExchangeDeliveries(database.db, later, httpExchangeSender(5_000))).toEqual([expect.objectContaining({ result: 'sent' })]);
    expect(received).toHaveLength(2);
    expect(await database.db.select().from(exchangeDeliveries).where(eq(exchangeDeliveries.batchId, id!))).toHaveLength(2);
  });

  it('refuses an endpoint that is not an http(s) address', async () => {
    const res = await call(app, leader, 'PUT', '/api/exchange/settings', { orgId: tree.detachment.id, endpointUrl: 'ftp://example.org/x', creditPolicy: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'endpointUrl', message: '接收地址：只支持 http 或 https' });
  });
});

describe('the credit-grade import', () => {
  const upload = (s: Session, name: string, text: string) =>
    app.inject({
      method: 'POST',
      url: `/api/imports/credit-grades?orgId=${tree.brigadeA.id}&fileName=${encodeURIComponent(name)}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(text, 'utf8'),
    });
  const file = () => `统一社会信用代码,信用等级,评定日期,来源\n${usccA},D,2026-11-01,市场监管局\n${usccFor(999999)},A,2026-11-01,市场监管局\n${usccA2},E,2026-11-01,市场监管局\n`;
  const levelOf = async (id: string) => (await database.db.select({ l: units.creditLevel }).from(units).where(eq(units.id, id)))[0]!.l;

  it('previews row by row in Chinese and writes nothing', async () => {
    const res = await upload(adminA, '信用等级.csv', file());
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json<ImportPreviewView>();
    expect(preview.kind).toBe('credit_grades');
    expect(preview.counts).toMatchObject({ changed: 1, invalid: 2 });
    expect(preview.rows.filter((r) => r.outcome === 'invalid').map((r) => r.errors[0])).toEqual([
      `第 3 行「统一社会信用代码」：所选机构的检查对象名录中没有该单位（${usccFor(999999)}），未导入`,
      '第 4 行「信用等级」：「E」不是有效的等级，应为 A、B、C 或 D',
    ]);
    expect(await levelOf(unitA)).toBe('B');
  });

  it('refuses the whole file in refuse mode, and in skip mode sets the valid grade with a history entry', async () => {
    const refused = await upload(adminA, '信用等级.csv', file());
    const r = await call(app, adminA, 'POST', `/api/imports/${refused.json<ImportPreviewView>().id}/commit`, { mode: 'refuse' });
    expect(r.json<ImportResultView>().status).toBe('refused');
    expect(await levelOf(unitA)).toBe('B');

    const second = await upload(adminA, '信用等级.csv', file());
    const id = second.json<ImportPreviewView>().id;
    expect((await call(app, auditor, 'POST', `/api/imports/${id}/commit`, { mode: 'skip' })).statusCode).toBe(403);
    const done = await call(app, adminA, 'POST', `/api/imports/${id}/commit`, { mode: 'skip' });
    expect(done.json<ImportResultView>()).toMatchObject({ status: 'committed', updated: 1, skipped: 2 });
    expect(await levelOf(unitA)).toBe('D');
    const history = await database.db.select().from(unitHistory).where(and(eq(unitHistory.unitId, unitA), eq(unitHistory.kind, 'credit')));
    expect(history.map((h) => h.summary)).toEqual([expect.objectContaining({ from: 'B', to: 'D', ratedOn: '2026-11-01', source: '市场监管局', row: 2 })]);
    const report = await call(app, adminA, 'GET', `/api/imports/${id}/report`);
    expect(report.statusCode).toBe(200);
    const again = await upload(adminA, '信用等级.csv', file());
    expect(again.json<ImportPreviewView>().counts).toMatchObject({ changed: 0, unchanged: 1 });
  });
});
