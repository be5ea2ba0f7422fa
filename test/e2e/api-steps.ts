import type { FastifyInstance } from 'fastify';
import type { DrawView } from '../../src/contracts/draws.ts';
import { call, logInAs, type Session } from '../harness/http.ts';
import { DEMO_PASSWORD } from './harness.ts';

/** A call that must succeed; its JSON. A payload makes it a POST. */
export async function ok<T>(app: FastifyInstance, session: Session, url: string, payload?: unknown): Promise<T> {
  const method = payload === undefined ? 'GET' : 'POST';
  const res = await call(app, session, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/**
 * An executed draw made through the API, as the staff would (the draw journey does it in the browser): 婺城's January
 * 2026 plan published, the draw frozen without observers, the lottery value entered by two accounts, executed.
 */
export async function executeJanuaryDraw(app: FastifyInstance): Promise<DrawView> {
  const admin = await logInAs(app, 'wucheng', DEMO_PASSWORD);
  const second = await logInAs(app, 'zhidui', DEMO_PASSWORD);
  const me = await ok<{ org: { id: string } }>(app, admin, '/api/auth/me');
  const annual = await ok<{ id: string }>(app, admin, '/api/annual-plans', { orgId: me.org.id, year: 2026, name: '2026 年度双随机抽查工作计划' });
  await ok(app, admin, `/api/annual-plans/${annual.id}/publish`, {});
  const monthly = await ok<{ id: string }>(app, admin, `/api/annual-plans/${annual.id}/months/1/generate`, {});
  await ok(app, admin, `/api/monthly-plans/${monthly.id}/publish`, {});
  const external = { source: '福彩3D', ref: '2025341' };
  const draw = await ok<DrawView>(app, admin, '/api/draws', { source: { kind: 'monthly_plan', id: monthly.id }, observers: [], external: [external] });
  for (const who of [admin, second]) await ok(app, who, `/api/draws/${draw.id}/external`, { ...external, value: '5 0 8' });
  await ok(app, admin, `/api/draws/${draw.id}/execute`, {});
  return ok<DrawView>(app, admin, `/api/draws/${draw.id}`);
}
