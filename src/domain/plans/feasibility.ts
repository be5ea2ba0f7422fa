/**
 * Before a manifest is frozen: can the draw be executed (draw-algorithm.md §6 fails with UNFILLED when a task finds
 * no inspector), and the manifest inputs of draw-algorithm.md §3 in their exact shapes and order. Pure.
 */
import { compareIds, sortByIdOrder, sortUniqueByIdOrder } from '../draw/id-order.ts';
import type { InspectorRole } from '../registry/inspector-rules.ts';
import { DRAW_WEIGHT_MAX, DRAW_WEIGHT_MIN, INSPECTOR_ROLES } from '../registry/inspector-rules.ts';
import type {
  Candidate,
  CapacityReport,
  EligibilityResult,
  ExclusionReason,
  ManifestInspector,
  StratumQuota,
} from './eligibility-types.ts';
import type { AssignmentSettings } from './plan-settings.ts';
import { UNIT_WEIGHT_MAX, UNIT_WEIGHT_MIN } from './plan-settings.ts';

export type FeasibilityProblemCode =
  | 'QUOTA_SHORT'
  | 'NO_INSPECTORS_FOR_POOL'
  | 'TOO_FEW_LEADS'
  | 'TOO_FEW_ASSISTANTS'
  | 'TOO_FEW_DISTINCT_INSPECTORS'
  | 'CAPACITY_SHORTFALL';

export type FeasibilityProblem = {
  code: FeasibilityProblemCode;
  /** Chinese, naming the stratum or the pool. */
  message: string;
  /** An error blocks the freeze; a warning is shown and recorded. */
  severity: 'error' | 'warning';
};

/** Inspectors serving one pool that has candidates. */
export type PoolStaffing = {
  pool: string;
  candidates: number;
  /** Inspectors of the pool with the role lead (主办). */
  leads: number;
  /** Inspectors of the pool with the role assistant (协办). */
  assistants: number;
  /** People of the pool with at least one of the two roles. */
  distinct: number;
};

export type FeasibilityReport = { ok: boolean; problems: FeasibilityProblem[]; pools: PoolStaffing[] };

/**
 * Whether the draw can staff every task, checked per pool before the manifest is frozen (draw-algorithm.md §6:
 * "check feasibility before freeze"). For every pool with candidates (any of them may be drawn, as selected or
 * as an alternate), errors:
 *
 * - NO_INSPECTORS_FOR_POOL: nobody with a role serves the pool.
 * - TOO_FEW_LEADS / TOO_FEW_ASSISTANTS: fewer than assignment.lead 主办 / assignment.assistant 协办.
 * - TOO_FEW_DISTINCT_INSPECTORS: fewer than lead + assistant different people, or — the same thing as the draw
 *   sees it — fewer assistants than needed once the leads are drawn. The draw fills every lead slot first and
 *   the same person cannot be both on one task (draw-algorithm.md §6 "not already on U"), so in the worst case the
 *   leads are all drawn among people who are also assistants: the check is assistants − min(lead, people with
 *   both roles) ≥ assistant. Example: A is 主办 and 协办, B only 主办, one of each per task: two people, but if
 *   A is drawn as 主办 nobody is left as 协办.
 *
 * Warnings: QUOTA_SHORT for a stratum whose candidates fall short of the computed quota (shortBy > 0), and
 * CAPACITY_SHORTFALL when the month's inspector-days cannot cover the quotas (每日一查).
 *
 * Not covered: 回避 conflicts of a particular unit (draw-algorithm.md §3 conflicts) can still leave one task unfilled.
 */
