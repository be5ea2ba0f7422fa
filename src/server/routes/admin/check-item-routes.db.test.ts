import type { FastifyInstance } from 'fastify';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrg, createOrgTree } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { CheckItemDetail, PublicCheckItemDetail } from '../../../contracts/check-items.ts';
import { fieldsOfVersion } from '../../../db/check-item-queries.ts';
import { auditLog, checkItems, checkItemVersions } from '../../../db/schema.ts';
import { checkItemProblems } from '../../../domain/check-items/check-item.ts';
import { checklistForUnit } from '../../../domain/check-items/checklist.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let systemAdmin: Session;
let orgAdmin: Session;
let neighbourAdmin: Session;
let brigadeAdmin: Session;
let auditor: Session;

const XF01 = 'c0000000-0000-4000-8000-000000000001';

const itemBody = (overrides: Record<string, unknown> = {}) => ({
  name: '高层建筑消防安全专项抽查',
  subItem: null,
  legalBasis: '《中华人民共和国消防法》第五十三条',
  content: '检查高层民用建筑消防安全管理情况',
  inspectingBody: '消防救援机构',
  objectType: '高层民用建筑',
  method: 'on_site',
  ratio: '不低于10%',
  frequency: null,
  inspectorRequirements: null,
  notes: null,
  checklist: [
    { code: 'A', text: '消防控制室是否24小时有人值班', appliesTo: 'all', basis: '《高层民用建筑消防安全管理规定》第二十六条' },
    { code: 'B', text: '是否落实每日防火巡查', appliesTo: 'key', basis: null },
  ],
  ...overrides,
});

const lastAudit = async (action: string) => {
  const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.seq)).limit(1);
  return row;
};

const detailOf = async (session: Session, id: string) =>
  (await call(app, session, 'GET', `/api/check-items/${id}`)).json<CheckItemDetail>();

