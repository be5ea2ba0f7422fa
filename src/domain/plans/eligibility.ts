/**
 * Eligibility (who may be drawn) for a plan on a date. Pure. SPEC: see eligibility-types.ts and
 * docs/decisions/0008-plans-and-eligibility.md.
 */
import { compareIds, idOrder } from '../draw/id-order.ts';
import { assertIsoDate } from '../registry/dates.ts';
import { unitDrawabilityOnCheckedDate } from '../registry/unit-rules.ts';
import type {
  Candidate,
  EligibilityInput,
  EligibilityResult,
  EligibilityUnit,
  Exclusion,
  ExclusionReason,
  StratumCounts,
} from './eligibility-types.ts';
import { COUNTED_INSPECTION_KINDS, EXCLUSION_REASONS, INSPECTION_KINDS } from './eligibility-types.ts';
import { addMonths } from './months.ts';
import { areaFactor } from './area-weights.ts';
import type { StratumFilter, StratumRule, WeightTable } from './plan-settings.ts';
import { UNIT_WEIGHT_MAX, UNIT_WEIGHT_MIN } from './plan-settings.ts';

/**
 * The first enabled stratum whose filter matches the unit, or null. Strata are in precedence order
 * (PlanSettings.strata): a crowded key unit matches 人员密集场所重点单位 before 其他重点单位, and a disabled
 * stratum is skipped so its units fall through to the next one that matches. A filter matches when every
 * condition it sets holds: category in `categories` (empty = any), each of crowded/flammable/highRise equal
 * when not null, at least one tag of `tagsAny` (empty = no condition), district in `districtCodes` (empty = any;
 * a unit without a district then never matches).
 */
export function stratumOf(unit: EligibilityUnit, strata: readonly StratumRule[]): StratumRule | null {
  for (const stratum of strata) {
    if (stratum.enabled && matchesFilter(unit, stratum.filter)) return stratum;
  }
  return null;
}

