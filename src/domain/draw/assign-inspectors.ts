import { Sha256 } from '../crypto/sha256.ts';
import { TAG_INSPECTOR, utf8, writeUtf8 } from './bytes.ts';
import { DrawError } from './draw-error.ts';
import { DRAW_ROLES, type DrawRole, type Manifest, type ManifestCandidate, type ManifestInspectorRow, type TaskResult } from './draw-types.ts';
import { indexOfId, isAsciiId } from './id-order.ts';

/**
 * Inspector assignment of DRAW-SPEC §6: for each role, slot and task, a weighted pick among the eligible
 * inspectors whose load is within one of the least loaded; then backups (递补) per task.
 */

const ROLE_LABELS: Record<DrawRole, string> = { lead: '主办', assistant: '协办' };
const ROLE_BYTES: Record<DrawRole, Uint8Array> = { lead: utf8('lead'), assistant: utf8('assistant') };
const ROLE_BIT: Record<DrawRole, number> = { lead: 1, assistant: 2 };

/** A source of 64-bit words, read as their top `bits` bits (1 ≤ bits ≤ 53, so the value is an exact number). */
export type WordSource = { nextTopBits(bits: number): number };

/**
 * `stream(U, role, k)` of §6: the 64-bit words of the blocks `H(pad32("XF-SRS/1/inspector") ‖ seed ‖ LP(U) ‖
 * LP(role) ‖ u32be(k) ‖ u32be(c))` for c = 0, 1, 2 …, each block read as four big-endian u64. Blocks are
 * hashed only when a word is needed; the 64-byte prefix is absorbed once per draw. One object is reset per pick.
 */
export class InspectorStream implements WordSource {
  private readonly prefix: Sha256;
  private message = new Uint8Array(128);
  private length = 0;
  private readonly words = new Uint32Array(8);
  /** Next unread word of the current block (0–4); 4 = the block is used up. */
  private next = 4;
  private counter = 0;
  /** The unit whose utf8 bytes are at message[4…]: backups reset the same unit several times in a row. */
  private unitId: string | null = null;
  private unitLength = 0;

  constructor(seed: Uint8Array) {
    this.prefix = new Sha256().update(TAG_INSPECTOR).update(seed);
  }

  /** Starts `stream(unitId, role, k)` at c = 0. */
  reset(unitId: string, role: DrawRole, k: number): this {
    if (!(Number.isInteger(k) && k >= 0 && k < 2 ** 32)) throw new RangeError(`stream: slot ${k} is not a u32`);
    let unitLength = unitId === this.unitId ? this.unitLength : writeUtf8(unitId, this.message, 4);
    if (unitLength < 0) {
      this.message = new Uint8Array(utf8(unitId).length + 64);
      unitLength = writeUtf8(unitId, this.message, 4);
    }
    const roleBytes = ROLE_BYTES[role];
    const length = 4 + unitLength + 4 + roleBytes.length + 8;
    if (this.message.length < length) {
      const grown = new Uint8Array(length);
      grown.set(this.message.subarray(0, 4 + unitLength));
      this.message = grown;
    }
    const msg = this.message;
    // Lengths and k are small non-negative integers (k < 2^31: validateManifest bounds the slots).
    putU32(msg, 0, unitLength);
    let at = 4 + unitLength;
    putU32(msg, at, roleBytes.length);
    at += 4;
    for (let x = 0; x < roleBytes.length; x++) msg[at++] = roleBytes[x] as number;
    putU32(msg, at, k);
    this.unitId = unitId;
    this.unitLength = unitLength;
    this.length = length;
    this.next = 4;
    this.counter = 0;
    return this;
  }

  nextTopBits(bits: number): number {
    if (this.next === 4) {
      putU32(this.message, this.length - 4, this.counter);
      this.prefix.digestWithSuffix(this.message, 0, this.length, this.words);
      this.counter += 1;
      this.next = 0;
    }
    const hi = this.words[2 * this.next] as number;
    const lo = this.words[2 * this.next + 1] as number;
    this.next += 1;
    // word >> (64 − bits), from the two 32-bit halves.
    if (bits <= 32) return hi >>> (32 - bits);
    return hi * 2 ** (bits - 32) + (lo >>> (64 - bits));
  }
}

