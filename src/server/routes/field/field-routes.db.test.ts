import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { freezeAndExecuteDraw } from '../../../../test/harness/draws.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { FieldTask, FieldTaskBundle, RecordBody, RecordSignatures } from '../../../contracts/field.ts';
import { listFieldTaskRows } from '../../../db/field-queries.ts';
import { accounts, hazards, inspectionHistory, inspectionRecords } from '../../../db/schema.ts';
import { canonicalJson } from '../../../domain/canonical-json.ts';
import { sha256Hex } from '../../../domain/crypto/sha256.ts';
import { dispatchOutbox } from '../../../usecases/outbox/dispatch-outbox.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';
import { logChannel } from '../../sms-gateway.ts';

/*
 * The field work's whole path through the HTTP API (decision 0020): a drawn task's lead sets the visit day (the unit
 * is told through the outbox), starts, uploads photos and signatures, submits a record with two 不符合 lines; the
 * record is idempotent, the task done, the unit's inspection history written so the next draw leaves it out. And
 * every refusal: not on the task, a replaced task, missing files, a signature over another hash, a second record.
 */

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let second: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
const NOW = new Date('2026-11-30T02:00:00Z');
const inspectorIds: string[] = [];
/** Each inspector's logged-in account. */
const field = new Map<string, Session>();
let drawId = '';
let monthlyId = '';

/** A real 1×1 PNG; `tag` appended after it makes another file with the same valid header. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const image = (tag: string) => Buffer.concat([PNG, Buffer.from(tag)]);
const hashOf = (bytes: Buffer) => sha256Hex(bytes);

function upload(session: Session, bytes: Buffer, fileName = '现场照片.png') {
  return app.inject({
    method: 'POST',
    url: `/api/files?fileName=${encodeURIComponent(fileName)}`,
    payload: bytes,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  tree = await createOrgTree(database.db);
  const db = database.db;
  const brigadeId = tree.brigadeA.id;
  const a1 = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const a2 = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  for (let i = 0; i < 4; i++) await createUnitFixture(db, { brigadeId, category: 'key', isCrowded: true, name: `人员密集单位${i}`, contactPhone: '13800001111' });
  for (let i = 0; i < 30; i++) await createUnitFixture(db, { brigadeId, category: 'general', name: `一般单位${i}` });
  for (let i = 0; i < 5; i++) {
    const id = await createInspectorFixture(db, { orgId: brigadeId });
    inspectorIds.push(id);
    const account = await createAccountFixture(db, { role: 'inspector', org: tree.brigadeA });
    await db.update(accounts).set({ inspectorId: id }).where(eq(accounts.id, account.id));
    field.set(id, await logInAs(app, account.username, account.password, `10.1.0.${i + 1}`));
  }
  admin = await logInAs(app, a1.username, a1.password);
  second = await logInAs(app, a2.username, a2.password);
  const annual = await call(app, admin, 'POST', '/api/annual-plans', { orgId: brigadeId, year: 2026, name: '2026 年度计划' });
  await call(app, admin, 'POST', `/api/annual-plans/${annual.json().id}/publish`);
  monthlyId = (await call(app, admin, 'POST', `/api/annual-plans/${annual.json().id}/months/12/generate`)).json().id;
  const published = await call(app, admin, 'POST', `/api/monthly-plans/${monthlyId}/publish`);
  if (published.statusCode !== 200) throw new Error(published.body);
  drawId = (await freezeAndExecuteDraw(app, admin, second, { kind: 'monthly_plan', id: monthlyId }, '2026335')).id;
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

type AdminTask = { id: string; unitId: string; status: string; leads: { id: string }[]; assistants: { id: string }[]; stratum: string; record: unknown; visitDate: string | null };
async function drawTasks(): Promise<AdminTask[]> {
  return (await call(app, admin, 'GET', `/api/draws/${drawId}`)).json().tasks;
}
const leadOf = (task: AdminTask) => field.get(task.leads[0]!.id)!;
const assistantOf = (task: AdminTask) => field.get(task.assistants[0]!.id)!;
/** An inspector on neither side of the task. */
function strangerTo(task: AdminTask): Session {
  const on = new Set([...task.leads, ...task.assistants].map((p) => p.id));
  return field.get(inspectorIds.find((id) => !on.has(id))!)!;
}
async function bundleTask(session: Session, taskId: string): Promise<FieldTask> {
  const bundle: FieldTaskBundle = (await call(app, session, 'GET', '/api/field/tasks?days=7')).json();
  const task = bundle.tasks.find((t) => t.id === taskId);
  if (!task) throw new Error(`task ${taskId} not in the bundle`);
  return task;
}

