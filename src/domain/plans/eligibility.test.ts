import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '../draw/id-order.ts';
import { computeEligibility, eligibilityDate, stratumOf, unitWeight } from './eligibility.ts';
import type {
  EligibilityInput,
  EligibilityMode,
  EligibilityUnit,
  InspectionKind,
  InspectionRecord,
} from './eligibility-types.ts';
import { COUNTED_INSPECTION_KINDS, EXCLUSION_REASONS, INSPECTION_KINDS } from './eligibility-types.ts';
import { addMonths } from './months.ts';
import { defaultPlanSettings, type PlanSettings } from './plan-settings.ts';

const ON = '2026-11-01';

function unit(id: string, overrides: Partial<EligibilityUnit> = {}): EligibilityUnit {
  return {
    id,
    brigadeId: 'b1',
    category: 'general',
    isCrowded: false,
    isFlammable: false,
    isHighRise: false,
    tags: [],
    districtCode: '330702',
    riskLevel: 'low',
    creditLevel: 'A',
    status: 'active',
    statusEffectiveOn: null,
    flaggedForReview: false,
    address: '婺城区人民路 88 号',
    ...overrides,
  };
}

function input(units: EligibilityUnit[], overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    settings: defaultPlanSettings(),
    mode: 'routine',
    on: ON,
    units,
    history: [],
    triggeredUnitIds: new Set(),
    pendingUnitIds: new Set(),
    poolCodeByBrigade: new Map([
      ['b1', 'b1'],
      ['b2', 'zone-east'],
    ]),
    ...overrides,
  };
}

function settingsWith(change: (s: PlanSettings) => void): PlanSettings {
  const s = defaultPlanSettings();
  change(s);
  return s;
}

/** The outcome of one unit (by default a plain general unit 'u') under the given input. */
function outcomeOf(overrides: Partial<EligibilityInput>, u: EligibilityUnit = unit('u')): string | undefined {
  return outcomes(computeEligibility(input([u], overrides)))[u.id];
}

/** The outcome of each unit: its stratum when a candidate, else its exclusion reason. */
function outcomes(result: ReturnType<typeof computeEligibility>): Record<string, string> {
  return Object.fromEntries([
    ...result.candidates.map((c) => [c.unitId, `candidate:${c.stratum}`]),
    ...result.excluded.map((e) => [e.unitId, e.reason]),
  ]);
}

describe('stratumOf', () => {
  const strata = defaultPlanSettings().strata;

  it.each([
    ['a crowded key unit', { category: 'key', isCrowded: true }, 'crowded_key'],
    ['a key unit that is not crowded', { category: 'key' }, 'other_key'],
    ['a flammable key unit while 易燃易爆 is disabled', { category: 'key', isFlammable: true }, 'other_key'],
    ['a general unit', { category: 'general' }, 'general'],
    ['an "other" unit', { category: 'other' }, 'general'],
    ['a 九小场所', { category: 'small_venue', isCrowded: true }, 'small_venue'],
  ] as const)('puts %s in %s', (_, overrides, code) => {
    expect(stratumOf(unit('u', overrides), strata)?.code).toBe(code);
  });

  it('gives the first enabled match in precedence order once 易燃易爆 is enabled', () => {
    const enabled = strata.map((s) => (s.code === 'flammable' ? { ...s, enabled: true } : s));
    expect(stratumOf(unit('u', { category: 'general', isFlammable: true }), enabled)?.code).toBe('flammable');
    expect(stratumOf(unit('u', { category: 'key', isCrowded: true, isFlammable: true }), enabled)?.code).toBe('crowded_key');
  });

  it('matches tags (any of them) and districts, and a unit without a district never matches a district filter', () => {
    const [first] = strata;
    const tagged = [
      {
        ...first!,
        filter: { ...first!.filter, categories: [], crowded: null, tagsAny: ['地下空间', '冷库'], districtCodes: ['330702'] },
      },
    ];
    expect(stratumOf(unit('u', { tags: ['沿街商铺', '冷库'] }), tagged)).not.toBeNull();
    expect(stratumOf(unit('u', { tags: ['沿街商铺'] }), tagged)).toBeNull();
    expect(stratumOf(unit('u', { tags: ['冷库'], districtCode: '330703' }), tagged)).toBeNull();
    expect(stratumOf(unit('u', { tags: ['冷库'], districtCode: null }), tagged)).toBeNull();
  });

  it('is null when only a disabled stratum matches', () => {
    const withoutSmall = strata.map((s) => (s.code === 'small_venue' ? { ...s, enabled: false } : s));
    expect(stratumOf(unit('u', { category: 'small_venue' }), withoutSmall)).toBeNull();
  });
});