/**
 * `uniformInt(R)` of §6: 0 when R = 1 (no word is read); otherwise, with `b = bitlength(R − 1)`, the first
 * `word >> (64 − b)` below R, by rejection. Never `word % R`: with R just above a power of two, reducing the
 * b-bit value modulo R makes the low results twice as likely as the high ones (the statistical test shows it).
 * R is a safe integer ≥ 1 (below 2^53; Σ of inspectors' weights 1–64 is far smaller), so b ≤ 53.
 */
export function uniformInt(range: number, source: WordSource): number {
  if (!Number.isSafeInteger(range) || range < 1) throw new RangeError(`uniformInt: range ${range} is not an integer ≥ 1`);
  if (range === 1) return 0;
  const bits = bitLength(range - 1);
  for (;;) {
    const v = source.nextTopBits(bits);
    if (v < range) return v;
  }
}

/** The number of bits of `n` ≥ 1 (bitlength(1) = 1, bitlength(4) = 3). */
export function bitLength(n: number): number {
  return n < 2 ** 32 ? 32 - Math.clz32(n) : 32 + bitLength(Math.floor(n / 2 ** 32));
}

/**
 * §6 step 3: the index of the first of `count` weights whose running sum exceeds `r` (0 ≤ r < Σ weights):
 * each index is picked with probability weight / Σ when `r` is uniform.
 */
export function pickByWeight(weights: ArrayLike<number>, count: number, r: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += weights[i] as number;
    if (sum > r) return i;
  }
  throw new RangeError(`pickByWeight: ${r} is not below the sum of the weights`);
}

/**
 * The tasks of §6, one per selected unit (candidate indices ascending = unit id order), with 主办 and 协办
 * drawn and backups in 递补 order. Throws UNFILLED (naming the unit, role and slot) when a task finds nobody.
 *
 * 1. For role lead then assistant, slot k = 0 … count − 1, each task U in id order: E = inspectors of U's
 *    pool with the role, not in a conflict with U, not already on U. Keep those whose load ≤ min load(E) + 1
 *    (in id order), pick by weight with `uniformInt(Σ, stream(U, role, k))`, load + 1. One load per person
 *    across roles.
 * 2. Backups, for each task U in id order, role lead then assistant, j = 1 … backups: E as above, also
 *    without U's backups drawn so far (any role); no balance filter, no load change; slot
 *    `k = count(role) − 1 + j`; the role stops early when E is empty.
 *
 * Strings (pools, roles, ids in conflicts) are matched by their NFC forms, as JCS hashes them.
 */
export function assignInspectors(manifest: Manifest, seed: Uint8Array, taskUnits: readonly number[]): TaskResult[] {
  const assignment = new Assignment(manifest, seed, taskUnits);
  const { lead, assistant, backups } = manifest.assignment;
  const slots: Record<DrawRole, number> = { lead, assistant };
  for (const role of DRAW_ROLES) {
    for (let k = 0; k < slots[role]; k++) {
      for (let t = 0; t < taskUnits.length; t++) assignment.fillSlot(t, role, k);
    }
  }
  if (backups > 0) for (let t = 0; t < taskUnits.length; t++) assignment.drawBackups(t);
  return assignment.results();
}

/**
 * The state of one assignment: inspectors as typed arrays, each task's pool members and barred inspectors, who
 * is on each task, loads. One small method per pick, so that the engine optimises each on its own (one large
 * loop function is recompiled each time it reaches a phase it has not seen yet).
 */
class Assignment {
  private readonly inspectors: readonly ManifestInspectorRow[];
  private readonly roleMask: Uint8Array;
  private readonly weight: Float64Array;
  private readonly unitIds: string[];
  private readonly pools: string[];
  private readonly members: (readonly number[])[];
  private readonly barred: (readonly number[] | undefined)[];
  private readonly lead: number;
  private readonly assistant: number;
  private readonly backups: number;
  /** Who is on each task: its leads, then its assistants (stride lead + assistant). */
  private readonly stride: number;
  private readonly onTask: Int32Array;
  private readonly onCount: Int32Array;
  /** Backups per task: lead ones, then assistant ones (stride 2 · backups), and their counts per task and role. */
  private readonly backupPicks: Int32Array;
  private readonly backupCounts: Int32Array;
  private readonly load: Int32Array;
  /** mark[p] === stamp: p is barred from, already on, or a backup of the task being filled. */
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly eligible: Int32Array;
  private readonly eligibleWeights: Float64Array;
  private readonly stream: InspectorStream;