const hazard = { description: '安全出口上锁', location: '一层东侧', legalBasis: '《消防法》第二十八条', fixedOnSpot: false };
function inspectedBody(task: FieldTask, photos: string[]): RecordBody {
  return {
    taskId: task.id,
    outcome: 'inspected',
    startedAt: '2026-12-02T09:00:00+08:00',
    endedAt: '2026-12-02T10:30:00+08:00',
    accompanying: { name: '李经理', title: '安全主管' },
    jointStaffIds: [],
    lines: task.checklist.map((l, i) => ({
      versionId: l.versionId,
      code: l.code,
      result: i < 2 ? ('fail' as const) : ('pass' as const),
      note: '',
      uncheckedReason: '',
      hazard: i < 2 ? hazard : null,
      photos: i < 2 ? [photos[i]!] : [],
    })),
    conclusion: 'hazards_found',
    unable: null,
    remarks: '',
  };
}
const bodyHash = (body: RecordBody) => sha256Hex(canonicalJson(body));
const signed = (image: string, hash: string) => ({ kind: 'signed' as const, image, signedHash: hash, at: '2026-12-02T10:30:00+08:00' });
function signaturesOver(hash: string, sign: string): RecordSignatures {
  return { lead: signed(sign, hash), assistant: null, representative: signed(sign, hash) };
}

const ids: Record<string, string> = {};

