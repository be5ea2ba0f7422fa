import type { FastifyInstance } from 'fastify';
import { gunzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import {
  createAccountFixture,
  createInspectorFixture,
  createOrgTree,
  createUnitFixture,
} from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { accounts, inspectionHistory, recusals } from '../../../db/schema.ts';
import { fromHex } from '../../../domain/crypto/sha256.ts';
import { commitmentOf } from '../../../domain/draw/seed.ts';
import { readCanonicalBundle, verifyBundleBytes } from '../../../domain/draw/bundle-bytes.ts';
import { verifyBundle } from '../../../domain/draw/verify-bundle.ts';
import { canonicalJson } from '../../../domain/canonical-json.ts';
import type { DrawBundle } from '../../../domain/draw/draw-types.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';

let database: TestDatabase;
let app: FastifyInstance;
let admin1: Session;
let admin2: Session;
let auditor: Session;
let field: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
const ids: Record<string, string> = {};
const inspectorIds: string[] = [];
const crowdedIds: string[] = [];
const NOW = new Date('2026-11-30T02:00:00Z');
const SECRET = '00112233445566778899aabbccddeeff';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  tree = await createOrgTree(database.db);
  const a1 = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const a2 = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const j = await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment });
  const f = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA });
  const brigadeId = tree.brigadeA.id;
  for (let i = 0; i < 6; i++)
    crowdedIds.push(
      await createUnitFixture(database.db, { brigadeId, category: 'key', isCrowded: true, name: `人员密集单位${i}` }),
    );
  for (let i = 0; i < 30; i++) await createUnitFixture(database.db, { brigadeId, category: 'general' });
  for (let i = 0; i < 4; i++) inspectorIds.push(await createInspectorFixture(database.db, { orgId: brigadeId }));
  await database.db.update(accounts).set({ inspectorId: inspectorIds[0]! }).where(eq(accounts.id, f.id));
  await database.db
    .insert(recusals)
    .values({
      inspectorId: inspectorIds[0]!,
      unitId: crowdedIds[0]!,
      reason: '近亲属任职',
      validFrom: '2026-01-01',
      createdBy: a1.id,
    });
  [admin1, admin2, auditor, field] = await Promise.all([
    logInAs(app, a1.username, a1.password),
    logInAs(app, a2.username, a2.password),
    logInAs(app, j.username, j.password),
    logInAs(app, f.username, f.password),
  ]);
  const annual = await call(app, admin1, 'POST', '/api/annual-plans', { orgId: brigadeId, year: 2026, name: '2026 年度计划' });
  await call(app, admin1, 'POST', `/api/annual-plans/${annual.json().id}/publish`);
  const monthly = await call(app, admin1, 'POST', `/api/annual-plans/${annual.json().id}/months/12/generate`);
  ids.monthly = monthly.json().id;
  const published = await call(app, admin1, 'POST', `/api/monthly-plans/${ids.monthly}/publish`);
  if (published.statusCode !== 200) throw new Error(published.body);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

/** Stratum by stratum (by code), each by rank: the order a draw's page lists its tasks. */
const inDrawOrder = (tasks: { stratum: string; rank: number }[]) =>
  tasks.every((t, i) => {
    const before = tasks[i - 1];
    return !before || before.stratum < t.stratum || (before.stratum === t.stratum && before.rank < t.rank);
  });

const freezeBody = () => ({
  source: { kind: 'monthly_plan', id: ids.monthly },
  observers: [{ name: '王监督', capacity: '特邀廉政监督员' }],
  external: [{ source: '福彩3D', ref: '2026335' }],
});

