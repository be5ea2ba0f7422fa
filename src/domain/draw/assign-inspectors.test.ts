import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256 } from '../crypto/sha256.ts';
import { type AssignmentTables, InspectorStream, assignInspectors, bitLength, pickByWeight, splitTasksByPools, uniformInt, type WordSource } from './assign-inspectors.ts';
import { TAG_INSPECTOR, lp, u32be } from './bytes.ts';
import { DrawError } from './draw-error.ts';
import type { DrawRole, Manifest, ManifestCandidate, TaskResult } from './draw-types.ts';
import { drawInputs } from '../../../test/harness/draw-inputs.ts';
import { validateManifest } from './validate-manifest.ts';

/** The words of stream(U, role, k) computed the slow way, straight from §6, as BigInt. */
function referenceWords(seed: Uint8Array, unitId: string, role: string, k: number, blocks: number): bigint[] {
  const words: bigint[] = [];
  for (let c = 0; c < blocks; c++) {
    const h = new Sha256().update(TAG_INSPECTOR).update(seed).update(lp(unitId)).update(lp(role)).update(u32be(k)).update(u32be(c)).digest();
    for (let w = 0; w < 4; w++) {
      let word = 0n;
      for (let i = 0; i < 8; i++) word = (word << 8n) | BigInt(h[w * 8 + i]!);
      words.push(word);
    }
  }
  return words;
}

/** A word source over fixed 64-bit words. */
function wordsOf(words: bigint[]): WordSource & { read: number } {
  return {
    read: 0,
    nextTopBits(bits: number): number {
      const word = words[this.read++]!;
      return Number(word >> BigInt(64 - bits));
    },
  };
}

