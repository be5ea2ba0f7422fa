import { DRAW_ALGORITHM, PUBLIC_CONFLICT_CODE, type Manifest, type ManifestCandidate, type ManifestConflict, type ManifestInspectorRow } from '../draw/draw-types.ts';
import { compareIds } from '../draw/id-order.ts';
import { DomainError } from '../errors.ts';

/**
 * 纪检回访 (issue 16, decision 0026): each quarter 纪检 call back a random 10% of the units inspected or penalised,
 * drawn with XF-SRS/1 unchanged, so the bundle verifies with `draw-verify` and the portal's verifier like any draw.
 */

/** 10%: seed 003 of the discipline office (纪检 call back 10% of the inspected units each quarter). */
export const CALLBACK_SHARE_PERCENT = 10;
/** The published replacement order of a brigade is at most this long (and never longer than its quota). */
export const CALLBACK_ALTERNATES_CAP = 5;

export type Quarter = { year: number; q: 1 | 2 | 3 | 4 };

/** 'YYYYQn' → the quarter, or null. */
export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})Q([1-4])$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] };
}

export function formatQuarter({ year, q }: Quarter): string {
  return `${year}Q${q}`;
}

/** 「2026年第三季度」. */
export function quarterLabel({ year, q }: Quarter): string {
  return `${year}年第${['一', '二', '三', '四'][q - 1]}季度`;
}

