import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json.ts';
import { draw, drawWithSeed, executeDraw, freezeManifest, selectUnits } from './draw.ts';
import { DrawError } from './draw-error.ts';
import type { DrawBundle, DrawResult, Manifest, ManifestInspectorRow } from './draw-types.ts';
import { compareIds } from './id-order.ts';
import { type CandidateIdBytes, digestManifest, resultHash } from './jcs-hash.ts';
import { drawInputs, type DrawInputs } from '../../../test/harness/draw-inputs.ts';
import vector2 from './fixtures/draw-vector-2.json' with { type: 'json' };
import { loadVector } from '../../../test/harness/draw-vector.ts';
import { validateManifest } from './validate-manifest.ts';
import { computeSeedBytes } from './seed.ts';

const nfc = (s: string): string => s.normalize('NFC');

/** Runs the draw; undefined when it fails UNFILLED, after checking that the failure is genuine. */
function drawOrUnfilled({ manifest, reveals, externals }: DrawInputs): DrawResult | undefined {
  try {
    return draw(manifest, reveals, externals);
  } catch (e) {
    expect(e).toBeInstanceOf(DrawError);
    const err = e as DrawError;
    expect(err.code).toBe('UNFILLED');
    const { unitId, role } = err.details as { unitId: string; role: string };
    const unit = manifest.candidates.find((c) => c[0] === unitId);
    expect(unit).toBeDefined();
    // Nobody was left: everyone of the pool with the role and no conflict is already on the unit.
    const able = manifest.inspectors.filter(
      ([id, pools, roles]) => pools.includes(unit![3]) && roles.includes(role) && !manifest.conflicts.some(([p, u]) => p === id && nfc(u) === nfc(unitId)),
    );
    expect(able.length).toBeLessThan(manifest.assignment.lead + manifest.assignment.assistant);
    return undefined;
  }
}

const validInputs = (options?: { everyoneEverywhere?: boolean }): fc.Arbitrary<DrawInputs> =>
  drawInputs(options).filter(({ manifest }) => validateManifest(manifest).length === 0);

function inspectorRow(manifest: Manifest, id: string): ManifestInspectorRow {
  const row = manifest.inspectors.find((p) => p[0] === id);
  expect(row, `inspector ${id} is listed`).toBeDefined();
  return row!;
}