export function checkFeasibility(input: {
  quotas: StratumQuota[];
  candidates: Candidate[];
  inspectors: ManifestInspector[];
  assignment: AssignmentSettings;
  capacity?: CapacityReport;
}): FeasibilityReport {
  const { lead, assistant } = input.assignment;
  const candidatesByPool = new Map<string, number>();
  for (const c of input.candidates) candidatesByPool.set(c.pool, (candidatesByPool.get(c.pool) ?? 0) + 1);
  const staff = new Map<string, { leads: number; assistants: number; both: number; distinct: number }>();
  for (const inspector of input.inspectors) {
    const isLead = inspector.roles.includes('lead');
    const isAssistant = inspector.roles.includes('assistant');
    if (!isLead && !isAssistant) continue;
    for (const pool of new Set(inspector.pools)) {
      let s = staff.get(pool);
      if (s === undefined) {
        s = { leads: 0, assistants: 0, both: 0, distinct: 0 };
        staff.set(pool, s);
      }
      s.distinct += 1;
      if (isLead) s.leads += 1;
      if (isAssistant) s.assistants += 1;
      if (isLead && isAssistant) s.both += 1;
    }
  }

  const problems: FeasibilityProblem[] = [];
  const pools: PoolStaffing[] = [];
  for (const pool of [...candidatesByPool.keys()].sort(compareIds)) {
    const candidates = candidatesByPool.get(pool) as number;
    const s = staff.get(pool) ?? { leads: 0, assistants: 0, both: 0, distinct: 0 };
    pools.push({ pool, candidates, leads: s.leads, assistants: s.assistants, distinct: s.distinct });
    const at = `检查人员库「${pool}」（${candidates} 家候选单位）`;
    if (s.distinct === 0) {
      problems.push({ code: 'NO_INSPECTORS_FOR_POOL', severity: 'error', message: `${at}没有可抽取的主办或协办人员` });
      continue;
    }
    if (s.leads < lead) {
      problems.push({
        code: 'TOO_FEW_LEADS',
        severity: 'error',
        message: `${at}可任主办的人员只有 ${s.leads} 名，每项任务需要 ${lead} 名`,
      });
    }
    if (s.assistants < assistant) {
      problems.push({
        code: 'TOO_FEW_ASSISTANTS',
        severity: 'error',
        message: `${at}可任协办的人员只有 ${s.assistants} 名，每项任务需要 ${assistant} 名`,
      });
    }
    const assistantsLeft = s.assistants - Math.min(lead, s.both);
    if (s.leads >= lead && s.assistants >= assistant && (s.distinct < lead + assistant || assistantsLeft < assistant)) {
      problems.push({
        code: 'TOO_FEW_DISTINCT_INSPECTORS',
        severity: 'error',
        message:
          `${at}共 ${s.distinct} 名人员，其中 ${s.both} 名兼任主办和协办：同一人不能在一项任务中既任主办又任协办，` +
          `抽定 ${lead} 名主办后可能只剩 ${Math.max(0, assistantsLeft)} 名协办，每项任务需要 ${assistant} 名`,
      });
    }
  }
  for (const q of input.quotas) {
    if (q.shortBy > 0) {
      problems.push({
        code: 'QUOTA_SHORT',
        severity: 'warning',
        message: `分层「${q.name}」应抽 ${q.computed} 家，符合条件的候选单位只有 ${q.candidates} 家，少抽 ${q.shortBy} 家`,
      });
    }
  }
  const capacity = input.capacity;
  if (capacity !== undefined && capacity.shortfall > 0) {
    problems.push({
      code: 'CAPACITY_SHORTFALL',
      severity: 'warning',
      message:
        `本月检查能力约 ${capacity.capacity} 项任务（${capacity.inspectorDays} 人·工作日，每人每日 ${capacity.tasksPerInspectorDay} 项，` +
        `每项任务 ${capacity.inspectorsPerTask} 人），抽查任务 ${capacity.demand} 项，缺口 ${capacity.shortfall} 项`,
    });
  }
  return { ok: !problems.some((p) => p.severity === 'error'), problems, pools };
}

/** The manifest inputs of draw-algorithm.md §3, in its exact shapes. */
export type ManifestInputs = {
  strata: { code: string; quota: number; alternates: number }[];
  /** [unitId, stratumCode, weight, poolCode], id order. */
  candidates: [string, string, number, string][];
  /** [unitId, reasonCode], id order (informative). */
  excluded: [string, string][];
  /** [inspectorId, [poolCode…], [role…], weight], id order; pools in id order, roles lead then assistant. */
  inspectors: [string, string[], string[], number][];
  assignment: { lead: number; assistant: number; backups: number };
};

