import { compareIds } from './id-order.ts';
import { DRAW_ALGORITHM, DRAW_ROLES, type Manifest } from './draw-types.ts';
import type { IdBytes } from './jcs-hash.ts';

export type ManifestProblemCode =
  | 'ALGORITHM'
  | 'FIELD_INVALID'
  | 'STRATUM_INVALID'
  | 'STRATUM_DUPLICATE'
  | 'CANDIDATE_INVALID'
  | 'CANDIDATE_ORDER'
  | 'CANDIDATE_DUPLICATE'
  | 'CANDIDATE_STRATUM_UNKNOWN'
  | 'CANDIDATE_WEIGHT'
  | 'QUOTA_EXCEEDS_CANDIDATES'
  | 'EXCLUDED_INVALID'
  | 'EXCLUDED_ORDER'
  | 'EXCLUDED_IS_CANDIDATE'
  | 'INSPECTOR_INVALID'
  | 'INSPECTOR_ORDER'
  | 'INSPECTOR_DUPLICATE'
  | 'INSPECTOR_ROLE'
  | 'INSPECTOR_WEIGHT'
  | 'CONFLICT_INVALID'
  | 'ASSIGNMENT_INVALID'
  | 'OBSERVER_INVALID'
  | 'OBSERVER_DUPLICATE'
  | 'EXTERNAL_INVALID'
  | 'NO_RANDOMNESS'
  | 'POOL_UNSTAFFED'
  | 'TOO_MANY_PROBLEMS';

/** One reason a manifest is invalid: `at` is the JSON path of the row or field, `message` is Chinese. */
export type ManifestProblem = { code: ManifestProblemCode; at: string; message: string };

/** Weights of candidates and inspectors (§3). */
export const DRAW_WEIGHT_RANGE = { min: 1, max: 64 } as const;

/** Slot numbers k enter the stream as u32be(k) (§6): lead − 1 + backups must stay below 2^32. */
const MAX_SLOTS = 0x7fffffff;

/** A manifest of a million broken rows would otherwise give a million problems. */
const MAX_PROBLEMS = 100;

const ROLE_LABELS: Record<string, string> = { lead: '主办', assistant: '协办' };

/**
 * The problems that make a manifest invalid (empty when it is valid). draw-algorithm.md §3 names some: a quota larger
 * than its stratum's candidates, a candidate whose stratum is not listed, no observer and no external value.
 * The others are what the draw relies on:
 *
 * - `algorithm` is "XF-SRS/1"; drawId and planId non-empty; asOf a calendar date YYYY-MM-DD.
 * - Strata: unique codes; quota and alternates integers ≥ 0.
 * - Candidates, excluded units and inspectors: ids non-empty without control characters (§2), strictly
 *   ascending in id order (so unique); a unit is not both a candidate and excluded.
 * - Weights (candidates and inspectors) integers 1–64; roles among lead and assistant, no repeat; every
 *   pool code a non-empty string.
 * - Assignment: lead ≥ 1, assistant ≥ 1, backups ≥ 0, all integers.
 * - Observers: unique non-empty ids; external references: non-empty source and ref, no repeat.
 * - Every pool used by a candidate has at least `lead` inspectors with the role lead, `assistant` with the
 *   role assistant, and `lead + assistant` different people with a role: otherwise a drawn unit of that pool
 *   could never be staffed (a 回避 conflict can still leave one unit unfilled; the draw then fails UNFILLED).
 *
 * Strings are compared as their NFC forms, as JCS hashes them (§2): two manifests with the same hash always
 * validate and draw alike. Defensive about shapes: a bundle from outside is checked before anything trusts it.
 *
 * `idBytes`: the candidates' id bytes as the manifest's hash or a verifier read them (`CandidateIdBytes`); a plain id
 * there (printable ASCII: no control character, its own NFC form) is checked and ordered by its bytes, with the
 * same outcome as by its string and without reading a million strings again.
 */
