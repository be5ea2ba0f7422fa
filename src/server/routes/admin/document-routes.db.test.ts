import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createDrawFixture, createInspectedTask, type HazardLine } from '../../../../test/harness/documents.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { Page } from '../../../contracts/common.ts';
import type { DocumentSummary, DocumentView, HazardView, NumberFormatsView, PublicDocumentView } from '../../../contracts/documents.ts';
import { accounts, hazards, orgs, storedFiles } from '../../../db/schema.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';

/*
 * 执法文书 through the HTTP API (decision 0023): a record's hazards get a 责令限期改正通知书 with per-hazard periods,
 * numbered by the brigade's pattern; the same hazards again are refused; service is recorded by method; a correction
 * replaces the notice (the old one shows 已被更正); voiding sends the hazards back; 隐患闭环 lists them with deadlines;
 * the public check shows the number and hash only; number formats per brigade; scope and roles.
 */

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let adminB: Session;
let lead: Session;
let stranger: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let drawId = '';
let adminId = '';
let leadInspector = '';
const NOW = new Date('2026-12-04T02:00:00Z'); // Friday
let clock = NOW;
let adminLogin = { username: '', password: '' };
const unitIds: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => clock });
  tree = await createOrgTree(database.db);
  const db = database.db;
  await db.update(orgs).set({ docPrefix: '婺', name: '金华市婺城区消防救援大队' }).where(eq(orgs.id, tree.brigadeA.id));
  const a = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeB });
  adminId = a.id;
  adminLogin = { username: a.username, password: a.password };
  admin = await logInAs(app, a.username, a.password);
  adminB = await logInAs(app, b.username, b.password);
  leadInspector = await createInspectorFixture(db, { orgId: tree.brigadeA.id, name: '张三', certificateNo: 'ZJ0001' });
  const other = await createInspectorFixture(db, { orgId: tree.brigadeA.id, name: '李四' });
  for (const [inspectorId, ip] of [[leadInspector, '10.2.0.1'], [other, '10.2.0.2']] as const) {
    const acc = await createAccountFixture(db, { role: 'inspector', org: tree.brigadeA });
    await db.update(accounts).set({ inspectorId }).where(eq(accounts.id, acc.id));
    const session = await logInAs(app, acc.username, acc.password, ip);
    if (inspectorId === leadInspector) lead = session;
    else stranger = session;
  }
  drawId = await createDrawFixture(db, tree.brigadeA.id, adminId);
}, 60_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

/** An inspected task of a new unit (one task per unit and draw). */
async function inspected(visitDate = '2026-12-02', hazardsOf: HazardLine[] = [
  { location: '一层东侧', description: '安全出口上锁' },
  { location: '二层走道', description: '疏散指示标志损坏' },
]) {
  const unitId = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, name: `金华市某某商贸有限公司${unitIds.length}` });
  unitIds.push(unitId);
  const made = await createInspectedTask(database.db, { drawId, orgId: tree.brigadeA.id, unitId, leadIds: [leadInspector], accountId: adminId, visitDate, hazards: hazardsOf });
  return { ...made, unitId };
}

const ids: Record<string, string> = {};

