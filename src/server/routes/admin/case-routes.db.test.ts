import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { createInspectionWithHazards } from '../../../../test/harness/hazard-fixtures.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { CaseView, FireLawProvisionView, UnitFollowUpView } from '../../../contracts/cases.ts';
import type { Page } from '../../../contracts/common.ts';
import type { CaseSummary } from '../../../contracts/cases.ts';
import { auditLog, documents, hazards, tasks } from '../../../db/schema.ts';

/*
 * 案件办理 through the API (decision 0023): 立案 from hazards still followed and from hazards a 复查 sent to 立案, the
 * penalty checked against the Fire Law's ranges and the 90-day period, the decision issued as a numbered document,
 * payment, closing (hazards 已办结, the task 已办结), referral with its reply, sealing and lifting, and the unit's
 * follow-up history. Scope: another brigade sees nothing; a leader reads but does not act.
 */

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let other: Session;
let leader: Session;
let adminId = '';
let unitId = '';
let brigadeId = '';
let inspectorId = '';
let brigadeA: Awaited<ReturnType<typeof createOrgTree>>['brigadeA'];
const NOW = new Date('2026-11-30T02:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  const tree = await createOrgTree(database.db);
  const db = database.db;
  brigadeA = tree.brigadeA;
  brigadeId = tree.brigadeA.id;
  const a = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeB });
  const l = await createAccountFixture(db, { role: 'org_admin', org: tree.detachment });
  adminId = a.id;
  admin = await logInAs(app, a.username, a.password);
  other = await logInAs(app, b.username, b.password);
  leader = await logInAs(app, l.username, l.password);
  unitId = await createUnitFixture(db, { brigadeId, name: '金华市某某商贸有限公司', address: '八一南街 1 号' });
  inspectorId = await createInspectorFixture(db, { orgId: brigadeId });
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

async function inspection(descriptions: string[], stage: 'found' | 'ordered' | 'case' = 'found', visitDate = '2026-11-02') {
  return createInspectionWithHazards(database.db, { orgId: brigadeId, unitId, inspectorId, accountId: adminId, visitDate, descriptions, stage });
}

