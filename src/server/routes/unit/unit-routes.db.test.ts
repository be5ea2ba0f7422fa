import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createDrawFixture, createInspectedTask } from '../../../../test/harness/documents.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { DocumentView } from '../../../contracts/documents.ts';
import type { FeedbackView, UnitAccessView, UnitOwnView } from '../../../contracts/publication.ts';
import { auditLog, conductComplaints, documents, rectificationEvidence, reinspectionRequests, tasks, unitAccessSessions, units, visitRatings } from '../../../db/schema.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';

/*
 * The inspected unit's own page through the HTTP API (decision 0024): a document's check code and the unit's credit
 * code open it (one message for either wrong, voided and expired codes refused, a code locked after 5 wrong tries),
 * the bearer token expires; the unit sees its notices, visits and penalties, uploads evidence, asks for an early 复查,
 * rates a visit once and complains — never about another unit's notice or task. 纪检 reads the feedback; the brigade
 * does not read complaints.
 */

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let admin: Session;
let adminId = '';
let clock = new Date('2026-12-04T02:00:00Z'); // Friday
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const accountsByRole: Record<string, { username: string; password: string }> = {};

type Fixture = { unitId: string; uscc: string; taskId: string; noticeId: string; code: string; number: string };
let mine: Fixture;
let other: Fixture;
let voidable: Fixture;
let lockable: Fixture;
let voidableToken = '';
let leadName = '';