/** The first and last day of the quarter, and the day after it (the manifest's asOf). */
export function quarterDates({ year, q }: Quarter): { start: string; end: string; dayAfter: string } {
  const startMonth = (q - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const dayAfter = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(endMonth + 1)}-01`;
  return { start: `${year}-${pad(startMonth)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}`, dayAfter };
}

/** The quarter a date (YYYY-MM-DD) falls in. */
export function quarterOfDate(date: string): Quarter {
  return { year: Number(date.slice(0, 4)), q: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter['q'] };
}

/** The last quarter that has ended by `today`: the one a callback round may be drawn for by default. */
export function lastFullQuarter(today: string): Quarter {
  const { year, q } = quarterOfDate(today);
  return q === 1 ? { year: year - 1, q: 4 } : { year, q: (q - 1) as Quarter['q'] };
}

/** The quarters a round may be drawn for on `today`: ended, newest first, the last `count` of them. */
export function drawableQuarters(today: string, count = 4): Quarter[] {
  const out: Quarter[] = [];
  let at = lastFullQuarter(today);
  for (let i = 0; i < count; i++) {
    out.push(at);
    at = at.q === 1 ? { year: at.year - 1, q: 4 } : { year: at.year, q: (at.q - 1) as Quarter['q'] };
  }
  return out;
}

/**
 * A brigade's callback quota: 10% of its candidates rounded up, with integer arithmetic (so at least 1 when there is
 * any candidate, and never more than the candidates); 0 without candidates.
 */
export function callbackQuota(candidates: number): number {
  if (!Number.isInteger(candidates) || candidates <= 0) return 0;
  return Math.floor((candidates * CALLBACK_SHARE_PERCENT + 99) / 100);
}

/** How many alternates a brigade publishes: as many as its quota, at most 5, and only as many units as remain. */
export function callbackAlternates(candidates: number, quota: number): number {
  return Math.max(0, Math.min(quota, CALLBACK_ALTERNATES_CAP, candidates - quota));
}

export type CallbackManifestInput = {
  /** The round's code (drawId), e.g. 'HF-330700-2026Q3'. */
  code: string;
  /** The round's id (planId). */
  roundId: string;
  /** The day after the quarter. */
  asOf: string;
  /** The org's pool code (every unit is called by the org's 纪检). */
  pool: string;
  /** Each brigade (stratum code = its org id) with its candidate units (ids, any order, no repeats). */
  brigades: readonly { code: string; unitIds: readonly string[] }[];
  /** The 纪检 accounts who call (回访人) and record (记录人). */
  auditorIds: readonly string[];
  /** [auditorId, unitId]: the 纪检 account is linked to an inspector who inspected the unit. */
  conflicts: readonly (readonly [string, string])[];
  external: readonly { source: string; ref: string }[];
};

export const TOO_FEW_AUDITORS = '回访抽取需要至少两名纪检人员（回访人、记录人）';

/**
 * The XF-SRS/1 manifest of a callback round: one stratum per brigade with candidates (quota {@link callbackQuota},
 * alternates {@link callbackAlternates}, brigades in id order), candidates weight 1 in one pool, the 纪检 accounts as
 * the "inspectors" with both roles and weight 1, assignment 回访人 1, 记录人 1, no backups, no observers. Throws
 * CONFLICT when fewer than two 纪检 accounts exist (the two roles need two people) or there is no candidate.
 */
export function buildCallbackManifest(input: CallbackManifestInput): Manifest {
  const auditors = [...new Set(input.auditorIds)].sort(compareIds);
  if (auditors.length < 2) throw new DomainError('CONFLICT', TOO_FEW_AUDITORS);
  const brigades = input.brigades.filter((b) => b.unitIds.length > 0).sort((a, b) => compareIds(a.code, b.code));
  if (brigades.length === 0) throw new DomainError('CONFLICT', '本季度辖区内没有已检查或已处罚的单位，无需回访抽取');
  const candidates: ManifestCandidate[] = brigades
    .flatMap((b) => [...new Set(b.unitIds)].map((id): ManifestCandidate => [id, b.code, 1, input.pool]))
    .sort((a, b) => compareIds(a[0], b[0]));
  const inspectors: ManifestInspectorRow[] = auditors.map((id) => [id, [input.pool], ['lead', 'assistant'], 1]);
  const conflicts: ManifestConflict[] = [...new Map(input.conflicts.map((c) => [`${c[0]}\u0000${c[1]}`, c])).values()]
    .map(([a, u]): ManifestConflict => [a, u, PUBLIC_CONFLICT_CODE])
    .sort((a, b) => compareIds(a[0], b[0]) || compareIds(a[1], b[1]));
  return {
    algorithm: DRAW_ALGORITHM,
    drawId: input.code,
    planId: input.roundId,
    asOf: input.asOf,
    strata: brigades.map((b) => {
      const n = new Set(b.unitIds).size;
      const quota = callbackQuota(n);
      return { code: b.code, quota, alternates: callbackAlternates(n, quota) };
    }),
    candidates,
    excluded: [],
    inspectors,
    conflicts,
    assignment: { lead: 1, assistant: 1, backups: 0 },
    observers: [],
    external: input.external.map((e) => ({ source: e.source, ref: e.ref })),
  };
}

/** The next alternate of a stratum in published order that has not been called yet, or null. */
export function nextCallbackAlternate(alternates: readonly string[], used: ReadonlySet<string>): string | null {
  return alternates.find((id) => !used.has(id)) ?? null;
}

export type CallbackRecordInput = {
  reached: boolean;
  attempts: number;
  satisfaction: number | null;
  conductReported: boolean;
  conductText: string;
};

/** The callback record's own rules: satisfaction 1–5 exactly when reached; a conduct report needs its text. */
export function checkCallbackRecord(r: CallbackRecordInput): { field: string; message: string } | null {
  if (!Number.isInteger(r.attempts) || r.attempts < 1 || r.attempts > 20) return { field: 'attempts', message: '联系次数：应为 1–20 次' };
  if (r.reached && (r.satisfaction === null || !Number.isInteger(r.satisfaction) || r.satisfaction < 1 || r.satisfaction > 5)) {
    return { field: 'satisfaction', message: '满意度：联系上的单位须评 1–5 星' };
  }
  if (!r.reached && r.satisfaction !== null) return { field: 'satisfaction', message: '满意度：未联系上的单位不评满意度' };
  if (!r.reached && r.conductReported) return { field: 'conductReported', message: '反映不当行为：未联系上的单位不能记录反映内容' };
  if (r.conductReported && r.conductText.trim() === '') return { field: 'conductText', message: '反映内容：单位反映了执法人员不当行为时须写明内容' };
  return null;
}

export type CallbackStat = { drawn: number; recorded: number; reached: number; satisfactionSum: number; rated: number; conductReports: number };

/** Reached rate and average satisfaction as text (one decimal), '—' when there is nothing to divide. */
export function callbackRates(s: CallbackStat): { reachedRate: string; averageSatisfaction: string } {
  return {
    reachedRate: s.recorded === 0 ? '—' : `${((s.reached * 1000) / s.recorded / 10).toFixed(1)}%`,
    averageSatisfaction: s.rated === 0 ? '—' : (s.satisfactionSum / s.rated).toFixed(1),
  };
}
