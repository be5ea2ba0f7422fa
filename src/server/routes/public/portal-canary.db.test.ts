import type { FastifyInstance, RouteOptions } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { freezeAndExecuteDraw } from '../../../../test/harness/draws.ts';
import {
  createAccountFixture,
  createInspectorFixture,
  createOrgTree,
  createUnitFixture,
} from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { penaltyContent, plantPublication, resultContent } from '../../../../test/harness/publications.ts';
import {
  accounts,
  documents,
  outboxMessages,
  externalPeople,
  publications,
  importBatches,
  inspectorAvailability,
  recusals,
  triggerEvents,
  units,
} from '../../../db/schema.ts';

/**
 * The portal publishes the organisation and minimises the person. Canary personal data is planted in every personal
 * field of the admin side — contacts' and staff names, phones, ID numbers, home addresses, recusal and leave reasons,
 * complaint texts, observers, the units a plan leaves out one by one — then every public GET route (found by an
 * onRoute hook, so a route added later is crawled too) is called with every id, code and search it can take. No
 * answer may contain a canary.
 */
const CANARY = {
  staffName: '金丝雀职员甲',
  contactName: '金丝雀联系人',
  legalRepresentative: '金丝雀法人',
  safetyOwner: '金丝雀责任人',
  safetyManager: '金丝雀管理人',
  phone: '13900001357',
  inspectorPhone: '13900002468',
  idNumber: '110101199003071234',
  homeAddress: '金丝雀小区8幢101室',
  recusalReason: '金丝雀近亲属任职',
  leaveReason: '金丝雀病假',
  replacementReason: '金丝雀家中有事',
  replacementEvidence: '金丝雀诊断证明',
  observerName: '金丝雀监督人',
  complaint: '金丝雀举报人来电',
  exclusionReason: '金丝雀单独不纳入',
  statusReason: '金丝雀内部核实备注',
  capacityNote: '金丝雀超出能力说明',
  expertName: '金丝雀专家',
  fileName: '金丝雀导入文件.xlsx',
  hazardText: '金丝雀隐患描述',
  voidReason: '金丝雀作废理由',
  partyName: '金丝雀当事人',
  pendingUnit: '金丝雀待公示单位',
  suppressedFact: '金丝雀不予公示事实',
  revokedDecision: '金丝雀撤销决定号',
  revokeReason: '金丝雀撤销理由',
  hiddenFine: '98,765',
};
/** The real reasons of a manifest's conflicts: the portal publishes one neutral code for all of them. */
const CONFLICT_REASONS = ['RECUSAL', 'PREVIOUS_LEAD'];
const CANARY_VALUES = [...Object.values(CANARY), ...CONFLICT_REASONS];

