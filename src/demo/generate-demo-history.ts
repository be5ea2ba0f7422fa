/**
 * Two calendar years of demo inspection history (the year before `asOf` and this year up to it), so the plan
 * pages show real frequency exclusions, coverage and catch-up. Pure and deterministic; demo data only.
 */
import type { InspectionKind } from '../domain/plans/eligibility-types.ts';
import { createRng, deriveSeed } from './prng.ts';

export type DemoHistoryUnit = { index: number; category: 'key' | 'general' | 'small_venue' | 'other'; isCrowded: boolean; status: string };
export type DemoInspection = { unitIndex: number; on: string; kind: InspectionKind };

const DAY_MS = 86_400_000;

function dayOf(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1) + dayOfYear * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Roughly: crowded key units inspected about once a year (this year's coverage follows the date), other key
 * units 70–80 %, general units about 20 %, some 九小场所; a share of the failed ones got a 复查 a month later,
 * and a few complaint checks. Dates fall on weekdays only and never after `asOf`.
 */
export function generateDemoHistory(units: readonly DemoHistoryUnit[], options: { seed: number; asOf: string }): DemoInspection[] {
  const rng = createRng(deriveSeed(options.seed, 'history'));
  const thisYear = Number(options.asOf.slice(0, 4));
  const asOfDay = (Date.parse(`${options.asOf}T00:00:00Z`) - Date.UTC(thisYear, 0, 1)) / DAY_MS;
  const out: DemoInspection[] = [];
  const weekday = (year: number, maxDay: number): string => {
    for (;;) {
      const d = dayOf(year, rng.int(0, maxDay));
      const w = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (w !== 0 && w !== 6) return d;
    }
  };
  for (const u of units) {
    const share = u.category === 'key' ? (u.isCrowded ? 0.95 : 0.75) : u.category === 'small_venue' ? 0.05 : 0.2;
    for (const [year, maxDay] of [
      [thisYear - 1, 364],
      [thisYear, Math.max(0, asOfDay - 1)],
    ] as const) {
      // This year's share grows with the date: plans are behind or ahead, never done in November.
      const p = year === thisYear ? share * (maxDay / 365) * 0.95 : share;
      if (!rng.chance(p)) continue;
      const on = weekday(year, maxDay);
      out.push({ unitIndex: u.index, on, kind: rng.chance(0.1) ? 'special' : 'routine' });
      if (rng.chance(0.25)) {
        const re = new Date(Date.parse(`${on}T00:00:00Z`) + rng.int(20, 40) * DAY_MS).toISOString().slice(0, 10);
        if (re < options.asOf) out.push({ unitIndex: u.index, on: re, kind: 'reinspection' });
      }
    }
    if (rng.chance(0.01)) out.push({ unitIndex: u.index, on: weekday(thisYear, Math.max(0, asOfDay - 1)), kind: 'complaint' });
  }
  return out;
}
