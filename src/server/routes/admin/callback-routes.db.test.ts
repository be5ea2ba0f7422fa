import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { runVerifyDraw } from '../../../cli/verify-draw.ts';
import type { AnomalyView, CallbackPreviewView, CallbackRoundView } from '../../../contracts/callbacks.ts';
import { auditLog, callbackRounds, draws, inspectorAvailability, inspectors, orgs } from '../../../db/schema.ts';
import { DEMO_PASSWORD } from '../../../demo/generate-demo-data.ts';
import type { DrawBundle } from '../../../domain/draw/draw-types.ts';
import { verifyBundle } from '../../../domain/draw/verify-bundle.ts';
import { seedDemo } from '../../../usecases/system/seed-demo.ts';
import { seedDemoDraw } from '../../../usecases/system/seed-demo-draw.ts';

/*
 * 纪检回访 end to end on the test database (decision 0026): the demo's completed round of the last full quarter, its
 * void, a new round frozen, the value entered by two 纪检, executed, a call recorded, an unreachable unit replaced, the
 * report and its .xlsx, the bundle verified by verifyBundle and by the draw-verify CLI on the written file; who may do
 * what; and the anomaly lists.
 */

const NOW = new Date('2026-12-06T02:00:00Z');
let database: TestDatabase;
let app: FastifyInstance;
let jijian: Session;
let jijian2: Session;
let admin: Session;
let wucheng: Session;
let jiandu: Session;
let zhidui: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db, { seed: 20261206, now: NOW, unitCount: 400 });
  // The demo's draws, field work and (last) its callback round of the last full quarter.
  await seedDemoDraw(database.db, NOW);
  app = await buildTestApp(database, { now: () => NOW });
  jijian = await logInAs(app, 'jijian', DEMO_PASSWORD);
  jijian2 = await logInAs(app, 'jijian2', DEMO_PASSWORD);
  admin = await logInAs(app, 'admin', DEMO_PASSWORD);
  wucheng = await logInAs(app, 'wucheng', DEMO_PASSWORD);
  jiandu = await logInAs(app, 'jiandu', DEMO_PASSWORD);
  zhidui = await logInAs(app, 'zhidui', DEMO_PASSWORD);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

async function json<T>(session: Session, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200): Promise<T> {
  const res = await call(app, session, method, url, payload);
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}
const errorOf = async (session: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
  const res = await call(app, session, method, url, payload);
  return { status: res.statusCode, message: res.json<{ error: { message: string } }>().error?.message ?? '' };
};

