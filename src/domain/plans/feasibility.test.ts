import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '../draw/id-order.ts';
import type { Candidate, EligibilityResult, ManifestInspector, StratumQuota } from './eligibility-types.ts';
import { EXCLUSION_REASONS } from './eligibility-types.ts';
import { buildManifestInputs, checkFeasibility } from './feasibility.ts';
import { computeCampaignQuota } from './quotas.ts';

const ONE_EACH = { lead: 1, assistant: 1, backups: 2 };

function quota(code: string, q: number, candidates: number, computed = q): StratumQuota {
  return { ...computeCampaignQuota({ code, name: `分层${code}`, quota: computed, alternatesPercent: 20, candidates }), quota: q };
}

function candidate(unitId: string, pool = 'b1', stratum = 'general', weight = 1): Candidate {
  return { unitId, stratum, weight, pool };
}

function person(id: string, roles: ManifestInspector['roles'], pools = ['b1'], weight = 1): ManifestInspector {
  return { id, pools, roles, weight };
}

function codes(report: ReturnType<typeof checkFeasibility>): string[] {
  return report.problems.map((p) => p.code);
}

/** One candidate in pool b1, no quotas: only the staffing of b1 is checked. */
function checkOnePool(inspectors: ManifestInspector[], assignment = ONE_EACH) {
  return checkFeasibility({ quotas: [], candidates: [candidate('u1')], inspectors, assignment });
}

describe('checkFeasibility', () => {
  it('is ok when every pool with candidates has enough 主办 and 协办', () => {
    const report = checkFeasibility({
      quotas: [quota('general', 2, 3)],
      candidates: [candidate('u1'), candidate('u2', 'b2'), candidate('u3')],
      inspectors: [
        person('p1', ['lead']),
        person('p2', ['assistant']),
        person('p3', ['lead', 'assistant'], ['b2', 'b1']),
        person('p4', ['assistant'], ['b2']),
      ],
      assignment: ONE_EACH,
    });
    expect(report).toEqual({
      ok: true,
      problems: [],
      pools: [
        { pool: 'b1', candidates: 2, leads: 2, assistants: 2, distinct: 3 },
        { pool: 'b2', candidates: 1, leads: 1, assistants: 2, distinct: 2 },
      ],
    });
  });

  it('names a pool nobody serves', () => {
    const report = checkFeasibility({
      quotas: [],
      candidates: [candidate('u1', 'zone-east')],
      inspectors: [person('p1', ['lead'])],
      assignment: ONE_EACH,
    });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        code: 'NO_INSPECTORS_FOR_POOL',
        severity: 'error',
        message: '检查人员库「zone-east」（1 家候选单位）没有可抽取的主办或协办人员',
      },
    ]);
  });

  it.each([
    [3, 1, ['TOO_FEW_LEADS']],
    [1, 2, ['TOO_FEW_ASSISTANTS']],
    [2, 1, []],
  ])('with two 主办 and one 协办, %i 主办 + %i 协办 per task gives %j', (lead, assistant, expected) => {
    const inspectors = [person('p1', ['lead']), person('p2', ['lead']), person('p3', ['assistant'])];
    expect(codes(checkOnePool(inspectors, { lead, assistant, backups: 0 }))).toEqual(expected);
  });

  it('needs lead + assistant different people: one person cannot be both on a task', () => {
    const report = checkOnePool([person('p1', ['lead', 'assistant'])]);
    expect(codes(report)).toEqual(['TOO_FEW_DISTINCT_INSPECTORS']);
    expect(report.problems[0]?.message).toContain('同一人不能在一项任务中既任主办又任协办');
  });

  it('sees the draw’s worst case: the only 协办 may be drawn as 主办 first', () => {
    // p1 is both, p2 only 主办: two people, but if p1 is drawn as 主办 nobody is left as 协办 (draw-algorithm.md §6).
    const report = checkOnePool([person('p1', ['lead', 'assistant']), person('p2', ['lead'])]);
    expect(codes(report)).toEqual(['TOO_FEW_DISTINCT_INSPECTORS']);
    const enough = checkOnePool([person('p1', ['lead', 'assistant']), person('p2', ['lead']), person('p3', ['assistant'])]);
    expect(enough.ok).toBe(true);
  });

  it('ignores pools without candidates and people without a role', () => {
    const report = checkOnePool([person('p1', ['lead']), person('p2', ['assistant']), person('p3', [], ['b9'])]);
    expect(report.ok).toBe(true);
    expect(report.pools.map((p) => p.pool)).toEqual(['b1']);
  });

  it('warns, without blocking, about a short stratum and a capacity shortfall', () => {
    const report = checkFeasibility({
      quotas: [quota('crowded_key', 12, 12, 20)],
      candidates: [candidate('u1')],
      inspectors: [person('p1', ['lead']), person('p2', ['assistant'])],
      assignment: ONE_EACH,
      capacity: { inspectorDays: 36, tasksPerInspectorDay: 1, inspectorsPerTask: 2, capacity: 18, demand: 20, shortfall: 2 },
    });
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([
      {
        code: 'QUOTA_SHORT',
        severity: 'warning',
        message: '分层「分层crowded_key」应抽 20 家，符合条件的候选单位只有 12 家，少抽 8 家',
      },
      {
        code: 'CAPACITY_SHORTFALL',
        severity: 'warning',
        message: '本月检查能力约 18 项任务（36 人·工作日，每人每日 1 项，每项任务 2 人），抽查任务 20 项，缺口 2 项',
      },
    ]);
  });
});