let database: TestDatabase;
let app: FastifyInstance;
const routes: RouteOptions[] = [];
let admin: Session;
let second: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let excludedUnitId = '';
let publishedTask: { id: string; drawCode: string } = { id: '', drawCode: '' };
let publishedResultId = '';
const NOW = new Date('2026-11-27T02:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW, onRoute: (route) => routes.push(route) });
  tree = await createOrgTree(database.db);
  const db = database.db;
  const a1 = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const a2 = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeB });
  for (const id of [a1.id, a2.id, b.id])
    await db.update(accounts).set({ displayName: CANARY.staffName }).where(eq(accounts.id, id));
  admin = await logInAs(app, a1.username, a1.password);
  second = await logInAs(app, a2.username, a2.password);
  const adminB = await logInAs(app, b.username, b.password);

  const personal = {
    contactName: CANARY.contactName,
    contactPhone: CANARY.phone,
    legalRepresentative: CANARY.legalRepresentative,
    safetyOwner: CANARY.safetyOwner,
    safetyManager: CANARY.safetyManager,
    statusReason: CANARY.statusReason,
    registeredAddress: CANARY.homeAddress,
  };
  const crowded: string[] = [];
  for (let i = 0; i < 4; i++)
    crowded.push(
      await createUnitFixture(db, {
        brigadeId: tree.brigadeA.id,
        category: 'key',
        isCrowded: true,
        name: `公开单位${i}`,
        ...personal,
      }),
    );
  for (let i = 0; i < 20; i++) await createUnitFixture(db, { brigadeId: tree.brigadeA.id, category: 'general', ...personal });
  const inspectorIds: string[] = [];
  for (let i = 0; i < 4; i++)
    inspectorIds.push(await createInspectorFixture(db, { orgId: tree.brigadeA.id, phone: CANARY.inspectorPhone }));
  await db
    .insert(recusals)
    .values({
      inspectorId: inspectorIds[1]!,
      unitId: crowded[0]!,
      reason: CANARY.recusalReason,
      validFrom: '2026-01-01',
      createdBy: a1.id,
    });
  await db
    .insert(inspectorAvailability)
    .values({
      inspectorId: inspectorIds[3]!,
      kind: 'leave',
      fromDate: '2027-03-01',
      toDate: '2027-03-05',
      reason: CANARY.leaveReason,
      createdBy: a1.id,
    });
  await db
    .insert(triggerEvents)
    .values({
      unitId: crowded[1]!,
      orgId: tree.brigadeA.id,
      kind: 'complaint',
      receivedOn: '2026-11-20',
      summary: CANARY.complaint,
      reference: CANARY.phone,
      createdBy: a1.id,
    });
  await db
    .insert(externalPeople)
    .values({
      orgId: tree.brigadeA.id,
      kind: 'expert',
      name: CANARY.expertName,
      organization: '某设计院',
      phone: CANARY.phone,
      notes: CANARY.idNumber,
    });
  await db.insert(importBatches).values({
    kind: 'units',
    orgId: tree.brigadeA.id,
    fileName: CANARY.fileName,
    fileSha256: '0'.repeat(64),
    fileBytes: Buffer.from([1]),
    mapping: {},
    status: 'previewed',
    summary: {
      type: 'rows',
      format: 'csv',
      sheetName: null,
      headers: [],
      totalRows: 0,
      counts: { new: 0, changed: 0, unchanged: 0, invalid: 0, warnings: 0, duplicatesInFile: 0, probableDuplicates: 0 },
      rows: [],
      rowsTruncated: false,
      invalidRows: [],
      result: null,
    },
    createdBy: a1.id,
  });

  // Brigade A: a plan, a December month and a draw with an observer, then an inspector's 递补 with its reason.
  const annual = (
    await call(app, admin, 'POST', '/api/annual-plans', { orgId: tree.brigadeA.id, year: 2026, name: '2026 年度计划' })
  ).json();
  await call(app, admin, 'POST', `/api/annual-plans/${annual.id}/publish`, { capacityNote: CANARY.capacityNote });
  const monthly = (await call(app, admin, 'POST', `/api/annual-plans/${annual.id}/months/12/generate`)).json();
  await call(app, admin, 'POST', `/api/monthly-plans/${monthly.id}/publish`);
  const drawn = await freezeAndExecuteDraw(app, admin, second, { kind: 'monthly_plan', id: monthly.id }, '2026335');
  await database.db.update(units).set({ contactName: CANARY.contactName }).where(eq(units.brigadeId, tree.brigadeA.id));
  const draw = (await call(app, admin, 'GET', `/api/draws/${drawn.id}`)).json();
  const task = draw.tasks[0];
  const replaced = await call(app, admin, 'POST', `/api/tasks/${task.id}/replace-inspector`, {
    inspectorId: task.leads[0].id,
    reason: CANARY.replacementReason,
    evidence: CANARY.replacementEvidence,
  });
  if (replaced.statusCode !== 200) throw new Error(replaced.body);
  // A pre-notice of another task (its unit's phone and contact are canaries): its public page is crawled too.
  const noticed = draw.tasks[1];
  const lead = await createAccountFixture(db, { role: 'inspector', org: tree.brigadeA });
  await db.update(accounts).set({ inspectorId: noticed.leads[0].id, displayName: CANARY.staffName }).where(eq(accounts.id, lead.id));
  const leadSession = await logInAs(app, lead.username, lead.password);
  const visit = await call(app, leadSession, 'POST', `/api/field/tasks/${noticed.id}/visit`, { visitDate: '2026-12-03', lateReason: '' });
  if (visit.statusCode !== 200) throw new Error(visit.body);

  // A voided correction notice whose printed content names inspectors and hazards (canaries): the public check shows
  // its number, status and hash only.
  const content = {
    schema: 'xf-doc/1' as const,
    type: 'deadline_notice' as const,
    title: '责令限期改正通知书',
    orgName: tree.brigadeA.name,
    number: '测消限字〔2026〕第0001号',
    issueDate: '2026-11-27',
    checkCode: 'CANARYDOC27',
    addressee: '公开单位2：',
    blocks: [
      { kind: 'items' as const, rows: [{ no: 1, text: `${CANARY.hazardText}（${CANARY.homeAddress}）`, note: '于2026年12月4日前改正' }] },
      { kind: 'signatures' as const, rows: [{ role: '消防监督检查人员', name: `${CANARY.staffName}（执法证号：ZJ1）`, date: null }] },
    ],
    receipt: true,
    replaces: null,
  };
  await db.insert(documents).values({
    orgId: tree.brigadeA.id,
    unitId: crowded[2]!,
    docType: 'deadline_notice',
    number: content.number,
    year: 2026,
    seq: 1,
    issueDate: '2026-11-27',
    content,
    contentHash: 'e'.repeat(64),
    checkCode: content.checkCode,
    status: 'voided',
    voidReason: CANARY.voidReason,
    voidedAt: NOW,
    voidedBy: a1.id,
    issuedBy: a1.id,
    issuedAt: NOW,
  });

  // 一公开: a published result of a drawn task whose unit's name and address carry a phone and an ID number (masked on
  // the way out), a penalty on a natural person (name masked by default), a withdrawn penalty (only the withdrawal is
  // shown), and a pending and a suppressed entry (never shown) — all with canaries in what must not leave.
  const shown = draw.tasks[2];
  publishedTask = { id: shown.id, drawCode: drawn.code };
  publishedResultId = await plantPublication(
    db,
    { orgId: tree.brigadeA.id, unitId: shown.unitId, taskId: shown.id, drawId: drawn.id },
    resultContent({
      brigadeName: tree.brigadeA.name,
      unitName: `${shown.unitName}（电话${CANARY.phone}）`,
      address: `某路1号，身份证${CANARY.idNumber}`,
      drawCode: drawn.code,
      hazards: [{ seq: 1, item: '消防安全管理', text: `值班电话${CANARY.inspectorPhone}无人接听`, fixedOnSpot: false }],
    }),
  );
  await plantPublication(
    db,
    { orgId: tree.brigadeA.id, unitId: crowded[3]!, displayUntil: '2027-03-01' },
    penaltyContent({ unitName: '公开单位3', uscc: null, partyKind: 'person', partyName: CANARY.partyName, facts: [`当事人手机${CANARY.phone}`] }),
  );
  await plantPublication(
    db,
    { orgId: tree.brigadeA.id, unitId: crowded[3]!, status: 'withdrawn', withdrawKind: 'revoked', withdrawnOn: '2026-11-26', displayUntil: '2027-03-01' },
    penaltyContent({ unitName: '公开单位3', decisionNumber: CANARY.revokedDecision, fineAmount: 98_765, citation: CANARY.revokeReason, facts: [CANARY.suppressedFact] }),
  );
  await plantPublication(db, { orgId: tree.brigadeA.id, unitId: crowded[2]!, status: 'pending' }, resultContent({ unitName: CANARY.pendingUnit }));
  await plantPublication(db, { orgId: tree.brigadeA.id, unitId: crowded[2]!, status: 'suppressed' }, penaltyContent({ unitName: CANARY.pendingUnit, facts: [CANARY.suppressedFact] }));

  // Brigade B: a published plan that leaves one unit out by name, with a reason (no draw: its id only reaches the
  // public through the plan, which must carry a count).
  excludedUnitId = await createUnitFixture(db, { brigadeId: tree.brigadeB.id, category: 'key', isCrowded: true, ...personal });
  await createInspectorFixture(db, { orgId: tree.brigadeB.id, phone: CANARY.inspectorPhone });
  await createInspectorFixture(db, { orgId: tree.brigadeB.id, phone: CANARY.inspectorPhone });
  const defaults = (await call(app, adminB, 'GET', '/api/annual-plans/defaults')).json();
  const planB = await call(app, adminB, 'POST', '/api/annual-plans', {
    orgId: tree.brigadeB.id,
    year: 2026,
    name: '乙大队 2026 年度计划',
    settings: {
      ...defaults,
      exclusions: { ...defaults.exclusions, units: [{ unitId: excludedUnitId, reason: CANARY.exclusionReason }] },
    },
  });
  if (planB.statusCode !== 201) throw new Error(planB.body);
  const publishedB = await call(app, adminB, 'POST', `/api/annual-plans/${planB.json().id}/publish`, {
    capacityNote: CANARY.capacityNote,
  });
  if (publishedB.statusCode !== 200) throw new Error(publishedB.body);
  const monthB = (await call(app, adminB, 'POST', `/api/annual-plans/${planB.json().id}/months/12/generate`)).json();
  await call(app, adminB, 'POST', `/api/monthly-plans/${monthB.id}/publish`);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

