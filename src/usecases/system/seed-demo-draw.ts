import type { Db } from '../../db/client.ts';
import { findAccountByUsername } from '../../db/account-queries.ts';
import { findDraw } from '../../db/draw-queries.ts';
import { findMonthlyPlanOf } from '../../db/plan-queries.ts';
import { fromHex } from '../../domain/crypto/sha256.ts';
import { commitmentOf } from '../../domain/draw/seed.ts';
import { isDomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { executeDraw } from '../draws/execute-draw.ts';
import { freezeDraw } from '../draws/freeze-draw.ts';
import { recordCommitment } from '../draws/record-commitment.ts';
import { recordExternalValue } from '../draws/record-external-value.ts';
import { recordReveal } from '../draws/record-reveal.ts';
import { actorOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { publishMonthlyPlan } from '../plans/publish-monthly-plan.ts';
import { runMonthlyPlanScheduler } from '../plans/run-monthly-plan-scheduler.ts';
import { seedDemoCallbacks } from './seed-demo-callbacks.ts';
import { seedDemoFieldWork } from './seed-demo-field-work.ts';

/** A demo account's use-case context at `now` (the demo, the benchmarks). */
export async function demoContextFor(db: Db, username: string, now: Date): Promise<UseCaseContext> {
  const found = await findAccountByUsername(db, username);
  if (!found) throw new Error(`no demo account ${username}`);
  return { db, actor: actorOf(found), ip: null, now };
}

/** The demo observer's key: made up, and printed here so anyone can see the demo draw is only a demo. */
export const DEMO_OBSERVER_SECRET = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

/**
 * Last month's draw of 婺城 carried through in the field (seed-demo-field-work.ts), then the current month published
 * and drawn through the use cases, so that a first start shows a draw on the
 * portal that anyone can verify: one observer (演示监督人, with the key above) and a lottery value entered by
 * two accounts (wucheng and zhidui). Both are made up — the issue named is not a real 福彩3D result. Skipped,
 * returning null, when the month cannot be planned or drawn (no calendar for the year, the month's plan already
 * exists…): the demo never fails the start for it. `followUp: false` leaves last month's hazards without notices (for
 * journeys that issue the first ones themselves).
 */
export async function seedDemoDraw(db: Db, now: Date, options: { followUp?: boolean } = {}): Promise<{ code: string } | null> {
  // Last month's draw first, carried through in the field, so this month's draw sees its inspections.
  const lastMonth = await seedDemoLastMonth(db, now);
  const drawn = await drawDemoMonth(db, now);
  if (drawn) await seedDemoFieldWork(db, { lastMonthDrawId: lastMonth, thisMonthDrawId: drawn.id, now, followUp: options.followUp ?? true });
  await seedDemoCallbacks(db, now);
  return drawn ? { code: drawn.code } : null;
}

/** Last month's plan drawn on the 2nd of that month (null in January: the demo annual plan is this year's). */
async function seedDemoLastMonth(db: Db, now: Date): Promise<string | null> {
  const today = localDate(now);
  if (Number(today.slice(5, 7)) === 1) return null;
  const at = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 2, 2, 0, 0));
  return (await drawDemoMonth(db, at))?.id ?? null;
}

/** The month of `now` planned, published and drawn as of `now`. */
async function drawDemoMonth(db: Db, now: Date): Promise<{ id: string; code: string } | null> {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  try {
    await runMonthlyPlanScheduler({ db, ip: null, now, actorName: '系统定时任务' }, { month: { year, month } });
    const admin = await demoContextFor(db, 'wucheng', now);
    const second = await demoContextFor(db, 'zhidui', now);
    const plan = await findMonthlyPlanOf(db, admin.actor.orgId, year, month);
    if (!plan || plan.status !== 'draft') return null;
    await publishMonthlyPlan(admin, plan.id);
    const external = { source: '福彩3D', ref: `${year}${String(month * 30).padStart(3, '0')}` };
    const drawId = await freezeDraw(admin, {
      source: { kind: 'monthly_plan', id: plan.id },
      observers: [{ name: '演示监督人', capacity: '特邀廉政监督员' }],
      external: [external],
    });
    const { draw } = (await findDraw(db, drawId))!;
    await recordCommitment(admin, drawId, 'OBS-1', commitmentOf(draw.manifestHash, 'OBS-1', fromHex(DEMO_OBSERVER_SECRET)));
    await recordReveal(admin, drawId, 'OBS-1', DEMO_OBSERVER_SECRET);
    await recordExternalValue(admin, drawId, { ...external, value: '5 0 8' });
    await recordExternalValue(second, drawId, { ...external, value: '5 0 8' });
    await executeDraw(admin, drawId);
    return { id: drawId, code: draw.code };
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
}