describe('a draw from a published monthly plan', () => {
  it('freezes the manifest and publishes its hash before anything is random', async () => {
    const res = await call(app, admin1, 'POST', '/api/draws', freezeBody());
    expect(res.statusCode, res.body).toBe(201);
    const draw = res.json();
    ids.draw = draw.id;
    ids.code = draw.code;
    ids.hash = draw.manifestHash;
    expect(draw).toMatchObject({ status: 'frozen', nextStep: 'commit', counts: { candidates: 36, inspectors: 4, conflicts: 1 } });
    expect(draw.manifestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.strata.find((s: { code: string }) => s.code === 'crowded_key')).toMatchObject({
      quota: 6,
      name: '人员密集场所重点单位',
    });
    expect(draw).toMatchObject({ monthlyPlanId: ids.monthly, campaignId: null });
    const portal = await call(app, null, 'GET', `/api/public/draws/${ids.code}`);
    expect(portal.json()).toMatchObject({ manifestHash: ids.hash, seed: null, wouldBe: false, changes: [], changeTotal: 0 });
    // The manifest's lists stay in the database: the portal gives their lengths, as the admin view does.
    expect(portal.json().counts).toEqual(draw.counts);
    expect(portal.json()).not.toHaveProperty('tasks');
    expect((await call(app, null, 'GET', `/api/public/draws/${ids.code}/tasks`)).json()).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
    expect(portal.json().strata.find((s: { code: string }) => s.code === 'crowded_key')).toMatchObject({
      name: '人员密集场所重点单位',
    });
    const listed = (await call(app, admin1, 'GET', '/api/draws')).json() as { code: string; monthlyPlanId: string | null }[];
    expect(listed.find((d) => d.code === ids.code)).toMatchObject({ monthlyPlanId: ids.monthly });
    expect(JSON.stringify(portal.json())).not.toContain('王监督');
  });

  it('has no re-draw: a second live draw of the same plan is refused', async () => {
    const res = await call(app, admin1, 'POST', '/api/draws', freezeBody());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/不存在「重新抽取」/);
  });

  it('refuses to execute before the observers and the external value', async () => {
    expect((await call(app, admin1, 'POST', `/api/draws/${ids.draw}/execute`)).statusCode).toBe(409);
    expect((await call(app, auditor, 'POST', `/api/draws/${ids.draw}/execute`)).statusCode).toBe(403);
  });

  it('records a commitment and accepts only the reveal that opens it', async () => {
    const bad = await call(app, admin1, 'POST', `/api/draws/${ids.draw}/observers/OBS-1/commitment`, { commitment: 'xyz' });
    expect(bad.statusCode).toBe(400);
    const commitment = commitmentOf(ids.hash!, 'OBS-1', fromHex(SECRET));
    const ok = await call(app, admin1, 'POST', `/api/draws/${ids.draw}/observers/OBS-1/commitment`, { commitment });
    expect(ok.json().nextStep).toBe('reveal');
    const again = await call(app, admin1, 'POST', `/api/draws/${ids.draw}/observers/OBS-1/commitment`, { commitment });
    expect(again.statusCode).toBe(409);
    const wrong = await call(app, admin1, 'POST', `/api/draws/${ids.draw}/observers/OBS-1/reveal`, {
      reveal: 'ff112233445566778899aabbccddeeff',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/与记录的承诺值不符/);
    const right = await call(app, admin1, 'POST', `/api/draws/${ids.draw}/observers/OBS-1/reveal`, { reveal: SECRET });
    expect(right.json().nextStep).toBe('external');
  });

  it('needs the external value from two different accounts, and they must agree', async () => {
    const entry = (value: string) => ({ source: '福彩3D', ref: '2026335', value });
    const post = (who: typeof admin1, value: string) => call(app, who, 'POST', `/api/draws/${ids.draw}/external`, entry(value));
    // The first entry is a typo.
    expect((await post(admin1, '5 0 9')).statusCode).toBe(200);
    expect((await post(admin1, '5 0 9')).statusCode).toBe(409);
    const disagree = await post(admin2, '5 0 8');
    expect(disagree.statusCode).toBe(409);
    expect(disagree.json().error.message).toMatch(/不一致/);
    // Neither the error nor the portal nor the audit log lets the second person copy the first entry.
    expect(disagree.json().error.message).not.toContain('5 0 9');
    const portal = JSON.stringify((await call(app, null, 'GET', `/api/public/draws/${ids.code}`)).json());
    expect(portal).not.toMatch(/5 0 [89]/);
    expect(portal).toContain('两人录入一致后公布');
    const audit = JSON.stringify((await call(app, admin1, 'GET', '/api/audit?action=draw.external')).json());
    expect(audit).not.toMatch(/5 0 [89]/);
    // The first person reads the announcement again and corrects the typo: two accounts now agree on 5 0 8.
    const agree = await post(admin1, ' 5\u30000  8 ');
    expect(agree.json()).toMatchObject({ nextStep: 'execute', external: [{ value: '5 0 8', confirmed: true }] });
    expect((await post(admin2, '5 0 8')).statusCode).toBe(409);
    const after = JSON.stringify((await call(app, null, 'GET', `/api/public/draws/${ids.code}`)).json());
    expect(after).toContain('5 0 9');
  });

  it('executes once: a concurrent second execution gets 409', async () => {
    const [r1, r2] = await Promise.all([
      call(app, admin1, 'POST', `/api/draws/${ids.draw}/execute`),
      call(app, admin2, 'POST', `/api/draws/${ids.draw}/execute`),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const draw = (r1.statusCode === 200 ? r1 : r2).json();
    const total = draw.strata.reduce((s: number, x: { quota: number }) => s + x.quota, 0);
    expect(draw.status).toBe('executed');
    expect(draw.tasks).toHaveLength(total);
    for (const task of draw.tasks) {
      expect(task.leads).toHaveLength(1);
      expect(task.assistants).toHaveLength(1);
      expect(task.leads[0].id).not.toBe(task.assistants[0].id);
      if (task.unitId === crowdedIds[0])
        expect([...task.leads, ...task.assistants].map((p: { id: string }) => p.id)).not.toContain(inspectorIds[0]);
    }
    ids.task = draw.tasks[0].id;
  });

  it('publishes a bundle that verifies, and a tampered one that does not', async () => {
    const res = await call(app, null, 'GET', `/api/public/draws/${ids.code}/bundle`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`${ids.code}.bundle.json`);
    const bundle = res.json<DrawBundle>();
    expect(verifyBundle(bundle).ok).toBe(true);
    expect(JSON.stringify(bundle)).not.toContain('王监督');
    const tampered = structuredClone(bundle) as { result: { strata: { selected: string[] }[] } } & DrawBundle;
    const stratum = tampered.result.strata.find((s) => s.selected.length > 0)!;
    stratum.selected[0] = bundle.manifest.candidates.find((c) => !stratum.selected.includes(c[0]))![0];
    expect(verifyBundle(tampered).ok).toBe(false);
    // Sent as its JCS text (decision 0030), which the portal's verifier reads and hashes as received.
    expect(res.rawPayload.toString()).toBe(canonicalJson(bundle));
    expect(readCanonicalBundle(res.rawPayload)).not.toBeNull();
    expect(verifyBundleBytes(res.rawPayload).verification.ok).toBe(true);
    // A browser gets it gzipped (a province's bundle is ~100 MB of JSON), the same bytes once unzipped, under one tag.
    const zipped = await app.inject({ method: 'GET', url: `/api/public/draws/${ids.code}/bundle`, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-disposition']).toContain(`${ids.code}.bundle.json`);
    expect(zipped.headers.etag).toBe(res.headers.etag);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(bundle);
    const again = await app.inject({ method: 'GET', url: `/api/public/draws/${ids.code}/bundle`, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('pages the draw’s tasks on the portal, in draw order, with inspectors by name', async () => {
    const admin = (await call(app, admin1, 'GET', `/api/draws/${ids.draw}`)).json();
    const total = admin.tasks.length;
    const pages = [];
    for (let page = 1; page <= Math.ceil(total / 7); page++) {
      const res = await call(app, null, 'GET', `/api/public/draws/${ids.code}/tasks?page=${page}&pageSize=7`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ total, page, pageSize: 7 });
      pages.push(...res.json().items);
    }
    // Every task once, stratum by stratum, each by rank; as the admin view orders them.
    expect(pages.map((t: { unitId: string }) => t.unitId)).toEqual(admin.tasks.map((t: { unitId: string }) => t.unitId));
    expect(inDrawOrder(pages)).toBe(true);
    const first = admin.tasks[0];
    expect(pages[0]).toEqual({
      unitName: first.unitName,
      unitId: first.unitId,
      stratum: first.stratum,
      rank: first.rank,
      leads: [first.leads[0].name],
      assistants: [first.assistants[0].name],
      statusLabel: '待检查',
      resultId: null,
    });
    // Inspectors by name only: no inspector's id, no admin field.
    const body = JSON.stringify(pages);
    for (const id of inspectorIds) expect(body).not.toContain(id);
    expect(body).not.toMatch(/backups|unitAddress|visitDate|"id"/);
    // A page past the end is empty, with the total; one stratum's tasks only.
    expect((await call(app, null, 'GET', `/api/public/draws/${ids.code}/tasks?page=99`)).json()).toEqual({ items: [], total, page: 99, pageSize: 50 });
    const crowded = (await call(app, null, 'GET', `/api/public/draws/${ids.code}/tasks?stratum=crowded_key&pageSize=100`)).json();
    expect(crowded.total).toBe(admin.tasks.filter((t: { stratum: string }) => t.stratum === 'crowded_key').length);
    expect(crowded.items.map((t: { stratum: string }) => t.stratum)).toEqual(Array(crowded.total).fill('crowded_key'));
    expect(crowded.items.map((t: { rank: number }) => t.rank)).toEqual([...Array(crowded.total).keys()]);
    expect((await call(app, null, 'GET', `/api/public/draws/${ids.code}/tasks?stratum=nobody`)).json()).toMatchObject({ items: [], total: 0 });
  });

  it('refuses a bad page of tasks with a 400 naming the field, and an unknown draw with a 404', async () => {
    const cases: [string, RegExp][] = [
      ['pageSize=101', /每页条数：最多 100/],
      ['pageSize=0', /每页条数：至少为 1/],
      ['pageSize=abc', /每页条数：必须是数字/],
      ['page=0', /页码：至少为 1/],
      ['page=1.5', /页码：必须是整数/],
      ['page=9999999', /页码：过大/],
      ['stratum=%E9%87%8D%E7%82%B9', /分层：格式不正确/],
      ['stratum=a%27%20or%201%3D1', /分层：格式不正确/],
    ];
    for (const [query, message] of cases) {
      const res = await call(app, null, 'GET', `/api/public/draws/${ids.code}/tasks?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toMatch(message);
    }
    expect((await call(app, null, 'GET', '/api/public/draws/D-2026-12-330702-999/tasks')).statusCode).toBe(404);
    expect((await call(app, null, 'GET', '/api/public/draws/D-2026-12-330702-999/tasks')).json().error.message).toBe('抽取不存在');
    expect((await call(app, null, 'GET', '/api/public/draws/nope/tasks')).statusCode).toBe(400);
  });

  it('lists the task on the drawn unit’s page, with its draw and inspectors, and the unit’s inspections', async () => {
    const draw = (await call(app, admin1, 'GET', `/api/draws/${ids.draw}`)).json();
    const task = draw.tasks[0];
    await database.db.insert(inspectionHistory).values([
      { unitId: task.unitId, inspectedOn: '2025-06-03', kind: 'routine', source: 'legacy', note: '原系统记录' },
      { unitId: task.unitId, inspectedOn: '2025-07-10', kind: 'reinspection', source: 'legacy' },
    ]);
    const unit = (await call(app, admin1, 'GET', `/api/units/${task.unitId}`)).json();
    expect(unit.tasks).toEqual([
      expect.objectContaining({ id: task.id, drawCode: ids.code, statusLabel: '待检查', leads: [task.leads[0].name], assistants: [task.assistants[0].name] }),
    ]);
    expect(unit.inspections).toEqual([
      expect.objectContaining({ on: '2025-07-10', kindLabel: '复查', counted: false }),
      expect.objectContaining({ on: '2025-06-03', kindLabel: '日常双随机抽查', counted: true, sourceLabel: '原系统记录' }),
    ]);
  });

  it('publishes every conflict under one neutral code, and keeps the real reason for the admin view', async () => {
    const bundle = (await call(app, null, 'GET', `/api/public/draws/${ids.code}/bundle`)).json<DrawBundle>();
    expect(bundle.manifest.conflicts).toEqual([[inspectorIds[0], crowdedIds[0], 'BARRED']]);
    expect(JSON.stringify(bundle)).not.toMatch(/RECUSAL|PREVIOUS_LEAD|近亲属/);
    const admin = (await call(app, admin1, 'GET', `/api/draws/${ids.draw}`)).json();
    expect(admin.conflictReasons).toEqual({ recusals: 1, previousLeads: 0 });
    const portal = await call(app, null, 'GET', `/api/public/draws/${ids.code}`);
    expect(portal.body).not.toMatch(/RECUSAL|conflictReasons|近亲属/);
  });

  it('lets a unit find itself and its rank', async () => {
    const res = await call(app, null, 'GET', `/api/public/draws/${ids.code}/units?q=${encodeURIComponent('人员密集单位1')}`);
    expect(res.statusCode).toBe(200);
    // Six crowded key units, quota six: every one is selected, with a rank among six.
    expect(res.json()).toEqual([
      expect.objectContaining({ outcome: 'selected', outcomeLabel: '被抽中', stratum: 'crowded_key', candidatesInStratum: 6 }),
    ]);
    expect(res.json()[0].rank).toBeGreaterThanOrEqual(1);
  });

  it('shows 我的任务 to the inspector on them, and drawn units are no longer candidates', async () => {
    const mine = await call(app, field, 'GET', '/api/tasks?mine=true');
    expect(mine.statusCode).toBe(200);
    for (const t of mine.json())
      expect([...t.leads, ...t.assistants].map((p: { id: string }) => p.id)).toContain(inspectorIds[0]);
    const pending = await call(app, admin1, 'GET', `/api/monthly-plans/${ids.monthly}/units?reason=PENDING_TASK&pageSize=200`);
    expect(pending.json().total).toBeGreaterThan(0);
    const reopen = await call(app, admin1, 'POST', `/api/monthly-plans/${ids.monthly}/reopen`, { reason: '想重新制定' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.message).toContain(ids.code);
  });

  it('replaces an inspector by the next backup, with reason and evidence, publicly', async () => {
    const draw = (await call(app, admin1, 'GET', `/api/draws/${ids.draw}`)).json();
    const task = draw.tasks.find((t: { id: string }) => t.id === ids.task);
    const lead = task.leads[0].id;
    const res = await call(app, admin1, 'POST', `/api/tasks/${ids.task}/replace-inspector`, {
      inspectorId: lead,
      reason: '病假',
      evidence: '医院证明（扫描件编号 2026-118）',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(task.backups.lead.map((p: { id: string }) => p.id)).toContain(res.json().replacementId);
    const admin = (await call(app, admin1, 'GET', `/api/draws/${ids.draw}`)).json();
    expect(admin.changes).toEqual([expect.objectContaining({ kindLabel: '检查人员递补', roleLabel: '主办', reason: '病假', evidence: '医院证明（扫描件编号 2026-118）' })]);
    // The portal lists the change, but why a named person could not go is not published.
    const portal = (await call(app, null, 'GET', `/api/public/draws/${ids.code}`)).json();
    expect(portal.changes).toEqual([expect.objectContaining({ kindLabel: '检查人员递补', roleLabel: '主办' })]);
    expect(JSON.stringify(portal)).not.toMatch(/病假|医院证明/);
  });

  it('replaces a closed unit by the next alternate of its stratum', async () => {
    const draw = (await call(app, admin1, 'GET', `/api/draws/${ids.draw}`)).json();
    const general = draw.tasks.find((t: { stratum: string }) => t.stratum === 'general');
    // The photo of the closed shop is uploaded first and named by its SHA-256; an HTML page called .jpg is not a photo.
    // A real 1×1 PNG: images are checked by their header and dimensions, not only their signature.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const upload = (bytes: Buffer, fileName: string) =>
      app.inject({
        method: 'POST',
        url: `/api/files?fileName=${encodeURIComponent(fileName)}`,
        payload: bytes,
        headers: { cookie: admin1.cookie, 'x-csrf-token': admin1.csrf, 'content-type': 'application/octet-stream' },
      });
    const fake = await upload(Buffer.from('<html><script>alert(1)</script></html>'), '门头照片.jpg');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toContain('只接受 JPEG 照片、PNG 图片、WebP 图片、PDF 文件');
    const photo = await upload(png, '门头照片.png');
    expect(photo.statusCode, photo.body).toBe(201);
    const sha256 = photo.json().sha256;
    const missing = await call(app, admin1, 'POST', `/api/tasks/${general.id}/replace-unit`, { reason: '现场核实已停业', evidence: '现场照片', evidenceFiles: ['0'.repeat(64)] });
    expect(missing.json().error).toMatchObject({ field: 'evidenceFiles' });
    const res = await call(app, admin1, 'POST', `/api/tasks/${general.id}/replace-unit`, {
      reason: '现场核实已停业',
      evidence: '现场照片 3 张',
      evidenceFiles: [sha256],
    });
    const admin = (await call(app, admin1, 'GET', `/api/draws/${ids.draw}`)).json();
    const change = admin.changes.find((c: { kind: string }) => c.kind === 'unit_replaced');
    expect(change.evidenceFiles).toEqual([{ sha256, fileName: '门头照片.png', contentType: 'image/png', byteSize: png.length, url: `/api/files/${sha256}` }]);
    const served = await call(app, admin1, 'GET', `/api/files/${sha256}`);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);
    expect((await call(app, null, 'GET', `/api/files/${sha256}`)).statusCode).toBe(401);
    const portal = (await call(app, null, 'GET', `/api/public/draws/${ids.code}`)).json();
    expect(JSON.stringify(portal)).not.toContain(sha256);
    expect(res.statusCode, res.body).toBe(200);
    const after = (await call(app, admin1, 'GET', `/api/draws/${ids.draw}`)).json();
    expect(after.tasks.find((t: { id: string }) => t.id === general.id).status).toBe('replaced');
    expect(after.tasks.find((t: { id: string }) => t.id === res.json().taskId)).toMatchObject({
      unitId: res.json().unitId,
      stratum: 'general',
      status: 'assigned',
    });
  });

  it('voids with a reason and keeps the draw and its result visible', async () => {
    expect((await call(app, admin1, 'POST', `/api/draws/${ids.draw}/void`, { reason: '' })).statusCode).toBe(400);
    const res = await call(app, admin1, 'POST', `/api/draws/${ids.draw}/void`, {
      reason: '抽取清单遗漏新登记单位，经支队批准作废',
    });
    expect(res.json()).toMatchObject({ status: 'voided', voidReason: '抽取清单遗漏新登记单位，经支队批准作废' });
    expect(res.json().tasks.every((t: { status: string }) => t.status !== 'assigned')).toBe(true);
    const portal = (await call(app, null, 'GET', `/api/public/draws/${ids.code}`)).json();
    expect(portal).toMatchObject({ status: 'voided', statusLabel: '已作废' });
    expect(portal.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('after a void, draws the plan again only with a new lottery issue; a frozen draw is voided with its would-be result', async () => {
    const freeze = (ref: string, observers: { name: string; capacity: string }[]) =>
      call(app, admin1, 'POST', '/api/draws', { ...freezeBody(), observers, external: [{ source: '福彩3D', ref }] });
    const reused = await freeze('2026335', []);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toMatchObject({ field: 'external', message: expect.stringContaining('2026335 期已被本计划此前的抽取指定过') });

    // Voided before the observer revealed: nobody can know a result, none is kept.
    const early = await freeze('2026336', [{ name: '王监督', capacity: '特邀廉政监督员' }]);
    expect(early.statusCode, early.body).toBe(201);
    const earlyVoid = await call(app, admin1, 'POST', `/api/draws/${early.json().id}/void`, { reason: '监督人未到场，改期抽取' });
    expect(earlyVoid.json()).toMatchObject({ status: 'voided', resultHash: null });

    // No observers: only the lottery value is missing, so the draw is voided only once it is entered …
    const late = await freeze('2026337', []);
    expect(late.statusCode, late.body).toBe(201);
    const id = late.json().id;
    const refused = await call(app, admin1, 'POST', `/api/draws/${id}/void`, { reason: '想重新抽' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/开奖号码/);
    for (const who of [admin1, admin2]) {
      expect((await call(app, who, 'POST', `/api/draws/${id}/external`, { source: '福彩3D', ref: '2026337', value: '1 2 3' })).statusCode).toBe(200);
    }
    // … and then its would-be result is computed, kept and published with the void: no tasks, a bundle that verifies.
    const voided = await call(app, admin1, 'POST', `/api/draws/${id}/void`, { reason: '清单有误' });
    expect(voided.json()).toMatchObject({ status: 'voided', tasks: [] });
    expect(voided.json().resultHash).toMatch(/^[0-9a-f]{64}$/);
    const bundle = (await call(app, null, 'GET', `/api/public/draws/${late.json().code}/bundle`)).json() as DrawBundle;
    expect(verifyBundle(bundle).ok).toBe(true);
    expect(bundle.result.strata.some((s) => s.selected.length > 0)).toBe(true);
    // The portal lists the tasks it would have created, by unit name, with the inspectors drawn.
    const portal = (await call(app, null, 'GET', `/api/public/draws/${late.json().code}`)).json();
    expect(portal.wouldBe).toBe(true);
    const wouldBe = (await call(app, null, 'GET', `/api/public/draws/${late.json().code}/tasks?pageSize=100`)).json();
    expect(wouldBe.total).toBe(bundle.result.tasks.length);
    expect(wouldBe.items.map((t: { unitId: string }) => t.unitId).sort()).toEqual(bundle.result.tasks.map((t) => t.unitId).sort());
    expect(wouldBe.items[0]).toMatchObject({ unitName: expect.stringMatching(/[\u4e00-\u9fff]/), leads: [expect.any(String)], statusLabel: '未下达', resultId: null });
    // In draw order, as a draw's own tasks: stratum, then rank.
    expect(inDrawOrder(wouldBe.items)).toBe(true);
    const second = (await call(app, null, 'GET', `/api/public/draws/${late.json().code}/tasks?page=2&pageSize=1`)).json();
    expect(second).toMatchObject({ total: wouldBe.total, page: 2, pageSize: 1, items: [wouldBe.items[1]] });
  });

  it('takes the published monthly plan back to a draft, with a reason, only once no draw of it is live', async () => {
    expect((await call(app, admin1, 'POST', `/api/monthly-plans/${ids.monthly}/reopen`, { reason: '' })).statusCode).toBe(400);
    const res = await call(app, admin1, 'POST', `/api/monthly-plans/${ids.monthly}/reopen`, {
      reason: '名录库清理后候选单位减少，重新制定本月计划',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft' });
    expect((await call(app, null, 'GET', `/api/public/plans/monthly/${ids.monthly}`)).statusCode).toBe(404);
    // The voided draw and its result stay public.
    expect((await call(app, null, 'GET', `/api/public/draws/${ids.code}`)).json()).toMatchObject({ status: 'voided' });
    expect((await call(app, admin1, 'POST', `/api/monthly-plans/${ids.monthly}/reopen`, { reason: '再退一次' })).statusCode).toBe(
      409,
    );
    const audit = await call(app, auditor, 'GET', '/api/audit?action=monthly_plan.reopen');
    expect(JSON.stringify(audit.json())).toContain('名录库清理后候选单位减少');
  });
});

describe('what the database itself refuses', () => {
  it('never lets a manifest, a result or an entry change, nor a draw or task be deleted', async () => {
    const attempts = [
      sql`update draws set manifest_hash = repeat('0', 64) where code = ${ids.code}`,
      sql`update draws set result = '{}'::jsonb where code = ${ids.code}`,
      sql`update draws set status = 'frozen' where code = ${ids.code}`,
      sql`delete from draws where code = ${ids.code}`,
      sql`update draw_observers set reveal = 'ff' where draw_id = ${ids.draw!}`,
      sql`update draw_external_entries set value = '1 2 3' where draw_id = ${ids.draw!}`,
      sql`delete from task_changes where draw_id = ${ids.draw!}`,
      sql`delete from tasks where draw_id = ${ids.draw!}`,
    ];
    for (const statement of attempts) {
      const error = await database.db.execute(statement).then(
        () => null,
        (e: unknown) => e as Error & { cause?: Error },
      );
      // Refused by the guard triggers of migration 0012, not by some other constraint.
      expect(String(error?.cause?.message ?? error?.message)).toMatch(/never|not allowed|cannot become/);
    }
  });
});