async function inspectedWithNotice(name: string, inspectorIds: { lead: string; assistant: string }, drawId: string): Promise<Fixture> {
  const unitId = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, name });
  const [unit] = await database.db.select({ uscc: units.uscc }).from(units).where(eq(units.id, unitId));
  const made = await createInspectedTask(database.db, {
    drawId,
    orgId: tree.brigadeA.id,
    unitId,
    leadIds: [inspectorIds.lead],
    assistantIds: [inspectorIds.assistant],
    accountId: adminId,
    visitDate: '2026-12-02',
    hazards: [
      { location: '一层东侧', description: '安全出口上锁' },
      { location: '二层走道', description: '疏散指示标志损坏' },
    ],
  });
  const res = await call(app, admin, 'POST', `/api/records/${made.recordId}/notices`, {
    type: 'deadline_notice',
    periods: made.hazardIds.map((hazardId) => ({ hazardId, workingDays: 10 })),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const doc = res.json<DocumentView>();
  return { unitId, uscc: unit!.uscc, taskId: made.taskId, noticeId: doc.id, code: doc.checkCode, number: doc.number };
}

function open(code: string, uscc: string, ip = '10.9.0.1'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/public/unit-access', payload: { code, uscc }, remoteAddress: ip });
}
async function tokenFor(f: Fixture, ip = '10.9.0.1'): Promise<string> {
  const res = await open(f.code, f.uscc, ip);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json<UnitAccessView>().token;
}
function asUnit(token: string, method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
}
async function loggedIn(role: string): Promise<Session> {
  const a = accountsByRole[role]!;
  return logInAs(app, a.username, a.password, `10.8.0.${Object.keys(accountsByRole).indexOf(role) + 1}`);
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => clock });
  tree = await createOrgTree(database.db);
  const db = database.db;
  const brigadeAdmin = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  accountsByRole.brigade_admin = brigadeAdmin;
  adminId = brigadeAdmin.id;
  accountsByRole.org_admin = await createAccountFixture(db, { role: 'org_admin', org: tree.detachment });
  accountsByRole.inspector = await createAccountFixture(db, { role: 'inspector', org: tree.brigadeA });
  accountsByRole.auditor_brigade = await createAccountFixture(db, { role: 'auditor', org: tree.brigadeA });
  accountsByRole.auditor_detachment = await createAccountFixture(db, { role: 'auditor', org: tree.detachment });
  accountsByRole.system_admin = await createAccountFixture(db, { role: 'system_admin', org: tree.corps });
  admin = await logInAs(app, brigadeAdmin.username, brigadeAdmin.password, '10.8.1.1');
  leadName = '王小明';
  const lead = await createInspectorFixture(db, { orgId: tree.brigadeA.id, name: leadName, phone: '13912345678' });
  const assistant = await createInspectorFixture(db, { orgId: tree.brigadeA.id, name: '欧阳修文' });
  const drawId = await createDrawFixture(db, tree.brigadeA.id, brigadeAdmin.id);
  mine = await inspectedWithNotice('金华市某某商贸有限公司', { lead, assistant }, drawId);
  other = await inspectedWithNotice('另一家单位', { lead, assistant }, drawId);
  voidable = await inspectedWithNotice('将作废通知书的单位', { lead, assistant }, drawId);
  lockable = await inspectedWithNotice('核验码将被锁定的单位', { lead, assistant }, drawId);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('opening the unit page', () => {
  it('opens with the check code and the credit code (any case, spaces around), and stores only the token’s hash', async () => {
    const res = await open(` ${mine.code} `, ` ${mine.uscc.toLowerCase()} `);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const view = res.json<UnitAccessView>();
    expect(view.unitName).toBe('金华市某某商贸有限公司');
    expect(new Date(view.expiresAt).getTime() - clock.getTime()).toBe(120 * 60_000);
    const sessions = await database.db.select().from(unitAccessSessions).where(eq(unitAccessSessions.unitId, mine.unitId));
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.tokenHash !== view.token && s.tokenHash.length === 64)).toBe(true);
    const opened = await database.db.select().from(auditLog).where(eq(auditLog.action, 'unit_access.open'));
    expect(opened.at(-1)).toMatchObject({ actorName: '单位（凭核验码）', targetType: 'unit_access', targetId: sessions.at(-1)!.id });
    expect(opened.at(-1)!.summary).toMatchObject({ unit: '金华市某某商贸有限公司', unitId: mine.unitId });
  });

  it('answers a wrong code and a wrong credit code with the same message, and audits only the code', async () => {
    const wrongCode = await open('ZZZZZZZZZZ', mine.uscc, '10.9.1.1');
    const wrongUscc = await open(mine.code, other.uscc, '10.9.1.2');
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongUscc.statusCode).toBe(404);
    expect(wrongCode.json().error.message).toBe(wrongUscc.json().error.message);
    expect(wrongCode.json().error.message).toContain('核验码或统一社会信用代码不正确');
    const refused = await database.db.select().from(auditLog).where(eq(auditLog.action, 'unit_access.refused'));
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const r of refused) expect(JSON.stringify(r.summary)).not.toContain(other.uscc);
    // The code typed is kept as the object; for a wrong credit code nothing names the document it belongs to.
    const wrongCredit = refused.find((r) => r.targetId === mine.code)!;
    expect(wrongCredit).toMatchObject({ targetType: 'unit_access', orgId: null });
    expect(JSON.stringify(wrongCredit.summary)).not.toContain(mine.number);
  });

  it('refuses a voided notice’s code and one past 180 days, each in its own words', async () => {
    voidableToken = await tokenFor(voidable, '10.9.2.0');
    await database.db.update(documents).set({ status: 'voided', voidReason: '测试', voidedAt: clock }).where(eq(documents.id, voidable.noticeId));
    const voided = await open(voidable.code, voidable.uscc, '10.9.2.1');
    expect(voided.statusCode).toBe(404);
    expect(voided.json().error.message).toContain('已作废');
    const saved = clock;
    clock = new Date('2027-06-10T02:00:00Z');
    try {
      const expired = await open(other.code, other.uscc, '10.9.2.2');
      expect(expired.statusCode).toBe(404);
      expect(expired.json().error.message).toContain('已过有效期');
    } finally {
      clock = saved;
    }
  });

  it('locks a code after 5 wrong tries (429 with retry-after), even with the right credit code', async () => {
    for (let i = 0; i < 5; i++) expect((await open(lockable.code, mine.uscc, `10.9.3.${i + 1}`)).statusCode).toBe(404);
    const locked = await open(lockable.code, lockable.uscc, '10.9.3.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/核验码.*次数过多.*分钟后再试/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await open(lockable.code, lockable.uscc, '10.9.3.9')).statusCode).toBe(200);
  });

  it('refuses a bad body in Chinese naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/public/unit-access', payload: { code: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'code' });
    expect(res.json().error.message).toContain('核验码');
  });

  it('answers /api/unit/me without a token, with a wrong one or an expired one with 401', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/unit/me' })).statusCode).toBe(401);
    const wrong = await asUnit('x'.repeat(43), 'GET', '/api/unit/me');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('查看已过期，请重新输入核验码');
    const token = await tokenFor(mine);
    expect((await asUnit(token, 'GET', '/api/unit/me')).statusCode).toBe(200);
    const saved = clock;
    clock = new Date(clock.getTime() + 121 * 60_000);
    try {
      expect((await asUnit(token, 'GET', '/api/unit/me')).statusCode).toBe(401);
    } finally {
      clock = saved;
    }
  });
});