/** Every value a public route's parameter can take, from what the portal itself lists. */
async function parameterValues(): Promise<Record<string, string[]>> {
  const get = async (url: string) => (await call(app, null, 'GET', url)).json();
  const plans = await get('/api/public/plans');
  const annualIds: string[] = plans.annual.map((a: { id: string }) => a.id);
  const monthlyIds: string[] = plans.annual.flatMap((a: { monthlyPlans: { id: string }[] }) => a.monthlyPlans.map((m) => m.id));
  const draws: string[] = (await get('/api/public/draws')).map((d: { code: string }) => d.code);
  const items: string[] = (await get('/api/public/check-items')).items.map((i: { code: string }) => i.code);
  const notices = (await database.db.select({ code: outboxMessages.shortCode }).from(outboxMessages)).map((m) => m.code);
  if (notices.length === 0) throw new Error('no pre-notice to crawl');
  const checkCodes = (await database.db.select({ code: documents.checkCode }).from(documents)).map((d) => d.code);
  if (checkCodes.length === 0) throw new Error('no document to crawl');
  // Every entry and every unit, on the portal or not: those not on it must answer 404 and nothing else.
  const entryIds = (await database.db.select({ id: publications.id }).from(publications)).map((p) => p.id);
  const unitIds = (await database.db.select({ id: units.id }).from(units)).map((u) => u.id);
  const shownUnits: string[] = (await get('/api/public/results?pageSize=200')).items.map((i: { unitId: string }) => i.unitId);
  if (shownUnits.length === 0) throw new Error('no result to crawl');
  return { id: [...annualIds, ...monthlyIds, ...entryIds, ...unitIds], code: [...draws, ...items, ...notices, ...checkCodes] };
}