  constructor(manifest: Manifest, seed: Uint8Array, taskUnits: readonly number[]) {
    const inspectors = manifest.inspectors;
    const n = inspectors.length;
    this.inspectors = inspectors;
    this.roleMask = new Uint8Array(n);
    this.weight = new Float64Array(n);
    const inspectorByNfcId = new Map<string, number>();
    const membersByPool = new Map<string, number[]>();
    for (let p = 0; p < n; p++) {
      const row = inspectors[p] as ManifestInspectorRow;
      inspectorByNfcId.set(nfc(row[0]), p);
      this.weight[p] = row[3];
      for (const role of row[2]) {
        const r = nfc(role);
        if (r === 'lead' || r === 'assistant') this.roleMask[p] = (this.roleMask[p] as number) | ROLE_BIT[r];
      }
      for (const pool of new Set(row[1].map(nfc))) {
        const list = membersByPool.get(pool);
        if (list === undefined) membersByPool.set(pool, [p]);
        else list.push(p);
      }
    }
    // Conflicts by candidate index (the candidates are in id order): a task finds its own by a number.
    const conflictsByCandidate = new Map<number, number[]>();
    for (const [inspectorId, unitId] of manifest.conflicts) {
      const p = inspectorByNfcId.get(nfc(inspectorId));
      if (p === undefined) continue;
      const c = indexOfId(manifest.candidates, candidateId, unitId);
      if (c < 0) continue;
      const list = conflictsByCandidate.get(c);
      if (list === undefined) conflictsByCandidate.set(c, [p]);
      else list.push(p);
    }

    const count = taskUnits.length;
    this.unitIds = new Array<string>(count);
    this.pools = new Array<string>(count);
    this.members = new Array<readonly number[]>(count);
    this.barred = new Array<readonly number[] | undefined>(count);
    const memberCache = new Map<string, readonly number[]>();
    for (let t = 0; t < count; t++) {
      const row = manifest.candidates[taskUnits[t] as number] as ManifestCandidate;
      this.unitIds[t] = row[0];
      this.pools[t] = row[3];
      let list = memberCache.get(row[3]);
      if (list === undefined) {
        list = membersByPool.get(nfc(row[3])) ?? [];
        memberCache.set(row[3], list);
      }
      this.members[t] = list;
      this.barred[t] = conflictsByCandidate.size === 0 ? undefined : conflictsByCandidate.get(taskUnits[t] as number);
    }

    const { lead, assistant, backups } = manifest.assignment;
    this.lead = lead;
    this.assistant = assistant;
    this.backups = backups;
    this.stride = lead + assistant;
    this.onTask = new Int32Array(count * this.stride);
    this.onCount = new Int32Array(count);
    this.backupPicks = new Int32Array(count * 2 * backups);
    this.backupCounts = new Int32Array(count * 2);
    this.load = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.eligible = new Int32Array(n);
    this.eligibleWeights = new Float64Array(n);
    this.stream = new InspectorStream(seed);
  }

  /** Marks who may not be drawn for task t now: barred, or already on it. */
  private markTask(t: number): void {
    this.stamp += 1;
    const stamp = this.stamp;
    const bar = this.barred[t];
    if (bar !== undefined) for (let x = 0; x < bar.length; x++) this.mark[bar[x] as number] = stamp;
    const base = t * this.stride;
    const end = base + (this.onCount[t] as number);
    for (let x = base; x < end; x++) this.mark[this.onTask[x] as number] = stamp;
  }

