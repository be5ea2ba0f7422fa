import { localDate } from '../../domain/local-date.ts';
import { formatQuarter, lastFullQuarter, quarterDates } from '../../domain/oversight/callbacks.ts';
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
  const { dayAfter } = quarterDates(quarter);
  const at = (days: number, hour = 2) => new Date(new Date(`${dayAfter}T0${hour}:00:00Z`).getTime() + days * 86_400_000);
  if (at(9) > now) return;
  const jijian = await demoContextFor(db, 'jijian', at(6));
  const external = { source: '福彩3D', ref: `${quarter.year}${String(quarter.q * 90 + 6).padStart(3, '0')}` };
  let roundId: string | null = null;
  await skipRefusal(async () => {
    roundId = await freezeCallbackRound(jijian, { quarter: formatQuarter(quarter), external: [external] });
  });
  if (!roundId) return;
  const id: string = roundId;
  const done =
    (await skipRefusal(() => recordCallbackExternalValue({ ...jijian, now: at(6, 7) }, id, { ...external, value: DEMO_CALLBACK_VALUE }))) &&
    (await skipRefusal(async () => recordCallbackExternalValue(await demoContextFor(db, 'jijian2', at(6, 8)), id, { ...external, value: DEMO_CALLBACK_VALUE }))) &&
    (await skipRefusal(() => executeCallbackRound({ ...jijian, now: at(7) }, id)));
  if (!done) return;
  const caller = { ...jijian, now: at(8) };
  const units = (await getCallbackRound(caller, id)).units.slice(0, 9);
  // The last of the first calls was not reached and is replaced; the first reports conduct.
  const unreachable = units.length >= 2 ? units.length - 1 : -1;
  for (const [i, u] of units.entries()) {
    const ctx = { ...jijian, now: new Date(at(8).getTime() + i * 600_000) };
    if (i === unreachable) {
      await skipRefusal(() => recordCallback(ctx, u.id, { reached: false, attempts: 3, satisfaction: null, conductReported: false, conductText: '', notes: '三次拨打均无人接听' }));
      await skipRefusal(() => replaceCallbackUnit({ ...ctx, now: new Date(ctx.now.getTime() + 60_000) }, u.id, '三次拨打均无人接听，按公布顺序递补'));
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