function eligibility(candidates: Candidate[], excluded: EligibilityResult['excluded'] = []): EligibilityResult {
  return {
    candidates,
    excluded,
    strata: [],
    excludedByReason: Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as EligibilityResult['excludedByReason'],
  };
}

describe('buildManifestInputs', () => {
  it('gives the draw-algorithm.md §3 rows: strata in quota order, rows in id order, pools sorted, roles lead then assistant', () => {
    const manifest = buildManifestInputs({
      quotas: [quota('crowded_key', 1, 1), quota('general', 2, 3)],
      eligibility: eligibility(
        [candidate('u3', 'b1', 'general', 2), candidate('u1', 'b2', 'crowded_key', 16), candidate('u2'), candidate('婺城-7')],
        [
          { unitId: 'x2', reason: 'NO_ADDRESS', stratum: null },
          { unitId: 'x1', reason: 'COVERED_THIS_YEAR', stratum: 'general' },
        ],
      ),
      inspectors: [person('p2', ['assistant', 'lead'], ['b2', 'b1'], 2), person('p1', ['lead'], ['b1'])],
      assignment: ONE_EACH,
    });
    expect(manifest).toEqual({
      strata: [
        { code: 'crowded_key', quota: 1, alternates: 0 },
        { code: 'general', quota: 2, alternates: 1 },
      ],
      candidates: [
        ['u1', 'crowded_key', 16, 'b2'],
        ['u2', 'general', 1, 'b1'],
        ['u3', 'general', 2, 'b1'],
        ['婺城-7', 'general', 1, 'b1'],
      ],
      excluded: [
        ['x1', 'COVERED_THIS_YEAR'],
        ['x2', 'NO_ADDRESS'],
      ],
      inspectors: [
        ['p1', ['b1'], ['lead'], 1],
        ['p2', ['b1', 'b2'], ['lead', 'assistant'], 2],
      ],
      assignment: { lead: 1, assistant: 1, backups: 2 },
    });
  });

  it.each([
    ['a quota above its stratum’s candidates', [quota('general', 2, 2)], [candidate('u1')], [], 'exceeds'],
    [
      'a candidate whose stratum is not listed',
      [quota('general', 1, 1)],
      [candidate('u1'), candidate('u2', 'b1', 'other_key')],
      [],
      'not in the manifest',
    ],
    ['a candidate listed twice', [quota('general', 1, 2)], [candidate('u1'), candidate('u1')], [], 'listed twice'],
    ['a stratum listed twice', [quota('general', 1, 1), quota('general', 0, 1)], [candidate('u1')], [], 'listed twice'],
    ['a weight outside 1–64', [quota('general', 1, 1)], [candidate('u1', 'b1', 'general', 65)], [], 'weight'],
    [
      'an inspector listed twice',
      [quota('general', 1, 1)],
      [candidate('u1')],
      [person('p1', ['lead']), person('p1', ['assistant'])],
      'listed twice',
    ],
    ['an inspector weight of 0', [quota('general', 1, 1)], [candidate('u1')], [person('p1', ['lead'], ['b1'], 0)], 'weight'],
  ] as const)('refuses %s (an invalid manifest)', (_, quotas, candidates, inspectors, message) => {
    expect(() =>
      buildManifestInputs({
        quotas: [...quotas],
        eligibility: eligibility([...candidates]),
        inspectors: [...inspectors],
        assignment: ONE_EACH,
      }),
    ).toThrow(message);
  });

  it('refuses an assignment without a 主办 or a 协办', () => {
    expect(() =>
      buildManifestInputs({
        quotas: [],
        eligibility: eligibility([]),
        inspectors: [],
        assignment: { lead: 0, assistant: 1, backups: 0 },
      }),
    ).toThrow(RangeError);
  });

  it('lists every row once and in id order, whatever the input order', () => {
    const idArb = fc.string({ unit: fc.constantFrom('a', 'b', '1', '北', '𠀀', '\uFF01'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { maxLength: 30 }), fc.uniqueArray(idArb, { maxLength: 10 }), (unitIds, inspectorIds) => {
        const candidates = unitIds.map((id, i) => candidate(id, i % 2 ? 'b1' : 'b2', i % 3 ? 'general' : 'crowded_key'));
        const count = (code: string) => candidates.filter((c) => c.stratum === code).length;
        const manifest = buildManifestInputs({
          quotas: [quota('crowded_key', count('crowded_key'), count('crowded_key')), quota('general', 0, count('general'))],
          eligibility: eligibility(candidates),
          inspectors: inspectorIds.map((id) => person(id, ['assistant', 'lead'], ['b2', 'b1'])),
          assignment: ONE_EACH,
        });
        for (const rows of [manifest.candidates.map((r) => r[0]), manifest.inspectors.map((r) => r[0])]) {
          for (let i = 1; i < rows.length; i++) expect(compareIds(rows[i - 1] as string, rows[i] as string)).toBeLessThan(0);
        }
        expect(manifest.candidates.map((r) => r[0]).sort()).toEqual([...unitIds].sort());
        for (const row of manifest.inspectors)
          expect([row[1], row[2]]).toEqual([
            ['b1', 'b2'],
            ['lead', 'assistant'],
          ]);
      }),
    );
  });
});