describe('纪检回访', () => {
  let demoRoundId: string;

  it('shows the demo’s completed round of the last full quarter with some records', async () => {
    const preview = await json<CallbackPreviewView>(jijian, 'GET', '/api/callbacks');
    expect(preview.quarter).toBe('2026Q3');
    expect(preview.auditors).toHaveLength(2);
    expect(preview.blocker).toBeNull();
    for (const b of preview.brigades) expect(b.quota).toBe(Math.ceil(b.candidates / 10));
    expect(preview.rounds).toHaveLength(1);
    demoRoundId = preview.rounds[0]!.id;
    const round = await json<CallbackRoundView>(jijian, 'GET', `/api/callbacks/rounds/${demoRoundId}`);
    expect(round.status).toBe('executed');
    expect(round.code).toMatch(/^HF-\d{6}-2026Q3$/);
    expect(round.units.filter((u) => u.record)).not.toHaveLength(0);
    expect(round.units.some((u) => u.replaces)).toBe(true);
    for (const u of round.units) expect(u.caller).not.toBe(u.recorder);
    expect(round.report!.total.conductReports).toBe(1);
  });

  it('lets nobody but 纪检 draw, and 纪检 still change nothing else', async () => {
    for (const s of [wucheng, jiandu, zhidui, admin]) {
      expect((await errorOf(s, 'POST', '/api/callbacks/rounds', { quarter: '2026Q3', external: [{ source: '福彩3D', ref: '2026999' }] })).status).toBe(403);
      expect((await errorOf(s, 'POST', `/api/callbacks/rounds/${demoRoundId}/void`, { reason: '试图作废' })).status).toBe(403);
    }
    for (const s of [wucheng, jiandu, zhidui]) expect((await errorOf(s, 'GET', '/api/callbacks')).status).toBe(403);
    expect((await call(app, admin, 'GET', `/api/callbacks/rounds/${demoRoundId}`)).statusCode).toBe(200);
    const other = await errorOf(jijian, 'POST', '/api/self-checks/run');
    expect(other).toEqual({ status: 403, message: '纪检账号为只读账号，不能进行修改操作' });
    expect((await errorOf(jijian, 'POST', '/api/callbacksx/rounds', {})).status).not.toBe(200);
  });

  it('refuses a quarter that has not ended and a second live round', async () => {
    expect(await errorOf(jijian, 'POST', '/api/callbacks/rounds', { quarter: '2026Q4', external: [{ source: '福彩3D', ref: '2026999' }] })).toMatchObject({ status: 400, message: expect.stringMatching(/尚未结束/) });
    expect(await errorOf(jijian, 'POST', '/api/callbacks/rounds', { quarter: '2026Q3', external: [{ source: '福彩3D', ref: '2026999' }] })).toMatchObject({ status: 409, message: expect.stringMatching(/未作废的回访抽取/) });
  });

  let roundId: string;
  it('voids with a reason, then needs new external values for the next round', async () => {
    const old = await json<CallbackRoundView>(jijian, 'GET', `/api/callbacks/rounds/${demoRoundId}`);
    await json(jijian, 'POST', `/api/callbacks/rounds/${demoRoundId}/void`, { reason: '演示：回访人员调整，重新抽取' });
    const voided = await json<CallbackRoundView>(jijian, 'GET', `/api/callbacks/rounds/${demoRoundId}`);
    expect(voided).toMatchObject({ status: 'voided', voidReason: '演示：回访人员调整，重新抽取', resultHash: old.resultHash });
    const reused = old.external[0]!;
    expect(await errorOf(jijian, 'POST', '/api/callbacks/rounds', { quarter: '2026Q3', external: [{ source: reused.source, ref: reused.ref }] })).toMatchObject({ status: 400, message: expect.stringMatching(/已被本季度此前作废/) });
    roundId = (await json<{ id: string }>(jijian, 'POST', '/api/callbacks/rounds', { quarter: '2026Q3', external: [{ source: '福彩3D', ref: '2026340' }] }, 201)).id;
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'callback.void'));
    expect(audit?.summary).toMatchObject({ reason: '演示：回访人员调整，重新抽取' });
  });

  it('needs two 纪检 who agree on the value before the draw', async () => {
    const ext = { source: '福彩3D', ref: '2026340' };
    expect(await json(jijian, 'POST', `/api/callbacks/rounds/${roundId}/external`, { ...ext, value: '1 2 3' })).toEqual({ confirmed: false });
    expect((await errorOf(jijian, 'POST', `/api/callbacks/rounds/${roundId}/execute`)).message).toMatch(/两名纪检人员/);
    expect(await errorOf(jijian, 'POST', `/api/callbacks/rounds/${roundId}/external`, { ...ext, value: '1 2 3' })).toMatchObject({ status: 409, message: expect.stringMatching(/另一名工作人员复核/) });
    expect((await errorOf(jijian2, 'POST', `/api/callbacks/rounds/${roundId}/external`, { ...ext, value: '1 2 4' })).message).toMatch(/不一致/);
    expect(await json(jijian2, 'POST', `/api/callbacks/rounds/${roundId}/external`, { ...ext, value: '1  2 3' })).toEqual({ confirmed: true });
    await json(jijian2, 'POST', `/api/callbacks/rounds/${roundId}/execute`);
    expect((await errorOf(jijian, 'POST', `/api/callbacks/rounds/${roundId}/execute`)).status).toBe(409);
  });

  it('records a callback, replaces an unreachable unit in published order, and reports the quarter', async () => {
    const round = await json<CallbackRoundView>(jijian, 'GET', `/api/callbacks/rounds/${roundId}`);
    const [first, second] = round.units;
    expect(await errorOf(jijian, 'POST', `/api/callbacks/units/${first!.id}/record`, { reached: true, attempts: 1, satisfaction: null })).toMatchObject({ status: 400, message: expect.stringMatching(/满意度/) });
    await json(jijian, 'POST', `/api/callbacks/units/${first!.id}/record`, { reached: true, attempts: 2, satisfaction: 4, conductReported: true, conductText: '检查时态度生硬' });
    expect((await errorOf(jijian, 'POST', `/api/callbacks/units/${first!.id}/replace`, { reason: '联系不上' })).message).toMatch(/未联系上/);
    await json(jijian2, 'POST', `/api/callbacks/units/${second!.id}/record`, { reached: false, attempts: 3 });
    const { unitId } = await json<{ unitId: string }>(jijian2, 'POST', `/api/callbacks/units/${second!.id}/replace`, { reason: '三次无人接听' });
    const [row] = await database.db.select().from(callbackRounds).where(eq(callbackRounds.id, roundId));
    const stratum = row!.result!.strata.find((s) => s.selected.includes(second!.unitId))!;
    expect(unitId).toBe(stratum.alternates[0]);
    const after = await json<CallbackRoundView>(jijian, 'GET', `/api/callbacks/rounds/${roundId}`);
    expect(after.units.find((u) => u.unitId === unitId)).toMatchObject({ status: 'open', replaces: { reason: '三次无人接听' } });
    expect(after.report!.total).toMatchObject({ drawn: round.units.length, recorded: 1, reached: 1, reachedRate: '100.0%', averageSatisfaction: '4.0', conductReports: 1 });
    const xlsx = await call(app, jijian, 'GET', `/api/callbacks/rounds/${roundId}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('季度报告')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('大队');
    const text = sheet.getSheetValues().flat().join(' ');
    expect(text).toContain(after.resultHash!);
  });

  it('exports a bundle that verifyBundle and the draw-verify CLI accept', async () => {
    const bundle = await json<DrawBundle>(jijian, 'GET', `/api/callbacks/rounds/${roundId}/bundle`);
    const verification = verifyBundle(bundle);
    expect(verification.ok, JSON.stringify(verification.checks.filter((c) => !c.ok))).toBe(true);
    const round = await json<CallbackRoundView>(jijian, 'GET', `/api/callbacks/rounds/${roundId}`);
    expect(verification.resultHash).toBe(round.resultHash);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'callback-bundle-')), `${round.code}.bundle.json`);
    fs.writeFileSync(file, JSON.stringify(bundle));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runVerifyDraw([file, '--result-hash', round.resultHash!])).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toContain('验证通过');
    } finally {
      log.mockRestore();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('keeps a callback round out of the plan draws', async () => {
    const rows = await database.db.execute(sql`select count(*)::int as n from draws where code like 'HF-%'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });
});