/**
 * The strata, candidates, excluded units, inspectors and assignment of a manifest (draw-algorithm.md §3), ready for the
 * freeze: strata in the quotas' order (the order selection runs in, §5), rows in id order (§2), each
 * inspector's pools in id order and roles in the order lead, assistant.
 *
 * Throws RangeError for what §3 calls an invalid manifest — a quota larger than its stratum's candidates, a
 * candidate whose stratum is not listed — and for rows the draw cannot use: a duplicate stratum, unit or
 * inspector id, a weight outside 1–64 or not an integer, a negative quota, alternates or backups, lead or
 * assistant below 1, an unknown role.
 */
export function buildManifestInputs(input: {
  quotas: StratumQuota[];
  eligibility: EligibilityResult;
  inspectors: ManifestInspector[];
  assignment: AssignmentSettings;
}): ManifestInputs {
  const candidatesByStratum = new Map<string, number>();
  const strata = input.quotas.map((q) => {
    if (candidatesByStratum.has(q.code)) throw new RangeError(`stratum ${q.code} is listed twice`);
    assertInt(q.quota, 0, Number.MAX_SAFE_INTEGER, `quota of ${q.code}`);
    assertInt(q.alternates, 0, Number.MAX_SAFE_INTEGER, `alternates of ${q.code}`);
    candidatesByStratum.set(q.code, 0);
    return { code: q.code, quota: q.quota, alternates: q.alternates };
  });

  const candidateRows = sortUniqueByIdOrder(
    input.eligibility.candidates.map((c): [string, string, number, string] => [c.unitId, c.stratum, c.weight, c.pool]),
    (row) => row[0],
    'candidate',
  );
  for (const [unitId, stratum, weight] of candidateRows) {
    const count = candidatesByStratum.get(stratum);
    if (count === undefined) throw new RangeError(`candidate ${unitId}: stratum ${stratum} is not in the manifest's strata`);
    candidatesByStratum.set(stratum, count + 1);
    if (!Number.isInteger(weight) || weight < UNIT_WEIGHT_MIN || weight > UNIT_WEIGHT_MAX) {
      throw new RangeError(
        `weight of candidate ${unitId} must be an integer ${UNIT_WEIGHT_MIN}–${UNIT_WEIGHT_MAX}, got ${weight}`,
      );
    }
  }
  for (const s of strata) {
    const available = candidatesByStratum.get(s.code) as number;
    if (s.quota > available) throw new RangeError(`stratum ${s.code}: quota ${s.quota} exceeds its ${available} candidates`);
  }

  const excluded = sortByIdOrder(
    input.eligibility.excluded.map((e): [string, ExclusionReason] => [e.unitId, e.reason]),
    (row) => row[0],
  );

  const inspectors = sortUniqueByIdOrder(
    input.inspectors.map((p): [string, string[], string[], number] => {
      assertInt(p.weight, DRAW_WEIGHT_MIN, DRAW_WEIGHT_MAX, `weight of inspector ${p.id}`);
      for (const role of p.roles) {
        if (!(INSPECTOR_ROLES as readonly string[]).includes(role))
          throw new RangeError(`inspector ${p.id}: unknown role ${String(role)}`);
      }
      const roles: InspectorRole[] = INSPECTOR_ROLES.filter((r) => p.roles.includes(r));
      const pools = [...new Set(p.pools)].sort(compareIds);
      return [p.id, pools, roles, p.weight];
    }),
    (row) => row[0],
    'inspector',
  );

  const { lead, assistant, backups } = input.assignment;
  assertInt(lead, 1, Number.MAX_SAFE_INTEGER, 'assignment.lead');
  assertInt(assistant, 1, Number.MAX_SAFE_INTEGER, 'assignment.assistant');
  assertInt(backups, 0, Number.MAX_SAFE_INTEGER, 'assignment.backups');
  return { strata, candidates: candidateRows, excluded, inspectors, assignment: { lead, assistant, backups } };
}

function assertInt(value: number, min: number, max: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new RangeError(`${what} must be an integer ${min}–${max}, got ${value}`);
}