describe('unitWeight', () => {
  const weights = defaultPlanSettings().weights; // risk high 4, medium 2, low 1; credit C 2, D 4; triggered ×4

  it.each([
    ['low risk, credit A', { riskLevel: 'low', creditLevel: 'A' }, false, 1],
    ['high risk, credit A', { riskLevel: 'high', creditLevel: 'A' }, false, 4],
    ['medium risk, credit C', { riskLevel: 'medium', creditLevel: 'C' }, false, 4],
    ['high risk, credit D', { riskLevel: 'high', creditLevel: 'D' }, false, 16],
    ['high risk, credit D, triggered', { riskLevel: 'high', creditLevel: 'D' }, true, 64],
    ['no levels at all', { riskLevel: null, creditLevel: null }, false, 1],
    ['levels the table does not list', { riskLevel: 'extreme', creditLevel: 'constructor' }, false, 1],
    ['no levels, triggered', { riskLevel: null, creditLevel: null }, true, 4],
  ] as const)('%s weighs %#', (_, levels, triggered, expected) => {
    expect(unitWeight(levels, weights, triggered)).toBe(expected);
  });

  it('is clamped at 64', () => {
    expect(unitWeight({ riskLevel: 'high', creditLevel: 'D' }, { ...weights, triggeredFactor: 64 }, true)).toBe(64);
  });

  it('is an integer 1–64 for any table of valid factors', () => {
    const factor = fc.integer({ min: 1, max: 64 });
    fc.assert(
      fc.property(factor, factor, factor, fc.boolean(), (r, c, t, triggered) => {
        const w = unitWeight(
          { riskLevel: 'x', creditLevel: 'y' },
          { risk: { x: r }, credit: { y: c }, triggeredFactor: t },
          triggered,
        );
        expect(w).toBe(Math.min(64, r * c * (triggered ? t : 1)));
      }),
    );
  });
});

describe('computeEligibility: the order of exclusion reasons', () => {
  it.each([
    ['out of scope beats a bad status', unit('u', { category: 'small_venue', status: 'suspended' }), 'OUT_OF_SCOPE'],
    ['a status beats everything after it', unit('u', { status: 'deregistered', address: null }), 'STATUS_DEREGISTERED'],
    [
      'a suspension announced for later is not yet in force',
      unit('u', { status: 'suspended', statusEffectiveOn: '2026-12-01' }),
      'candidate:general',
    ],
    ['a relocation in force', unit('u', { status: 'relocated', statusEffectiveOn: '2026-10-01' }), 'STATUS_RELOCATED'],
    ['查无此单位', unit('u', { status: 'not_found' }), 'STATUS_NOT_FOUND'],
    ['a suspected 僵尸单位', unit('u', { flaggedForReview: true, address: null }), 'FLAGGED_FOR_REVIEW'],
    ['a placeholder address', unit('u', { address: '不详' }), 'NO_ADDRESS'],
    ['a unit no stratum takes', unit('u', { category: 'other' }), 'NO_STRATUM'],
    ['a pending task beats the frequency rules', unit('pending'), 'PENDING_TASK'],
    ['the yearly cap beats the interval', unit('twice'), 'YEARLY_CAP_REACHED'],
    ['the interval beats coverage', unit('recent'), 'WITHIN_MIN_INTERVAL'],
    ['coverage comes last', unit('spring'), 'COVERED_THIS_YEAR'],
    ['a unit inspected last year only', unit('lastyear'), 'candidate:general'],
  ])('%s', (_, u, expected) => {
    const settings = settingsWith((s) => {
      s.exclusions = { categories: ['small_venue'], categoriesReason: '由派出所检查', units: [] };
      s.strata = s.strata.map((st) =>
        st.code === 'general' ? { ...st, filter: { ...st.filter, categories: ['general'] } } : st,
      );
    });
    const history: InspectionRecord[] = [
      { unitId: 'pending', on: '2026-09-01', kind: 'routine' },
      { unitId: 'pending', on: '2026-10-01', kind: 'routine' },
      { unitId: 'twice', on: '2026-01-10', kind: 'routine' },
      { unitId: 'twice', on: '2026-09-10', kind: 'special' },
      { unitId: 'recent', on: '2026-06-01', kind: 'triggered' },
      { unitId: 'spring', on: '2026-03-01', kind: 'routine' },
      { unitId: 'lastyear', on: '2025-12-01', kind: 'routine' },
    ];
    const result = computeEligibility(input([u], { settings, history, pendingUnitIds: new Set(['pending']) }));
    expect(outcomes(result)[u.id]).toBe(expected);
  });

  it('names the plan’s own out-of-scope units', () => {
    const settings = settingsWith((s) => {
      s.exclusions.units = [{ unitId: 'u2', reason: '在建工程' }];
    });
    expect(outcomes(computeEligibility(input([unit('u1'), unit('u2')], { settings })))).toEqual({
      u1: 'candidate:general',
      u2: 'OUT_OF_SCOPE',
    });
  });
});