/** Creates an item as `session` and returns its id. */
async function createItem(session: Session, code: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call(app, session, 'POST', '/api/check-items', { code, ...itemBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CheckItemDetail>().id;
}

/** Publishes the item's open draft as the user who just looked at it would. */
async function publishDraft(session: Session, id: string) {
  const draft = (await detailOf(session, id)).versions.find((v) => v.status === 'draft')!;
  return call(app, session, 'POST', `/api/check-items/${id}/publish`, { version: draft.version, updatedAt: draft.updatedAt });
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  tree = await createOrgTree(database.db);
  const neighbour = await createOrg(database.db, tree.corps, 'detachment');
  const accounts = await Promise.all([
    createAccountFixture(database.db, { role: 'system_admin', org: tree.corps }),
    createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment }),
    createAccountFixture(database.db, { role: 'org_admin', org: neighbour }),
    createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA }),
    createAccountFixture(database.db, { role: 'auditor', org: tree.detachment }),
  ]);
  const sessions = await Promise.all(accounts.map((a) => logInAs(app, a.username, a.password)));
  [systemAdmin, orgAdmin, neighbourAdmin, brigadeAdmin, auditor] = sessions as [Session, Session, Session, Session, Session];
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('the seeded national item list', () => {
  it('ships XF-01…XF-06 as published version 1 of the national list, each passing the draft rules', async () => {
    const res = await call(app, brigadeAdmin, 'GET', '/api/check-items');
    expect(res.statusCode).toBe(200);
    const items = res.json<{
      items: {
        code: string;
        ownerOrgName: string | null;
        current: { version: number } | null;
        draft: unknown;
        canManage: boolean;
      }[];
    }>().items;
    expect(items.map((i) => i.code)).toEqual(['XF-01', 'XF-02', 'XF-03', 'XF-04', 'XF-05', 'XF-06']);
    for (const item of items)
      expect(item).toMatchObject({ ownerOrgName: null, current: { version: 1 }, draft: null, canManage: false });

    const rows = await database.db.select().from(checkItemVersions);
    for (const row of rows) expect(checkItemProblems(fieldsOfVersion(row)), row.name).toEqual([]);
  });

  it('publishes official wording only: no 「未核实」 remark and no note on sources; those stay in the admin view', async () => {
    for (const code of ['XF-01', 'XF-02', 'XF-03', 'XF-04', 'XF-05', 'XF-06']) {
      const portal = await call(app, null, 'GET', `/api/public/check-items/${code}`);
      expect(portal.statusCode).toBe(200);
      const current = portal.json().current;
      expect(JSON.stringify(current), code).not.toContain('未核实');
      expect(current.notes, code).toBeNull();
    }
    const [xf01] = await database.db.select().from(checkItems).where(eq(checkItems.id, XF01));
    expect(xf01!.internalNote).toContain('南宫市消防救援大队2023年抽查计划');
    expect(xf01!.internalNote).toContain('尚未与公报原文逐字核对');
  });

  it('gives XF-01 the 第十条 lines for every unit, the 人员密集场所 lines and the 第十一条 lines for key units', async () => {
    const [row] = await database.db.select().from(checkItemVersions).where(eq(checkItemVersions.itemId, XF01));
    const checklist = fieldsOfVersion(row!).checklist;
    expect(checklist.filter((l) => l.appliesTo === 'all')).toHaveLength(8);
    expect(checklist.filter((l) => l.appliesTo === 'crowded').map((l) => l.code)).toEqual(['10-9', '10-10']);
    expect(checklist.filter((l) => l.appliesTo === 'key')).toHaveLength(5);
    expect(checklistForUnit(checklist, { category: 'general', isCrowded: false })).toHaveLength(8);
    expect(checklistForUnit(checklist, { category: 'key', isCrowded: true })).toHaveLength(15);
    expect(row!.ratio).toContain('一般单位抽查比例不低于总数的20%');
  });

  it('lets only the system administrator manage national items', async () => {
    expect((await detailOf(systemAdmin, XF01)).canManage).toBe(true);
    expect((await detailOf(orgAdmin, XF01)).canManage).toBe(false);
    const res = await call(app, orgAdmin, 'PUT', `/api/check-items/${XF01}/draft`, itemBody({ changeNote: '试图修改' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('全国抽查事项只能由系统管理员修改');
  });
});

describe('versions: create, publish, edit', () => {
  let id: string;

  it('creates an item as draft version 1, audited, and keeps it off the portal', async () => {
    id = await createItem(systemAdmin, ' xf-90 ');
    const detail = await detailOf(systemAdmin, id);
    expect(detail).toMatchObject({ code: 'XF-90', ownerOrgName: null, canManage: true });
    expect(detail.versions).toHaveLength(1);
    expect(detail.versions[0]).toMatchObject({
      version: 1,
      status: 'draft',
      statusLabel: '草稿',
      methodLabel: '现场检查',
      diff: null,
    });
    expect(detail.versions[0]!.checklist[1]).toMatchObject({ code: 'B', appliesToLabel: '消防安全重点单位' });
    expect(await lastAudit('check_item.create')).toMatchObject({
      targetId: id,
      summary: { code: 'XF-90', version: 1, national: true },
    });

    expect((await call(app, null, 'GET', '/api/public/check-items/XF-90')).statusCode).toBe(404);
    const list = (await call(app, null, 'GET', '/api/public/check-items')).json<{ items: { code: string }[] }>().items;
    expect(list.map((i) => i.code)).not.toContain('XF-90');
  });

  it('publishes version 1 onto the portal', async () => {
    const res = await publishDraft(systemAdmin, id);
    expect(res.statusCode).toBe(200);
    expect(res.json<CheckItemDetail>().versions[0]).toMatchObject({
      version: 1,
      status: 'published',
      publishedByName: expect.any(String),
    });
    const portal = await call(app, null, 'GET', '/api/public/check-items/xf-90');
    expect(portal.statusCode).toBe(200);
    expect(portal.json<PublicCheckItemDetail>()).toMatchObject({
      code: 'XF-90',
      current: { version: 1, name: '高层建筑消防安全专项抽查' },
      history: [],
    });
    expect(await lastAudit('check_item.publish')).toMatchObject({ targetId: id, summary: { code: 'XF-90', version: 1 } });
  });

  it('refuses to publish a version that is already published (409), and the database refuses to change it', async () => {
    const v1 = (await detailOf(systemAdmin, id)).versions[0]!;
    const again = await call(app, systemAdmin, 'POST', `/api/check-items/${id}/publish`, { version: 1, updatedAt: v1.updatedAt });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('抽查事项 XF-90 的第 1 版草稿已发布或不存在，请刷新后查看');

    const where = and(eq(checkItemVersions.itemId, id), eq(checkItemVersions.version, 1));
    const refusal = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e);
    await expect(
      database.db
        .update(checkItemVersions)
        .set({ name: '偷偷改名' })
        .where(where)
        .catch((e) => Promise.reject(new Error(refusal(e)))),
    ).rejects.toThrow('check_item_versions: a published version is immutable (UPDATE refused)');
    await expect(
      database.db
        .delete(checkItemVersions)
        .where(where)
        .catch((e) => Promise.reject(new Error(refusal(e)))),
    ).rejects.toThrow('check_item_versions: a published version is immutable (DELETE refused)');
    const [row] = await database.db.select().from(checkItemVersions).where(where);
    expect(row!.name).toBe('高层建筑消防安全专项抽查');
  });

  it('requires a change note to edit a published item', async () => {
    const res = await call(
      app,
      systemAdmin,
      'PUT',
      `/api/check-items/${id}/draft`,
      itemBody({ name: '高层民用建筑消防安全抽查' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'changeNote', message: '修改说明：修改已发布的抽查事项时必须说明修改内容' });
  });

  it('makes an edit version 2 as a draft while version 1 stays public', async () => {
    const checklist = [
      {
        code: 'A',
        text: '消防控制室是否24小时有人值班，每班不少于2人',
        appliesTo: 'all',
        basis: '《高层民用建筑消防安全管理规定》第二十六条',
      },
      { code: 'C', text: '电动自行车是否在楼道内停放、充电', appliesTo: 'all', basis: null },
    ];
    const res = await call(
      app,
      systemAdmin,
      'PUT',
      `/api/check-items/${id}/draft`,
      itemBody({ name: '高层民用建筑消防安全抽查', checklist, changeNote: '补充电动自行车检查内容' }),
    );
    expect(res.statusCode).toBe(200);
    const [v2, v1] = res.json<CheckItemDetail>().versions;
    expect(v2).toMatchObject({ version: 2, status: 'draft', changeNote: '补充电动自行车检查内容' });
    expect(v2!.diff!.fields).toEqual([
      { field: 'name', label: '事项名称', before: '高层建筑消防安全专项抽查', after: '高层民用建筑消防安全抽查' },
    ]);
    expect(v2!.diff!.checklist.added.map((l) => l.code)).toEqual(['C']);
    expect(v2!.diff!.checklist.removed.map((l) => l.code)).toEqual(['B']);
    expect(v2!.diff!.checklist.changed).toMatchObject([{ code: 'A', fields: ['text'] }]);
    expect(v1).toMatchObject({ version: 1, status: 'published', name: '高层建筑消防安全专项抽查' });

    const portal = (await call(app, null, 'GET', '/api/public/check-items/XF-90')).json<PublicCheckItemDetail>();
    expect(portal.current).toMatchObject({ version: 1, name: '高层建筑消防安全专项抽查' });
    expect(JSON.stringify(portal)).not.toContain('高层民用建筑消防安全抽查');
    expect(await lastAudit('check_item.draft')).toMatchObject({
      summary: {
        code: 'XF-90',
        version: 2,
        created: true,
        fields: ['name'],
        checklist: { added: ['C'], removed: ['B'], changed: ['A'] },
      },
    });
  });

  it('updates the same draft on a second save instead of making version 3', async () => {
    const res = await call(
      app,
      systemAdmin,
      'PUT',
      `/api/check-items/${id}/draft`,
      itemBody({ name: '高层民用建筑消防安全抽查', changeNote: '改名' }),
    );
    expect(res.json<CheckItemDetail>().versions.map((v) => `${v.version}:${v.status}`)).toEqual(['2:draft', '1:published']);
    expect(await lastAudit('check_item.draft')).toMatchObject({ summary: { version: 2, created: false } });
  });

  it('refuses to publish a draft changed since the publisher looked at it', async () => {
    const res = await call(app, systemAdmin, 'POST', `/api/check-items/${id}/publish`, {
      version: 2,
      updatedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('草稿在您打开之后已被修改，请刷新后确认内容再发布');
  });

  it('publishes once on a double click: one success, one clear 409', async () => {
    const draft = (await detailOf(systemAdmin, id)).versions[0]!;
    const body = { version: draft.version, updatedAt: draft.updatedAt };
    const results = await Promise.all([
      call(app, systemAdmin, 'POST', `/api/check-items/${id}/publish`, body),
      call(app, systemAdmin, 'POST', `/api/check-items/${id}/publish`, body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error).toMatchObject({
      code: 'CONFLICT',
      message: '抽查事项 XF-90 的第 2 版草稿已发布或不存在，请刷新后查看',
    });
    const published = await database.db
      .select()
      .from(checkItemVersions)
      .where(and(eq(checkItemVersions.itemId, id), eq(checkItemVersions.status, 'published')));
    expect(published.map((v) => v.version).sort()).toEqual([1, 2]);
    const publishes = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'check_item.publish'), eq(auditLog.targetId, id)));
    expect(publishes).toHaveLength(2);
  });

  it('shows version 2 on the portal with version 1 in its history and what changed', async () => {
    const portal = (await call(app, null, 'GET', '/api/public/check-items/XF-90')).json<PublicCheckItemDetail>();
    expect(portal.current).toMatchObject({ version: 2, name: '高层民用建筑消防安全抽查', changeNote: '改名' });
    expect(portal.current.diff!.checklist.added.map((l) => l.code)).toEqual([]);
    expect(portal.current.diff!.fields.map((f) => f.field)).toEqual(['name']);
    expect(portal.history.map((v) => v.version)).toEqual([1]);
  });

  it('refuses to publish a draft identical to the published version', async () => {
    await call(
      app,
      systemAdmin,
      'PUT',
      `/api/check-items/${id}/draft`,
      itemBody({ name: '高层民用建筑消防安全抽查', changeNote: '无实质修改' }),
    );
    const res = await publishDraft(systemAdmin, id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('草稿与已发布的第 2 版内容相同，无需发布');
  });

  it('never shows drafts or account data on the portal', async () => {
    const list = await call(app, null, 'GET', '/api/public/check-items');
    const detail = await call(app, null, 'GET', '/api/public/check-items/XF-90');
    for (const body of [list.body, detail.body]) {
      expect(body).not.toMatch(/draft|草稿|createdBy|publishedBy|ByName|"id"/);
      expect(body).not.toContain('无实质修改');
    }
    const item = list.json<{ items: { code: string; version: number }[] }>().items.find((i) => i.code === 'XF-90');
    expect(item).toMatchObject({ version: 2 });
  });

  it('withdraws an item with a reason; it stays on the portal marked, and can no longer be edited', async () => {
    const noReason = await call(app, systemAdmin, 'POST', `/api/check-items/${id}/withdraw`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ field: 'reason', message: '废止原因：不能为空' });

    const res = await call(app, systemAdmin, 'POST', `/api/check-items/${id}/withdraw`, { reason: '并入XF-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json<CheckItemDetail>()).toMatchObject({ withdrawReason: '并入XF-01', withdrawnAt: expect.any(String) });
    expect(await lastAudit('check_item.withdraw')).toMatchObject({
      targetId: id,
      summary: { code: 'XF-90', reason: '并入XF-01' },
    });

    const edit = await call(app, systemAdmin, 'PUT', `/api/check-items/${id}/draft`, itemBody({ changeNote: '再改' }));
    expect(edit.statusCode).toBe(409);
    expect((await call(app, systemAdmin, 'POST', `/api/check-items/${id}/withdraw`, { reason: '再次废止' })).statusCode).toBe(
      409,
    );
    const portal = (await call(app, null, 'GET', '/api/public/check-items/XF-90')).json<PublicCheckItemDetail>();
    expect(portal).toMatchObject({ withdrawReason: '并入XF-01', current: { version: 2 } });
  });
});

describe('validation', () => {
  it('names a missing required field', async () => {
    const res = await call(app, systemAdmin, 'POST', '/api/check-items', { code: 'XF-91', ...itemBody({ name: '   ' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'VALIDATION_FAILED', field: 'name', message: '事项名称：不能为空' });
  });

  it('names the checklist row whose code repeats', async () => {
    const checklist = [
      { code: 'A', text: '甲', appliesTo: 'all' },
      { code: 'A', text: '乙', appliesTo: 'crowded' },
    ];
    const res = await call(app, systemAdmin, 'POST', '/api/check-items', { code: 'XF-91', ...itemBody({ checklist }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'checklist',
      path: 'checklist.1.code',
      message: '检查表第 2 行编号：「A」与第 1 行重复',
    });
  });

  it('names the faulty row of a stored draft by its path when publishing it', async () => {
    const id = await createItem(systemAdmin, 'XF-93');
    const checklist = [
      { code: 'A', text: '甲', appliesTo: 'all' as const, basis: null },
      { code: 'B', text: '  ', appliesTo: 'key' as const, basis: null },
    ];
    // A draft written before today's rules: only the database holds it, so the use case's own check answers.
    await database.db.update(checkItemVersions).set({ checklist }).where(eq(checkItemVersions.itemId, id));
    const res = await publishDraft(systemAdmin, id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'checklist',
      path: 'checklist.1.text',
      message: '检查表第 2 行检查内容：不能为空',
    });
  });

  it('names a wrong method, a wrong applicability and a non-text field', async () => {
    const method = await call(app, systemAdmin, 'POST', '/api/check-items', { code: 'XF-91', ...itemBody({ method: 'phone' }) });
    expect(method.json().error).toMatchObject({
      field: 'method',
      message: '检查方式：应为 on_site（现场检查）、sampling（抽样送检）或 documentary（书面检查）',
    });
    const appliesTo = await call(app, systemAdmin, 'POST', '/api/check-items', {
      code: 'XF-91',
      ...itemBody({ checklist: [{ code: 'A', text: '甲', appliesTo: 'hotel' }] }),
    });
    expect(appliesTo.json().error).toMatchObject({ field: 'checklist', path: 'checklist.0.appliesTo' });
    expect(appliesTo.json().error.message).toMatch(/^检查表第 1 行适用范围：/);
    const notText = await call(app, systemAdmin, 'POST', '/api/check-items', { code: 'XF-91', ...itemBody({ legalBasis: 5 }) });
    expect(notText.json().error).toMatchObject({ field: 'legalBasis', message: '抽查依据：必须是文本' });
  });

  it('refuses a malformed code and a code already in use, naming 事项编码', async () => {
    const bad = await call(app, systemAdmin, 'POST', '/api/check-items', { code: 'XF/91', ...itemBody() });
    expect(bad.json().error).toMatchObject({
      field: 'code',
      message: '事项编码：只能包含大写字母、数字和连字符，以字母开头，例如 XF-07',
    });
    const taken = await call(app, systemAdmin, 'POST', '/api/check-items', { code: 'xf-01', ...itemBody() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'CONFLICT',
      field: 'code',
      message: '事项编码：XF-01 已被其他抽查事项使用',
    });
  });
});

describe('who may change items', () => {
  let detachmentItem: string;

  it('lets an org administrator create and publish items of their own 支队', async () => {
    detachmentItem = await createItem(orgAdmin, 'ZD-01');
    expect((await detailOf(orgAdmin, detachmentItem)).ownerOrgName).toBe(tree.detachment.name);
    expect((await publishDraft(orgAdmin, detachmentItem)).statusCode).toBe(200);
  });

  it('refuses an org administrator the national list', async () => {
    const res = await call(app, orgAdmin, 'POST', '/api/check-items', { code: 'XF-92', ownerOrgId: null, ...itemBody() });
    expect(res.statusCode).toBe(403);
  });

  it('shows a 支队 item to its brigades but lets a brigade administrator change nothing (403)', async () => {
    const list = (await call(app, brigadeAdmin, 'GET', '/api/check-items')).json<{
      items: { code: string; canManage: boolean }[];
    }>().items;
    expect(list.find((i) => i.code === 'ZD-01')).toMatchObject({ canManage: false });
    expect((await call(app, brigadeAdmin, 'POST', '/api/check-items', { code: 'DD-01', ...itemBody() })).statusCode).toBe(403);
    const edit = await call(app, brigadeAdmin, 'PUT', `/api/check-items/${detachmentItem}/draft`, itemBody({ changeNote: '改' }));
    expect(edit.statusCode).toBe(403);
    expect(
      (await call(app, brigadeAdmin, 'POST', `/api/check-items/${detachmentItem}/withdraw`, { reason: '无' })).statusCode,
    ).toBe(403);
  });

  it('hides a 支队 item from a neighbouring 支队 (404) while the portal shows it to everyone', async () => {
    expect((await call(app, neighbourAdmin, 'GET', `/api/check-items/${detachmentItem}`)).statusCode).toBe(404);
    const edit = await call(
      app,
      neighbourAdmin,
      'PUT',
      `/api/check-items/${detachmentItem}/draft`,
      itemBody({ changeNote: '改' }),
    );
    expect(edit.statusCode).toBe(404);
    const portal = (await call(app, null, 'GET', '/api/public/check-items/ZD-01')).json<PublicCheckItemDetail>();
    expect(portal.ownerOrgName).toBe(tree.detachment.name);
  });

  it('refuses 纪检 any change (403) but lets them read', async () => {
    expect((await call(app, auditor, 'GET', '/api/check-items')).statusCode).toBe(200);
    expect((await call(app, auditor, 'POST', '/api/check-items', { code: 'JJ-01', ...itemBody() })).statusCode).toBe(403);
    expect(
      (await call(app, auditor, 'PUT', `/api/check-items/${detachmentItem}/draft`, itemBody({ changeNote: '改' }))).statusCode,
    ).toBe(403);
  });

  it('needs a login for the admin list but not for the portal', async () => {
    expect((await call(app, null, 'GET', '/api/check-items')).statusCode).toBe(401);
    expect((await call(app, null, 'GET', '/api/public/check-items')).statusCode).toBe(200);
  });

  it('left a verifiable audit chain and no item without a version', async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    const orphans = await database.db
      .select({ id: checkItems.id })
      .from(checkItems)
      .where(sql`not exists (select 1 from ${checkItemVersions} v where v.item_id = ${checkItems.id})`);
    expect(orphans).toEqual([]);
  });
});