async function openCase(hazardIds: string[], extra: Record<string, unknown> = {}) {
  const res = await call(app, admin, 'POST', '/api/cases', { unitId, hazardIds, reason: '逾期未改正', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseView>();
}

const decision = (amount: number | null, extra: Record<string, unknown> = {}) => ({ provisionCode: '60-1-7', kind: 'fine', amount, procedure: 'ordinary', decidedOn: '2026-11-30', ...extra });

describe('立案', () => {
  it('opens a case for hazards still followed (they move to 立案查处中) and numbers it from the case counter', async () => {
    const { hazardIds } = await inspection(['疏散通道堆放杂物', '灭火器压力不足'], 'ordered');
    const view = await openCase(hazardIds);
    expect(view.number).toMatch(/^.消立字〔2026〕第0001号$/);
    expect(view).toMatchObject({ status: 'open', statusLabel: '办理中', partyName: '金华市某某商贸有限公司', partyKind: 'organisation', procedure: 'ordinary', openedOn: '2026-11-30', canManage: true });
    expect(view.hazards.map((h) => [h.stage, h.caseId])).toEqual([['case', view.id], ['case', view.id]]);
    // Opened on 2026-11-30: the 90-day deadline lies in 2027, whose calendar is not entered — shown, not guessed.
    expect(view.decisionDeadline).toEqual({ due: null, state: 'unknown', workingDays: null, label: '2027 年节假日安排未录入，期限暂不能计算' });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.targetId, view.id));
    expect(audits.map((e) => e.action)).toEqual(['case.open']);
  });

  it('gives 待立案 hazards (a 复查 found them not corrected) the case without moving them, audited', async () => {
    const { hazardIds } = await inspection(['安全出口锁闭'], 'case');
    const view = await openCase(hazardIds);
    expect(view.number).toMatch(/第0002号$/);
    expect(view.hazards).toMatchObject([{ id: hazardIds[0], stage: 'case', caseId: view.id }]);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.targetId, hazardIds[0]!));
    expect(audits.map((e) => e.action)).toEqual(['hazard.stage']);
    // Already in a case: refused, naming the hazard.
    const again = await call(app, admin, 'POST', '/api/cases', { unitId, hazardIds, reason: '再次立案' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已在其他案件中');
  });

  it('refuses hazards of another unit, another brigade, a leader, and bad input, never with a 500', async () => {
    const { hazardIds } = await inspection(['占用防火间距']);
    const otherUnit = await createUnitFixture(database.db, { brigadeId });
    expect((await call(app, admin, 'POST', '/api/cases', { unitId: otherUnit, hazardIds, reason: 'x' })).statusCode).toBe(404);
    expect((await call(app, other, 'POST', '/api/cases', { unitId, hazardIds, reason: 'x' })).statusCode).toBe(404);
    expect((await call(app, leader, 'POST', '/api/cases', { unitId, hazardIds, reason: 'x' })).statusCode).toBe(403);
    const empty = await call(app, admin, 'POST', '/api/cases', { unitId, hazardIds: [], reason: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('隐患：至少选择一项');
    expect((await call(app, admin, 'POST', '/api/cases', { unitId, hazardIds: [randomUUID()], reason: 'x' })).statusCode).toBe(404);
    expect((await call(app, admin, 'POST', '/api/cases', { unitId, hazardIds, reason: 'x', openedOn: '2026-12-01' })).statusCode).toBe(400);
  });
});

describe('处罚决定', () => {
  it('refuses 60,000 under 60-1-7 naming the range, summary procedure for 5,000, then decides 10,000 with a numbered 行政处罚决定书', async () => {
    const { hazardIds } = await inspection(['消防车通道被占用']);
    const opened = await openCase(hazardIds);
    const tooMuch = await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(60000));
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error).toMatchObject({ field: 'amount' });
    expect(tooMuch.json().error.message).toBe('罚款金额：《中华人民共和国消防法》第六十条第一款第七项对单位的罚款幅度为 5,000 至 50,000 元，60,000 元超出幅度');
    const summary = await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(5000, { procedure: 'summary' }));
    expect(summary.statusCode).toBe(400);
    expect(summary.json().error).toMatchObject({ field: 'procedure' });
    expect(summary.json().error.message).toContain('简易程序只适用于警告或对单位不超过 3,000 元的罚款');
    expect((await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(10000, { provisionCode: '99-9' }))).statusCode).toBe(400);
    expect((await call(app, leader, 'POST', `/api/cases/${opened.id}/decision`, decision(10000))).statusCode).toBe(403);
    expect((await call(app, other, 'POST', `/api/cases/${opened.id}/decision`, decision(10000))).statusCode).toBe(404);

    const decided = await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(10000));
    expect(decided.statusCode, decided.body).toBe(200);
    const view = decided.json<CaseView>();
    expect(view).toMatchObject({ status: 'decided', statusLabel: '已决定', penaltyKind: 'fine', fineAmount: 10000, penaltyLabel: '罚款 10,000 元', paymentStatus: 'unpaid', paymentStatusLabel: '未缴纳', decidedOn: '2026-11-30', provisionCitation: '《中华人民共和国消防法》第六十条第一款第七项' });
    expect(view.decisionDocument).toMatchObject({ type: 'penalty_decision', typeLabel: '行政处罚决定书', issueDate: '2026-11-30' });
    expect(view.decisionDocument!.number).toMatch(/^.消行罚决字〔2026〕第000001号$/);
    expect(view.documents.map((d) => d.id)).toEqual([view.decisionDocument!.id]);
    // Payment: 15 days from the decision (no service recorded yet) — 2026-12-15.
    expect(view.paymentDeadline).toMatchObject({ due: '2026-12-15', state: 'remaining' });
    const [doc] = await database.db.select().from(documents).where(eq(documents.id, view.decisionDocument!.id));
    const texts = doc!.content.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('根据《中华人民共和国消防法》第六十条第一款第七项的规定，决定给予罚款人民币10,000元（大写：壹万元整）的处罚。');
    expect(doc!.caseId).toBe(view.id);
    // Once decided, not again.
    expect((await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(10000))).statusCode).toBe(409);
  });

  it('decides on the spot (简易程序) with a 当场行政处罚决定书 within the summary limit; a warning needs no payment', async () => {
    const { hazardIds } = await inspection(['电气线路敷设不符合规定']);
    const opened = await openCase(hazardIds, { procedure: 'summary' });
    const res = await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(2000, { provisionCode: '66', procedure: 'summary', officers: ['王五', '赵六'] }));
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<CaseView>();
    expect(view).toMatchObject({ procedure: 'summary', penaltyLabel: '罚款 2,000 元', paymentStatus: 'unpaid' });
    expect(view.decisionDocument).toMatchObject({ type: 'penalty_summary', typeLabel: '当场行政处罚决定书' });
    expect(view.decisionDocument!.number).toMatch(/消当罚决字〔2026〕第0001号$/);
    const [doc] = await database.db.select().from(documents).where(eq(documents.id, view.decisionDocument!.id));
    expect(doc!.content.blocks.at(-1)).toMatchObject({ kind: 'signatures', rows: [{ role: '执法人员', name: '王五' }, { role: '执法人员', name: '赵六' }] });
    // The brigade, seal and date are the renderer's sign-off, not a signature row (toMatchObject compares the whole list).

    const person = await inspection(['在仓库内吸烟']);
    const personCase = await openCase(person.hazardIds, { partyKind: 'person', partyName: '张三', procedure: 'summary' });
    expect(personCase).toMatchObject({ partyKind: 'person', partyName: '张三', partyKindLabel: '个人' });
    const warned = await call(app, admin, 'POST', `/api/cases/${personCase.id}/decision`, decision(null, { provisionCode: '63', kind: 'warning', procedure: 'summary' }));
    expect(warned.statusCode, warned.body).toBe(200);
    expect(warned.json<CaseView>()).toMatchObject({ penaltyLabel: '警告', paymentStatus: 'not_applicable', paymentDeadline: null });
    // A person's case needs the person's name.
    const nameless = await call(app, admin, 'POST', '/api/cases', { unitId, hazardIds: (await inspection(['x'])).hazardIds, reason: 'x', partyKind: 'person' });
    expect(nameless.json().error).toMatchObject({ field: 'partyName' });
  });

  it('refuses a decision past 90 days from the opening', async () => {
    const { hazardIds } = await inspection(['防火门损坏'], 'found', '2026-07-20');
    const opened = await openCase(hazardIds, { openedOn: '2026-08-01' });
    const late = await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(10000));
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({ field: 'decidedOn', message: '决定日期：已超过立案之日起 90 日的办案期限（期限至 2026-10-30），不能作出处罚决定；确需延长的，应经负责人批准后依法办理' });
    const inTime = await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(null, { kind: 'warning', provisionCode: '60-1-3', procedure: 'summary', decidedOn: '2026-10-30' }));
    // 60-1-3 does not allow a warning for an organisation.
    expect(inTime.statusCode).toBe(400);
    expect(inTime.json().error.field).toBe('kind');
  });
});