describe('computeEligibility: frequency rules', () => {
  it('counts only draws: a 复查, a complaint check and a case-handling check never exclude a unit', () => {
    const history: InspectionRecord[] = [
      { unitId: 'u', on: '2026-10-20', kind: 'reinspection' },
      { unitId: 'u', on: '2026-10-25', kind: 'complaint' },
      { unitId: 'u', on: '2026-10-30', kind: 'case_handling' },
      { unitId: 'u', on: '2026-10-31', kind: 'other' },
    ];
    expect(computeEligibility(input([unit('u')], { history })).candidates.map((c) => c.unitId)).toEqual(['u']);
  });

  it('lets a unit back in exactly minIntervalMonths after its last inspection (month-end clamped)', () => {
    const history: InspectionRecord[] = [{ unitId: 'u', on: '2026-04-30', kind: 'routine' }];
    const special = (on: string) => outcomeOf({ history, mode: 'special', on });
    expect(special('2026-10-29')).toBe('WITHIN_MIN_INTERVAL');
    expect(special('2026-10-30')).toBe('candidate:general');
    // 2026-08-31 + 6 months = 2027-02-28
    const late: InspectionRecord[] = [{ unitId: 'u', on: '2026-08-31', kind: 'routine' }];
    const next = (on: string) => outcomeOf({ history: late, mode: 'special', on });
    expect(next('2027-02-27')).toBe('WITHIN_MIN_INTERVAL');
    expect(next('2027-02-28')).toBe('candidate:general');
  });

  it('counts an inspection dated on `on` itself (inspected the day of the freeze): interval and coverage', () => {
    const sameDay: InspectionRecord[] = [{ unitId: 'u', on: ON, kind: 'routine' }];
    expect(outcomeOf({ history: sameDay })).toBe('WITHIN_MIN_INTERVAL');
    expect(outcomeOf({ history: sameDay, settings: settingsWith((s) => (s.frequency.minIntervalMonths = 0)) })).toBe(
      'COVERED_THIS_YEAR',
    );
  });

  it('counts a record dated after `on` toward the yearly cap and the interval, not toward coverage', () => {
    const later: InspectionRecord[] = [{ unitId: 'u', on: '2026-11-15', kind: 'special' }];
    expect(outcomeOf({ history: later })).toBe('WITHIN_MIN_INTERVAL');
    const noInterval = settingsWith((s) => (s.frequency.minIntervalMonths = 0));
    expect(outcomeOf({ history: later, settings: noInterval })).toBe('candidate:general');
    const capped: InspectionRecord[] = [...later, { unitId: 'u', on: '2026-01-05', kind: 'routine' }];
    expect(outcomeOf({ history: capped })).toBe('YEARLY_CAP_REACHED');
    // Six months after `on` or later is far enough (2026-11-01 + 6 months = 2027-05-01).
    const farLater: InspectionRecord[] = [{ unitId: 'u', on: '2027-05-01', kind: 'routine' }];
    expect(outcomeOf({ history: farLater })).toBe('candidate:general');
    expect(outcomeOf({ history: [{ unitId: 'u', on: '2027-04-30', kind: 'routine' }] })).toBe('WITHIN_MIN_INTERVAL');
  });

  it('excludes, frozen mid-month, the units inspected between the 1st and the freeze (the demo draw of 12-05)', () => {
    const history: InspectionRecord[] = [
      { unitId: 'first', on: '2026-12-01', kind: 'routine' },
      { unitId: 'third', on: '2026-12-03', kind: 'triggered' },
      { unitId: 'fourth', on: '2026-12-04', kind: 'special' },
      { unitId: 'recheck', on: '2026-12-04', kind: 'reinspection' },
    ];
    const units = ['first', 'third', 'fourth', 'recheck', 'never'].map((id) => unit(id));
    const atFreeze = outcomes(computeEligibility(input(units, { history, on: eligibilityDate('2026-12-01', '2026-12-05') })));
    expect(atFreeze).toEqual({
      first: 'WITHIN_MIN_INTERVAL',
      third: 'WITHIN_MIN_INTERVAL',
      fourth: 'WITHIN_MIN_INTERVAL',
      recheck: 'candidate:general',
      never: 'candidate:general',
    });
  });

  it('never lets a unit be a candidate with a counted inspection within the interval of `on` or the yearly cap reached', () => {
    const dayArb = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const recordArb = fc.record({
      unitId: fc.constantFrom('u1', 'u2', 'u3'),
      on: dayArb,
      kind: fc.constantFrom(...INSPECTION_KINDS),
    });
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 12 }),
        dayArb,
        fc.constantFrom<EligibilityMode>('routine', 'special'),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 12 }),
        (history, on, mode, maxPerYear, minIntervalMonths) => {
          const settings = settingsWith((s) => {
            s.frequency.maxPerYear = maxPerYear;
            s.frequency.minIntervalMonths = minIntervalMonths;
          });
          const result = computeEligibility(input(['u1', 'u2', 'u3'].map((id) => unit(id)), { history, on, mode, settings }));
          for (const c of result.candidates) {
            const counted = history.filter((h) => h.unitId === c.unitId && COUNTED_INSPECTION_KINDS.has(h.kind));
            expect(counted.filter((h) => h.on.slice(0, 4) === on.slice(0, 4)).length).toBeLessThan(maxPerYear);
            if (minIntervalMonths > 0) {
              for (const h of counted) {
                const far = h.on <= on ? addMonths(h.on, minIntervalMonths) <= on : h.on >= addMonths(on, minIntervalMonths);
                expect(far, `${c.unitId} inspected ${h.on}, on ${on}`).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('applies coverage first only to routine draws', () => {
    const history: InspectionRecord[] = [{ unitId: 'u', on: '2026-02-01', kind: 'routine' }];
    expect(outcomeOf({ history })).toBe('COVERED_THIS_YEAR');
    expect(outcomeOf({ history, mode: 'special' })).toBe('candidate:general');
  });

  it('skips the frequency rules for a special campaign’s recorded override, and refuses the override for a routine draw', () => {
    const history: InspectionRecord[] = [
      { unitId: 'u', on: '2026-02-01', kind: 'routine' },
      { unitId: 'u', on: '2026-10-01', kind: 'special' },
    ];
    expect(outcomeOf({ history, mode: 'special', ignoreFrequency: true })).toBe('candidate:general');
    expect(() => computeEligibility(input([unit('u')], { history, ignoreFrequency: true }))).toThrow(RangeError);
    const pending = computeEligibility(
      input([unit('u')], { mode: 'special', ignoreFrequency: true, pendingUnitIds: new Set(['u']) }),
    );
    expect(outcomes(pending)['u']).toBe('PENDING_TASK');
  });
});

describe('computeEligibility: changing a default changes the outcome as documented', () => {
  const once: InspectionRecord[] = [{ unitId: 'u', on: '2026-03-01', kind: 'routine' }];
  const withFrequency = (frequency: Partial<PlanSettings['frequency']>) =>
    settingsWith((s) => (s.frequency = { ...s.frequency, ...frequency }));

  it('maxPerYear 2 → 1 excludes a unit inspected once this year', () => {
    expect(outcomeOf({ history: once, mode: 'special', settings: withFrequency({ maxPerYear: 2 }) })).toBe('candidate:general');
    expect(outcomeOf({ history: once, mode: 'special', settings: withFrequency({ maxPerYear: 1 }) })).toBe('YEARLY_CAP_REACHED');
  });

  it('minIntervalMonths 6 → 0 admits a unit inspected two months ago', () => {
    const recent: InspectionRecord[] = [{ unitId: 'u', on: '2026-09-01', kind: 'routine' }];
    expect(outcomeOf({ history: recent, mode: 'special', settings: withFrequency({ minIntervalMonths: 6 }) })).toBe(
      'WITHIN_MIN_INTERVAL',
    );
    expect(outcomeOf({ history: recent, mode: 'special', settings: withFrequency({ minIntervalMonths: 0 }) })).toBe(
      'candidate:general',
    );
  });

  it('coverageFirst false admits a unit covered this year to a routine draw', () => {
    expect(outcomeOf({ history: once, settings: withFrequency({ coverageFirst: true }) })).toBe('COVERED_THIS_YEAR');
    expect(outcomeOf({ history: once, settings: withFrequency({ coverageFirst: false }) })).toBe('candidate:general');
  });

  it('triggeredFactor raises a triggered unit’s weight, clamped at 64', () => {
    const weightWith = (factor: number) =>
      computeEligibility(
        input([unit('u', { riskLevel: 'high', creditLevel: 'C' })], {
          triggeredUnitIds: new Set(['u']),
          settings: settingsWith((s) => (s.weights.triggeredFactor = factor)),
        }),
      ).candidates[0]?.weight;
    expect(weightWith(1)).toBe(8);
    expect(weightWith(4)).toBe(32);
    expect(weightWith(16)).toBe(64);
  });
});

describe('computeEligibility: rows and counts', () => {
  it('lists candidates and exclusions in id order whatever the input order, with pools and strata', () => {
    const units = [
      unit('𠀀-1'),
      unit('b', { brigadeId: 'b2', category: 'key', isCrowded: true, riskLevel: 'high' }),
      unit('婺城-1', { status: 'suspended' }),
      unit('a'),
      unit('\uFF01', { category: 'other', address: null }),
    ];
    const result = computeEligibility(input(units));
    expect(result.candidates).toEqual([
      { unitId: 'a', stratum: 'general', weight: 1, pool: 'b1' },
      { unitId: 'b', stratum: 'crowded_key', weight: 4, pool: 'zone-east' },
      { unitId: '𠀀-1', stratum: 'general', weight: 1, pool: 'b1' },
    ]);
    expect(result.excluded).toEqual([
      { unitId: '婺城-1', reason: 'STATUS_SUSPENDED', stratum: null },
      { unitId: '\uFF01', reason: 'NO_ADDRESS', stratum: null },
    ]);
  });

  it('counts population, covered and candidates per enabled stratum and by risk, and every reason', () => {
    const units = [
      unit('k1', { category: 'key', isCrowded: true, riskLevel: 'high' }),
      unit('k2', { category: 'key', isCrowded: true, riskLevel: 'high' }),
      unit('k3', { category: 'key', isCrowded: true, riskLevel: null }),
      unit('k4', { category: 'key', isCrowded: true, status: 'suspended' }),
      unit('g1'),
    ];
    const history: InspectionRecord[] = [
      { unitId: 'k1', on: '2026-03-01', kind: 'routine' },
      { unitId: 'k3', on: '2025-03-01', kind: 'routine' },
      { unitId: 'k4', on: '2026-03-01', kind: 'routine' },
    ];
    const result = computeEligibility(input(units, { history, pendingUnitIds: new Set(['k2']) }));
    expect(result.strata).toEqual([
      {
        code: 'crowded_key',
        population: 3,
        covered: 1,
        candidates: 1,
        byRisk: { '': { population: 1, covered: 0 }, high: { population: 2, covered: 1 } },
      },
      { code: 'other_key', population: 0, covered: 0, candidates: 0, byRisk: {} },
      { code: 'general', population: 1, covered: 0, candidates: 1, byRisk: { low: { population: 1, covered: 0 } } },
      { code: 'small_venue', population: 0, covered: 0, candidates: 0, byRisk: {} },
    ]);
    expect(Object.keys(result.excludedByReason)).toEqual([...EXCLUSION_REASONS]);
    expect(result.excludedByReason).toMatchObject({
      COVERED_THIS_YEAR: 1,
      PENDING_TASK: 1,
      STATUS_SUSPENDED: 1,
      OUT_OF_SCOPE: 0,
    });
    expect(result.excluded.find((e) => e.unitId === 'k1')).toEqual({
      unitId: 'k1',
      reason: 'COVERED_THIS_YEAR',
      stratum: 'crowded_key',
    });
  });

  it('counts a unit with an open task due this year as covered (still excluded as pending), one due another year not', () => {
    const units = [unit('g1'), unit('g2'), unit('g3')];
    const result = computeEligibility(
      input(units, { pendingUnitIds: new Set(['g1', 'g2']), pendingCoveringUnitIds: new Set(['g1']) }),
    );
    expect(result.strata.find((s) => s.code === 'general')).toMatchObject({ population: 3, covered: 1, candidates: 1 });
    expect(result.excluded.map((e) => [e.unitId, e.reason])).toEqual([
      ['g1', 'PENDING_TASK'],
      ['g2', 'PENDING_TASK'],
    ]);
  });

  it('refuses caller bugs: a brigade without a pool, a unit listed twice, an unknown kind, a malformed date, a fractional weight', () => {
    expect(() => computeEligibility(input([unit('u', { brigadeId: 'nowhere', status: 'deregistered' })]))).toThrow(RangeError);
    expect(() => computeEligibility(input([unit('u'), unit('v'), unit('u')]))).toThrow('listed twice');
    expect(() => computeEligibility(input([unit('é'), unit('e\u0301')]))).toThrow('listed twice');
    expect(() =>
      computeEligibility(input([unit('u')], { history: [{ unitId: 'u', on: ON, kind: 'audit' as InspectionKind }] })),
    ).toThrow(RangeError);
    expect(() =>
      computeEligibility(input([unit('u')], { history: [{ unitId: 'u', on: '2026-13-01', kind: 'routine' }] })),
    ).toThrow(RangeError);
    expect(() => computeEligibility(input([unit('u')], { on: '2026-11-1' }))).toThrow(RangeError);
    const fractional = settingsWith((s) => (s.weights.risk = { low: 1.5 }));
    expect(() => computeEligibility(input([unit('u')], { settings: fractional }))).toThrow('not an integer');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties over generated registries and histories.

const DAYS_2025_2027 = 365 * 3;
const dateArb = fc
  .integer({ min: 0, max: DAYS_2025_2027 - 1 })
  .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
const onArb = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const NOT_COUNTED = INSPECTION_KINDS.filter((k) => !COUNTED_INSPECTION_KINDS.has(k));

const unitArb = (id: string) =>
  fc
    .record({
      brigadeId: fc.constantFrom('b1', 'b2'),
      category: fc.constantFrom('key', 'general', 'small_venue', 'other'),
      isCrowded: fc.boolean(),
      isFlammable: fc.boolean(),
      riskLevel: fc.constantFrom('high', 'medium', 'low', null),
      creditLevel: fc.constantFrom('A', 'B', 'C', 'D', null),
      status: fc.constantFrom('active', 'active', 'active', 'active', 'active', 'active', 'suspended', 'not_found'),
      flaggedForReview: fc.constantFrom(false, false, false, false, false, false, false, true),
      address: fc.constantFrom('人民路 1 号', '人民路 2 号', '人民路 3 号', '人民路 4 号', '人民路 5 号', null),
    })
    .map((o) => unit(id, o));

const scenarioArb = fc
  .uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '北', '𠀀', '\uFF01'), minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((ids) =>
    fc.record({
      units: fc.tuple(...ids.map(unitArb)),
      history: fc.array(
        fc.record({ unitId: fc.constantFrom(...ids, 'stranger'), on: dateArb, kind: fc.constantFrom(...INSPECTION_KINDS) }),
        { minLength: 4, maxLength: 40 },
      ),
      pending: fc.subarray(ids, { maxLength: Math.min(3, ids.length) }),
      triggered: fc.subarray(ids, { maxLength: Math.min(3, ids.length) }),
      on: onArb,
      mode: fc.constantFrom<EligibilityMode>('routine', 'special'),
      maxPerYear: fc.integer({ min: 1, max: 3 }),
      minIntervalMonths: fc.integer({ min: 0, max: 12 }),
      coverageFirst: fc.boolean(),
    }),
  )
  .map((s) => ({
    ...s,
    input: input(s.units, {
      on: s.on,
      mode: s.mode,
      history: s.history,
      pendingUnitIds: new Set(s.pending),
      triggeredUnitIds: new Set(s.triggered),
      settings: settingsWith((st) => {
        st.frequency = { maxPerYear: s.maxPerYear, minIntervalMonths: s.minIntervalMonths, coverageFirst: s.coverageFirst };
      }),
    }),
  }));

function counted(history: readonly InspectionRecord[], unitId: string): InspectionRecord[] {
  return history.filter((h) => h.unitId === unitId && COUNTED_INSPECTION_KINDS.has(h.kind));
}

describe('computeEligibility properties', () => {
  it('never makes a candidate of a unit with maxPerYear counted inspections in the calendar year', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = computeEligibility(s.input);
        for (const c of result.candidates) {
          const inYear = counted(s.history, c.unitId).filter((h) => h.on.slice(0, 4) === s.on.slice(0, 4)).length;
          expect(inYear).toBeLessThan(s.maxPerYear);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never makes a candidate of a unit whose last counted inspection is within the minimum interval', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = computeEligibility(s.input);
        for (const c of result.candidates) {
          for (const h of counted(s.history, c.unitId)) {
            if (h.on < s.on) expect(addMonths(h.on, s.minIntervalMonths) <= s.on).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never changes its answer when 复查, complaint, case-handling or other records are added', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.record({ on: dateArb, kind: fc.constantFrom(...NOT_COUNTED), pick: fc.nat() }), {
          minLength: 1,
          maxLength: 20,
        }),
        (s, extra) => {
          const records = extra.map((e) => ({
            unitId: (s.units[e.pick % s.units.length] as EligibilityUnit).id,
            on: e.on,
            kind: e.kind,
          }));
          const more = { ...s.input, history: [...s.history, ...records] };
          expect(computeEligibility(more)).toEqual(computeEligibility(s.input));
        },
      ),
    );
  });

  it('gives every unit exactly one outcome, candidates and exclusions each in strict id order', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = computeEligibility(s.input);
        const listed = [...result.candidates.map((c) => c.unitId), ...result.excluded.map((e) => e.unitId)];
        expect([...listed].sort()).toEqual(s.units.map((u) => u.id).sort());
        for (const rows of [result.candidates.map((c) => c.unitId), result.excluded.map((e) => e.unitId)]) {
          for (let i = 1; i < rows.length; i++) expect(compareIds(rows[i - 1] as string, rows[i] as string)).toBeLessThan(0);
        }
      }),
    );
  });

  it('keeps its counts consistent with its rows', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = computeEligibility(s.input);
        expect(result.strata.reduce((n, st) => n + st.candidates, 0)).toBe(result.candidates.length);
        expect(Object.values(result.excludedByReason).reduce((a, b) => a + b, 0)).toBe(result.excluded.length);
        for (const st of result.strata) {
          const buckets = Object.values(st.byRisk);
          expect(buckets.reduce((n, b) => n + b.population, 0)).toBe(st.population);
          expect(buckets.reduce((n, b) => n + b.covered, 0)).toBe(st.covered);
          expect(st.candidates).toBeLessThanOrEqual(st.population);
          expect(st.candidates).toBe(result.candidates.filter((c) => c.stratum === st.code).length);
        }
      }),
    );
  });

  it('does not depend on the order of the units or of the history', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const reversed = { ...s.input, units: [...s.units].reverse(), history: [...s.history].reverse() };
        expect(computeEligibility(reversed)).toEqual(computeEligibility(s.input));
      }),
    );
  });

  it('never admits more units when a frequency rule is tightened', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ids = (settings: PlanSettings) =>
          new Set(computeEligibility({ ...s.input, settings }).candidates.map((c) => c.unitId));
        const base = ids(s.input.settings);
        const tighter = [
          settingsWith((st) => (st.frequency = { ...s.input.settings.frequency, maxPerYear: Math.max(1, s.maxPerYear - 1) })),
          settingsWith(
            (st) => (st.frequency = { ...s.input.settings.frequency, minIntervalMonths: Math.min(12, s.minIntervalMonths + 3) }),
          ),
          settingsWith((st) => (st.frequency = { ...s.input.settings.frequency, coverageFirst: true })),
        ];
        for (const settings of tighter) for (const id of ids(settings)) expect(base.has(id)).toBe(true);
      }),
    );
  });
});