describe('draw (draw-algorithm.md §5–§7)', { timeout: 60_000 }, () => {
  it('reproduces the test vector byte for byte', () => {
    const v = loadVector();
    const result = draw(v.manifest, v.observers, v.external);
    expect(result.manifestHash).toBe('d80013fee08b256d5abf9c27e04746ca576381c3edba4bce17397cd20af75c51');
    expect(result.seed).toBe('e81a6995e938abc5d4140b5419a6548d6f781201e4bfd8213e28ba26a0ab23dd');
    expect(canonicalJson(result)).toBe(canonicalJson(v.result));
    expect(resultHash(result)).toBe('92acd14aad4d6353e4a094e8e4de51be8e150d30008b5b1e641443e3e2c6cae7');
  });

  it('reproduces the second test vector byte for byte (two leads, weighted backups, two observers and lottery values, NFD and astral ids)', () => {
    const v = structuredClone(vector2) as unknown as DrawBundle;
    const result = draw(v.manifest, v.observers, v.external);
    expect(result.manifestHash).toBe('8393204027904493554c9f41531a1a7a3b714b42a2a317a32b3703118e96bd1f');
    expect(result.seed).toBe('ba8ccdef29d108090dd81b41be6a63b6b865fc95788767bfa7957ab1a0481b25');
    expect(canonicalJson(result)).toBe(canonicalJson(v.result));
    expect(resultHash(result)).toBe('a7e28e3716c2d8f10320557b270a62b19117c578ae1620875e943f1f5579b572');
  });

  it('freezes a manifest once (validated, hashed) and executes it to the same result as draw', () => {
    const v = loadVector();
    const frozen = freezeManifest(v.manifest);
    expect(frozen.hashHex).toBe(v.result.manifestHash);
    expect(canonicalJson(executeDraw(frozen, v.observers, v.external))).toBe(canonicalJson(v.result));
    expect(() => freezeManifest({ ...v.manifest, observers: [], external: [] })).toThrow(DrawError);
  });

  it('draws alike whether the ids are hashed from the bytes the manifest hash kept or from their strings', () => {
    fc.assert(
      fc.property(validInputs(), fc.uint8Array({ minLength: 32, maxLength: 32 }), ({ manifest }, seed) => {
        const { hash, candidateIds } = digestManifest(manifest);
        const outcome = (ids?: CandidateIdBytes): unknown => {
          try {
            return drawWithSeed(manifest, hash, seed, ids);
          } catch (e) {
            return (e as DrawError).code;
          }
        };
        expect(outcome(candidateIds)).toEqual(outcome());
      }),
      { numRuns: 200 },
    );
  });

  it('selects alike with the bounds it guesses, with bounds too tight to hold, and with none (one thread, as the verifier)', () => {
    fc.assert(
      fc.property(drawInputs(), fc.constantFrom(1e-6, 0.05, 0.5, Infinity), (inputs, bound) => {
        const { manifest, reveals, externals } = inputs;
        if (validateManifest(manifest).length > 0) return;
        const frozen = freezeManifest(manifest);
        const seed = computeSeedBytes(manifest, frozen.hash, reveals, externals);
        const plain = selectUnits(manifest, seed);
        expect(selectUnits(manifest, seed, frozen.candidateIds)).toEqual(plain);
        const bounds = new Float64Array(manifest.strata.length).fill(bound);
        expect(selectUnits(manifest, seed, frozen.candidateIds, undefined, bounds)).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same bytes for the same inputs, also after a JSON round trip of the manifest', () => {
    fc.assert(
      fc.property(validInputs(), (inputs) => {
        const first = drawOrUnfilled(inputs);
        if (first === undefined) return;
        const again = draw(JSON.parse(JSON.stringify(inputs.manifest)) as Manifest, inputs.reveals, inputs.externals);
        expect(canonicalJson(again)).toBe(canonicalJson(first));
      }),
      { numRuns: 150 },
    );
  });

  it('selects from each stratum exactly its quota of its own candidates, and never a unit twice', () => {
    fc.assert(
      fc.property(validInputs(), (inputs) => {
        const result = drawOrUnfilled(inputs);
        if (result === undefined) return;
        const { manifest } = inputs;
        const seen = new Set<string>();
        result.strata.forEach((s, i) => {
          const stratum = manifest.strata[i]!;
          expect(s.code).toBe(stratum.code);
          const own = manifest.candidates.filter((c) => c[1] === stratum.code).map((c) => c[0]);
          expect(s.selected).toHaveLength(stratum.quota);
          expect(s.alternates).toHaveLength(Math.min(stratum.alternates, own.length - stratum.quota));
          for (const id of [...s.selected, ...s.alternates]) {
            expect(own).toContain(id);
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('makes one task per selected unit, in id order', () => {
    fc.assert(
      fc.property(validInputs(), (inputs) => {
        const result = drawOrUnfilled(inputs);
        if (result === undefined) return;
        const selected = result.strata.flatMap((s) => s.selected).sort(compareIds);
        expect(result.tasks.map((t) => t.unitId)).toEqual(selected);
      }),
      { numRuns: 200 },
    );
  });

  it('staffs every task with its leads and assistants, all different people, of the right role and pool, never conflicted', () => {
    fc.assert(
      fc.property(validInputs(), (inputs) => {
        const result = drawOrUnfilled(inputs);
        if (result === undefined) return;
        const { manifest } = inputs;
        const { lead, assistant, backups } = manifest.assignment;
        for (const task of result.tasks) {
          const unit = manifest.candidates.find((c) => c[0] === task.unitId)!;
          expect(task.lead).toHaveLength(lead);
          expect(task.assistant).toHaveLength(assistant);
          expect(task.backups.lead.length).toBeLessThanOrEqual(backups);
          expect(task.backups.assistant.length).toBeLessThanOrEqual(backups);
          const everyone = [...task.lead, ...task.assistant, ...task.backups.lead, ...task.backups.assistant];
          expect(new Set(everyone).size).toBe(everyone.length);
          const check = (ids: readonly string[], role: string): void => {
            for (const id of ids) {
              const [, pools, roles] = inspectorRow(manifest, id);
              expect(roles).toContain(role);
              expect(pools).toContain(unit[3]);
              expect(manifest.conflicts.some(([p, u]) => p === id && nfc(u) === nfc(task.unitId))).toBe(false);
            }
          };
          check(task.lead, 'lead');
          check(task.assistant, 'assistant');
          check(task.backups.lead, 'lead');
          check(task.backups.assistant, 'assistant');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('draws backups until the role has nobody left, as many as asked', () => {
    fc.assert(
      fc.property(validInputs(), (inputs) => {
        const result = drawOrUnfilled(inputs);
        if (result === undefined) return;
        const { manifest } = inputs;
        for (const task of result.tasks) {
          const unit = manifest.candidates.find((c) => c[0] === task.unitId)!;
          const taken = new Set([...task.lead, ...task.assistant, ...task.backups.lead, ...task.backups.assistant]);
          for (const role of ['lead', 'assistant'] as const) {
            if (task.backups[role].length === manifest.assignment.backups) continue;
            const left = manifest.inspectors.filter(
              ([id, pools, roles]) => pools.includes(unit[3]) && roles.includes(role) && !taken.has(id) && !manifest.conflicts.some(([p, u]) => p === id && nfc(u) === nfc(task.unitId)),
            );
            expect(left).toEqual([]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps lead loads within two of each other when everyone may lead every unit (balance: load ≤ min + 1)', () => {
    fc.assert(
      fc.property(validInputs({ everyoneEverywhere: true }), (inputs) => {
        const result = draw(inputs.manifest, inputs.reveals, inputs.externals);
        const leads = new Map<string, number>(inputs.manifest.inspectors.map(([id]) => [id, 0]));
        for (const task of result.tasks) for (const id of task.lead) leads.set(id, leads.get(id)! + 1);
        const loads = [...leads.values()];
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('can leave lead loads two apart but never more: the filter keeps an inspector one above the minimum', () => {
    // Two inspectors, I01 weighted 64 to 1, four units: without the filter I01 would lead all four almost always;
    // with it the leads split 3–1 (two apart) or 2–2, never 4–0.
    const v = loadVector();
    const manifest: Manifest = {
      ...v.manifest,
      strata: [{ code: 'key', quota: 4, alternates: 0 }],
      candidates: [
        ['U1', 'key', 1, 'B1'],
        ['U2', 'key', 1, 'B1'],
        ['U3', 'key', 1, 'B1'],
        ['U4', 'key', 1, 'B1'],
      ],
      excluded: [],
      inspectors: [
        ['I01', ['B1'], ['lead', 'assistant'], 64],
        ['I02', ['B1'], ['lead', 'assistant'], 1],
      ],
      conflicts: [],
      assignment: { lead: 1, assistant: 1, backups: 0 },
    };
    const splits = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const reveal = i.toString(16).padStart(32, '0');
      const result = draw(manifest, [{ id: 'OBS-1', reveal }], v.external);
      const byI01 = result.tasks.filter((t) => t.lead[0] === 'I01').length;
      splits.add(`${byI01}–${4 - byI01}`);
    }
    expect(splits.has('3–1')).toBe(true);
    expect(splits.has('4–0')).toBe(false);
    expect(splits.has('0–4')).toBe(false);
  });

  it('fails UNFILLED naming the unit and the role when conflicts leave nobody to lead', () => {
    // Both leads of pool B1 (I01, I03) are barred from every unit of B1: the first B1 task drawn has no 主办.
    const v = loadVector();
    const b1 = v.manifest.candidates.filter((c) => c[3] === 'B1').map((c) => c[0]);
    const manifest: Manifest = {
      ...v.manifest,
      conflicts: [...v.manifest.conflicts, ...b1.flatMap((u) => [['I01', u, 'RELATIVE'] as const, ['I03', u, 'FORMER_EMPLOYEE'] as const])],
    };
    expect(validateManifest(manifest)).toEqual([]);
    let error: unknown;
    try {
      draw(manifest, v.observers, v.external);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DrawError);
    const { code, details, message } = error as DrawError;
    expect(code).toBe('UNFILLED');
    expect(details).toMatchObject({ role: 'lead', slot: 0, pool: 'B1' });
    expect(b1).toContain((details as { unitId: string }).unitId);
    expect(message).toContain(`单位「${(details as { unitId: string }).unitId}」的第 1 名主办无人可派`);
  });

  it('fails INVALID_MANIFEST with the problems when the manifest is invalid', () => {
    const v = loadVector();
    const manifest: Manifest = { ...v.manifest, strata: [{ code: 'key', quota: 9, alternates: 0 }, v.manifest.strata[1]!] };
    try {
      draw(manifest, v.observers, v.external);
      expect.unreachable('the draw should fail');
    } catch (e) {
      expect((e as DrawError).code).toBe('INVALID_MANIFEST');
      expect((e as DrawError).message).toContain('分层「key」抽取 9 家，但只有 4 家候选单位');
      expect((e as DrawError).details?.problems).toHaveLength(1);
    }
  });

  it('lists fewer alternates when the stratum runs out of candidates', () => {
    const v = loadVector();
    const manifest: Manifest = { ...v.manifest, strata: [{ code: 'key', quota: 3, alternates: 5 }, v.manifest.strata[1]!] };
    const result = draw(manifest, v.observers, v.external);
    expect(result.strata[0]!.selected).toHaveLength(3);
    expect(result.strata[0]!.alternates).toHaveLength(1);
  });
});
