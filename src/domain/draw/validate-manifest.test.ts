import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EligibilityResult, StratumQuota } from '../plans/eligibility-types.ts';
import { buildManifestInputs, type ManifestInputs } from '../plans/feasibility.ts';
import type { Manifest } from './draw-types.ts';
import { loadVector } from '../../../test/harness/draw-vector.ts';
import { digestManifest } from './jcs-hash.ts';
import { validateManifest, type ManifestProblemCode } from './validate-manifest.ts';

function codes(manifest: unknown): ManifestProblemCode[] {
  return validateManifest(manifest as Manifest).map((p) => p.code);
}

/** The vector's manifest with one change. */
function changed(change: (m: Mutable<Manifest>) => void): Manifest {
  const m = loadVector().manifest as Mutable<Manifest>;
  change(m);
  return m as Manifest;
}

/** A manifest a test may break: writable, and any algorithm string. */
type Mutable<T> = { -readonly [K in keyof T]: K extends 'algorithm' ? string : T[K] extends readonly (infer U)[] ? U[] : T[K] };

describe('validateManifest', () => {
  it('finds nothing wrong with the test vector', () => {
    expect(validateManifest(loadVector().manifest)).toEqual([]);
  });

  it('accepts the manifest inputs exactly as buildManifestInputs produces them', () => {
    const quota = (code: string, q: number, alternates: number): StratumQuota => ({
      code,
      name: code,
      target: null,
      covered: 0,
      remaining: null,
      monthsLeft: 1,
      computed: q,
      candidates: 2,
      quota: q,
      alternates,
      shortBy: 0,
    });
    const eligibility = {
      candidates: [
        { unitId: 'U2', stratum: 'key', weight: 2, pool: 'B1' },
        { unitId: 'U1', stratum: 'key', weight: 1, pool: 'B1' },
        { unitId: '单位-甲', stratum: 'general', weight: 3, pool: 'B1' },
      ],
      excluded: [{ unitId: 'U9', reason: 'PENDING_TASK', stratum: 'key' }],
      strata: [],
      excludedByReason: {},
    } as unknown as EligibilityResult;
    const inputs: ManifestInputs = buildManifestInputs({
      quotas: [quota('key', 1, 1), quota('general', 1, 0)],
      eligibility,
      inspectors: [
        { id: 'I2', pools: ['B1'], roles: ['assistant', 'lead'], weight: 1 },
        { id: 'I1', pools: ['B1'], roles: ['lead'], weight: 2 },
      ],
      assignment: { lead: 1, assistant: 1, backups: 0 },
    });
    const manifest: Manifest = {
      algorithm: 'XF-SRS/1',
      drawId: 'D1',
      planId: 'P1',
      asOf: '2026-11-28',
      ...inputs,
      conflicts: [['I1', 'U1', 'RELATIVE']],
      observers: ['OBS-1'],
      external: [],
    };
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('names each problem in Chinese with the path of the field or row', () => {
    const problems = validateManifest(changed((m) => (m.candidates[4] = ['U0101', 'general', 65, 'B1'])));
    expect(problems).toEqual([{ code: 'CANDIDATE_WEIGHT', at: 'candidates[4]', message: '候选单位「U0101」的权重应为 1–64 的整数，实际为 65' }]);
  });

  it.each<[string, (m: Mutable<Manifest>) => void, ManifestProblemCode]>([
    ['another algorithm', (m) => (m.algorithm = 'XF-SRS/2'), 'ALGORITHM'],
    ['an empty draw id', (m) => (m.drawId = ''), 'FIELD_INVALID'],
    ['a date that does not exist', (m) => (m.asOf = '2026-02-30'), 'FIELD_INVALID'],
    ['a stratum listed twice', (m) => m.strata.push({ code: 'key', quota: 0, alternates: 0 }), 'STRATUM_DUPLICATE'],
    ['a negative quota', (m) => (m.strata[0] = { code: 'key', quota: -1, alternates: 0 }), 'STRATUM_INVALID'],
    ['a fractional alternates count', (m) => (m.strata[0] = { code: 'key', quota: 1, alternates: 0.5 }), 'STRATUM_INVALID'],
    ['candidates out of id order', (m) => m.candidates.reverse(), 'CANDIDATE_ORDER'],
    ['a candidate listed twice', (m) => m.candidates.splice(1, 0, m.candidates[0]!), 'CANDIDATE_DUPLICATE'],
    ['the same unit twice in two normalisation forms', (m) => m.candidates.push(['e\u0301', 'key', 1, 'B1'], ['é', 'key', 1, 'B1']), 'CANDIDATE_DUPLICATE'],
    ['a candidate of an unlisted stratum', (m) => m.candidates.push(['U0300', 'small', 1, 'B1']), 'CANDIDATE_STRATUM_UNKNOWN'],
    ['a weight of 0', (m) => (m.candidates[0] = ['U0001', 'key', 0, 'B1']), 'CANDIDATE_WEIGHT'],
    ['a fractional weight', (m) => (m.candidates[0] = ['U0001', 'key', 1.5, 'B1']), 'CANDIDATE_WEIGHT'],
    ['a control character in an id', (m) => (m.candidates[0] = ['U0001\n', 'key', 1, 'B1']), 'CANDIDATE_INVALID'],
    ['a row of the wrong shape', (m) => (m.candidates[0] = ['U0001', 'key', 1] as never), 'CANDIDATE_INVALID'],
    ['a quota above the candidates of its stratum', (m) => (m.strata[0] = { code: 'key', quota: 5, alternates: 0 }), 'QUOTA_EXCEEDS_CANDIDATES'],
    ['an excluded unit that is also a candidate', (m) => m.excluded.unshift(['U0001', 'PENDING_TASK']), 'EXCLUDED_IS_CANDIDATE'],
    ['excluded units out of order', (m) => m.excluded.push(['A1', 'PENDING_TASK']), 'EXCLUDED_ORDER'],
    ['inspectors out of order', (m) => m.inspectors.reverse(), 'INSPECTOR_ORDER'],
    ['an inspector listed twice', (m) => m.inspectors.push(m.inspectors[4]!), 'INSPECTOR_DUPLICATE'],
    ['an unknown role', (m) => (m.inspectors[1] = ['I02', ['B1'], ['assistant', 'driver'], 1]), 'INSPECTOR_ROLE'],
    ['a role twice', (m) => (m.inspectors[1] = ['I02', ['B1'], ['assistant', 'assistant'], 1]), 'INSPECTOR_ROLE'],
    ['an inspector weight of 65', (m) => (m.inspectors[1] = ['I02', ['B1'], ['assistant'], 65]), 'INSPECTOR_WEIGHT'],
    ['a conflict of the wrong shape', (m) => m.conflicts.push(['I01', 'U0001'] as never), 'CONFLICT_INVALID'],
    ['no lead per task', (m) => (m.assignment = { lead: 0, assistant: 1, backups: 0 }), 'ASSIGNMENT_INVALID'],
    ['negative backups', (m) => (m.assignment = { lead: 1, assistant: 1, backups: -1 }), 'ASSIGNMENT_INVALID'],
    ['an observer listed twice', (m) => m.observers.push('OBS-1'), 'OBSERVER_DUPLICATE'],
    ['an external reference without its issue', (m) => (m.external[0] = { source: '福彩3D', ref: '' }), 'EXTERNAL_INVALID'],
    [
      'no observer and no external value',
      (m) => {
        m.observers = [];
        m.external = [];
      },
      'NO_RANDOMNESS',
    ],
    ['a pool with candidates and nobody to lead', (m) => m.candidates.push(['U0500', 'general', 1, 'B9']), 'POOL_UNSTAFFED'],
    ['a pool whose only lead is also its only assistant', (m) => (m.inspectors = [['I01', ['B1', 'B2'], ['lead', 'assistant'], 1]]), 'POOL_UNSTAFFED'],
  ])('reports %s', (_, change, code) => {
    const manifest = changed(change);
    expect(codes(manifest)).toContain(code);
    // With the candidates' id bytes, as a verifier has them: the same problems, word for word.
    expect(validateManifest(manifest, digestManifest(manifest).candidateIds)).toEqual(validateManifest(manifest));
  });

  it('finds the same problems with the candidates\' id bytes as without, whatever the ids and their order', () => {
    const id = fc.oneof(
      fc.string({ unit: fc.constantFrom('U', '0', '1', '9', ' ', '~', 'a') , maxLength: 4 }),
      fc.constantFrom('U1', 'U10', 'U1 ', 'é', 'e\u0301', 'a"b', 'x\\y', 'U1\u0001', '\u007f', '单位'),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        const manifest = changed((m) => (m.candidates = ids.map((u) => [u, 'key', 1, 'B1'] as const)));
        const candidateIds = digestManifest(manifest).candidateIds;
        expect(validateManifest(manifest, candidateIds)).toEqual(validateManifest(manifest));
      }),
      { numRuns: 500 },
    );
  });

  it('checks the shape of anything it is given instead of throwing', () => {
    expect(codes(null)).toEqual(['FIELD_INVALID']);
    expect(codes({})).toEqual(expect.arrayContaining(['ALGORITHM', 'FIELD_INVALID', 'ASSIGNMENT_INVALID', 'NO_RANDOMNESS']));
  });

  it('stops listing after a hundred problems', () => {
    const m = changed((x) => (x.candidates = Array.from({ length: 500 }, (_, i) => [`U${String(i).padStart(4, '0')}`, 'key', 0, 'B1'] as const)));
    const problems = validateManifest(m);
    expect(problems).toHaveLength(101);
    expect(problems[100]!.code).toBe('TOO_MANY_PROBLEMS');
  });
});