describe('issuing a correction notice', () => {
  it('issues a 责令限期改正通知书 with per-hazard periods, numbered by the brigade, hazards ordered', async () => {
    const rec = await inspected();
    ids.record = rec.recordId;
    ids.task = rec.taskId;
    const res = await call(app, lead, 'POST', `/api/records/${rec.recordId}/notices`, {
      type: 'deadline_notice',
      periods: [
        { hazardId: rec.hazardIds[0], workingDays: 5 },
        { hazardId: rec.hazardIds[1], date: '2026-12-19' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<DocumentView>();
    ids.doc = doc.id;
    expect(doc).toMatchObject({ number: '婺消限字〔2026〕第0001号', typeLabel: '责令限期改正通知书', issueDate: '2026-12-04', status: 'valid', statusLabel: '有效', served: false, serviceDue: '2026-12-07', deadlineLabel: '待送达：还剩 1 个工作日', issuedLate: false, canManage: true });
    expect(doc.content.blocks[1]).toEqual({
      kind: 'items',
      rows: [
        { no: 1, text: '一层东侧安全出口上锁（违反《中华人民共和国消防法》第二十八条）', note: '于2026年12月11日前改正' },
        // A Saturday rolls to the next working day.
        { no: 2, text: '二层走道疏散指示标志损坏（违反《中华人民共和国消防法》第二十八条）', note: '于2026年12月21日前改正' },
      ],
    });
    expect(doc.content.blocks.at(-1)).toMatchObject({ kind: 'signatures', rows: [{ role: '消防监督检查人员', name: '张三（执法证号：ZJ0001）' }] });
    expect(doc.content.orgName).toBe('金华市婺城区消防救援大队');
    expect(doc.printedHash).toBe(doc.contentHash.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 '));
    expect(doc.hazards.map((h) => [h.seq, h.stage, h.correctionDue, h.deadlineLabel])).toEqual([
      [1, 'ordered', '2026-12-11', '还剩 5 个工作日'],
      [2, 'ordered', '2026-12-21', '还剩 11 个工作日'],
    ]);
  });

  it('refuses the same hazards again (409), a stranger (403), another brigade (404), and a bad period (400)', async () => {
    const again = await call(app, admin, 'POST', `/api/records/${ids.record}/notices`, { type: 'immediate_notice' });
    expect(again.statusCode).toBe(409);
    const rec = await inspected();
    ids.record2 = rec.recordId;
    ids.hazards2 = JSON.stringify(rec.hazardIds);
    expect((await call(app, stranger, 'POST', `/api/records/${rec.recordId}/notices`, { type: 'immediate_notice' })).statusCode).toBe(403);
    expect((await call(app, adminB, 'POST', `/api/records/${rec.recordId}/notices`, { type: 'immediate_notice' })).statusCode).toBe(404);
    const missing = await call(app, admin, 'POST', `/api/records/${rec.recordId}/notices`, { type: 'deadline_notice', periods: [{ hazardId: rec.hazardIds[0], workingDays: 5 }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('改正期限：请为隐患 2 设定改正期限');
    const both = await call(app, admin, 'POST', `/api/records/${rec.recordId}/notices`, { type: 'deadline_notice', periods: [{ hazardId: rec.hazardIds[0], workingDays: 5, date: '2026-12-20' }] });
    expect(both.statusCode).toBe(400);
    expect((await call(app, admin, 'POST', `/api/records/${rec.recordId}/notices`, { type: 'summons' })).statusCode).toBe(400);
  });

  it('refuses a correction date in a year without holiday data with the calendar’s Chinese message (400)', async () => {
    const hazardIds: string[] = JSON.parse(ids.hazards2!);
    const res = await call(app, admin, 'POST', `/api/records/${ids.record2}/notices`, {
      type: 'deadline_notice',
      periods: hazardIds.map((hazardId) => ({ hazardId, workingDays: 30 })),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('2027 年的节假日安排尚未录入，无法计算工作日');
  });

  it('issues a 责令立即改正通知书 for chosen hazards; late issues are flagged', async () => {
    const hazardIds: string[] = JSON.parse(ids.hazards2!);
    const rec = await inspected('2026-11-25');
    const late = await call(app, admin, 'POST', `/api/records/${rec.recordId}/notices`, { type: 'immediate_notice' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json<DocumentView>()).toMatchObject({ number: '婺消即字〔2026〕第0001号', issuedLate: true, serviceDue: '2026-11-30' });
    const res = await call(app, admin, 'POST', `/api/records/${ids.record2}/notices`, { type: 'immediate_notice', hazardIds: [hazardIds[1]] });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<DocumentView>();
    expect(doc.number).toBe('婺消即字〔2026〕第0002号');
    expect(doc.content.blocks[1]).toMatchObject({ rows: [{ no: 1, note: '立即改正' }] });
    expect(doc.hazards).toMatchObject([{ seq: 2, stage: 'ordered', correctionDue: '2026-12-04', deadlineLabel: '今日到期' }]);
  });
});

describe('service, correction and voiding', () => {
  it('records service by method: 留置 needs a witness, 电子 a stored consent file', async () => {
    const base = { servedAt: '2026-12-04T09:30:00+08:00', place: '单位门卫室', recipientName: '王五', recipientRelation: '店长' };
    const left = await call(app, lead, 'POST', `/api/documents/${ids.doc}/services`, { ...base, method: 'left', refusalReason: '拒绝签收' });
    expect(left.statusCode).toBe(400);
    expect(left.json().error).toMatchObject({ field: 'witness', message: '见证人：留置送达须有见证人' });
    const electronic = await call(app, lead, 'POST', `/api/documents/${ids.doc}/services`, { ...base, method: 'electronic', electronicAddress: 'a@b.cn', consentFile: 'c'.repeat(64) });
    expect(electronic.statusCode).toBe(409);
    const early = await call(app, lead, 'POST', `/api/documents/${ids.doc}/services`, { ...base, method: 'direct', servedAt: '2026-12-03T09:00:00+08:00' });
    expect(early.statusCode).toBe(400);
    await database.db.insert(storedFiles).values({ sha256: 'd'.repeat(64), contentType: 'image/png', byteSize: 1, bytes: Buffer.from('x'), fileName: '回执.png', createdBy: adminId });
    const ok = await call(app, lead, 'POST', `/api/documents/${ids.doc}/services`, { ...base, method: 'direct', evidenceFiles: ['d'.repeat(64)] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<DocumentView>()).toMatchObject({ served: true, deadlineLabel: '已送达', services: [{ methodLabel: '直接送达', recipientName: '王五', late: false }] });
  });

  it('corrects a notice: a new number naming the old one, hazards move; the old one shows 已被更正', async () => {
    const res = await call(app, lead, 'POST', `/api/documents/${ids.doc}/replace`, { reason: '隐患部位写错' });
    expect(res.statusCode, res.body).toBe(201);
    const fresh = res.json<DocumentView>();
    ids.fresh = fresh.id;
    expect(fresh).toMatchObject({ number: '婺消限字〔2026〕第0002号', replaces: { id: ids.doc, number: '婺消限字〔2026〕第0001号' }, status: 'valid' });
    expect(fresh.content.replaces).toBe('婺消限字〔2026〕第0001号');
    expect(fresh.hazards.map((h) => h.correctionDue)).toEqual(['2026-12-11', '2026-12-21']);
    const old = (await call(app, admin, 'GET', `/api/documents/${ids.doc}`)).json<DocumentView>();
    expect(old).toMatchObject({ status: 'replaced', statusLabel: '已被更正（婺消限字〔2026〕第0002号）', replacedBy: [{ number: '婺消限字〔2026〕第0002号' }], hazards: [] });
    expect((await call(app, admin, 'POST', `/api/documents/${ids.doc}/replace`, { reason: '再改' })).statusCode).toBe(409);
  });

  it('voids with a reason (admins only): the number stays, its hazards go back to 待开具文书', async () => {
    expect((await call(app, lead, 'POST', `/api/documents/${ids.fresh}/void`, { reason: '误开' })).statusCode).toBe(403);
    expect((await call(app, admin, 'POST', `/api/documents/${ids.fresh}/void`, { reason: '' })).statusCode).toBe(400);
    const res = await call(app, admin, 'POST', `/api/documents/${ids.fresh}/void`, { reason: '误开' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DocumentView>()).toMatchObject({ status: 'voided', statusLabel: '已作废', voidReason: '误开', deadlineLabel: '已作废', hazards: [] });
    const back = await database.db.select().from(hazards).where(eq(hazards.recordId, ids.record!));
    expect(back.map((h) => [h.stage, h.noticeId, h.correctionDue])).toEqual([
      ['found', null, null],
      ['found', null, null],
    ]);
    expect((await call(app, admin, 'POST', `/api/documents/${ids.fresh}/void`, { reason: '再作废' })).statusCode).toBe(409);
    // The hazards can be ordered again, under the next number.
    const again = await call(app, admin, 'POST', `/api/records/${ids.record}/notices`, { type: 'immediate_notice' });
    expect(again.json<DocumentView>().number).toBe('婺消即字〔2026〕第0003号');
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});

describe('lists', () => {
  it('lists documents in scope with filters; another brigade sees none', async () => {
    const all = (await call(app, admin, 'GET', '/api/documents?pageSize=50')).json<Page<DocumentSummary>>();
    expect(all.total).toBe(5);
    const voided = (await call(app, admin, 'GET', '/api/documents?status=voided')).json<Page<DocumentSummary>>();
    expect(voided.items.map((d) => d.number)).toEqual(['婺消限字〔2026〕第0002号']);
    const replaced = (await call(app, admin, 'GET', '/api/documents?status=replaced')).json<Page<DocumentSummary>>();
    expect(replaced.items.map((d) => d.number)).toEqual(['婺消限字〔2026〕第0001号']);
    const q = (await call(app, admin, 'GET', `/api/documents?q=${encodeURIComponent('即字')}&type=immediate_notice`)).json<Page<DocumentSummary>>();
    expect(q.total).toBe(3);
    expect((await call(app, admin, 'GET', `/api/documents?recordId=${ids.record}`)).json<Page<DocumentSummary>>().total).toBe(3);
    expect((await call(app, admin, 'GET', '/api/documents?from=2026-12-05')).json<Page<DocumentSummary>>().total).toBe(0);
    expect((await call(app, adminB, 'GET', '/api/documents')).json<Page<DocumentSummary>>().total).toBe(0);
    expect((await call(app, adminB, 'GET', `/api/documents/${ids.doc}`)).statusCode).toBe(404);
    expect((await call(app, admin, 'GET', '/api/documents?status=lost')).statusCode).toBe(400);
  });

  it('隐患闭环: open hazards with deadline labels, overdue first; 2027 deadlines say they cannot be computed', async () => {
    const rec = await inspected('2026-11-20', [{ location: '厨房', description: '燃气报警器损坏' }, { location: '仓库', description: '堆放可燃物', fixedOnSpot: true }]);
    const page = (await call(app, admin, 'GET', '/api/hazards?pageSize=50')).json<Page<HazardView>>();
    expect(page.items[0]).toMatchObject({ recordId: rec.recordId, stage: 'found', stageLabel: '待开具文书', deadlineLabel: '开具文书：已逾期 7 个工作日', overdue: true });
    // Fixed on the spot: terminal, not listed.
    expect(page.items.some((h) => h.description === '堆放可燃物')).toBe(false);
    expect(page.items.find((h) => h.noticeNumber === '婺消即字〔2026〕第0003号')).toMatchObject({ stageLabel: '限期整改中', deadlineLabel: '今日到期' });
    const overdue = (await call(app, admin, 'GET', '/api/hazards?overdue=true')).json<Page<HazardView>>();
    expect(overdue.items.every((h) => h.overdue)).toBe(true);
    // The 工作台's reminders: due today or within two working days; an inspector's own hazards only.
    const dueSoon = (await call(app, admin, 'GET', '/api/hazards?dueSoon=true&pageSize=50')).json<Page<HazardView>>();
    expect(dueSoon.items.map((h) => h.deadlineLabel)).toContain('今日到期');
    expect(dueSoon.items.every((h) => !h.overdue)).toBe(true);
    const all = (await call(app, admin, 'GET', '/api/hazards?pageSize=50')).json<Page<HazardView>>().total;
    expect((await call(app, lead, 'GET', '/api/hazards?mine=true&pageSize=50')).json<Page<HazardView>>().total).toBe(all);
    expect((await call(app, stranger, 'GET', '/api/hazards?mine=true')).json<Page<HazardView>>().total).toBe(0);
    expect((await call(app, admin, 'GET', '/api/hazards?mine=true')).json<Page<HazardView>>().total).toBe(0);
    expect((await call(app, adminB, 'GET', '/api/hazards')).json<Page<HazardView>>().total).toBe(0);
  });
});

describe('number formats', () => {
  it('shows the default patterns and lets the brigade admin set one; later numbers follow it, the sequence continues', async () => {
    const formats = (await call(app, admin, 'GET', `/api/document-formats?orgId=${tree.brigadeA.id}`)).json<NumberFormatsView>();
    expect(formats.canManage).toBe(true);
    expect(formats.formats.find((f) => f.type === 'deadline_notice')).toMatchObject({ pattern: '{代字}消限字〔{年}〕第{序号:4}号', isDefault: true, example: '婺消限字〔2026〕第0001号' });
    const bad = await call(app, admin, 'PUT', '/api/document-formats', { orgId: tree.brigadeA.id, type: 'deadline_notice', pattern: '{代字}限字第{序号}号' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('文号格式：必须且只能含一个 {年}');
    expect((await call(app, lead, 'PUT', '/api/document-formats', { orgId: tree.brigadeA.id, type: 'deadline_notice', pattern: '{代字}消限〔{年}〕{序号:3}号' })).statusCode).toBe(403);
    expect((await call(app, adminB, 'PUT', '/api/document-formats', { orgId: tree.brigadeA.id, type: 'deadline_notice', pattern: '{代字}消限〔{年}〕{序号:3}号' })).statusCode).toBe(404);
    const ok = await call(app, admin, 'PUT', '/api/document-formats', { orgId: tree.brigadeA.id, type: 'deadline_notice', pattern: '{代字}消限〔{年}〕{序号:3}号' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<NumberFormatsView>().formats.find((f) => f.type === 'deadline_notice')).toMatchObject({ isDefault: false, example: '婺消限〔2026〕001号' });
    const rec = await inspected('2026-12-03', [{ location: '大厅', description: '灭火器过期' }]);
    const res = await call(app, admin, 'POST', `/api/records/${rec.recordId}/notices`, { type: 'deadline_notice', periods: [{ hazardId: rec.hazardIds[0], workingDays: 3 }] });
    expect(res.json<DocumentView>().number).toBe('婺消限〔2026〕003号');
  });
});

describe('the public check', () => {
  it('shows number, type, date, brigade, unit, status and the full hash, nothing else; unknown code 404', async () => {
    const old = (await call(app, admin, 'GET', `/api/documents/${ids.doc}`)).json<DocumentView>();
    const res = await call(app, null, 'GET', `/api/public/documents/${old.checkCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<PublicDocumentView>()).toEqual({
      number: '婺消限字〔2026〕第0001号',
      typeLabel: '责令限期改正通知书',
      issueDate: '2026-12-04',
      orgName: '金华市婺城区消防救援大队',
      unitName: '金华市某某商贸有限公司0',
      status: 'replaced',
      statusLabel: '已被更正',
      replacedByNumber: '婺消限字〔2026〕第0002号',
      contentHash: old.contentHash,
    });
    expect(res.body).not.toContain('张三');
    expect(res.body).not.toContain('安全出口');
    const unknown = await call(app, null, 'GET', '/api/public/documents/ZZZZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/未找到该文书/);
    expect((await call(app, null, 'GET', '/api/public/documents/%3Cscript%3E')).statusCode).toBe(400);
  });
});

describe('the 消防监督检查记录 as a document', () => {
  it('issues it once per record version, numbered 检字, with every line, the findings and the documents already issued', async () => {
    const res = await call(app, admin, 'POST', `/api/records/${ids.record}/record-document`);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<DocumentView>();
    expect(doc.number).toBe('婺消检字〔2026〕第0001号');
    expect(doc.typeLabel).toBe('消防监督检查记录');
    const again = await call(app, admin, 'POST', `/api/records/${ids.record}/record-document`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('婺消检字〔2026〕第0001号');
    expect((await call(app, adminB, 'POST', `/api/records/${ids.record}/record-document`)).statusCode).toBe(404);
  });
});

describe('printing', () => {
  it('prints one document as PDF and Word with a Chinese file name, and many as one PDF', async () => {
    const pdf = await call(app, admin, 'GET', `/api/documents/${ids.doc}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('责令限期改正通知书_婺消限字〔2026〕第0001号.pdf')}`);
    const docx = await call(app, admin, 'GET', `/api/documents/${ids.doc}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const all = (await call(app, admin, 'GET', '/api/documents?pageSize=50')).json<Page<DocumentSummary>>();
    const batch = await call(app, admin, 'POST', '/api/documents/print', { ids: all.items.map((d) => d.id) });
    expect(batch.statusCode).toBe(200);
    expect(batch.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an empty print list, more than 200, and documents out of scope', async () => {
    expect((await call(app, admin, 'POST', '/api/documents/print', { ids: [] })).statusCode).toBe(400);
    expect((await call(app, admin, 'POST', '/api/documents/print', { ids: Array.from({ length: 201 }, () => ids.doc) })).statusCode).toBe(400);
    expect((await call(app, adminB, 'POST', '/api/documents/print', { ids: [ids.doc] })).statusCode).toBe(404);
    expect((await call(app, adminB, 'GET', `/api/documents/${ids.doc}/pdf`)).statusCode).toBe(404);
  });
});

describe('at the year’s end', () => {
  // Last: logging in at a later time retires the earlier sessions.
  it('says a deadline in a year without holiday data cannot be computed', async () => {
    const late = await inspected('2026-12-30', [{ location: '屋顶', description: '消防水箱缺水' }]);
    clock = new Date('2026-12-30T02:00:00Z');
    try {
      const atYearEnd = await logInAs(app, adminLogin.username, adminLogin.password, '10.2.0.9');
      const yearEnd = (await call(app, atYearEnd, 'GET', `/api/hazards?unitId=${late.unitId}`)).json<Page<HazardView>>();
      expect(yearEnd.items.find((h) => h.recordId === late.recordId)?.deadlineLabel).toBe('开具文书：无法计算：2027 年节假日安排尚未录入');
    } finally {
      clock = NOW;
    }
  });
});
