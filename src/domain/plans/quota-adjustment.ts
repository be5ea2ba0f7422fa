/** A person's change to a computed monthly quota. Pure. */
import type { StratumQuota } from './eligibility-types.ts';

/** A stored quota: the computed figures and, when a person changed the quota, the published reason. */
export type AdjustableQuota = StratumQuota & { adjustReason: string | null };

/**
 * Sets a stratum's quota by hand. A quota may not exceed the stratum's candidates (draw-algorithm.md §3: such a
 * manifest is invalid) and, when it differs from the computed one, must carry a reason, which is published
 * with the plan. Alternates follow: min(candidates − quota, ceil(quota × alternatesPercent / 100)).
 */
export function adjustQuota<Q extends AdjustableQuota>(
  current: Q,
  quota: number,
  reason: string,
  alternatesPercent: number,
): { ok: true; quota: Q } | { ok: false; message: string } {
  const label = `本月任务数（${current.name}）`;
  if (!Number.isInteger(quota) || quota < 0) return { ok: false, message: `${label}：应为不小于 0 的整数` };
  if (quota > current.candidates) return { ok: false, message: `${label}：${quota} 超过了候选单位数 ${current.candidates}` };
  const trimmed = reason.trim();
  if (quota !== current.computed && trimmed === '') return { ok: false, message: `${label}：与计算值 ${current.computed} 不同，须说明调整理由` };
  const alternates = Math.min(current.candidates - quota, Math.ceil((quota * alternatesPercent) / 100));
  return {
    ok: true,
    quota: { ...current, quota, alternates, shortBy: Math.max(0, current.computed - quota), adjustReason: quota === current.computed ? null : trimmed },
  };
}
