import { Sha256, type SuffixHasher } from '../crypto/sha256.ts';
import { type Sha256Kernel, sha256Kernel } from '../crypto/sha256-wasm.ts';
import { TAG_INSPECTOR, utf8 } from './bytes.ts';
import type { CandidateIdBytes, IdBytes } from './jcs-hash.ts';
import { DrawError } from './draw-error.ts';
import {
  DRAW_ROLES,
  type DrawRole,
  type Manifest,
  type ManifestCandidate,
  type ManifestInspectorRow,
  type TaskResult,
} from './draw-types.ts';
import { indexOfId, isAsciiId } from './id-order.ts';

/**
 * Inspector assignment of draw-algorithm.md §6: for each role, slot and task, a weighted pick among the eligible
 * inspectors whose load is within one of the least loaded; then backups (递补) per task.
 */

const ROLE_LABELS: Record<DrawRole, string> = { lead: '主办', assistant: '协办' };
const ROLE_BYTES: Record<DrawRole, Uint8Array> = { lead: utf8('lead'), assistant: utf8('assistant') };

/** A source of 64-bit words, read as their top `bits` bits (1 ≤ bits ≤ 53, so the value is an exact number). */
export type WordSource = { nextTopBits(bits: number): number };

/**
 * `stream(U, role, k)` of §6: the 64-bit words of the blocks `H(pad32("XF-SRS/1/inspector") ‖ seed ‖ LP(U) ‖
 * LP(role) ‖ u32be(k) ‖ u32be(c))` for c = 0, 1, 2 …, each block read as four big-endian u64. Blocks are
 * hashed only when a word is needed; the 64-byte prefix is absorbed once per draw. Each role keeps its message laid
 * out ({@link StreamMessage}), so a new slot or counter rewrites a word or two and a new unit its id.
 */
export class InspectorStream implements WordSource {
  private readonly messages: readonly [StreamMessage, StreamMessage];
  private current: StreamMessage;
  private readonly words = new Int32Array(8);
  /** Next unread word of the current block (0–4); 4 = the block is used up. */
  private next = 4;
  private counter = 0;
  /** A unit whose id's UTF-8 bytes are at hand ({@link useIdBytes}). */
  private idBytes: { unitId: string; bytes: Uint8Array; start: number; end: number } | null = null;

  /** The state after `pad32(tag) ‖ seed` (one block) and its length, for the WebAssembly kernel; null if not whole blocks. */
  readonly prefix: { state: Int32Array; length: number } | null;

  constructor(seed: Uint8Array) {
    const prefix = new Sha256().update(TAG_INSPECTOR).update(seed);
    this.prefix = seed.length === 32 ? prefix.prefixState() : null;
    this.messages = [new StreamMessage(prefix, 'lead'), new StreamMessage(prefix, 'assistant')];
    this.current = this.messages[0];
  }

  /** Starts `stream(unitId, role, k)` at its first word. */
  reset(unitId: string, role: DrawRole, k: number): this {
    this.current = this.messageOf(unitId, role, k);
    this.next = 4;
    this.counter = 0;
    return this;
  }

  /** Moves the current stream to its word `word` (0, 1, 2 …: word w is word w mod 4 of block ⌊w / 4⌋). */
  seek(word: number): this {
    this.counter = Math.floor(word / 4);
    this.next = 4;
    if (word % 4 === 0) return this; // the block is hashed when its first word is read
    this.hashBlock();
    this.next = word % 4;
    return this;
  }

  nextTopBits(bits: number): number {
    if (this.next === 4) this.hashBlock();
    const at = 2 * this.next;
    this.next += 1;
    return topBits(this.words[at] as number, this.words[at + 1] as number, bits);
  }

  /**
   * The first `wordCount` 64-bit words (1–4) of block c = 0 of `stream(unitId, role, k)` for k = 0 … count − 1,
   * as signed 32-bit halves (hi, lo), `2 · wordCount` per stream, into `out` from `at`: what the assignment
   * hashes ahead. Call {@link reset} before reading words again.
   */
  firstWords(unitId: string, role: DrawRole, count: number, wordCount: number, out: Int32Array, at: number): void {
    const message = this.messageOf(unitId, role, 0);
    const half = 2 * wordCount;
    message.hasher.setU32(message.slotAt + 4, 0);
    for (let k = 0; k < count; k++) {
      if (k > 0) message.setSlot(k);
      message.hasher.digest(out, at + k * half, half);
    }
  }

  /**
   * The UTF-8 bytes of `unitId` are `bytes[start, end)` (the manifest hash kept them): its messages are laid out
   * from them, not from the string.
   */
  useIdBytes(unitId: string, bytes: Uint8Array, start: number, end: number): void {
    this.idBytes = { unitId, bytes, start, end };
  }

  private messageOf(unitId: string, role: DrawRole, k: number): StreamMessage {
    const message = this.messages[role === 'lead' ? 0 : 1];
    const known = this.idBytes;
    if (known !== null && known.unitId === unitId) message.setUnitBytes(unitId, known.bytes, known.start, known.end);
    else message.setUnit(unitId);
    message.setSlot(k);
    return message;
  }

  /** Hashes block `counter` of the current stream into the words and moves the counter on. */
  private hashBlock(): void {
    const message = this.current;
    message.hasher.setU32(message.slotAt + 4, this.counter);
    message.hasher.digest(this.words, 0, 8);
    this.counter += 1;
    this.next = 0;
  }
}

