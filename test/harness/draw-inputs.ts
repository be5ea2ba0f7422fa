import fc from 'fast-check';
import type { Manifest, ManifestCandidate, ManifestConflict, ManifestInspectorRow } from '../../src/domain/draw/draw-types.ts';
import { compareIds } from '../../src/domain/draw/id-order.ts';

/**
 * fast-check arbitraries of draw inputs for the property tests: small manifests with Chinese and astral ids,
 * several strata and pools, inspectors with one or both roles, conflicts, 1–2 leads and assistants, backups.
 * Some generated manifests are invalid (a pool nobody staffs): tests filter on `validateManifest`.
 */

const unitId = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => `U${String(n).padStart(4, '0')}`) },
  { weight: 1, arbitrary: fc.constantFrom('单位-甲', '单位-乙', '𠀀-1', '\uff01-1', 'e\u0301-1', 'Z-1') },
);

export type DrawInputs = {
  manifest: Manifest;
  reveals: { id: string; commitment: string; reveal: string }[];
  externals: { source: string; ref: string; value: string }[];
};

export function drawInputs(options: { everyoneEverywhere?: boolean } = {}): fc.Arbitrary<DrawInputs> {
  const all = options.everyoneEverywhere === true;
  return fc
    .record({
      units: fc.uniqueArray(unitId, { minLength: 1, maxLength: 40, selector: (id) => id.normalize('NFC') }),
      strataCount: fc.integer({ min: 1, max: 3 }),
      poolCount: fc.integer({ min: 1, max: all ? 1 : 2 }),
      unitDraws: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 64 }), fc.nat()), { minLength: 40, maxLength: 40 }),
      quotaDraws: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { minLength: 3, maxLength: 3 }),
      inspectors: fc.array(
        fc.record({
          pools: fc.integer({ min: 1, max: 3 }),
          roles: fc.constantFrom<string[]>(['lead', 'assistant'], ['lead', 'assistant'], ['lead'], ['assistant']),
          weight: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 64 })),
        }),
        { minLength: 3, maxLength: 12 },
      ),
      conflicts: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: all ? 0 : 6 }),
      lead: fc.integer({ min: 1, max: all ? 1 : 2 }),
      assistant: fc.integer({ min: 1, max: 2 }),
      backups: fc.integer({ min: 0, max: 2 }),
      observers: fc.array(fc.uint8Array({ minLength: 16, maxLength: 24 }), { minLength: 0, maxLength: 2 }),
      lottery: fc.option(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }), { nil: undefined }),
    })
    .filter((r) => r.observers.length > 0 || r.lottery !== undefined)
    .map((r): DrawInputs => {
      const strata = ['key', 'general', '九小场所'].slice(0, r.strataCount);
      const pools = ['B1', 'B2'].slice(0, r.poolCount);
      const ids = [...r.units].sort(compareIds);
      const candidates: ManifestCandidate[] = ids.map((id, i) => {
        const [s, weight, p] = r.unitDraws[i] as [number, number, number];
        return [id, strata[s % strata.length] as string, weight, pools[p % pools.length] as string];
      });
      const manifestStrata = strata.map((code, s) => {
        const count = candidates.filter((c) => c[1] === code).length;
        const [q, alternates] = r.quotaDraws[s] as [number, number];
        return { code, quota: q % (count + 1), alternates };
      });
      const inspectors: ManifestInspectorRow[] = r.inspectors.map((p, i) => {
        const served = all ? pools : pools.filter((_, k) => ((p.pools >> k) & 1) === 1 || (p.pools & 3) === 0);
        return [`I${String(i).padStart(2, '0')}`, served.length > 0 ? served : [pools[0] as string], all ? ['lead', 'assistant'] : p.roles, p.weight];
      });
      const conflicts: ManifestConflict[] = r.conflicts.map(([p, u]) => [
        (inspectors[p % inspectors.length] as ManifestInspectorRow)[0],
        ids[u % ids.length] as string,
        'RELATIVE',
      ]);
      const observerIds = r.observers.map((_, i) => `OBS-${i + 1}`);
      const manifest: Manifest = {
        algorithm: 'XF-SRS/1',
        drawId: 'D-TEST',
        planId: 'P-TEST',
        asOf: '2026-11-28',
        strata: manifestStrata,
        candidates,
        excluded: [],
        inspectors,
        conflicts,
        assignment: { lead: r.lead, assistant: r.assistant, backups: r.backups },
        observers: observerIds,
        external: r.lottery === undefined ? [] : [{ source: '福彩3D', ref: '2026322' }],
      };
      const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
      return {
        manifest,
        reveals: r.observers.map((secret, i) => ({ id: observerIds[i] as string, commitment: '', reveal: toHex(secret) })),
        externals: r.lottery === undefined ? [] : [{ source: '福彩3D', ref: '2026322', value: r.lottery.join(' ') }],
      };
    });
}