describe('inspection in the field', () => {
  it('lets the lead set the visit day; the unit is told through the outbox, sent by the log channel', async () => {
    const task = (await drawTasks()).find((t) => t.stratum === 'crowded_key')!;
    ids.task = task.id;
    ids.unit = task.unitId;
    const byAssistant = await call(app, assistantOf(task), 'POST', `/api/field/tasks/${task.id}/visit`, { visitDate: '2026-12-02', lateReason: '' });
    expect(byAssistant.statusCode).toBe(403);
    const late = await call(app, leadOf(task), 'POST', `/api/field/tasks/${task.id}/visit`, { visitDate: '2026-11-30', lateReason: '' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({ field: 'lateReason' });
    const res = await call(app, leadOf(task), 'POST', `/api/field/tasks/${task.id}/visit`, { visitDate: '2026-12-02', lateReason: '' });
    expect(res.statusCode, res.body).toBe(200);
    const mine = (res.json() as FieldTaskBundle).tasks.find((t) => t.id === task.id)!;
    expect(mine).toMatchObject({ status: 'notified', statusLabel: '已告知', visitDate: '2026-12-02', myRole: 'lead', notice: { state: 'pending', late: false } });
    expect(mine.people.find((p) => p.role === 'lead')!.certificateNo).toMatch(/^ZJ/);
    expect(mine.checklist.length).toBeGreaterThanOrEqual(2);

    const sent = await dispatchOutbox(database.db, NOW, { log: logChannel });
    expect(sent).toEqual([expect.objectContaining({ result: 'sent' })]);
    const outbox = (await call(app, admin, 'GET', '/api/outbox')).json();
    expect(outbox.total).toBe(1);
    expect(outbox.items[0]).toMatchObject({ taskId: task.id, channel: 'log', recipient: '13800001111', state: 'sent', stateLabel: '已发送', attempts: 1 });
    const code = /\/portal\/notice\/([A-Za-z0-9]+)/.exec(outbox.items[0].body)![1]!;
    const notice = await call(app, null, 'GET', `/api/public/notices/${code}`);
    expect(notice.statusCode).toBe(200);
    expect(notice.json()).toMatchObject({ visitDate: '2026-12-02', stateLabel: '检查安排有效' });
    expect(notice.body).not.toMatch(/监督员|13800001111|ZJ/);
    expect((await call(app, leadOf(task), 'GET', '/api/outbox')).statusCode).toBe(403);
  });

  it('starts the visit, and starting again is harmless', async () => {
    const task = (await drawTasks()).find((t) => t.id === ids.task)!;
    for (let i = 0; i < 2; i++) {
      const res = await call(app, assistantOf(task), 'POST', `/api/field/tasks/${task.id}/start`);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await bundleTask(leadOf(task), task.id)).status).toBe('in_progress');
    expect((await call(app, strangerTo(task), 'POST', `/api/field/tasks/${task.id}/start`)).statusCode).toBe(403);
  });

  it('refuses a record whose files are not uploaded yet, listing them, and takes it once they are', async () => {
    const task = (await drawTasks()).find((t) => t.id === ids.task)!;
    const lead = leadOf(task);
    const photos = [image('photo-1'), image('photo-2')];
    const sign = image('signature');
    const fieldTask = await bundleTask(lead, task.id);
    const body = inspectedBody(fieldTask, photos.map(hashOf));
    const hash = bodyHash(body);
    ids.record = randomUUID();
    const submission = { id: ids.record, body, signatures: signaturesOver(hash, hashOf(sign)), corrects: null };

    const asked = await call(app, lead, 'POST', '/api/field/files/missing', { sha256: [...photos, sign].map(hashOf) });
    expect(asked.json().missing).toHaveLength(3);
    const early = await call(app, lead, 'POST', '/api/field/records', submission);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.missing).toHaveLength(3);

    const pdf = await upload(lead, Buffer.from('%PDF-1.4 not a photo'), '证明.pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toMatch(/只接受 JPEG、PNG 或 WebP 图片/);
    const broken = await upload(lead, PNG.subarray(0, 16));
    expect(broken.json().error.message).toMatch(/已损坏或不完整/);
    for (const file of [...photos, sign]) expect((await upload(lead, file)).statusCode).toBe(201);
    expect((await call(app, lead, 'POST', '/api/field/files/missing', { sha256: [...photos, sign].map(hashOf) })).json()).toEqual({ missing: [] });

    const res = await call(app, lead, 'POST', '/api/field/records', submission);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: ids.record, version: 1, bodyHash: hash, outcomeLabel: '已检查', correctsRecordId: null });
    expect(res.json().files).toHaveLength(3);

    // The same submission again (the device never heard the answer): the stored record, not a second one.
    const again = await call(app, lead, 'POST', '/api/field/records', submission);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(ids.record);
    // The same id with another body: refused.
    const changed = { ...body, remarks: '改过' };
    const other = await call(app, lead, 'POST', '/api/field/records', { ...submission, body: changed, signatures: signaturesOver(bodyHash(changed), hashOf(sign)) });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toMatch(/已提交过不同的内容/);
    ids.sign = hashOf(sign);
    ids.photos = JSON.stringify(photos.map(hashOf));
  });

  it('marks the task done, writes the inspection history of the visit day and audits the body hash', async () => {
    const task = (await drawTasks()).find((t) => t.id === ids.task)!;
    expect(task).toMatchObject({ status: 'done', record: { id: ids.record, version: 1, hazardCount: 2, conclusionLabel: '发现火灾隐患' } });
    const history = await database.db.select().from(inspectionHistory).where(eq(inspectionHistory.unitId, ids.unit!));
    expect(history).toEqual([expect.objectContaining({ inspectedOn: '2026-12-02', kind: 'routine', source: 'task', taskId: ids.task })]);
    // One hazard per 不符合 line, waiting for a notice (decision 0023).
    const found = await database.db.select().from(hazards).where(eq(hazards.recordId, ids.record!));
    expect(found.map((h) => [h.seq, h.stage, h.foundOn, h.location])).toEqual([
      [1, 'found', '2026-12-02', '一层东侧'],
      [2, 'found', '2026-12-02', '一层东侧'],
    ]);
    const audit = (await call(app, admin, 'GET', '/api/audit?action=record.submit')).json();
    expect(JSON.stringify(audit)).toContain((await call(app, admin, 'GET', `/api/records/${ids.record}`)).json().bodyHash);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    // Today's done tasks stay on the device.
    expect((await bundleTask(leadOf(task), task.id)).record).toMatchObject({ id: ids.record, version: 1, assistantConfirmed: false });
  });

  it('refuses a second record without corrects, a stranger, and a signature over another hash', async () => {
    const task = (await drawTasks()).find((t) => t.id === ids.task)!;
    const fieldTask = await bundleTask(leadOf(task), task.id);
    const body = inspectedBody(fieldTask, JSON.parse(ids.photos!));
    const hash = bodyHash(body);
    const second = await call(app, leadOf(task), 'POST', '/api/field/records', { id: randomUUID(), body, signatures: signaturesOver(hash, ids.sign!), corrects: null });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/更正/);
    const stranger = await call(app, strangerTo(task), 'POST', '/api/field/records', { id: randomUUID(), body, signatures: signaturesOver(hash, ids.sign!), corrects: null });
    expect(stranger.statusCode).toBe(403);
    const stale = { ...signaturesOver(hash, ids.sign!), representative: signed(ids.sign!, 'f'.repeat(64)) };
    const voided = await call(app, leadOf(task), 'POST', '/api/field/records', {
      id: randomUUID(),
      body,
      signatures: stale,
      corrects: { recordId: ids.record, reason: '补充照片' },
    });
    expect(voided.statusCode).toBe(400);
    expect(voided.json().error).toMatchObject({ field: 'signatures', message: expect.stringMatching(/^单位代表签名：签名后记录内容已被修改/) });
  });

  it('keeps both versions when a record is corrected', async () => {
    const task = (await drawTasks()).find((t) => t.id === ids.task)!;
    const fieldTask = await bundleTask(leadOf(task), task.id);
    const body = { ...inspectedBody(fieldTask, JSON.parse(ids.photos!)), remarks: '更正：隐患部位为一层西侧' };
    const res = await call(app, leadOf(task), 'POST', '/api/field/records', {
      id: randomUUID(),
      body,
      signatures: signaturesOver(bodyHash(body), ids.sign!),
      corrects: { recordId: ids.record, reason: '隐患部位写错' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, correctsRecordId: ids.record, correctionReason: '隐患部位写错' });
    const list = (await call(app, admin, 'GET', `/api/records?taskId=${task.id}`)).json();
    expect(list.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(await database.db.select().from(inspectionRecords).where(eq(inspectionRecords.taskId, task.id))).toHaveLength(2);
    expect(await database.db.select().from(inspectionHistory).where(eq(inspectionHistory.taskId, task.id))).toHaveLength(1);
    // The first version's hazards (no notice yet) are superseded; the new version brings its own.
    const byRecord = async (id: string) => (await database.db.select().from(hazards).where(eq(hazards.recordId, id))).map((h) => h.stage);
    expect(await byRecord(ids.record!)).toEqual(['superseded', 'superseded']);
    expect(await byRecord(res.json().id)).toEqual(['found', 'found']);
    ids.latest = res.json().id;
    ids.latestHash = res.json().bodyHash;
  });

  it('lets the assistant confirm the latest version over its hash, and nobody else', async () => {
    const task = (await drawTasks()).find((t) => t.id === ids.task)!;
    const sign = image('assistant-signature');
    await upload(assistantOf(task), sign);
    const over = (hash: string) => ({ bodyHash: hash, signature: signed(hashOf(sign), hash) });
    // The next morning: the lead's device no longer loads the done task, the assistant's still does (it waits for them).
    const tomorrow = { until: '2026-12-08', since: new Date('2026-11-30T16:00:00Z') };
    const onDevice = async (inspectorId: string) => (await listFieldTaskRows(database.db, inspectorId, tomorrow)).some((r) => r.task.id === task.id);
    expect(await onDevice(task.assistants[0]!.id)).toBe(true);
    expect(await onDevice(task.leads[0]!.id)).toBe(false);
    expect((await bundleTask(assistantOf(task), task.id)).record).toMatchObject({ id: ids.latest, version: 2, assistantConfirmed: false });
    expect((await call(app, leadOf(task), 'POST', `/api/field/records/${ids.latest}/confirm`, over(ids.latestHash!))).statusCode).toBe(403);
    expect((await call(app, assistantOf(task), 'POST', `/api/field/records/${ids.latest}/confirm`, over('e'.repeat(64)))).statusCode).toBe(409);
    expect((await call(app, assistantOf(task), 'POST', `/api/field/records/${ids.record}/confirm`, over(ids.latestHash!))).statusCode).toBe(409);
    const ok = await call(app, assistantOf(task), 'POST', `/api/field/records/${ids.latest}/confirm`, over(ids.latestHash!));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().assistantConfirmedAt).not.toBeNull();
    expect((await call(app, assistantOf(task), 'POST', `/api/field/records/${ids.latest}/confirm`, over(ids.latestHash!))).statusCode).toBe(200);
    // Confirmed: nothing waits for the assistant any more.
    expect(await onDevice(task.assistants[0]!.id)).toBe(false);
    expect((await bundleTask(assistantOf(task), task.id)).record).toMatchObject({ id: ids.latest, assistantConfirmed: true });
    // The assistant reads the record they confirm, and its files.
    expect((await call(app, assistantOf(task), 'GET', `/api/records/${ids.latest}`)).statusCode).toBe(200);
    expect((await call(app, assistantOf(task), 'GET', `/api/files/${ids.sign}`)).statusCode).toBe(200);
  });

  it('ends a unit not found as 无法检查: flagged 待核实, not counted, and the next alternate comes in by 递补', async () => {
    const task = (await drawTasks()).find((t) => t.stratum === 'general' && t.id !== ids.task)!;
    const lead = leadOf(task);
    await call(app, lead, 'POST', `/api/field/tasks/${task.id}/visit`, { visitDate: '2026-12-03', lateReason: '' });
    const photo = image('empty-lot');
    await upload(lead, photo);
    const body: RecordBody = {
      taskId: task.id,
      outcome: 'unable',
      startedAt: '2026-12-03T09:00:00+08:00',
      endedAt: '2026-12-03T09:20:00+08:00',
      accompanying: { name: '', title: '' },
      jointStaffIds: [],
      lines: [],
      conclusion: null,
      unable: { reason: 'not_found', detail: '登记地址为空地，周边商户称该单位已搬离一年', photos: [hashOf(photo)] },
      remarks: '',
    };
    const hash = bodyHash(body);
    const res = await call(app, lead, 'POST', '/api/field/records', {
      id: randomUUID(),
      body,
      signatures: { lead: signed(ids.sign!, hash), assistant: null, representative: null },
      corrects: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await drawTasks()).find((t) => t.id === task.id)!;
    expect(after).toMatchObject({ status: 'unable', record: { outcomeLabel: '无法检查' } });
    const unit = (await call(app, admin, 'GET', `/api/units/${task.unitId}`)).json();
    expect(JSON.stringify(unit)).toMatch(/查无此单位/);
    expect(await database.db.select().from(inspectionHistory).where(and(eq(inspectionHistory.unitId, task.unitId)))).toEqual([]);

    const replaced = await call(app, admin, 'POST', `/api/tasks/${task.id}/replace-unit`, { reason: '现场核实查无此单位', evidence: '检查记录及现场照片' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    // The replaced task takes no more field work.
    const late = await call(app, lead, 'POST', '/api/field/records', { id: randomUUID(), body, signatures: { lead: signed(ids.sign!, hash), assistant: null, representative: null }, corrects: null });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/^任务已递补/);
    expect((await call(app, lead, 'POST', `/api/field/tasks/${task.id}/start`)).json().error.message).toMatch(/^任务已递补/);
  });

  it('leaves the inspected unit out of a draw frozen afterwards', async () => {
    const campaign = await call(app, admin, 'POST', '/api/campaigns', {
      orgId: tree.brigadeA.id,
      name: '岁末专项检查',
      description: '',
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      filter: { categories: [], crowded: null, flammable: null, highRise: null, tagsAny: [], districtCodes: [] },
      quota: 2,
      alternatesPercent: 0,
      checkItemCodes: ['XF-01'],
      frequencyOverrideReason: '',
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    await call(app, admin, 'POST', `/api/campaigns/${campaign.json().id}/publish`);
    const drawn = await freezeAndExecuteDraw(app, admin, second, { kind: 'campaign', id: campaign.json().id }, '2026336');
    expect(drawn.tasks.map((t) => t.unitId)).not.toContain(ids.unit);
    const bundle = (await call(app, null, 'GET', `/api/public/draws/${drawn.code}/bundle`)).json();
    expect(bundle.manifest.candidates.map((c: string[]) => c[0])).not.toContain(ids.unit);
  });
});