/** The message of §6 for one role, `LP(U) ‖ LP(role) ‖ u32be(k) ‖ u32be(c)`, laid out after the absorbed prefix. */
class StreamMessage {
  readonly hasher: SuffixHasher;
  private readonly roleBytes: Uint8Array;
  private unitId: string | null = null;
  /** Where u32be(k) is; u32be(c) follows. */
  slotAt = 0;

  constructor(
    prefix: Sha256,
    readonly role: DrawRole,
  ) {
    this.hasher = prefix.suffixHasher();
    this.roleBytes = ROLE_BYTES[role];
  }

  /**
   * Lays out LP(unitId) and, when the length changes, LP(role) after it. A unit of the same length as the last
   * one only rewrites its id and length: every other byte stays where it was.
   */
  setUnit(unitId: string): void {
    if (unitId === this.unitId) return;
    const hasher = this.hasher;
    const roleLength = this.roleBytes.length;
    let unitLength = unitId.length; // its UTF-8 length when it is ASCII, as ids nearly always are
    let fresh = hasher.suffixLength !== 4 + unitLength + 4 + roleLength + 8;
    if (fresh) hasher.start(4 + unitLength + 4 + roleLength + 8);
    if (!hasher.setAscii(4, unitId)) {
      const unitBytes = utf8(unitId);
      unitLength = unitBytes.length;
      hasher.start(4 + unitLength + 4 + roleLength + 8);
      hasher.setBytes(4, unitBytes, 0, unitLength);
      fresh = true;
    }
    this.finishUnit(unitId, unitLength, fresh);
  }

  /** LP's length of the unit and, in a fresh layout, LP(role) after it. */
  private finishUnit(unitId: string, unitLength: number, fresh: boolean): void {
    const hasher = this.hasher;
    const roleLength = this.roleBytes.length;
    hasher.setU32(0, unitLength);
    if (fresh) {
      const roleAt = 4 + unitLength;
      hasher.setU32(roleAt, roleLength);
      hasher.setBytes(roleAt + 4, this.roleBytes, 0, roleLength);
      this.slotAt = roleAt + 4 + roleLength;
    }
    this.unitId = unitId;
  }

  /** {@link setUnit} from the id's UTF-8 bytes, `bytes[start, end)`. */
  setUnitBytes(unitId: string, bytes: Uint8Array, start: number, end: number): void {
    if (unitId === this.unitId) return;
    const hasher = this.hasher;
    const unitLength = end - start;
    const length = 4 + unitLength + 4 + this.roleBytes.length + 8;
    const fresh = hasher.suffixLength !== length;
    if (fresh) hasher.start(length);
    hasher.setBytes(4, bytes, start, end);
    this.finishUnit(unitId, unitLength, fresh);
  }

  setSlot(k: number): void {
    if (!(Number.isInteger(k) && k >= 0 && k < 2 ** 32)) throw new RangeError(`stream: slot ${k} is not a u32`);
    this.hasher.setU32(this.slotAt, k);
  }
}

