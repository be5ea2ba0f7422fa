import type { CallbackPreviewView } from '../../contracts/callbacks.ts';
import { hasPermission } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import {
  callbackAlternates,
  callbackQuota,
  drawableQuarters,
  formatQuarter,
  lastFullQuarter,
  parseQuarter,
  quarterDates,
  quarterLabel,
  TOO_FEW_AUDITORS,
  type Quarter,
} from '../../domain/oversight/callbacks.ts';
import { auditorsInScope, callbackCandidates, listCallbackRounds, orgNames } from '../../db/callback-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** A quarter a round may be drawn for today: an ended one. VALIDATION_FAILED otherwise. */
export function requireEndedQuarter(text: string, today: string): Quarter {
  const quarter = parseQuarter(text);
  if (!quarter) throw new DomainError('VALIDATION_FAILED', '季度：格式应为 2026Q3', { field: 'quarter' });
  if (quarterDates(quarter).dayAfter > today) throw new DomainError('VALIDATION_FAILED', `季度：${quarterLabel(quarter)}尚未结束，季度结束后才能抽取回访单位`, { field: 'quarter' });
  return quarter;
}

/** The candidates of the actor's org subtree in the quarter, grouped by brigade (ids), with the brigades' names. */
export async function candidatesByBrigade(db: DbOrTx, scopePath: string, quarter: Quarter) {
  const { start, end } = quarterDates(quarter);
  const rows = await callbackCandidates(db, scopePath, start, end);
  const byBrigade = new Map<string, string[]>();
  for (const r of rows) byBrigade.set(r.brigadeId, [...(byBrigade.get(r.brigadeId) ?? []), r.unitId]);
  const names = await orgNames(db, [...byBrigade.keys()]);
  return { byBrigade, names };
}

/**
 * 「纪检回访」 page: the quarter's candidates per brigade of the 纪检's org subtree with their quotas (10%, rounded up),
 * the 纪检 who would call, whether a round can be frozen, and the rounds of the subtree.
 */
export async function previewCallbackRound(ctx: UseCaseContext, quarterText: string | undefined): Promise<CallbackPreviewView> {
  requirePermission(ctx.actor, 'callbacks.read');
  const today = localDate(ctx.now);
  const quarter = quarterText ? requireEndedQuarter(quarterText, today) : lastFullQuarter(today);
  const scopePath = ctx.actor.orgPath;
  const { byBrigade, names } = await candidatesByBrigade(ctx.db, scopePath, quarter);
  const auditors = await auditorsInScope(ctx.db, scopePath);
  const brigades = [...byBrigade]
    .map(([orgId, ids]) => {
      const quota = callbackQuota(ids.length);
      return { orgId, name: names.get(orgId) ?? '', candidates: ids.length, quota, alternates: callbackAlternates(ids.length, quota) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const canManage = hasPermission(ctx.actor, 'callbacks.manage');
  const blocker = auditors.length < 2 ? TOO_FEW_AUDITORS : brigades.length === 0 ? '本季度辖区内没有已检查或已处罚的单位，无需回访抽取' : null;
  const rounds = await listCallbackRounds(ctx.db, ctx.actor.role === 'system_admin' ? null : scopePath);
  const { start, end } = quarterDates(quarter);
  const own = (await orgNames(ctx.db, [ctx.actor.orgId])).get(ctx.actor.orgId) ?? '';
  return {
    quarter: formatQuarter(quarter),
    quarterLabel: quarterLabel(quarter),
    quarters: drawableQuarters(today).map((q) => ({ value: formatQuarter(q), label: quarterLabel(q) })),
    from: start,
    to: end,
    orgName: own,
    brigades,
    auditors: auditors.map((a) => ({ id: a.id, name: a.displayName })).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    blocker,
    canManage,
    rounds: rounds.map((r) => ({ ...r, frozenAt: r.frozenAt.toISOString() })),
  };
}