describe('inspector streams and uniformInt (draw-algorithm.md §6)', () => {
  it('reads each block of stream(U, role, k) as four big-endian u64, block after block', () => {
    const seed = sha256('stream');
    for (const [unitId, role, k] of [
      ['U0001', 'lead', 0],
      ['单位-甲', 'assistant', 3],
      ['x'.repeat(150), 'assistant', 70000],
    ] as const) {
      const expected = referenceWords(seed, unitId, role, k, 3);
      for (const bits of [1, 7, 32, 33, 53]) {
        const stream = new InspectorStream(seed).reset(unitId, role, k);
        const got = expected.map(() => stream.nextTopBits(bits));
        expect(got).toEqual(expected.map((w) => Number(w >> BigInt(64 - bits))));
      }
    }
  });

  it('matches §6 for any unit id length and alphabet, role, slot and order of resets (one stream reused)', () => {
    const seed = sha256('stream-property');
    const stream = new InspectorStream(seed);
    const unitId = fc.string({ unit: fc.constantFrom('a', '9', '-', '单', '位', 'é', 'e\u0301'), maxLength: 130 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(unitId, fc.constantFrom('lead' as const, 'assistant' as const), fc.nat(2 ** 32 - 1)), { minLength: 1, maxLength: 6 }),
        (picks) => {
          // Each pick also re-reads the previous unit with another slot: the stream only repacks k then.
          for (const [id, role, k] of picks) {
            for (const slot of [k, (k + 1) % 2 ** 32]) {
              stream.reset(id, role, slot);
              const got = [0, 1, 2, 3, 4, 5].map(() => BigInt(stream.nextTopBits(32)));
              expect(got).toEqual(referenceWords(seed, id, role, slot, 2).slice(0, 6).map((w) => w >> 32n));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('starts again at block 0 after a reset', () => {
    const seed = sha256('reset');
    const stream = new InspectorStream(seed);
    const first = [stream.reset('U1', 'lead', 0).nextTopBits(53), stream.nextTopBits(53)];
    stream.reset('U2', 'assistant', 1).nextTopBits(53);
    expect([stream.reset('U1', 'lead', 0).nextTopBits(53), stream.nextTopBits(53)]).toEqual(first);
  });

  it('seeks to any word of a stream, at a block boundary or inside a block', () => {
    const seed = sha256('seek');
    const stream = new InspectorStream(seed);
    const want = referenceWords(seed, 'U-甲', 'assistant', 2, 4);
    for (let word = 0; word < 12; word++) {
      stream.reset('U-甲', 'assistant', 2).seek(word);
      const got = [0, 1, 2, 3, 4].map(() => BigInt(stream.nextTopBits(53)));
      expect(got).toEqual(want.slice(word, word + 5).map((w) => w >> 11n));
    }
  });

  it('returns 0 for a range of 1 without reading a word', () => {
    const source = wordsOf([]);
    expect(uniformInt(1, source)).toBe(0);
    expect(source.read).toBe(0);
  });

  it('takes the top bitlength(R − 1) bits and rejects values not below R', () => {
    // R = 5: b = 3. Top bits 111 = 7 and 101 = 5 are rejected; 011 = 3 is returned.
    const source = wordsOf([0xe000000000000000n, 0xa000000000000000n, 0x6fffffffffffffffn]);
    expect(uniformInt(5, source)).toBe(3);
    expect(source.read).toBe(3);
    expect(uniformInt(2 ** 40 + 1, wordsOf([0x0000_0100_0000_0000n << 23n]))).toBe(2 ** 40);
  });

  it('always returns an integer below R', () => {
    const seed = sha256('range');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.nat(1000), (range, k) => {
        const v = uniformInt(range, new InspectorStream(seed).reset('U', 'lead', k));
        expect(Number.isInteger(v) && v >= 0 && v < range).toBe(true);
      }),
    );
  });

  it('refuses a range that is not a positive safe integer', () => {
    for (const bad of [0, -1, 1.5, 2 ** 53 + 2]) expect(() => uniformInt(bad, wordsOf([0n]))).toThrow(RangeError);
  });

  it('computes bit lengths across the 32-bit boundary', () => {
    expect([1, 2, 3, 4, 2 ** 32 - 1, 2 ** 32, 2 ** 52].map(bitLength)).toEqual([1, 2, 2, 3, 32, 33, 53]);
  });

  it('picks the first index whose running weight sum exceeds r', () => {
    const weights = [2, 1, 3];
    expect([0, 1, 2, 3, 4, 5].map((r) => pickByWeight(weights, 3, r))).toEqual([0, 0, 1, 2, 2, 2]);
    expect(() => pickByWeight(weights, 3, 6)).toThrow(RangeError);
    expect(pickByWeight(weights, 2, 2)).toBe(1);
  });
});

/**
 * §6 transcribed plainly — lists, filters, a fresh stream per pick — against which the optimised assignment
 * (typed arrays, first blocks hashed ahead) is compared. Returns 'UNFILLED' where the draw must fail, and counts
 * the picks that read past the first block of their stream.
 */
function referenceAssignment(manifest: Manifest, seed: Uint8Array, taskUnits: readonly number[]): { tasks: TaskResult[] | 'UNFILLED'; longPicks: number } {
  const nfc = (x: string): string => x.normalize('NFC');
  const load = new Map<string, number>();
  let longPicks = 0;
  const tasks = taskUnits.map((i) => {
    const [unitId, , , pool] = manifest.candidates[i] as ManifestCandidate;
    return { unitId, pool, lead: [] as string[], assistant: [] as string[], backups: { lead: [] as string[], assistant: [] as string[] } };
  });
  type Task = (typeof tasks)[number];
  const eligible = (task: Task, role: DrawRole, without: string[]): (typeof manifest.inspectors)[number][] =>
    manifest.inspectors.filter(
      ([id, pools, roles]) =>
        pools.map(nfc).includes(nfc(task.pool)) &&
        roles.map(nfc).includes(role) &&
        !manifest.conflicts.some(([p, u]) => nfc(p) === nfc(id) && nfc(u) === nfc(task.unitId)) &&
        !task.lead.includes(id) &&
        !task.assistant.includes(id) &&
        !without.includes(id),
    );
  const pick = (from: (typeof manifest.inspectors)[number][], task: Task, role: DrawRole, k: number): string => {
    const stream = new InspectorStream(seed).reset(task.unitId, role, k);
    let words = 0;
    const counted: WordSource = { nextTopBits: (bits) => (words++, stream.nextTopBits(bits)) };
    const r = uniformInt(
      from.reduce((sum, p) => sum + p[3], 0),
      counted,
    );
    if (words > 4) longPicks += 1;
    let running = 0;
    return from.find((p) => (running += p[3]) > r)![0];
  };
  const roles: DrawRole[] = ['lead', 'assistant'];
  for (const role of roles) {
    for (let k = 0; k < manifest.assignment[role]; k++) {
      for (const task of tasks) {
        const e = eligible(task, role, []);
        if (e.length === 0) return { tasks: 'UNFILLED', longPicks };
        const least = Math.min(...e.map(([id]) => load.get(id) ?? 0));
        const id = pick(
          e.filter(([p]) => (load.get(p) ?? 0) <= least + 1),
          task,
          role,
          k,
        );
        load.set(id, (load.get(id) ?? 0) + 1);
        task[role].push(id);
      }
    }
  }
  for (const task of tasks) {
    const drawn: string[] = [];
    for (const role of roles) {
      for (let j = 1; j <= manifest.assignment.backups; j++) {
        const e = eligible(task, role, drawn);
        if (e.length === 0) break;
        const id = pick(e, task, role, manifest.assignment[role] - 1 + j);
        drawn.push(id);
        task.backups[role].push(id);
      }
    }
  }
  return { tasks: tasks.map(({ unitId, lead, assistant, backups }) => ({ unitId, lead, assistant, backups })), longPicks };
}

function assignedOrUnfilled(manifest: Manifest, seed: Uint8Array, taskUnits: readonly number[]): TaskResult[] | 'UNFILLED' {
  try {
    return assignInspectors(manifest, seed, taskUnits);
  } catch (e) {
    if (e instanceof DrawError && e.code === 'UNFILLED') return 'UNFILLED';
    throw e;
  }
}

describe('inspector assignment (draw-algorithm.md §6)', () => {
  it('equals §6 transcribed plainly, for any valid manifest and any set of tasks', () => {
    fc.assert(
      fc.property(
        drawInputs().filter(({ manifest }) => validateManifest(manifest).length === 0),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.nat(),
        ({ manifest }, seed, subset) => {
          const taskUnits = manifest.candidates.map((_, i) => i).filter((i) => ((subset >> i % 30) & 1) === 1 || i % 3 === 0);
          expect(assignedOrUnfilled(manifest, seed, taskUnits)).toEqual(referenceAssignment(manifest, seed, taskUnits).tasks);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads on past the first block of a stream when rejections use up its four words', () => {
    // Weights 2, 2, 1: Σ = 5, three bits, 3/8 of the values rejected: about 2 % of picks need a second block.
    const units: ManifestCandidate[] = Array.from({ length: 400 }, (_, i) => [`U${String(i).padStart(4, '0')}`, 'S', 1, 'B1']);
    const manifest: Manifest = {
      algorithm: 'XF-SRS/1',
      drawId: 'D-LONG',
      planId: 'P',
      asOf: '2026-12-01',
      strata: [{ code: 'S', quota: 400, alternates: 0 }],
      candidates: units,
      excluded: [],
      inspectors: [
        ['I1', ['B1'], ['lead', 'assistant'], 2],
        ['I2', ['B1'], ['lead', 'assistant'], 2],
        ['I3', ['B1'], ['lead', 'assistant'], 1],
      ],
      conflicts: [],
      assignment: { lead: 1, assistant: 1, backups: 1 },
      observers: ['O'],
      external: [],
    };
    const taskUnits = units.map((_, i) => i);
    const seed = sha256('long streams');
    const reference = referenceAssignment(manifest, seed, taskUnits);
    expect(reference.longPicks).toBeGreaterThan(0);
    expect(assignInspectors(manifest, seed, taskUnits)).toEqual(reference.tasks);
  });
});

describe('splitTasksByPools (the assignment on two threads)', () => {
  // Pools 0–3; inspector 0 serves pools 0 and 1 (so they are one group), the others one pool each.
  const tables = (taskPool: number[]): AssignmentTables => ({
    lead: 1,
    assistant: 1,
    backups: 0,
    weight: Float64Array.from([1, 1, 1, 1, 1]),
    // (pool, role) → inspectors: pool 0 lead 0, assistant 1; pool 1 lead 0, assistant 2; pool 2: 3 both; pool 3: 4 both; nobody.
    members: Int32Array.from([0, 1, 0, 2, 3, 3, 4, 4]),
    memberStart: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8]),
    taskPool: Int32Array.from(taskPool),
    barredStart: new Int32Array(taskPool.length + 1),
    barred: new Int32Array(0),
  });

  it('keeps pools that share an inspector on one side, each side in task order', () => {
    const parts = splitTasksByPools(tables([0, 1, 2, 3, 0, 2, 3, 1]), 0.5);
    expect(parts).not.toBeNull();
    const side = (t: number): string => (parts!.there.includes(t) ? 'there' : 'here');
    expect(side(0)).toBe(side(1));
    expect(side(4)).toBe(side(7));
    expect([...parts!.here, ...parts!.there].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...parts!.there]).toEqual([...parts!.there].sort());
    expect(parts!.there.length).toBe(4);
  });

  it('does not part tasks that one group of pools mostly holds', () => {
    expect(splitTasksByPools(tables([0, 1, 0, 1, 0, 1, 0, 2]), 0.5)).toBeNull();
  });
});
