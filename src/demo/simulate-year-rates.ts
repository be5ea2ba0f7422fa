/**
 * The pure decisions of `simulate-year`: how a simulated inspection, 复查 or publication goes, drawn from the demo
 * PRNG. The rates follow a real brigade's yearly summary (金东, 2021: about 12,000 units, 7 inspectors, 682 units
 * drawn, 263 with hazards, 70 penalties, 14 joint inspections): about 38% of drawn units with hazards, a penalty for
 * about one drawn unit in ten, two joint inspections in a hundred. Demo data only, never for draws.
 */
import type { Rng } from './prng.ts';

export const SIMULATION_RATES = {
  /** Drawn units found closed, gone or moved (无法检查, then 递补). */
  unable: 0.04,
  /** Inspected units with hazards (不合格率): the summary's 263 of 682 drawn, a little more of those inspected. */
  withHazards: 0.38,
  /** Inspections with staff of another department (联合检查): 14 / 682. */
  joint: 0.02,
  /** 复查 finding the hazards not corrected, so a case and a penalty: 70 penalties / 263 with hazards. */
  notCorrected: 0.27,
  /** 复查 carried out after their due date. */
  lateReinspection: 0.08,
  /** Not-corrected units also sealed (临时查封) pending correction. */
  sealed: 0.06,
  /** Result entries the brigade forgets, so the daily job publishes them after the deadline. */
  forgottenPublication: 0.04,
} as const;

export type VisitPlan =
  | { outcome: 'unable'; reason: 'closed' | 'not_found' }
  | { outcome: 'inspected'; failingLines: number; joint: boolean };

/** How a drawn unit's first visit goes: 无法检查, or inspected with 0–3 failing checklist lines, maybe jointly. */
export function planVisit(rng: Rng): VisitPlan {
  if (rng.chance(SIMULATION_RATES.unable)) return { outcome: 'unable', reason: rng.chance(0.6) ? 'closed' : 'not_found' };
  const failing = rng.chance(SIMULATION_RATES.withHazards);
  return { outcome: 'inspected', failingLines: failing ? rng.weighted([[1, 55], [2, 30], [3, 15]] as const) : 0, joint: rng.chance(SIMULATION_RATES.joint) };
}

/** Which working day of the visit window (0-based, `days` long) a visit falls on: spread evenly. */
export function pickVisitDay(rng: Rng, days: number): number {
  return days <= 1 ? 0 : rng.int(0, days - 1);
}

/** Working days given to correct each hazard in a 责令限期改正通知书. */
export function pickCorrectionDays(rng: Rng): number {
  return rng.weighted([[5, 15], [10, 45], [15, 25], [20, 15]] as const);
}

export type ReinspectionPlan = { corrected: boolean; late: boolean; sealed: boolean };

/** How a 复查 goes: on time mostly, hazards corrected mostly; an uncorrected one sometimes sealed as well. */
export function planReinspection(rng: Rng): ReinspectionPlan {
  const corrected = !rng.chance(SIMULATION_RATES.notCorrected);
  return { corrected, late: rng.chance(SIMULATION_RATES.lateReinspection), sealed: !corrected && rng.chance(SIMULATION_RATES.sealed) };
}

/** A fine under 消防法 art. 60 para. 1 (organisations: 5,000–50,000 CNY), ordinary procedure. */
export function pickFine(rng: Rng): number {
  return rng.weighted([[5000, 30], [8000, 15], [10000, 25], [15000, 12], [20000, 10], [30000, 6], [50000, 2]] as const);
}

/** Working days after the event when the brigade publishes an entry; null: forgotten (the daily job publishes it late). */
export function pickPublicationDelay(rng: Rng, kind: 'result' | 'penalty'): number | null {
  if (kind === 'result' && rng.chance(SIMULATION_RATES.forgottenPublication)) return null;
  return kind === 'penalty' ? rng.int(1, 4) : rng.int(2, 10);
}