  /** §6 steps 1–3 for task t, role, slot k. */
  fillSlot(t: number, role: DrawRole, k: number): void {
    this.markTask(t);
    const { mark, roleMask, load, weight, eligible, eligibleWeights } = this;
    const stamp = this.stamp;
    const bit = ROLE_BIT[role];
    const own = this.members[t] as readonly number[];
    let size = 0;
    let minLoad = Infinity;
    for (let m = 0; m < own.length; m++) {
      const p = own[m] as number;
      if (((roleMask[p] as number) & bit) === 0 || mark[p] === stamp) continue;
      eligible[size++] = p;
      if ((load[p] as number) < minLoad) minLoad = load[p] as number;
    }
    if (size === 0) throw unfilled(this.unitIds[t] as string, this.pools[t] as string, role, k);
    let kept = 0;
    let sum = 0;
    for (let x = 0; x < size; x++) {
      const p = eligible[x] as number;
      if ((load[p] as number) > minLoad + 1) continue;
      eligible[kept] = p;
      eligibleWeights[kept] = weight[p] as number;
      sum += weight[p] as number;
      kept += 1;
    }
    const r = uniformInt(sum, this.stream.reset(this.unitIds[t] as string, role, k));
    const p = eligible[pickByWeight(eligibleWeights, kept, r)] as number;
    load[p] = (load[p] as number) + 1;
    this.onTask[t * this.stride + (this.onCount[t] as number)] = p;
    this.onCount[t] = (this.onCount[t] as number) + 1;
  }

  /** §6 backups of task t: lead then assistant, each until `backups` or nobody is left. */
  drawBackups(t: number): void {
    this.markTask(t);
    this.drawBackupsOfRole(t, 'lead', 0, this.lead);
    this.drawBackupsOfRole(t, 'assistant', 1, this.assistant);
  }

  private drawBackupsOfRole(t: number, role: DrawRole, roleIndex: number, slots: number): void {
    const { mark, roleMask, weight, eligible, eligibleWeights } = this;
    const stamp = this.stamp;
    const bit = ROLE_BIT[role];
    const own = this.members[t] as readonly number[];
    for (let j = 1; j <= this.backups; j++) {
      let size = 0;
      let sum = 0;
      for (let m = 0; m < own.length; m++) {
        const p = own[m] as number;
        if (((roleMask[p] as number) & bit) === 0 || mark[p] === stamp) continue;
        eligible[size] = p;
        eligibleWeights[size] = weight[p] as number;
        sum += weight[p] as number;
        size += 1;
      }
      if (size === 0) return;
      const r = uniformInt(sum, this.stream.reset(this.unitIds[t] as string, role, slots - 1 + j));
      const p = eligible[pickByWeight(eligibleWeights, size, r)] as number;
      mark[p] = stamp; // a backup is drawn once per task, across roles
      const c = t * 2 + roleIndex;
      this.backupPicks[t * 2 * this.backups + roleIndex * this.backups + (this.backupCounts[c] as number)] = p;
      this.backupCounts[c] = (this.backupCounts[c] as number) + 1;
    }
  }

  results(): TaskResult[] {
    const idOf = (p: number): string => (this.inspectors[p] as ManifestInspectorRow)[0];
    const ids = (from: Int32Array, start: number, end: number): string[] => {
      const out = new Array<string>(end - start);
      for (let x = start; x < end; x++) out[x - start] = idOf(from[x] as number);
      return out;
    };
    const results = new Array<TaskResult>(this.unitIds.length);
    for (let t = 0; t < results.length; t++) {
      const base = t * this.stride;
      const bBase = t * 2 * this.backups;
      results[t] = {
        unitId: this.unitIds[t] as string,
        lead: ids(this.onTask, base, base + this.lead),
        assistant: ids(this.onTask, base + this.lead, base + this.stride),
        backups: {
          lead: ids(this.backupPicks, bBase, bBase + (this.backupCounts[t * 2] as number)),
          assistant: ids(this.backupPicks, bBase + this.backups, bBase + this.backups + (this.backupCounts[t * 2 + 1] as number)),
        },
      };
    }
    return results;
  }
}

/** u32be(n) written at `at`, for values known to fit (the hot path of the stream; bytes.ts's writeU32be checks). */
function putU32(out: Uint8Array, at: number, n: number): void {
  out[at] = n >>> 24;
  out[at + 1] = n >>> 16;
  out[at + 2] = n >>> 8;
  out[at + 3] = n;
}

function unfilled(unitId: string, pool: string, role: DrawRole, k: number): DrawError {
  return new DrawError(
    'UNFILLED',
    `单位「${unitId}」的第 ${k + 1} 名${ROLE_LABELS[role]}无人可派：检查人员库「${pool}」中没有具备该角色、无回避关系且尚未派到该单位的人员`,
    { unitId, role, slot: k, pool },
  );
}

const candidateId = (row: ManifestCandidate): string => row[0];

function nfc(s: string): string {
  return isAsciiId(s) ? s : s.normalize('NFC');
}