/** `word >> (64 − bits)` (1 ≤ bits ≤ 53) of the 64-bit word whose halves are `hi` and `lo` (as signed 32-bit). */
function topBits(hi: number, lo: number, bits: number): number {
  if (bits <= 32) return hi >>> (32 - bits);
  return (hi >>> 0) * 2 ** (bits - 32) + (lo >>> (64 - bits));
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
export function assignInspectors(
  manifest: Manifest,
  seed: Uint8Array,
  taskUnits: readonly number[],
  candidateIds?: CandidateIdBytes,
  /** The words of every task's streams hashed ahead elsewhere ({@link hashStreamsAhead} over all tasks), if done. */
  ahead?: Int32Array,
): TaskResult[] {
  const tables = assignmentTables(manifest, taskUnits, candidateIds);
  const unitIds = taskUnitIds(manifest.candidates, taskUnits);
  const stream = new InspectorStream(seed);
  const size = taskUnits.length * wordsAheadPerTask(manifest.assignment);
  if (ahead !== undefined && ahead.length !== size) throw new RangeError(`assignInspectors: ${ahead.length} words ahead for ${size}`);
  const words = ahead ?? new Int32Array(size);
  // The words do not depend on the picks, so they are hashed first, each unit's message laid out once for all its streams.
  if (ahead === undefined) {
    const tasks = { from: 0, to: taskUnits.length, unitId: (t: number) => unitIds[t] as string, candidate: (t: number) => taskUnits[t] as number };
    hashStreamsAhead(stream, streamsPerTask(manifest.assignment), tasks, candidateIds, words);
  }
  const picks = pickInspectors(tables, words, stream, (t) => unitIds[t] as string, unfilledError(manifest, taskUnits, unitIds));
  return taskResults(manifest.inspectors, unitIds, tables, picks);
}

/**
 * What the picks of §6 read, for a list of tasks, as typed arrays (a worker thread can be sent them): for each pool
 * and role the inspectors who may serve, their weights, each task's pool and barred inspectors.
 */
export type AssignmentTables = {
  readonly lead: number;
  readonly assistant: number;
  readonly backups: number;
  readonly weight: Float64Array;
  /** Inspectors of pool g with role r, in id order: members[memberStart[2g + r] … memberStart[2g + r + 1]). */
  readonly members: Int32Array;
  readonly memberStart: Int32Array;
  /** Each task's pool as an index. */
  readonly taskPool: Int32Array;
  /** Task t's barred inspectors: barred[barredStart[t] … barredStart[t + 1]). */
  readonly barredStart: Int32Array;
  readonly barred: Int32Array;
};

/** Who §6 put on each task: its leads then assistants (`lead + assistant` a task), its backups (lead ones, then assistant ones, `2 · backups` a task) and their counts per task and role. */
export type Picks = { onTask: Int32Array; onCount: Int32Array; backupPicks: Int32Array; backupCounts: Int32Array };

/** The tables of §6 for the tasks whose units are `taskUnits` (pools, roles and ids matched by their NFC forms). */
export function assignmentTables(manifest: Manifest, taskUnits: readonly number[], candidateIds?: CandidateIdBytes): AssignmentTables {
  const inspectors = manifest.inspectors;
  const n = inspectors.length;
  const weight = new Float64Array(n);
  const inspectorByNfcId = new Map<string, number>();
  // Pools by NFC code; each inspector joins the lists of its pools (once each) for each role it has.
  const poolIndex = new Map<string, number>();
  const lists: number[][] = [];
  for (let p = 0; p < n; p++) {
    const row = inspectors[p] as ManifestInspectorRow;
    inspectorByNfcId.set(nfc(row[0]), p);
    weight[p] = row[3];
    const roles = new Set(row[2].map(nfc));
    for (const pool of new Set(row[1].map(nfc))) {
      let g = poolIndex.get(pool);
      if (g === undefined) {
        g = poolIndex.size;
        poolIndex.set(pool, g);
        lists.push([], []);
      }
      if (roles.has('lead')) (lists[2 * g] as number[]).push(p);
      if (roles.has('assistant')) (lists[2 * g + 1] as number[]).push(p);
    }
  }
  lists.push([], []); // the last pool: nobody (a unit whose pool no inspector serves)
  const nobody = lists.length / 2 - 1;
  const memberStart = new Int32Array(lists.length + 1);
  for (let x = 0; x < lists.length; x++) memberStart[x + 1] = (memberStart[x] as number) + (lists[x] as number[]).length;

  // Conflicts by candidate index (the candidates are in id order): a task finds its own by a number, without
  // reading its id again.
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
  const { taskPool, barredStart, barred } = readTasks(
    manifest.candidates,
    taskUnits,
    (code) => poolIndex.get(nfc(code)) ?? nobody,
    conflictsByCandidate,
    candidateIds,
  );
  const { lead, assistant, backups } = manifest.assignment;
  return { lead, assistant, backups, weight, members: Int32Array.from(lists.flat()), memberStart, taskPool, barredStart, barred };
}

/** The tables of the listed tasks only (indices into the tables' tasks, ascending): their pools and barred inspectors. */
export function tablesOfTasks(tables: AssignmentTables, tasks: Int32Array): AssignmentTables {
  const taskPool = new Int32Array(tasks.length);
  const barredStart = new Int32Array(tasks.length + 1);
  let count = 0;
  for (let x = 0; x < tasks.length; x++) {
    const t = tasks[x] as number;
    count += (tables.barredStart[t + 1] as number) - (tables.barredStart[t] as number);
  }
  const barred = new Int32Array(count);
  let at = 0;
  for (let x = 0; x < tasks.length; x++) {
    const t = tasks[x] as number;
    taskPool[x] = tables.taskPool[t] as number;
    for (let b = tables.barredStart[t] as number; b < (tables.barredStart[t + 1] as number); b++) barred[at++] = tables.barred[b] as number;
    barredStart[x + 1] = at;
  }
  const { lead, assistant, backups, weight, members, memberStart } = tables;
  return { lead, assistant, backups, weight, members, memberStart, taskPool, barredStart, barred };
}

/**
 * Each task's unit id (the candidate's id as the manifest spells it), in task order. (A function of its own: see
 * {@link Picker}.)
 */
export function taskUnitIds(candidates: readonly ManifestCandidate[], taskUnits: readonly number[]): string[] {
  const unitIds = new Array<string>(taskUnits.length);
  for (let t = 0; t < taskUnits.length; t++) unitIds[t] = (candidates[taskUnits[t] as number] as ManifestCandidate)[0];
  return unitIds;
}

/**
 * §6 steps 1–3 and the backups over the tables' tasks, in their order, from the words hashed ahead for them (task 0's
 * first, {@link wordsAheadPerTask} a task); past those words a stream hashes its blocks with `stream`, its unit named
 * by `unitOf(t)` (which may hand the stream the id's bytes first). `failed` makes the error of a slot nobody can
 * fill. Tasks whose pools share no inspector do not meet: the picks of such groups of tasks can be made apart.
 */
export function pickInspectors(
  tables: AssignmentTables,
  ahead: Int32Array,
  stream: InspectorStream,
  unitOf: (t: number) => string,
  failed: (t: number, r: number, k: number) => Error,
): Picks {
  return new Picker(tables, new PrefetchedStream(stream, ahead, unitOf), failed).pick();
}

/** The error of §6 for a slot nobody can fill, for the tasks whose units are `taskUnits` (ids `unitIds`). */
export function unfilledError(manifest: Manifest, taskUnits: readonly number[], unitIds: readonly string[]): (t: number, r: number, k: number) => DrawError {
  return (t, r, k) => unfilled((manifest.candidates[taskUnits[t] as number] as ManifestCandidate)[3], unitIds[t] as string, r, k);
}

/**
 * The tasks in two groups whose pools share no inspector (their picks do not meet, so each group's picks can be made
 * apart, on two threads, with the same result): `there` holds about `share` of the tasks, `here` the rest, each in
 * task order. Null when the pools do not part that way (one group of pools holds too many of the tasks).
 */
export function splitTasksByPools(tables: AssignmentTables, share: number): { here: Int32Array; there: Int32Array } | null {
  const pools = (tables.memberStart.length - 1) / 2;
  // Pools joined by a shared inspector, with union–find.
  const parent = Int32Array.from({ length: pools }, (_, g) => g);
  const root = (g: number): number => {
    while (parent[g] !== g) {
      parent[g] = parent[parent[g] as number] as number;
      g = parent[g] as number;
    }
    return g;
  };
  const firstPool = new Int32Array(tables.weight.length).fill(-1);
  for (let g = 0; g < pools; g++) {
    for (let m = tables.memberStart[2 * g] as number; m < (tables.memberStart[2 * g + 2] as number); m++) {
      const p = tables.members[m] as number;
      const f = firstPool[p] as number;
      if (f < 0) firstPool[p] = g;
      else parent[root(g)] = root(f);
    }
  }
  const tasksOf = new Int32Array(pools);
  for (let t = 0; t < tables.taskPool.length; t++) {
    const g = root(tables.taskPool[t] as number);
    tasksOf[g] = (tasksOf[g] as number) + 1;
  }
  // The largest groups first, each to the side further below its share.
  const groups = [...tasksOf.keys()].filter((g) => (tasksOf[g] as number) > 0).sort((a, b) => (tasksOf[b] as number) - (tasksOf[a] as number));
  const target = share * tables.taskPool.length;
  const toThere = new Uint8Array(pools);
  let there = 0;
  let here = 0;
  for (const g of groups) {
    if (target - there >= tables.taskPool.length - target - here) {
      toThere[g] = 1;
      there += tasksOf[g] as number;
    } else here += tasksOf[g] as number;
  }
  const count = tables.taskPool.length;
  if (Math.abs(there - target) > 0.1 * count) return null;
  const out = { here: new Int32Array(here), there: new Int32Array(there) };
  let h = 0;
  let x = 0;
  for (let t = 0; t < count; t++) {
    if (toThere[root(tables.taskPool[t] as number)] === 1) out.there[x++] = t;
    else out.here[h++] = t;
  }
  return out;
}

/**
 * 64-bit words of each stream hashed ahead: all four of its first block. A pick reads its first word, and the next
 * while they are rejected (each with probability below 1/2: with ten inspectors of weights 1–2, about a third). With
 * two words ahead one pick in seven or so ran out and hashed its first block again in TypeScript (a third of the
 * picks' time); with four, about one in a hundred goes on to the stream's second block.
 */
const WORDS_AHEAD = 4;

/**
 * The state of one assignment's picks, as typed arrays: who is on each task, loads, marks. One small method per pick
 * and one per loop: the engine compiles a loop while it runs, and code after the loop in the same function would be
 * compiled before it ever ran, then thrown away at every draw.
 */
class Picker {
  private readonly count: number;
  private readonly slots: readonly [number, number];
  /** Streams per task and role (slots + backups). */
  private readonly streams: readonly [number, number];
  /** Who is on each task: its leads, then its assistants (stride lead + assistant). */
  private readonly stride: number;
  private readonly onTask: Int32Array;
  private readonly onCount: Int32Array;
  private readonly backupPicks: Int32Array;
  private readonly backupCounts: Int32Array;
  private readonly load: Int32Array;
  /** mark[p] === stamp: p is barred from, already on, or a backup of the task being filled. */
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly eligible: Int32Array;
  private readonly eligibleWeights: Float64Array;
  // The tables' arrays, read in the loops.
  private readonly weight: Float64Array;
  private readonly members: Int32Array;
  private readonly memberStart: Int32Array;
  private readonly taskPool: Int32Array;
  private readonly barredStart: Int32Array;
  private readonly barred: Int32Array;
  private readonly backups: number;

  constructor(
    tables: AssignmentTables,
    private readonly source: PrefetchedStream,
    private readonly failed: (t: number, r: number, k: number) => Error,
  ) {
    const { lead, assistant, backups, weight, taskPool } = tables;
    this.weight = weight;
    this.members = tables.members;
    this.memberStart = tables.memberStart;
    this.taskPool = taskPool;
    this.barredStart = tables.barredStart;
    this.barred = tables.barred;
    this.backups = backups;
    const n = weight.length;
    this.count = taskPool.length;
    this.slots = [lead, assistant];
    this.streams = streamsPerTask(tables);
    this.stride = lead + assistant;
    this.onTask = new Int32Array(this.count * this.stride);
    this.onCount = new Int32Array(this.count);
    this.backupPicks = new Int32Array(this.count * 2 * backups);
    this.backupCounts = new Int32Array(this.count * 2);
    this.load = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.eligible = new Int32Array(n);
    this.eligibleWeights = new Float64Array(n);
  }

  /** §6: the slots, then the backups. */
  pick(): Picks {
    this.fillSlots();
    this.drawAllBackups();
    return { onTask: this.onTask, onCount: this.onCount, backupPicks: this.backupPicks, backupCounts: this.backupCounts };
  }

  /** Where the words hashed ahead for stream(task t, role r, k) begin. */
  private aheadAt(t: number, r: number, k: number): number {
    const [leadStreams, assistantStreams] = this.streams;
    return (t * (leadStreams + assistantStreams) + (r === 0 ? 0 : leadStreams) + k) * 2 * WORDS_AHEAD;
  }

  /** §6 steps 1–3: role lead then assistant, slot by slot, task by task. */
  private fillSlots(): void {
    for (let r = 0; r < 2; r++) {
      for (let k = 0; k < (this.slots[r] as number); k++) this.fillSlotOfAll(r, k);
    }
  }

  /** One slot of every task. (Each loop of the assignment is a method of its own: see {@link Picker}.) */
  private fillSlotOfAll(r: number, k: number): void {
    for (let t = 0; t < this.count; t++) this.fillSlot(t, r, k);
  }

  /** §6 backups, task by task. */
  private drawAllBackups(): void {
    if (this.backups === 0) return;
    for (let t = 0; t < this.count; t++) this.drawBackups(t);
  }

  /** Marks who may not be drawn for task t now: barred, or already on it. */
  private markTask(t: number): void {
    this.stamp += 1;
    const stamp = this.stamp;
    const { barred, barredStart } = this;
    const barEnd = barredStart[t + 1] as number;
    for (let x = barredStart[t] as number; x < barEnd; x++) this.mark[barred[x] as number] = stamp;
    const base = t * this.stride;
    const end = base + (this.onCount[t] as number);
    for (let x = base; x < end; x++) this.mark[this.onTask[x] as number] = stamp;
  }

  /** §6 steps 1–3 for task t, role r, slot k. */
  private fillSlot(t: number, r: number, k: number): void {
    this.markTask(t);
    const { mark, load, weight, eligible, eligibleWeights, members, memberStart } = this;
    const stamp = this.stamp;
    const group = 2 * (this.taskPool[t] as number) + r;
    const end = memberStart[group + 1] as number;
    let size = 0;
    let minLoad = 0x7fffffff;
    for (let m = memberStart[group] as number; m < end; m++) {
      const p = members[m] as number;
      if (mark[p] === stamp) continue;
      eligible[size++] = p;
      if ((load[p] as number) < minLoad) minLoad = load[p] as number;
    }
    if (size === 0) throw this.failed(t, r, k);
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
    const pick = uniformInt(sum, this.source.start(this.aheadAt(t, r, k), t, r, k));
    const p = eligible[pickByWeight(eligibleWeights, kept, pick)] as number;
    load[p] = (load[p] as number) + 1;
    this.onTask[t * this.stride + (this.onCount[t] as number)] = p;
    this.onCount[t] = (this.onCount[t] as number) + 1;
  }

  /** §6 backups of task t: lead then assistant, each until `backups` or nobody is left. */
  private drawBackups(t: number): void {
    this.markTask(t);
    this.drawBackupsOfRole(t, 0);
    this.drawBackupsOfRole(t, 1);
  }

  private drawBackupsOfRole(t: number, r: number): void {
    const { mark, weight, eligible, eligibleWeights, members, memberStart, backups } = this;
    const stamp = this.stamp;
    const group = 2 * (this.taskPool[t] as number) + r;
    const from = memberStart[group] as number;
    const end = memberStart[group + 1] as number;
    const slots = this.slots[r] as number;
    for (let j = 1; j <= backups; j++) {
      let size = 0;
      let sum = 0;
      for (let m = from; m < end; m++) {
        const p = members[m] as number;
        if (mark[p] === stamp) continue;
        eligible[size] = p;
        eligibleWeights[size] = weight[p] as number;
        sum += weight[p] as number;
        size += 1;
      }
      if (size === 0) return;
      const k = slots - 1 + j;
      const pick = uniformInt(sum, this.source.start(this.aheadAt(t, r, k), t, r, k));
      const p = eligible[pickByWeight(eligibleWeights, size, pick)] as number;
      mark[p] = stamp; // a backup is drawn once per task, across roles
      const c = t * 2 + r;
      this.backupPicks[t * 2 * backups + r * backups + (this.backupCounts[c] as number)] = p;
      this.backupCounts[c] = (this.backupCounts[c] as number) + 1;
    }
  }
}

/** The tasks of the result (§7) from the picks: each unit with its inspectors' ids (lists shared between tasks, frozen: {@link IdLists}). */
export function taskResults(
  inspectors: readonly ManifestInspectorRow[],
  unitIds: readonly string[],
  tables: AssignmentTables,
  picks: Picks,
  /** The picks are of these tasks only (indices into `unitIds`), written into `into` at their places. */
  part?: { tasks: Int32Array; into: TaskResult[] },
): TaskResult[] {
  const { onTask, backupPicks, backupCounts } = picks;
  const { lead, backups } = tables;
  const stride = tables.lead + tables.assistant;
  const lists = new IdLists(inspectors);
  const results = part?.into ?? new Array<TaskResult>(unitIds.length);
  const count = part === undefined ? unitIds.length : part.tasks.length;
  for (let t = 0; t < count; t++) {
    const base = t * stride;
    const bBase = t * 2 * backups;
    const at = part === undefined ? t : (part.tasks[t] as number);
    results[at] = {
      unitId: unitIds[at] as string,
      lead: lists.of(onTask, base, base + lead),
      assistant: lists.of(onTask, base + lead, base + stride),
      backups: {
        lead: lists.of(backupPicks, bBase, bBase + (backupCounts[t * 2] as number)),
        assistant: lists.of(backupPicks, bBase + backups, bBase + backups + (backupCounts[t * 2 + 1] as number)),
      },
    };
  }
  return results;
}

/**
 * The id lists of the result's tasks: one frozen array per inspector and per ordered pair of inspectors, shared by every
 * task that has it. A province's draw has 100,000 tasks of four lists each, nearly all of one or two ids: made one by
 * one they were ~800,000 young objects, all alive, that the collector copied twice while the draw ran (~50 ms of its
 * ~500). Frozen, so that no caller can change one task's list through another's.
 */
class IdLists {
  private readonly singles: (readonly string[] | undefined)[];
  private readonly pairs = new Map<number, readonly string[]>();

  constructor(private readonly inspectors: readonly ManifestInspectorRow[]) {
    this.singles = new Array<readonly string[] | undefined>(inspectors.length);
  }

  /** The ids of inspectors `picks[start, end)`, in that order. */
  of(picks: Int32Array, start: number, end: number): readonly string[] {
    const count = end - start;
    if (count === 1) {
      const p = picks[start] as number;
      return (this.singles[p] ??= Object.freeze([this.idOf(p)]));
    }
    if (count === 2) {
      const p = picks[start] as number;
      const q = picks[start + 1] as number;
      const key = p * this.inspectors.length + q;
      let pair = this.pairs.get(key);
      if (pair === undefined) this.pairs.set(key, (pair = Object.freeze([this.idOf(p), this.idOf(q)])));
      return pair;
    }
    if (count === 0) return NO_IDS;
    const out: string[] = [];
    for (let x = start; x < end; x++) out.push(this.idOf(picks[x] as number));
    return Object.freeze(out);
  }

  private idOf(p: number): string {
    return (this.inspectors[p] as ManifestInspectorRow)[0];
  }
}

const NO_IDS: readonly string[] = Object.freeze([]);

/** Streams per task and role: its slots and its backups (lead ones, assistant ones). */
export function streamsPerTask(assignment: Pick<Manifest['assignment'], 'lead' | 'assistant' | 'backups'>): [number, number] {
  return [assignment.lead + assignment.backups, assignment.assistant + assignment.backups];
}

/** int32 words hashed ahead per task: WORDS_AHEAD 64-bit words of each of its streams (slots + backups, per role). */
export function wordsAheadPerTask(assignment: Pick<Manifest['assignment'], 'lead' | 'assistant' | 'backups'>): number {
  return (assignment.lead + assignment.assistant + 2 * assignment.backups) * 2 * WORDS_AHEAD;
}

/**
 * The words hashed ahead for tasks [from, to) into `out` (task `from` first, {@link wordsAheadPerTask} each): the
 * first WORDS_AHEAD words of block c = 0 of stream(U, role, k) for role lead then assistant, k = 0 … slots +
 * backups − 1. A task's unit is `unitId(t)`, laid out from its bytes in `ids` at `candidate(t)` when there. With
 * `unitId` null (another thread, which has only the bytes), tasks without bytes are skipped and returned.
 */
export function hashStreamsAhead(
  stream: InspectorStream,
  streams: readonly [number, number],
  tasks: { from: number; to: number; unitId: ((t: number) => string) | null; candidate: (t: number) => number },
  ids: IdBytes | undefined,
  out: Int32Array,
): number[] {
  const kernel = ids !== undefined && stream.prefix !== null ? sha256Kernel() : null;
  if (kernel !== null) return hashStreamsAheadInKernel(kernel, stream, streams, tasks, ids as IdBytes, out);
  const skipped: number[] = [];
  for (let t = tasks.from; t < tasks.to; t++) {
    if (!hashTaskAhead(stream, streams, tasks, t, ids, out)) skipped.push(t);
  }
  return skipped;
}

/** {@link hashStreamsAhead} for task t alone, in TypeScript; false when skipped (no string and no bytes). */
function hashTaskAhead(
  stream: InspectorStream,
  streams: readonly [number, number],
  tasks: { from: number; unitId: ((t: number) => string) | null; candidate: (t: number) => number },
  t: number,
  ids: IdBytes | undefined,
  out: Int32Array,
): boolean {
  const [leadStreams, assistantStreams] = streams;
  const perTask = (leadStreams + assistantStreams) * 2 * WORDS_AHEAD;
  const c = tasks.candidate(t);
  const plain = ids !== undefined && ids.plain[c] === 1;
  // Without the string, a key that tells this unit from the others is enough: the bytes are the message.
  const unitId = tasks.unitId === null ? (plain ? `#${c}` : null) : tasks.unitId(t);
  if (unitId === null) return false;
  if (plain) stream.useIdBytes(unitId, ids.bytes, ids.start[c] as number, ids.start[c + 1] as number);
  const at = (t - tasks.from) * perTask;
  stream.firstWords(unitId, 'lead', leadStreams, WORDS_AHEAD, out, at);
  stream.firstWords(unitId, 'assistant', assistantStreams, WORDS_AHEAD, out, at + leadStreams * 2 * WORDS_AHEAD);
  return true;
}

/** Tasks per call of the kernel in {@link hashStreamsAheadInKernel}. */
const KERNEL_TASKS = 2048;

/**
 * {@link hashStreamsAhead} with the WebAssembly kernel: the messages `LP(U) ‖ LP(role) ‖ u32be(k) ‖ u32be(0)` of a
 * batch of tasks, each in a slot of its own ({@link StreamSlots}), hashed four at a time. A task whose id has no bytes
 * at hand is done in TypeScript (or skipped, as there).
 */
function hashStreamsAheadInKernel(
  kernel: Sha256Kernel,
  stream: InspectorStream,
  streams: readonly [number, number],
  tasks: { from: number; to: number; unitId: ((t: number) => string) | null; candidate: (t: number) => number },
  ids: IdBytes,
  out: Int32Array,
): number[] {
  const prefix = stream.prefix as { state: Int32Array; length: number };
  const [leadStreams, assistantStreams] = streams;
  const perTask = (leadStreams + assistantStreams) * 2 * WORDS_AHEAD;
  const skipped: number[] = [];
  const others: number[] = [];
  const { start, plain } = ids;
  let longest = 0;
  for (let t = tasks.from; t < tasks.to; t++) {
    const c = tasks.candidate(t);
    if (plain[c] === 1) longest = Math.max(longest, (start[c + 1] as number) - (start[c] as number));
  }
  const slots = new StreamSlots(streams, Math.min(KERNEL_TASKS, tasks.to - tasks.from), longest);
  const words = new Int32Array(KERNEL_TASKS * perTask);
  for (let first = tasks.from; first < tasks.to; first += KERNEL_TASKS) {
    const last = Math.min(tasks.to, first + KERNEL_TASKS);
    let inKernel = 0;
    for (let t = first; t < last; t++) {
      const c = tasks.candidate(t);
      if (plain[c] !== 1) others.push(t);
      else slots.layOut(inKernel++, ids.bytes, start[c] as number, start[c + 1] as number);
    }
    slots.hash(kernel, prefix, inKernel, words);
    const outAt = (first - tasks.from) * perTask;
    if (inKernel === last - first) out.set(words.subarray(0, inKernel * perTask), outAt);
    else {
      // Tasks in order, the kernel's words for those it hashed.
      let w = 0;
      for (let t = first; t < last; t++) {
        if (plain[tasks.candidate(t)] !== 1) continue;
        out.set(words.subarray(w, w + perTask), (t - tasks.from) * perTask);
        w += perTask;
      }
    }
  }
  for (const t of others) {
    if (!hashTaskAhead(stream, streams, tasks, t, undefined, out)) skipped.push(t);
  }
  return skipped;
}

/**
 * The messages of §6 of a batch of tasks for the kernel, each stream's in a slot of its own (a fixed stride, a multiple
 * of four bytes), kept from batch to batch: a slot's LP(role) ‖ u32be(k) ‖ u32be(0) stay where they are while its ids
 * keep their length, so a new task rewrites only its id — byte by byte in its first slot, then four bytes at a time
 * into the others (the id starts four bytes into every slot). Laying the messages out one after another instead cost
 * about as much as hashing them.
 */
class StreamSlots {
  private readonly perTask: number;
  private readonly stride: number;
  private readonly bytes: Uint8Array;
  private readonly words: Uint32Array;
  private readonly lengths: Int32Array;
  /** The id length each slot is laid out for (−1: not yet). */
  private readonly laidOut: Int32Array;
  /** Each slot's role and k, in slot order within a task. */
  private readonly slotRole: Uint8Array[] = [];
  private readonly slotK: number[] = [];

  constructor(streams: readonly [number, number], tasks: number, longestId: number) {
    const roles = [ROLE_BYTES.lead, ROLE_BYTES.assistant] as const;
    for (let r = 0; r < 2; r++) {
      for (let k = 0; k < (streams[r] as number); k++) {
        this.slotRole.push(roles[r] as Uint8Array);
        this.slotK.push(k);
      }
    }
    this.perTask = this.slotRole.length;
    this.stride = 4 * Math.ceil((4 + longestId + 4 + ROLE_BYTES.assistant.length + 8) / 4);
    this.bytes = new Uint8Array(tasks * this.perTask * this.stride);
    this.words = new Uint32Array(this.bytes.buffer);
    this.lengths = new Int32Array(tasks * this.perTask);
    this.laidOut = new Int32Array(tasks * this.perTask).fill(-1);
  }

  /** The messages of the x-th task of the batch, whose unit's id is `ids[from, to)`. */
  layOut(x: number, ids: Uint8Array, from: number, to: number): void {
    const length = to - from;
    const first = x * this.perTask;
    const bytes = this.bytes;
    if (this.laidOut[first] !== length) this.layOutSlot(first, length);
    const at = first * this.stride + 4;
    for (let i = 0; i < length; i++) bytes[at + i] = ids[from + i] as number;
    const whole = length >>> 2;
    for (let q = first + 1; q < first + this.perTask; q++) {
      if (this.laidOut[q] !== length) this.layOutSlot(q, length);
      this.copyId(first, q, whole, length);
    }
  }

  /** The digests' first 2 · WORDS_AHEAD words of the first `tasks` tasks' messages, into `out`. */
  hash(kernel: Sha256Kernel, prefix: { state: Int32Array; length: number }, tasks: number, out: Int32Array): void {
    kernel.hashSlots(
      prefix.state,
      prefix.length,
      this.bytes,
      this.stride,
      this.lengths,
      tasks * this.perTask,
      2 * WORDS_AHEAD,
      out,
      0,
    );
  }

  /** Slot q's id from slot `from`'s: `whole` words of four bytes, then the rest byte by byte. */
  private copyId(from: number, q: number, whole: number, length: number): void {
    const words = this.words;
    const source = (from * this.stride) >>> 2;
    const target = (q * this.stride) >>> 2;
    for (let w = 1; w <= whole; w++) words[target + w] = words[source + w] as number;
    const bytes = this.bytes;
    for (let i = 4 * whole; i < length; i++) bytes[q * this.stride + 4 + i] = bytes[from * this.stride + 4 + i] as number;
  }

  /** Slot q's message for ids of `length` bytes, but the id: u32be(length) ‖ (id) ‖ LP(role) ‖ u32be(k) ‖ u32be(0). */
  private layOutSlot(q: number, length: number): void {
    const role = this.slotRole[q % this.perTask] as Uint8Array;
    const bytes = this.bytes;
    let at = writeU32(bytes, q * this.stride, length) + length;
    at = writeU32(bytes, at, role.length);
    for (let i = 0; i < role.length; i++) bytes[at++] = role[i] as number;
    at = writeU32(bytes, at, this.slotK[q % this.perTask] as number);
    writeU32(bytes, at, 0);
    this.lengths[q] = 4 + length + 4 + role.length + 8;
    this.laidOut[q] = length;
  }
}

function writeU32(out: Uint8Array, at: number, n: number): number {
  out[at] = n >>> 24;
  out[at + 1] = (n >>> 16) & 0xff;
  out[at + 2] = (n >>> 8) & 0xff;
  out[at + 3] = n & 0xff;
  return at + 4;
}

/**
 * Each task's pool (an index, by `poolOf` of its code) and barred inspectors. (A function of its own: see
 * {@link Picker}.)
 */
function readTasks(
  candidates: readonly ManifestCandidate[],
  taskUnits: readonly number[],
  poolOf: (code: string) => number,
  conflictsByCandidate: ReadonlyMap<number, readonly number[]>,
  columns: CandidateIdBytes | undefined,
): { taskPool: Int32Array; barredStart: Int32Array; barred: Int32Array } {
  const count = taskUnits.length;
  const taskPool = new Int32Array(count);
  const barredStart = new Int32Array(count + 1);
  const barred: number[] = [];
  // Pools from the columns the manifest hash kept where it has them; else each raw code is looked up once.
  const columnPools = columns?.poolCodes.map(poolOf) ?? [];
  const poolOfRaw = new Map<string, number>();
  for (let t = 0; t < count; t++) {
    const c = taskUnits[t] as number;
    if (columns !== undefined && (columns.stratum[c] as number) >= 0) {
      taskPool[t] = columnPools[columns.pool[c] as number] as number;
    } else {
      const row = candidates[c] as ManifestCandidate;
      let g = poolOfRaw.get(row[3]);
      if (g === undefined) {
        g = poolOf(row[3]);
        poolOfRaw.set(row[3], g);
      }
      taskPool[t] = g;
    }
    const bar = conflictsByCandidate.size > 0 ? conflictsByCandidate.get(c) : undefined;
    if (bar !== undefined) for (const p of bar) barred.push(p);
    barredStart[t + 1] = barred.length;
  }
  return { taskPool, barredStart, barred: Int32Array.from(barred) };
}

/**
 * A stream read from the words hashed ahead ({@link hashStreamsAhead}) while they last, then from the
 * stream itself, moved to the first word not hashed ahead.
 */
class PrefetchedStream implements WordSource {
  private at = 0;
  private end = 0;
  private task = 0;
  private role = 0;
  private k = 0;

  constructor(
    readonly stream: InspectorStream,
    private readonly ahead: Int32Array,
    /** Task t's unit as the stream names it (called only when the words ahead run out). */
    private readonly unitOf: (t: number) => string,
  ) {}

  /** Starts reading stream(task t's unit, role r, k), whose words hashed ahead begin at `at`. */
  start(at: number, t: number, r: number, k: number): this {
    this.at = at;
    this.end = at + 2 * WORDS_AHEAD;
    this.task = t;
    this.role = r;
    this.k = k;
    return this;
  }

  nextTopBits(bits: number): number {
    const at = this.at;
    if (at < this.end) {
      this.at = at + 2;
      return topBits(this.ahead[at] as number, this.ahead[at + 1] as number, bits);
    }
    if (at === this.end) {
      this.stream.reset(this.unitOf(this.task), DRAW_ROLES[this.role] as DrawRole, this.k).seek(WORDS_AHEAD);
      this.at = at + 1;
    }
    return this.stream.nextTopBits(bits);
  }
}

function unfilled(pool: string, unitId: string, r: number, k: number): DrawError {
  const role = DRAW_ROLES[r] as DrawRole;
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