describe('the unit’s own page', () => {
  it('shows its notices with their hazards and deadlines, its visits with masked inspectors, nothing of another unit', async () => {
    const token = await tokenFor(mine);
    const res = await asUnit(token, 'GET', '/api/unit/me');
    expect(res.headers['cache-control']).toBe('no-store');
    const view = res.json<UnitOwnView>();
    expect(view.unitName).toBe('金华市某某商贸有限公司');
    expect(view.notices).toHaveLength(1);
    const notice = view.notices[0]!;
    expect(notice).toMatchObject({ number: mine.number, typeLabel: '责令限期改正通知书', state: 'correcting', canRequestEarly: true, canUpload: true, earlyRequestedOn: null });
    expect(notice.stateLabel).toMatch(/^限期整改中（2026年12月\d+日前改正）$/);
    expect(notice.deadlineLabel).toBe('还剩 10 个工作日');
    expect(notice.hazards.map((h) => [h.seq, h.location, h.description])).toEqual([
      [1, '一层东侧', '安全出口上锁'],
      [2, '二层走道', '疏散指示标志损坏'],
    ]);
    expect(view.visits).toHaveLength(1);
    expect(view.visits[0]).toMatchObject({ taskId: mine.taskId, visitDate: '2026-12-02', outcomeLabel: '发现火灾隐患 2 处', rating: null });
    expect(view.visits[0]!.inspectors).toEqual([
      { key: 'lead-0', roleLabel: '主办', name: '王**' },
      { key: 'assistant-0', roleLabel: '协办', name: '欧阳**' },
    ]);
    expect(res.body).not.toContain(leadName);
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('另一家单位');
    expect(view.penalties).toEqual([]);
  });

  it('takes a photo for its own notice, refuses another unit’s notice, a wrong kind and an empty file', async () => {
    const token = await tokenFor(mine);
    const upload = (documentId: string, body: Buffer, fileName = '整改后.png') =>
      app.inject({
        method: 'POST',
        url: `/api/unit/evidence?documentId=${documentId}&fileName=${encodeURIComponent(fileName)}`,
        payload: body,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      });
    const ok = await upload(mine.noticeId, Buffer.concat([PNG, Buffer.from('fixed')]));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: '整改后.png', contentType: 'image/png' });
    const foreign = await upload(other.noticeId, PNG);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toContain('只能为本单位的整改通知书上传材料');
    const text = await upload(mine.noticeId, Buffer.from('just text'), 'a.txt');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('只接受照片');
    expect((await upload(mine.noticeId, Buffer.alloc(0))).statusCode).toBe(400);
    const rows = await database.db.select().from(rectificationEvidence).where(eq(rectificationEvidence.unitId, mine.unitId));
    expect(rows).toHaveLength(1);
    const view = (await asUnit(token, 'GET', '/api/unit/me')).json<UnitOwnView>();
    expect(view.notices[0]!.evidence.map((e) => e.fileName)).toEqual(['整改后.png']);
    // The brigade sees it on the notice's page, with a link through the file route.
    const doc = (await call(app, admin, 'GET', `/api/documents/${mine.noticeId}`)).json<DocumentView>();
    expect(doc.unitEvidence.map((e) => e.fileName)).toEqual(['整改后.png']);
    expect((await call(app, admin, 'GET', doc.unitEvidence[0]!.url)).statusCode).toBe(200);
    expect((await database.db.select().from(auditLog).where(eq(auditLog.action, 'unit_access.evidence'))).length).toBe(1);
  });

  it('asks for an early 复查 of its own notice once; another unit’s notice is refused', async () => {
    const token = await tokenFor(mine);
    const foreign = await asUnit(token, 'POST', '/api/unit/reinspection-requests', { documentId: other.noticeId, note: '' });
    expect(foreign.statusCode).toBe(404);
    const res = await asUnit(token, 'POST', '/api/unit/reinspection-requests', { documentId: mine.noticeId, note: '已全部整改' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().dueDate).toMatch(/^2026-12-/);
    const [request] = await database.db.select().from(reinspectionRequests).where(eq(reinspectionRequests.documentId, mine.noticeId));
    expect(request).toMatchObject({ recordedBy: null, note: '已全部整改', requestedOn: '2026-12-04' });
    const task = await database.db.select().from(tasks).where(and(eq(tasks.followsDocumentId, mine.noticeId)));
    expect(task).toHaveLength(1);
    const again = await asUnit(token, 'POST', '/api/unit/reinspection-requests', { documentId: mine.noticeId, note: '' });
    expect(again.statusCode).toBe(409);
    const view = (await asUnit(token, 'GET', '/api/unit/me')).json<UnitOwnView>();
    expect(view.notices[0]).toMatchObject({ earlyRequestedOn: '2026-12-04', canRequestEarly: false });
    expect(view.notices[0]!.reinspectionDue).toBe(res.json().dueDate);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'unit_access.reinspection'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorName).toBe('单位（凭核验码）');
  });

  it('refuses an early 复查 of a voided notice, and after the deadline', async () => {
    const voided = await asUnit(voidableToken, 'POST', '/api/unit/reinspection-requests', { documentId: voidable.noticeId, note: '' });
    expect(voided.statusCode).toBe(409);
    expect(voided.json().error.message).toContain('已作废');
    const saved = clock;
    clock = new Date('2026-12-28T02:00:00Z');
    try {
      const late = await asUnit(await tokenFor(other, '10.9.5.2'), 'POST', '/api/unit/reinspection-requests', { documentId: other.noticeId, note: '' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toContain('整改期限');
    } finally {
      clock = saved;
    }
  });

  it('rates its own visit once; a second and two at once give one row and a 409; another unit’s task is refused', async () => {
    const token = await tokenFor(mine);
    expect((await asUnit(token, 'POST', '/api/unit/ratings', { taskId: other.taskId, score: 5 })).statusCode).toBe(404);
    expect((await asUnit(token, 'POST', '/api/unit/ratings', { taskId: mine.taskId, score: 6 })).statusCode).toBe(400);
    const both = await Promise.all([
      asUnit(token, 'POST', '/api/unit/ratings', { taskId: mine.taskId, score: 5, comment: '态度很好' }),
      asUnit(token, 'POST', '/api/unit/ratings', { taskId: mine.taskId, score: 4, comment: '' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.message).toBe('该次检查已评价');
    expect(await database.db.select().from(visitRatings).where(eq(visitRatings.taskId, mine.taskId))).toHaveLength(1);
    const view = (await asUnit(token, 'GET', '/api/unit/me')).json<UnitOwnView>();
    expect(view.visits[0]!.rating?.scoreLabel).toMatch(/^[45] 分 /);
  });

  it('complains about the 主办 of its own visit; the words reach no audit entry; another unit’s task is refused', async () => {
    const token = await tokenFor(mine);
    expect((await asUnit(token, 'POST', '/api/unit/complaints', { taskId: other.taskId, inspector: null, text: '态度差' })).statusCode).toBe(404);
    expect((await asUnit(token, 'POST', '/api/unit/complaints', { taskId: mine.taskId, inspector: 'assistant-3', text: '态度差' })).statusCode).toBe(400);
    const res = await asUnit(token, 'POST', '/api/unit/complaints', { taskId: mine.taskId, inspector: 'lead-0', text: '检查时索要好处费', contact: '13800001234' });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await database.db.select().from(conductComplaints).where(eq(conductComplaints.taskId, mine.taskId));
    expect(row).toMatchObject({ text: '检查时索要好处费', contact: '13800001234' });
    expect(row!.inspectorId).not.toBeNull();
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'unit_access.complaint'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain('好处费');
    expect(JSON.stringify(audit[0]!.summary)).not.toContain('13800001234');
  });
});

describe('纪检 reads the feedback', () => {
  it('shows ratings and complaints to a 支队 auditor and the system administrator, with the inspector’s name', async () => {
    for (const role of ['auditor_detachment', 'system_admin']) {
      const res = await call(app, await loggedIn(role), 'GET', '/api/feedback');
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json<FeedbackView>();
      expect(view.ratings).toHaveLength(1);
      expect(view.ratings[0]).toMatchObject({ unitName: '金华市某某商贸有限公司' });
      expect(view.complaints).toHaveLength(1);
      expect(view.complaints![0]).toMatchObject({ inspectorLabel: `${leadName}（主办）`, text: '检查时索要好处费', contact: '13800001234' });
    }
  });

  it('hides complaints from an auditor of the inspecting brigade', async () => {
    const view = (await call(app, await loggedIn('auditor_brigade'), 'GET', '/api/feedback')).json<FeedbackView>();
    expect(view.ratings).toHaveLength(1);
    expect(view.complaints).toBeNull();
    expect(JSON.stringify(view)).not.toContain('好处费');
  });

  it('refuses the brigade’s administrator, an org administrator and an inspector (403)', async () => {
    for (const role of ['brigade_admin', 'org_admin', 'inspector']) {
      const res = await call(app, await loggedIn(role), 'GET', '/api/feedback');
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain('好处费');
    }
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
