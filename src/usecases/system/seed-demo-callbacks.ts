import { localDate } from '../../domain/local-date.ts';
import { formatQuarter, lastFullQuarter, quarterDates, type Quarter } from '../../domain/oversight/callbacks.ts';
import type { Db } from '../../db/client.ts';
import { executeCallbackRound } from '../callbacks/execute-callback-round.ts';
import { freezeCallbackRound } from '../callbacks/freeze-callback-round.ts';
import { getCallbackRound } from '../callbacks/get-callback-round.ts';
import { recordCallback } from '../callbacks/record-callback.ts';
import { recordCallbackExternalValue } from '../callbacks/record-callback-external-value.ts';
import { replaceCallbackUnit } from '../callbacks/replace-callback-unit.ts';
import { demoContextFor } from './seed-demo-draw.ts';
import { skipRefusal } from './seed-demo-field-work.ts';

/** The demo's made-up lottery value (not a real 福彩3D result), like the plan draw's. */
export const DEMO_CALLBACK_VALUE = '2 7 1';

/**
 * 纪检回访 of the demo (decision 0026), through the use cases: the last full quarter's round of 金华支队 frozen by 纪检
 * jijian a week after the quarter, the value entered by jijian and jijian2, executed, and a first day of calls — most
 * reached and satisfied, one reporting conduct, one not reached and replaced by the next alternate. Skipped when
 * anything is refused (a quarter without inspections …): the demo never fails the start.
 */
export async function seedDemoCallbacks(db: Db, now: Date): Promise<void> {
  const quarter = lastFullQuarter(localDate(now));
  if (callbackRoundTimes(quarter).at(9) > now) return;
  await playCallbackRound(db, quarter, { calls: 'first-day' });
}

/** The times of a quarter's round: `at(days, hour)` = `days` after the day after the quarter, at hour:00 UTC. */
function callbackRoundTimes(quarter: Quarter) {
  const { dayAfter } = quarterDates(quarter);
  return { at: (days: number, hour = 2) => new Date(new Date(`${dayAfter}T0${hour}:00:00Z`).getTime() + days * 86_400_000) };
}

/**
 * A quarter's round played by the demo 纪检 (jijian, with jijian2 entering the value too), frozen six days after the
 * quarter and executed the next day; then the calls: `first-day` — the first nine, one reporting conduct and the last
 * not reached and replaced (the demo); `all` — every drawn unit, about one in ten not reached (then replaced and its
 * replacement called), satisfaction mostly 4–5, conduct reported now and then (a simulated year). Returns whether the
 * round was executed.
 */
export async function playCallbackRound(db: Db, quarter: Quarter, o: { calls: 'first-day' | 'all' }): Promise<boolean> {
  const { at } = callbackRoundTimes(quarter);
  const jijian = await demoContextFor(db, 'jijian', at(6));
  const external = { source: '福彩3D', ref: `${quarter.year}${String(quarter.q * 90 + 6).padStart(3, '0')}` };
  let roundId: string | null = null;
  await skipRefusal(async () => {
    roundId = await freezeCallbackRound(jijian, { quarter: formatQuarter(quarter), external: [external] });
  });
  if (!roundId) return false;
  const id: string = roundId;
  const done =
    (await skipRefusal(() => recordCallbackExternalValue({ ...jijian, now: at(6, 7) }, id, { ...external, value: DEMO_CALLBACK_VALUE }))) &&
    (await skipRefusal(async () => recordCallbackExternalValue(await demoContextFor(db, 'jijian2', at(6, 8)), id, { ...external, value: DEMO_CALLBACK_VALUE }))) &&
    (await skipRefusal(() => executeCallbackRound({ ...jijian, now: at(7) }, id)));
  if (!done) return false;
  if (o.calls === 'first-day') await firstDayOfCalls(jijian, id, at(8));
  else await callEveryone(jijian, id, at(8));
  return true;
}

type CallerContext = Awaited<ReturnType<typeof demoContextFor>>;

async function firstDayOfCalls(jijian: CallerContext, id: string, from: Date): Promise<void> {
  const units = (await getCallbackRound({ ...jijian, now: from }, id)).units.slice(0, 9);
  // The last of the first calls was not reached and is replaced; the first reports conduct.
  const unreachable = units.length >= 2 ? units.length - 1 : -1;
  for (const [i, u] of units.entries()) {
    const ctx = { ...jijian, now: new Date(from.getTime() + i * 600_000) };
    if (i === unreachable) {
      await notReached(ctx, u.id);
      continue;
    }
    const conduct = i === 0;
    await skipRefusal(() =>
      recordCallback(ctx, u.id, {
        reached: true,
        attempts: 1 + (i % 2),
        satisfaction: conduct ? 2 : i % 3 === 0 ? 4 : 5,
        conductReported: conduct,
        conductText: conduct ? '单位负责人反映检查人员到场后未出示执法证件（演示数据）' : '',
        notes: conduct ? '已转纪检核查（演示数据）' : '',
      }),
    );
  }
}

async function notReached(ctx: CallerContext, unitId: string): Promise<void> {
  await skipRefusal(() => recordCallback(ctx, unitId, { reached: false, attempts: 3, satisfaction: null, conductReported: false, conductText: '', notes: '三次拨打均无人接听' }));
  await skipRefusal(() => replaceCallbackUnit({ ...ctx, now: new Date(ctx.now.getTime() + 60_000) }, unitId, '三次拨打均无人接听，按公布顺序递补'));
}

/** Every unit of the round called, replacements too (they appear in the round once the unreached one is replaced). */
async function callEveryone(jijian: CallerContext, id: string, from: Date): Promise<void> {
  const called = new Set<string>();
  let n = 0;
  for (let pass = 0; pass < 5; pass++) {
    const waiting = (await getCallbackRound({ ...jijian, now: from }, id)).units.filter((u) => !called.has(u.id));
    if (waiting.length === 0) return;
    for (const u of waiting) {
      called.add(u.id);
      n += 1;
      const ctx = { ...jijian, now: new Date(from.getTime() + n * 600_000) };
      // About one in ten not reached (never in the last pass, so the round ends with every unit called).
      if (n % 10 === 7 && pass < 4) {
        await notReached(ctx, u.id);
        continue;
      }
      const conduct = n % 40 === 13;
      await skipRefusal(() =>
        recordCallback(ctx, u.id, {
          reached: true,
          attempts: 1 + (n % 3 === 0 ? 1 : 0),
          satisfaction: conduct ? 2 : n % 12 === 5 ? 3 : n % 4 === 1 ? 4 : 5,
          conductReported: conduct,
          conductText: conduct ? '单位反映检查人员态度生硬（模拟数据）' : '',
          notes: '',
        }),
      );
    }
  }
}