export function validateManifest(manifest: Manifest, idBytes?: IdBytes): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const add = (code: ManifestProblemCode, at: string, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ code, at, message });
    else if (problems.length === MAX_PROBLEMS) problems.push({ code: 'TOO_MANY_PROBLEMS', at: '', message: `问题超过 ${MAX_PROBLEMS} 条，其余未列出` });
  };
  const m = manifest as unknown as Record<string, unknown>;
  if (m === null || typeof m !== 'object') {
    add('FIELD_INVALID', '', '抽取清单应为 JSON 对象');
    return problems;
  }

  if (typeof m.algorithm !== 'string' || m.algorithm.normalize('NFC') !== DRAW_ALGORITHM) {
    add('ALGORITHM', 'algorithm', `算法标识应为「${DRAW_ALGORITHM}」，实际为「${String(m.algorithm)}」`);
  }
  if (!isNonEmptyString(m.drawId)) add('FIELD_INVALID', 'drawId', '抽取编号（drawId）应为非空字符串');
  if (!isNonEmptyString(m.planId)) add('FIELD_INVALID', 'planId', '计划编号（planId）应为非空字符串');
  if (!isCalendarDate(m.asOf)) add('FIELD_INVALID', 'asOf', `名录日期（asOf）应为 YYYY-MM-DD 格式的日期，实际为「${String(m.asOf)}」`);

  // Strata.
  const stratumIndex = new Map<string, number>();
  const strata = Array.isArray(m.strata) ? (m.strata as unknown[]) : [];
  if (!Array.isArray(m.strata)) add('FIELD_INVALID', 'strata', '分层（strata）应为数组');
  strata.forEach((s, i) => {
    const at = `strata[${i}]`;
    const row = s as Record<string, unknown> | null;
    if (row === null || typeof row !== 'object' || !isNonEmptyString(row.code)) {
      add('STRATUM_INVALID', at, `第 ${i + 1} 个分层缺少分层代码`);
      return;
    }
    const code = row.code.normalize('NFC');
    if (stratumIndex.has(code)) add('STRATUM_DUPLICATE', at, `分层「${row.code}」重复列出`);
    else stratumIndex.set(code, i);
    if (!isIntIn(row.quota, 0, Number.MAX_SAFE_INTEGER)) add('STRATUM_INVALID', `${at}.quota`, `分层「${row.code}」的抽取数量应为不小于 0 的整数`);
    if (!isIntIn(row.alternates, 0, Number.MAX_SAFE_INTEGER)) add('STRATUM_INVALID', `${at}.alternates`, `分层「${row.code}」的递补数量应为不小于 0 的整数`);
  });

  // Candidates: one pass over what may be a million rows, so codes are looked up through a cache of raw strings.
  const candidates = Array.isArray(m.candidates) ? (m.candidates as unknown[]) : [];
  if (!Array.isArray(m.candidates)) add('FIELD_INVALID', 'candidates', '候选单位（candidates）应为数组');
  const perStratum = new Array<number>(strata.length).fill(0);
  const stratumOfRaw = new Map<string, number>();
  const candidatePools = new Set<string>();
  let previous: string | null = null;
  // A row's path only when a problem names it: a million of them otherwise, for nothing.
  const at = (i: number): string => `candidates[${i}]`;
  const ids = idBytes !== undefined && idBytes.plain.length === candidates.length ? idBytes : undefined;
  /** Whether the previous row's id is plain in `ids`. */
  let previousPlain = false;
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i];
    const plain = ids !== undefined && ids.plain[i] === 1 && Array.isArray(row) && isPlainIdOf(ids, i, row[0]);
    if (!Array.isArray(row) || row.length !== 4 || !(plain || isId(row[0])) || typeof row[1] !== 'string' || !isNonEmptyString(row[3])) {
      add('CANDIDATE_INVALID', at(i), `第 ${i + 1} 个候选单位应为 [单位编号, 分层代码, 权重, 检查人员库代码]，编号不能为空或含控制字符`);
      previous = null;
      continue;
    }
    const unitId = row[0] as string;
    const stratum = row[1] as string;
    const weight = row[2] as unknown;
    const pool = row[3] as string;
    if (previous !== null) {
      const order = plain && previousPlain ? compareIdBytes(ids as IdBytes, i - 1, i) : compareIds(previous, unitId);
      if (order === 0) add('CANDIDATE_DUPLICATE', at(i), `候选单位「${unitId}」重复列出`);
      else if (order > 0) add('CANDIDATE_ORDER', at(i), `候选单位应按编号顺序排列：「${unitId}」排在「${previous}」之后`);
    }
    previous = unitId;
    previousPlain = plain;
    let s = stratumOfRaw.get(stratum);
    if (s === undefined) {
      s = stratumIndex.get(stratum.normalize('NFC')) ?? -1;
      stratumOfRaw.set(stratum, s);
    }
    if (s < 0) add('CANDIDATE_STRATUM_UNKNOWN', at(i), `候选单位「${unitId}」的分层「${stratum}」不在分层列表中`);
    else perStratum[s] = (perStratum[s] as number) + 1;
    if (!isIntIn(weight, DRAW_WEIGHT_RANGE.min, DRAW_WEIGHT_RANGE.max)) {
      add('CANDIDATE_WEIGHT', at(i), `候选单位「${unitId}」的权重应为 ${DRAW_WEIGHT_RANGE.min}–${DRAW_WEIGHT_RANGE.max} 的整数，实际为 ${String(weight)}`);
    }
    candidatePools.add(pool);
  }
  strata.forEach((s, i) => {
    const row = s as { code?: unknown; quota?: unknown } | null;
    if (row === null || typeof row !== 'object' || typeof row.quota !== 'number') return;
    const available = perStratum[i] as number;
    if (row.quota > available) {
      add('QUOTA_EXCEEDS_CANDIDATES', `strata[${i}].quota`, `分层「${String(row.code)}」抽取 ${row.quota} 家，但只有 ${available} 家候选单位`);
    }
  });

  // Excluded units: informative, but in id order and never also a candidate (a merge of two sorted lists).
  const excluded = Array.isArray(m.excluded) ? (m.excluded as unknown[]) : [];
  if (!Array.isArray(m.excluded)) add('FIELD_INVALID', 'excluded', '排除单位（excluded）应为数组');
  previous = null;
  let c = 0;
  for (let i = 0; i < excluded.length; i++) {
    const at = `excluded[${i}]`;
    const row = excluded[i];
    if (!Array.isArray(row) || row.length !== 2 || !isId(row[0]) || !isNonEmptyString(row[1])) {
      add('EXCLUDED_INVALID', at, `第 ${i + 1} 个排除单位应为 [单位编号, 排除原因代码]`);
      previous = null;
      continue;
    }
    const unitId = row[0] as string;
    if (previous !== null && compareIds(previous, unitId) >= 0) {
      add('EXCLUDED_ORDER', at, `排除单位应按编号顺序排列且不重复：「${unitId}」排在「${previous}」之后`);
    }
    previous = unitId;
    while (c < candidates.length && candidateId(candidates[c]) !== null && compareIds(candidateId(candidates[c]) as string, unitId) < 0) c += 1;
    if (c < candidates.length && candidateId(candidates[c]) !== null && compareIds(candidateId(candidates[c]) as string, unitId) === 0) {
      add('EXCLUDED_IS_CANDIDATE', at, `单位「${unitId}」既是候选单位又被排除`);
    }
  }

  // Inspectors.
  const inspectors = Array.isArray(m.inspectors) ? (m.inspectors as unknown[]) : [];
  if (!Array.isArray(m.inspectors)) add('FIELD_INVALID', 'inspectors', '检查人员（inspectors）应为数组');
  const staffing = new Map<string, { leads: number; assistants: number; people: number }>();
  previous = null;
  for (let i = 0; i < inspectors.length; i++) {
    const at = `inspectors[${i}]`;
    const row = inspectors[i];
    if (!Array.isArray(row) || row.length !== 4 || !isId(row[0]) || !Array.isArray(row[1]) || !Array.isArray(row[2])) {
      add('INSPECTOR_INVALID', at, `第 ${i + 1} 名检查人员应为 [人员编号, [人员库代码…], [角色…], 权重]`);
      previous = null;
      continue;
    }
    const [id, pools, roles, weight] = row as [string, unknown[], unknown[], unknown];
    if (previous !== null) {
      const order = compareIds(previous, id);
      if (order === 0) add('INSPECTOR_DUPLICATE', at, `检查人员「${id}」重复列出`);
      else if (order > 0) add('INSPECTOR_ORDER', at, `检查人员应按编号顺序排列：「${id}」排在「${previous}」之后`);
    }
    previous = id;
    if (!pools.every(isNonEmptyString)) add('INSPECTOR_INVALID', `${at}[1]`, `检查人员「${id}」的人员库代码应为非空字符串`);
    const roleSet = new Set<string>();
    for (const role of roles) {
      const r = typeof role === 'string' ? role.normalize('NFC') : '';
      if (!(DRAW_ROLES as readonly string[]).includes(r)) add('INSPECTOR_ROLE', `${at}[2]`, `检查人员「${id}」的角色「${String(role)}」不是 lead（主办）或 assistant（协办）`);
      else if (roleSet.has(r)) add('INSPECTOR_ROLE', `${at}[2]`, `检查人员「${id}」的角色「${r}」重复`);
      else roleSet.add(r);
    }
    if (!isIntIn(weight, DRAW_WEIGHT_RANGE.min, DRAW_WEIGHT_RANGE.max)) {
      add('INSPECTOR_WEIGHT', `${at}[3]`, `检查人员「${id}」的权重应为 ${DRAW_WEIGHT_RANGE.min}–${DRAW_WEIGHT_RANGE.max} 的整数，实际为 ${String(weight)}`);
    }
    if (roleSet.size === 0) continue;
    for (const pool of new Set(pools.filter(isNonEmptyString).map((p) => p.normalize('NFC')))) {
      let s = staffing.get(pool);
      if (s === undefined) {
        s = { leads: 0, assistants: 0, people: 0 };
        staffing.set(pool, s);
      }
      s.people += 1;
      if (roleSet.has('lead')) s.leads += 1;
      if (roleSet.has('assistant')) s.assistants += 1;
    }
  }

  // Conflicts: any order; only their shape matters.
  const conflicts = Array.isArray(m.conflicts) ? (m.conflicts as unknown[]) : [];
  if (!Array.isArray(m.conflicts)) add('FIELD_INVALID', 'conflicts', '回避关系（conflicts）应为数组');
  conflicts.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 3 || !isId(row[0]) || !isId(row[1]) || !isNonEmptyString(row[2])) {
      add('CONFLICT_INVALID', `conflicts[${i}]`, `第 ${i + 1} 条回避关系应为 [人员编号, 单位编号, 原因代码]`);
    }
  });

  // Assignment.
  const a = m.assignment as Record<string, unknown> | null;
  const assignmentOk = a !== null && typeof a === 'object' && isIntIn(a.lead, 1, MAX_SLOTS) && isIntIn(a.assistant, 1, MAX_SLOTS) && isIntIn(a.backups, 0, MAX_SLOTS);
  if (!assignmentOk) add('ASSIGNMENT_INVALID', 'assignment', '每项任务的人数应为整数：主办（lead）至少 1 名，协办（assistant）至少 1 名，递补（backups）不少于 0 名');

  // Observers and external references.
  const observers = Array.isArray(m.observers) ? (m.observers as unknown[]) : [];
  if (!Array.isArray(m.observers)) add('FIELD_INVALID', 'observers', '监督人（observers）应为数组');
  const observerIds = new Set<string>();
  observers.forEach((o, i) => {
    if (!isId(o)) add('OBSERVER_INVALID', `observers[${i}]`, `第 ${i + 1} 名监督人的编号应为非空字符串且不含控制字符`);
    else if (observerIds.has(o.normalize('NFC'))) add('OBSERVER_DUPLICATE', `observers[${i}]`, `监督人「${o}」重复列出`);
    else observerIds.add(o.normalize('NFC'));
  });
  const external = Array.isArray(m.external) ? (m.external as unknown[]) : [];
  if (!Array.isArray(m.external)) add('FIELD_INVALID', 'external', '外部随机源（external）应为数组');
  const externalKeys = new Set<string>();
  external.forEach((e, i) => {
    const row = e as Record<string, unknown> | null;
    if (row === null || typeof row !== 'object' || !isNonEmptyString(row.source) || !isNonEmptyString(row.ref)) {
      add('EXTERNAL_INVALID', `external[${i}]`, `第 ${i + 1} 个外部随机源应写明来源（source）和期号（ref）`);
      return;
    }
    const key = JSON.stringify([row.source.normalize('NFC'), row.ref.normalize('NFC')]);
    if (externalKeys.has(key)) add('EXTERNAL_INVALID', `external[${i}]`, `外部随机源「${row.source} ${row.ref}」重复列出`);
    externalKeys.add(key);
  });
  if (observers.length === 0 && external.length === 0) {
    add('NO_RANDOMNESS', 'observers', '至少需要一名监督人或一个外部随机源，否则抽取结果可被预先算出');
  }

  // Every pool a candidate may be drawn from can staff a task.
  if (assignmentOk) {
    const lead = a.lead as number;
    const assistant = a.assistant as number;
    const pools = new Set<string>();
    for (const p of candidatePools) pools.add(p.normalize('NFC'));
    for (const pool of [...pools].sort(compareIds)) {
      const s = staffing.get(pool) ?? { leads: 0, assistants: 0, people: 0 };
      if (s.leads < lead || s.assistants < assistant || s.people < lead + assistant) {
        add(
          'POOL_UNSTAFFED',
          'inspectors',
          `检查人员库「${pool}」有候选单位，但只有 ${s.leads} 名可任${ROLE_LABELS.lead}、${s.assistants} 名可任${ROLE_LABELS.assistant}（共 ${s.people} 人），` +
            `每项任务需要 ${lead} 名主办和 ${assistant} 名协办且不能是同一人`,
        );
      }
    }
  }
  return problems;
}