function urlsOf(path: string, values: Record<string, string[]>): string[] {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  let urls = [path];
  for (const name of names)
    urls = urls.flatMap((u) => (values[name] ?? []).map((v) => u.replace(`:${name}`, encodeURIComponent(v))));
  return urls;
}

describe('the portal with canary personal data planted on the admin side', () => {
  it('has public routes to crawl, and each of them answers', async () => {
    const publicGets = routes.filter((r) => r.url.startsWith('/api/public/') && [r.method].flat().includes('GET'));
    expect(publicGets.length).toBeGreaterThanOrEqual(18);
  });

  it('links a draw’s task to its result on the portal, and the result back to the draw', async () => {
    const tasks = (await call(app, null, 'GET', `/api/public/draws/${publishedTask.drawCode}/tasks?pageSize=100`)).json();
    expect(tasks.total).toBeLessThanOrEqual(100);
    const linked = tasks.items.filter((t: { resultId: string | null }) => t.resultId !== null);
    expect(linked.map((t: { resultId: string }) => t.resultId)).toEqual([publishedResultId]);
    const result = (await call(app, null, 'GET', `/api/public/results/${publishedResultId}`)).json();
    expect(result.drawCode).toBe(publishedTask.drawCode);
    expect(result.unitName).toContain('139****1357');
  });

  it('never sends a canary from any public route, whatever id, code or search it is given', async () => {
    const values = await parameterValues();
    const searches = ['', '公开单位', '金丝雀', CANARY.contactName, CANARY.phone, '1390000', excludedUnitId];
    const urls = routes
      .filter((r) => r.url.startsWith('/api/public/') && [r.method].flat().includes('GET'))
      .flatMap((r) => urlsOf(r.url, values))
      .flatMap((url) => (url.endsWith('/units') || url.endsWith('/results') ? searches.map((q) => `${url}?q=${encodeURIComponent(q)}`) : [url]))
      // A draw's tasks: every one of them (the draws here have fewer than 100), and a later page.
      .flatMap((url) => (url.endsWith('/tasks') ? [url, `${url}?pageSize=100`, `${url}?page=2&pageSize=1`] : [url]));
    expect(urls.some((u) => /^\/api\/public\/draws\/D-[^/]+\/tasks\?pageSize=100$/.test(u))).toBe(true);
    expect(urls.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    let answered = 0;
    for (const url of urls) {
      const res = await call(app, null, 'GET', url);
      if (res.statusCode === 200) answered += 1;
      for (const canary of [...CANARY_VALUES, excludedUnitId]) if (res.body.includes(canary)) leaks.push(`${url} → ${canary}`);
    }
    expect(answered).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
  });
});