function matchesFilter(unit: EligibilityUnit, f: StratumFilter): boolean {
  if (f.categories.length > 0 && !f.categories.includes(unit.category)) return false;
  if (f.crowded !== null && f.crowded !== unit.isCrowded) return false;
  if (f.flammable !== null && f.flammable !== unit.isFlammable) return false;
  if (f.highRise !== null && f.highRise !== unit.isHighRise) return false;
  if (f.tagsAny.length > 0) {
    let any = false;
    for (const tag of unit.tags) {
      if (f.tagsAny.includes(tag)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  if (f.districtCodes.length > 0 && (unit.districtCode === null || !f.districtCodes.includes(unit.districtCode))) return false;
  return true;
}

/**
 * A unit's draw weight (draw-algorithm.md §3 `weight`, Efraimidis–Spirakis: its chance of being drawn is proportional
 * to it): clamp(risk[riskLevel] × credit[creditLevel] × (triggered ? triggeredFactor : 1), 1, 64).
 * A unit without a level, or with a level the table does not list, counts 1 for that factor. Risk and credit
 * "floating" of the draw probability is the practice of the SAMR credit-risk classification; an area weight of the
 * early warning (area-weights.ts) multiplies it for the units of its district or industry in the months it covers;
 * the plan publishes the table.
 */
export function unitWeight(
  unit: Pick<EligibilityUnit, 'riskLevel' | 'creditLevel'> & Partial<Pick<EligibilityUnit, 'districtCode' | 'industry'>>,
  weights: WeightTable,
  triggered: boolean,
  month?: string,
): number {
  const product =
    factorOf(weights.risk, unit.riskLevel) *
    factorOf(weights.credit, unit.creditLevel) *
    (triggered ? weights.triggeredFactor : 1) *
    (month === undefined ? 1 : areaFactor({ districtCode: unit.districtCode ?? null, industry: unit.industry ?? null }, weights.areas, month));
  return Math.min(UNIT_WEIGHT_MAX, Math.max(UNIT_WEIGHT_MIN, product));
}

function factorOf(table: Record<string, number>, level: string | null): number {
  if (level === null || !Object.hasOwn(table, level)) return 1;
  return table[level] as number;
}

/**
 * The day a plan's or a draw's eligibility is computed for: the first day of its period, or `today` when that is
 * later (a monthly plan generated on the 10th, a draw frozen on the 5th). Inspections recorded between the 1st
 * and today are done by then and count toward the six-month interval and the yearly cap
 * (《消防监督检查规定》第七条 and the plan's frequency rules); the drawn units cannot be visited before today.
 */
export function eligibilityDate(periodStart: string, today: string): string {
  assertIsoDate(periodStart, 'periodStart');
  assertIsoDate(today, 'today');
  return today > periodStart ? today : periodStart;
}

const KNOWN_KINDS: ReadonlySet<string> = new Set(INSPECTION_KINDS);

const OUT_OF_SCOPE_UNIT = 1;
const PENDING = 2;
const TRIGGERED = 4;
const PENDING_COVERING = 8;

/**
 * What is known of each unit besides its row, behind one Map lookup per unit: `slotOf` maps a unit id to a slot
 * of three typed arrays (no object per unit) holding its counted inspections and its flags (excluded by the
 * plan, pending task, triggered). History is grouped in one pass; dates become YYYYMMDD integers, each distinct
 * date checked and converted once; records of kinds that do not count are skipped before any lookup. An unknown
 * kind or a malformed date is a caller's bug: RangeError, never silently "not counted".
 */
type UnitFacts = {
  slotOf: Map<string, number>;
  /** Counted inspections dated in the calendar year of `on` (any day of it, also after `on`). */
  inYear: Uint32Array;
  /** The latest counted inspection dated on or before `on` as YYYYMMDD, 0 when there is none. */
  lastOnOrBefore: Uint32Array;
  /** The earliest counted inspection dated after `on` (a record of a later date) as YYYYMMDD, 0 when there is none. */
  firstAfter: Uint32Array;
  flags: Uint8Array;
};

function indexUnitFacts(input: EligibilityInput, onDay: number): UnitFacts {
  const { history, pendingUnitIds, triggeredUnitIds } = input;
  const pendingCovering = input.pendingCoveringUnitIds ?? new Set<string>();
  const outOfScope = input.settings.exclusions.units;
  const size = history.length + pendingUnitIds.size + pendingCovering.size + triggeredUnitIds.size + outOfScope.length;
  const slotOf = new Map<string, number>();
  const inYear = new Uint32Array(size);
  const lastOnOrBefore = new Uint32Array(size);
  const firstAfter = new Uint32Array(size);
  const flags = new Uint8Array(size);
  let lastId: string | null = null;
  let lastSlot = 0;
  const slot = (unitId: string): number => {
    if (unitId === lastId) return lastSlot; // a unit's records often come together
    let k = slotOf.get(unitId);
    if (k === undefined) {
      k = slotOf.size;
      slotOf.set(unitId, k);
    }
    lastId = unitId;
    lastSlot = k;
    return k;
  };
  const year = Math.floor(onDay / 10_000);
  const days = new Map<string, number>();
  for (const record of history) {
    if (!COUNTED_INSPECTION_KINDS.has(record.kind)) {
      if (!KNOWN_KINDS.has(record.kind)) throw new RangeError(`unknown inspection kind ${JSON.stringify(record.kind)}`);
      continue;
    }
    let day = days.get(record.on);
    if (day === undefined) {
      assertIsoDate(record.on, 'inspection date');
      day = dayNumber(record.on);
      days.set(record.on, day);
    }
    const k = slot(record.unitId);
    if (Math.floor(day / 10_000) === year) inYear[k] = (inYear[k] as number) + 1;
    if (day <= onDay) {
      if (day > (lastOnOrBefore[k] as number)) lastOnOrBefore[k] = day;
    } else if (firstAfter[k] === 0 || day < (firstAfter[k] as number)) firstAfter[k] = day;
  }
  const mark = (unitId: string, flag: number): void => {
    const k = slot(unitId);
    flags[k] = (flags[k] as number) | flag;
  };
  for (const u of outOfScope) mark(u.unitId, OUT_OF_SCOPE_UNIT);
  for (const id of pendingUnitIds) mark(id, PENDING);
  // An open task due this year covers its unit; it is pending by definition.
  for (const id of pendingCovering) mark(id, PENDING | PENDING_COVERING);
  for (const id of triggeredUnitIds) mark(id, TRIGGERED);
  return { slotOf, inYear, lastOnOrBefore, firstAfter, flags };
}

/** YYYY-MM-DD as the integer YYYYMMDD, which orders the same way. */
function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

function dayString(day: number): string {
  const y = Math.floor(day / 10_000);
  const m = Math.floor(day / 100) % 100;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;
}

type Tally = {
  code: string;
  population: number;
  covered: number;
  candidates: number;
  byRisk: Map<string, { population: number; covered: number }>;
};

/** Outcome code of a candidate; an excluded unit's code is the index of its reason in EXCLUSION_REASONS. */
const CANDIDATE = 255;

/**
 * Who may be drawn for a plan on `on`, and why everyone else may not (draw-algorithm.md §3: "nobody disappears
 * silently"). Each unit gets exactly one outcome; the first failing rule wins, in this order:
 *
 * 1. OUT_OF_SCOPE: its category is in settings.exclusions.categories or the unit is in
 *    settings.exclusions.units (九小场所 left to the 派出所, 《消防监督检查规定》第三十一条; the plan publishes
 *    the reason).
 * 2. STATUS_SUSPENDED / STATUS_DEREGISTERED / STATUS_RELOCATED / STATUS_NOT_FOUND / FLAGGED_FOR_REVIEW /
 *    NO_ADDRESS: isUnitDrawable on `on` ({@link unitDrawabilityOnCheckedDate}), its reason unchanged.
 * 3. NO_STRATUM: no enabled stratum matches ({@link stratumOf}).
 * 4. PENDING_TASK: in pendingUnitIds (drawn before, task still open).
 * 5. YEARLY_CAP_REACHED: at least maxPerYear counted inspections dated in the calendar year of `on`.
 * 6. WITHIN_MIN_INTERVAL: a counted inspection less than minIntervalMonths away from `on`, on either side:
 *    addMonths(latest one dated on or before `on`, minIntervalMonths) > `on`, or the earliest one dated after
 *    `on` falls before addMonths(`on`, minIntervalMonths) (minIntervalMonths 0 disables the rule; months are
 *    clamped, see {@link addMonths}).
 * 7. COVERED_THIS_YEAR: routine mode with frequency.coverageFirst, and a counted inspection dated in the
 *    calendar year of `on`, on or before `on`.
 *
 * Frequency rules (南宫 2023 "每自然年不超过两次，间隔不少于六个月，不含监督复查"): only
 * COUNTED_INSPECTION_KINDS (routine, special, triggered) count; 复查, complaint, case-handling and other checks
 * never exclude a unit. Every counted record counts, whatever its date: one dated on `on` (inspected the day of
 * the freeze) is as recent as can be; one dated after `on` (entered for a later day) counts toward the yearly cap
 * and the interval, but not toward coverage, which speaks of what is done.
 * `ignoreFrequency` skips rules 5–7 for a special campaign's recorded override; in routine mode it is refused
 * (RangeError).
 *
 * Counts: for every enabled stratum, `population` = units that reach rule 4 in that stratum (in scope,
 * drawable, matched), `covered` = those of them with a counted inspection in the year of `on` on or before `on` or an open task due that year (pendingCoveringUnitIds),
 * `candidates` = those that pass every rule; the first two also by riskLevel ('' = none, keys in id order).
 * An exclusion carries its stratum from rule 4 on, null before.
 *
 * Candidates get weight {@link unitWeight} (triggered = in triggeredUnitIds) and pool
 * poolCodeByBrigade.get(brigadeId). Every unit's brigade must have a pool, whatever the unit's outcome, so
 * whether the call fails does not depend on the day's history: otherwise RangeError. So is a duplicate unit id
 * (after NFC) and a duplicate stratum code. `candidates` and `excluded` are in id order (draw-algorithm.md §2)
 * whatever the order of `units`.
 */
export function computeEligibility(input: EligibilityInput): EligibilityResult {
  const { settings, mode, on, units } = input;
  assertIsoDate(on, 'on');
  const ignoreFrequency = input.ignoreFrequency === true;
  if (ignoreFrequency && mode === 'routine') {
    throw new RangeError('ignoreFrequency is only for special campaigns: routine draws always apply the frequency rules');
  }
  const { maxPerYear, minIntervalMonths, coverageFirst } = settings.frequency;
  const applyCoverage = mode === 'routine' && coverageFirst;
  const onDay = dayNumber(on);
  const onMonth = on.slice(0, 7);
  const yearStart = Math.floor(onDay / 10_000) * 10_000 + 101;
  const excludedCategories = new Set<string>(settings.exclusions.categories);
  const enabled = settings.strata.filter((s) => s.enabled);
  const stratumIndex = new Map<StratumRule, number>(enabled.map((s, i) => [s, i]));
  const tallies: Tally[] = [];
  for (const s of enabled) {
    if (tallies.some((t) => t.code === s.code)) throw new RangeError(`stratum code ${s.code} is used twice`);
    tallies.push({ code: s.code, population: 0, covered: 0, candidates: 0, byRisk: new Map() });
  }
  const reasonIndex = new Map<ExclusionReason, number>(EXCLUSION_REASONS.map((r, i) => [r, i]));

  const facts = indexUnitFacts(input, onDay);
  // Few distinct inspection dates occur: decide the interval once per date. A counted inspection on `day` is too
  // close when fewer than minIntervalMonths lie between it and `on`, on either side of `on`.
  const intervalEnd = minIntervalMonths > 0 ? dayNumber(addMonths(on, minIntervalMonths)) : onDay;
  const withinIntervalByDay = new Map<number, boolean>();
  const isWithinInterval = (day: number): boolean => {
    if (day > onDay) return day < intervalEnd;
    let within = withinIntervalByDay.get(day);
    if (within === undefined) {
      within = addMonths(dayString(day), minIntervalMonths) > on;
      withinIntervalByDay.set(day, within);
    }
    return within;
  };

  // One pass in input order (the objects' memory order), the outcome of unit i in a typed array.
  const n = units.length;
  // Two words per unit, side by side so that the pass in id order below reads one place per unit:
  // [outcome | weight << 8 | (stratum index + 1) << 16, pool index].
  if (enabled.length >= 0xffff) throw new RangeError('too many strata');
  const rows = new Uint32Array(2 * n);
  const setOutcome = (i: number, outcome: number, stratum: number, weight = 0): void => {
    rows[2 * i] = outcome | (weight << 8) | ((stratum + 1) << 16);
  };
  const pools: string[] = [];
  const poolIndexByBrigade = new Map<string, number>();
  let lastBrigade: string | null = null;
  let lastPool = 0;
  for (let i = 0; i < n; i++) {
    const unit = units[i] as EligibilityUnit;
    if (unit.brigadeId !== lastBrigade) {
      let p = poolIndexByBrigade.get(unit.brigadeId);
      if (p === undefined) {
        const pool = input.poolCodeByBrigade.get(unit.brigadeId);
        if (pool === undefined) throw new RangeError(`unit ${unit.id}: brigade ${unit.brigadeId} has no inspector pool`);
        p = pools.length;
        pools.push(pool);
        poolIndexByBrigade.set(unit.brigadeId, p);
      }
      lastBrigade = unit.brigadeId;
      lastPool = p;
    }
    rows[2 * i + 1] = lastPool;

    const slot = facts.slotOf.get(unit.id);
    const flags = slot === undefined ? 0 : (facts.flags[slot] as number);
    if ((flags & OUT_OF_SCOPE_UNIT) !== 0 || (excludedCategories.size > 0 && excludedCategories.has(unit.category))) {
      setOutcome(i, reasonIndex.get('OUT_OF_SCOPE') as number, -1);
      continue;
    }
    const drawable = unitDrawabilityOnCheckedDate(unit, on);
    if (!drawable.drawable) {
      setOutcome(i, reasonIndex.get(drawable.reason) as number, -1);
      continue;
    }
    const stratum = stratumOf(unit, enabled);
    if (stratum === null) {
      setOutcome(i, reasonIndex.get('NO_STRATUM') as number, -1);
      continue;
    }
    const s = stratumIndex.get(stratum) as number;
    const tally = tallies[s] as Tally;
    const inYear = slot === undefined ? 0 : (facts.inYear[slot] as number);
    const lastOnOrBefore = slot === undefined ? 0 : (facts.lastOnOrBefore[slot] as number);
    const firstAfter = slot === undefined ? 0 : (facts.firstAfter[slot] as number);
    const covered = lastOnOrBefore >= yearStart || (flags & PENDING_COVERING) !== 0;
    const riskKey = unit.riskLevel ?? '';
    let risk = tally.byRisk.get(riskKey);
    if (risk === undefined) {
      risk = { population: 0, covered: 0 };
      tally.byRisk.set(riskKey, risk);
    }
    tally.population += 1;
    risk.population += 1;
    if (covered) {
      tally.covered += 1;
      risk.covered += 1;
    }

    let reason: ExclusionReason | null = null;
    if ((flags & PENDING) !== 0) reason = 'PENDING_TASK';
    else if (!ignoreFrequency) {
      if (inYear >= maxPerYear) reason = 'YEARLY_CAP_REACHED';
      else if (
        minIntervalMonths > 0 &&
        ((lastOnOrBefore !== 0 && isWithinInterval(lastOnOrBefore)) || (firstAfter !== 0 && isWithinInterval(firstAfter)))
      )
        reason = 'WITHIN_MIN_INTERVAL';
      else if (applyCoverage && covered) reason = 'COVERED_THIS_YEAR';
    }
    if (reason !== null) {
      setOutcome(i, reasonIndex.get(reason) as number, s);
      continue;
    }
    tally.candidates += 1;
    const weight = unitWeight(unit, settings.weights, (flags & TRIGGERED) !== 0, onMonth);
    if (!Number.isInteger(weight))
      throw new RangeError(`unit ${unit.id}: weight ${weight} is not an integer (check the weight table)`);
    setOutcome(i, CANDIDATE, s, weight);
  }

  // Then the rows, in id order.
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = (units[i] as EligibilityUnit).id;
  const { order, duplicate } = idOrder(ids);
  if (duplicate !== null) throw new RangeError(`unit ${duplicate} is listed twice`);
  const candidateCount = tallies.reduce((sum, t) => sum + t.candidates, 0);
  const candidates = new Array<Candidate>(candidateCount);
  const excluded = new Array<Exclusion>(n - candidateCount);
  const excludedByReason = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  let c = 0;
  let e = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const unitId = ids[i] as string;
    const word = rows[2 * i] as number;
    const o = word & 0xff;
    const s = (word >>> 16) - 1;
    const stratum = s < 0 ? null : (tallies[s] as Tally).code;
    if (o === CANDIDATE) {
      candidates[c++] = {
        unitId,
        stratum: stratum as string,
        weight: (word >>> 8) & 0xff,
        pool: pools[rows[2 * i + 1] as number] as string,
      };
    } else {
      const reason = EXCLUSION_REASONS[o] as ExclusionReason;
      excluded[e++] = { unitId, reason, stratum };
      excludedByReason[reason] += 1;
    }
  }

  const strata: StratumCounts[] = tallies.map((t) => ({
    code: t.code,
    population: t.population,
    covered: t.covered,
    candidates: t.candidates,
    byRisk: Object.fromEntries([...t.byRisk.entries()].sort(([a], [b]) => compareIds(a, b))),
  }));
  return { candidates, excluded, strata, excludedByReason };
}