describe('缴纳、结案', () => {
  it('records payment, then closes the case: its hazards are 已办结', async () => {
    const { taskId, hazardIds } = await inspection(['疏散指示标志损坏']);
    const opened = await openCase(hazardIds);
    expect((await call(app, admin, 'POST', `/api/cases/${opened.id}/payment`, { status: 'paid', paidOn: '2026-11-30' })).statusCode).toBe(409);
    await call(app, admin, 'POST', `/api/cases/${opened.id}/decision`, decision(5000));
    const early = await call(app, admin, 'POST', `/api/cases/${opened.id}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('罚款尚未缴纳或强制执行，不能结案');
    expect((await call(app, admin, 'POST', `/api/cases/${opened.id}/payment`, { status: 'paid', paidOn: '2026-12-01' })).statusCode).toBe(400);
    const paid = await call(app, admin, 'POST', `/api/cases/${opened.id}/payment`, { status: 'paid', paidOn: '2026-11-30', note: '银行回单 001' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<CaseView>()).toMatchObject({ paymentStatus: 'paid', paidOn: '2026-11-30', paymentNote: '银行回单 001', paymentDeadline: null });
    const closed = await call(app, admin, 'POST', `/api/cases/${opened.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<CaseView>()).toMatchObject({ status: 'closed', closedOn: '2026-11-30', closeNote: '执行完毕' });
    const rows = await database.db.select().from(hazards).where(eq(hazards.caseId, opened.id));
    expect(rows.map((h) => [h.stage, h.closedOn])).toEqual([['closed', '2026-11-30']]);
    // Its task would close too (closeTaskIfSettled), but findTask joins draws and this fixture's task is draw-less
    // (kind reinspection): it stays 已检查 until findTask reads draw-less tasks (the nullable draw_id work).
    const [task] = await database.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(['done', 'closed']).toContain(task!.status);
    expect((await call(app, admin, 'POST', `/api/cases/${opened.id}/close`, {})).statusCode).toBe(409);
  });

  it('closes an open case only without a penalty and with a reason', async () => {
    const { hazardIds } = await inspection(['灭火器过期']);
    const opened = await openCase(hazardIds);
    expect((await call(app, admin, 'POST', `/api/cases/${opened.id}/close`, {})).json().error.field).toBe('withoutPenalty');
    expect((await call(app, admin, 'POST', `/api/cases/${opened.id}/close`, { withoutPenalty: 'no_penalty' })).json().error.field).toBe('note');
    const closed = await call(app, admin, 'POST', `/api/cases/${opened.id}/close`, { withoutPenalty: 'no_penalty', note: '违法行为轻微并及时改正' });
    expect(closed.json<CaseView>()).toMatchObject({ status: 'closed', closeNote: '不予处罚：违法行为轻微并及时改正' });
  });
});

describe('移送', () => {
  it('refers a case with a 案件移送函 and records the department’s reply once', async () => {
    const { hazardIds } = await inspection(['销售不合格灭火器']);
    const opened = await openCase(hazardIds);
    const body = { department: 'market', departmentName: '金华市婺城区市场监督管理局', reason: '消防产品质量问题', attachments: ['检查记录复印件'], contactName: '王五', contactPhone: '0579-88888888', sentOn: '2026-11-30' };
    expect((await call(app, leader, 'POST', `/api/cases/${opened.id}/referrals`, body)).statusCode).toBe(403);
    const res = await call(app, admin, 'POST', `/api/cases/${opened.id}/referrals`, body);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json<CaseView>();
    expect(view.referrals).toHaveLength(1);
    const referral = view.referrals[0]!;
    expect(referral).toMatchObject({ department: 'market', departmentLabel: '市场监督管理部门', status: 'sent', statusLabel: '已移送' });
    expect(referral.letter).toMatchObject({ type: 'referral_letter', typeLabel: '案件移送函' });
    expect(referral.letter!.number).toMatch(/消移字〔2026〕第0001号$/);
    expect((await call(app, admin, 'POST', `/api/referrals/${referral.id}/reply`, { replyOn: '2026-11-29', replyText: '已收到' })).statusCode).toBe(400);
    const reply = await call(app, admin, 'POST', `/api/referrals/${referral.id}/reply`, { replyOn: '2026-11-30', replyText: '已立案调查' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toEqual({ caseId: opened.id });
    const after = (await call(app, admin, 'GET', `/api/cases/${opened.id}`)).json<CaseView>();
    expect(after.referrals[0]).toMatchObject({ status: 'replied', replyOn: '2026-11-30', replyText: '已立案调查' });
    expect((await call(app, admin, 'POST', `/api/referrals/${referral.id}/reply`, { replyOn: '2026-11-30', replyText: '再次' })).statusCode).toBe(409);
    expect((await call(app, other, 'POST', `/api/referrals/${referral.id}/reply`, { replyOn: '2026-11-30', replyText: 'x' })).statusCode).toBe(404);
  });
});

describe('临时查封', () => {
  const sealBody = (extra: Record<string, unknown> = {}) => ({
    unitId,
    places: '地下一层仓库',
    reason: '安全出口全部锁闭',
    sealedAt: '2026-11-20T02:00:00Z',
    decidedAt: '2026-11-20T01:00:00Z',
    deciders: '张大队长、李教导员、王参谋',
    ...extra,
  });

  it('seals after a collective decision for 30 days with its 决定书, and lifts it with a 解除决定书', async () => {
    const late = await call(app, admin, 'POST', '/api/sealings', sealBody({ decidedAt: '2026-11-20T03:00:00Z' }));
    expect(late.statusCode).toBe(400);
    expect(late.json().error.field).toBe('decidedAt');
    const emergencyLate = await call(app, admin, 'POST', '/api/sealings', sealBody({ emergency: true, decidedAt: '2026-11-21T03:00:00Z' }));
    expect(emergencyLate.json().error.message).toBe('集体议决时间：紧急查封后应在 24 小时内（2026-11-21 10:00 前）集体议决');
    expect((await call(app, admin, 'POST', '/api/sealings', sealBody({ deciders: '' }))).statusCode).toBe(400);
    expect((await call(app, leader, 'POST', '/api/sealings', sealBody())).statusCode).toBe(403);

    const res = await call(app, admin, 'POST', '/api/sealings', sealBody({ emergency: true, decidedAt: '2026-11-21T01:00:00Z' }));
    expect(res.statusCode, res.body).toBe(201);
    const sealing = res.json<UnitFollowUpView>().sealings[0]!;
    // 30 days from 2026-11-20: 2026-12-20 is a Sunday, rolled to Monday 2026-12-21.
    expect(sealing).toMatchObject({ status: 'sealed', statusLabel: '查封中', sealedOn: '2026-11-20', sealedUntil: '2026-12-21', emergency: true, places: '地下一层仓库' });
    expect(sealing.decision).toMatchObject({ type: 'sealing_decision', issueDate: '2026-11-21' });
    const [doc] = await database.db.select().from(documents).where(eq(documents.id, sealing.decision!.id));
    expect(doc!.content.blocks).toContainEqual({ kind: 'fields', rows: [{ label: '查封场所、部位', value: '地下一层仓库' }, { label: '查封期限', value: '自2026年11月20日至2026年12月21日' }] });

    expect((await call(app, admin, 'POST', `/api/sealings/${sealing.id}/lift`, { liftedOn: '2026-11-19' })).statusCode).toBe(400);
    const lifted = await call(app, admin, 'POST', `/api/sealings/${sealing.id}/lift`, { liftedOn: '2026-11-28' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json<UnitFollowUpView>().sealings[0]).toMatchObject({ status: 'lifted', liftedOn: '2026-11-28', liftDocument: { type: 'sealing_lifted', issueDate: '2026-11-28' } });
    expect((await call(app, admin, 'POST', `/api/sealings/${sealing.id}/lift`, { liftedOn: '2026-11-28' })).statusCode).toBe(409);
  });
});

describe('单位的后续处理', () => {
  it('shows every hazard with its stage, the documents, the cases, referrals and sealings of the unit; in scope only', async () => {
    const res = await call(app, admin, 'GET', `/api/units/${unitId}/follow-up`);
    expect(res.statusCode).toBe(200);
    const view = res.json<UnitFollowUpView>();
    expect(view).toMatchObject({ unitId, unitName: '金华市某某商贸有限公司', canManage: true });
    expect(view.cases.length).toBeGreaterThanOrEqual(8);
    expect(view.hazards.some((h) => h.stage === 'closed')).toBe(true);
    expect(view.hazards.find((h) => h.description === '占用防火间距')).toMatchObject({ stage: 'found', canOpenCase: true });
    expect(new Set(view.documents.map((d) => d.type))).toEqual(new Set(['penalty_decision', 'penalty_summary', 'referral_letter', 'sealing_decision', 'sealing_lifted']));
    expect(view.referrals).toHaveLength(1);
    expect(view.sealings).toHaveLength(1);
    expect((await call(app, other, 'GET', `/api/units/${unitId}/follow-up`)).statusCode).toBe(404);
    expect((await call(app, leader, 'GET', `/api/units/${unitId}/follow-up`)).json<UnitFollowUpView>().canManage).toBe(false);
  });

  it('lists cases in scope with their deadlines; the provision list for the picker', async () => {
    const page = (await call(app, admin, 'GET', '/api/cases?status=decided')).json<Page<CaseSummary>>();
    expect(page.items.every((c) => c.status === 'decided')).toBe(true);
    expect(page.items[0]).toMatchObject({ unitName: '金华市某某商贸有限公司', penaltyLabel: expect.stringMatching(/^罚款/) });
    expect((await call(app, other, 'GET', '/api/cases')).json<Page<CaseSummary>>().total).toBe(0);
    expect((await call(app, leader, 'GET', '/api/cases')).json<Page<CaseSummary>>().total).toBeGreaterThan(0);
    expect((await call(app, admin, 'GET', '/api/cases?status=maybe')).statusCode).toBe(400);
    const provisions = (await call(app, admin, 'GET', '/api/fire-law-provisions')).json<FireLawProvisionView[]>();
    expect(provisions.find((p) => p.code === '60-1-7')).toMatchObject({ organisation: { fine: { min: 5000, max: 50000 } } });
  });
});

describe('a year without calendar data', () => {
  // Last: another server with a December clock ends the sessions idle since November (the other tests' sessions).
  it('refuses a seal whose 30 days reach 2027 with a 409 in Chinese, never a 500', async () => {
    const december = await buildTestApp(database, { now: () => new Date('2026-12-07T02:00:00Z') });
    try {
      // A second administrator of the brigade: logging the first in again would end the other tests' session.
      const account = await createAccountFixture(database.db, { role: 'brigade_admin', org: brigadeA });
      const session = await logInAs(december, account.username, account.password);
      const res = await call(december, session, 'POST', '/api/sealings', { unitId, places: '二层仓库', reason: '安全出口锁闭', sealedAt: '2026-12-07T01:00:00Z', decidedAt: '2026-12-07T00:30:00Z', deciders: '张某、李某、王某' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', message: '2027 年的节假日安排尚未录入，无法计算工作日' });
    } finally {
      await december.close();
    }
  });
});