describe('异常线索', () => {
  it('list a voided draw and an inspector frozen shortly before a draw, for 纪检 and the system administrator only', async () => {
    const [draw] = await database.db.select({ id: draws.id, code: draws.code, frozenAt: draws.frozenAt, orgId: draws.orgId }).from(draws).orderBy(draws.frozenAt);
    const [inspector] = await database.db.select({ id: inspectors.id }).from(inspectors).innerJoin(orgs, eq(orgs.id, inspectors.orgId)).where(eq(inspectors.orgId, draw!.orgId)).limit(1);
    const [wuchengAccount] = await database.db.execute(sql`select id from accounts where username = 'wucheng'`).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    const twoDaysBefore = new Date(draw!.frozenAt.getTime() - 2 * 86_400_000);
    await database.db.insert(inspectorAvailability).values({ inspectorId: inspector!.id, kind: 'frozen', fromDate: '2026-01-01', reason: '演示：抽取前冻结', createdBy: wuchengAccount!.id, createdAt: twoDaysBefore });
    await json(wucheng, 'POST', `/api/draws/${draw!.id}/void`, { reason: '演示：作废一次抽取' });
    const view = await json<AnomalyView>(jijian, 'GET', '/api/anomalies?days=180');
    expect(view.days).toBe(180);
    expect(view.voidedDraws).toEqual([expect.objectContaining({ drawId: draw!.id, reason: '演示：作废一次抽取', wasExecuted: true })]);
    expect(view.barsBeforeDraws).toContainEqual(expect.objectContaining({ kind: 'frozen', inspectorId: inspector!.id, drawId: draw!.id, daysBefore: 2, reason: '演示：抽取前冻结' }));
    expect(Array.isArray(view.corrections) && Array.isArray(view.frequentReplacers)).toBe(true);
    expect((await call(app, admin, 'GET', '/api/anomalies')).statusCode).toBe(200);
    for (const s of [wucheng, jiandu, zhidui]) expect((await call(app, s, 'GET', '/api/anomalies')).statusCode).toBe(403);
    expect((await errorOf(jijian, 'GET', '/api/anomalies?days=abc')).message).toMatch(/期间/);
  });
});