function candidateId(row: unknown): string | null {
  return Array.isArray(row) && typeof row[0] === 'string' ? row[0] : null;
}

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

/** §2: ids are non-empty and contain no control characters (C0, DEL, C1). */
function isId(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
  }
  return true;
}

/**
 * Whether `id` is candidate i's plain id in `ids` and a valid id: a string as long as its bytes there (printable
 * ASCII, one character a byte), not empty.
 */
function isPlainIdOf(ids: IdBytes, i: number, id: unknown): boolean {
  const length = (ids.start[i + 1] as number) - (ids.start[i] as number);
  return length > 0 && typeof id === 'string' && id.length === length;
}

/**
 * {@link compareIds} of candidates a and b whose ids are plain in `ids`, by their bytes: for printable ASCII the order
 * of the bytes is that of the strings (the sign is what counts).
 */
function compareIdBytes(ids: IdBytes, a: number, b: number): number {
  const bytes = ids.bytes;
  const aStart = ids.start[a] as number;
  const bStart = ids.start[b] as number;
  const aLength = (ids.start[a + 1] as number) - aStart;
  const bLength = (ids.start[b + 1] as number) - bStart;
  const n = Math.min(aLength, bLength);
  for (let k = 0; k < n; k++) {
    const d = (bytes[aStart + k] as number) - (bytes[bStart + k] as number);
    if (d !== 0) return d;
  }
  return aLength - bLength;
}

function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
}

function isCalendarDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
