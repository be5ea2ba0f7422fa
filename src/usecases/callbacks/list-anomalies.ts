import type { AnomalyView } from '../../contracts/callbacks.ts';
import {
  changedFields,
  findFrequentReplacers,
  FREQUENT_REPLACEMENT_DAYS,
  FREQUENT_REPLACEMENT_MEDIAN_FACTOR,
  FREQUENT_REPLACEMENT_MIN,
  FREQUENT_REPLACEMENT_PEERS,
  isShortlyBeforeDraw,
  RECORD_FIELD_LABELS,
  SHORTLY_BEFORE_DRAW_DAYS,
} from '../../domain/oversight/anomalies.ts';
import { barsRegisteredSince, drawsFrozenSince, recordCorrectionsSince, replacementsSince, voidedDraws } from '../../db/callback-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

const DAY_MS = 86_400_000;
const CAP = 200;

/**
 * 异常线索 for 纪检 and the system administrator (read-only), over the reader's org subtree and the last `days` days:
 * voided plan draws; people with many 递补 (src/domain/oversight/anomalies.ts, over the last 30 days); inspectors
 * frozen or recused within 7 days before a draw of their org (or an org above it) was frozen; records corrected after
 * submission with the fields the correction changed.
 */
export async function listAnomalies(ctx: UseCaseContext, days: number): Promise<AnomalyView> {
  requirePermission(ctx.actor, 'callbacks.read');
  const scope = scopePathOf(ctx.actor);
  const since = new Date(ctx.now.getTime() - days * DAY_MS);

  const voided = await voidedDraws(ctx.db, scope, CAP);

  const replacements = await replacementsSince(ctx.db, scope, new Date(ctx.now.getTime() - FREQUENT_REPLACEMENT_DAYS * DAY_MS));
  const flagged = findFrequentReplacers(replacements, ctx.now);

  const drawsInPeriod = await drawsFrozenSince(ctx.db, scope, since);
  const bars = await barsRegisteredSince(ctx.db, scope, new Date(since.getTime() - SHORTLY_BEFORE_DRAW_DAYS * DAY_MS));
  const barsBeforeDraws: AnomalyView['barsBeforeDraws'] = [];
  const rows = [
    ...bars.frozen.map((b) => ({ ...b, kind: 'frozen' as const, unitName: null })),
    ...bars.recused.map((b) => ({ ...b, kind: 'recusal' as const })),
  ];
  for (const b of rows) {
    // The draw nearest after the bar, of the inspector's org or an org above it.
    const draw = drawsInPeriod
      .filter((d) => b.orgPath.startsWith(d.orgPath) && isShortlyBeforeDraw(b.createdAt, d.frozenAt))
      .sort((x, y) => x.frozenAt.getTime() - y.frozenAt.getTime())[0];
    if (!draw) continue;
    barsBeforeDraws.push({
      kind: b.kind,
      kindLabel: b.kind === 'frozen' ? '冻结' : '回避',
      inspectorId: b.inspectorId,
      inspectorName: b.inspectorName,
      unitName: b.unitName,
      reason: b.reason,
      createdAt: b.createdAt.toISOString(),
      createdBy: b.createdBy ?? '',
      drawId: draw.id,
      drawCode: draw.code,
      frozenAt: draw.frozenAt.toISOString(),
      daysBefore: Math.floor((draw.frozenAt.getTime() - b.createdAt.getTime()) / DAY_MS),
    });
  }
  barsBeforeDraws.sort((a, b) => b.frozenAt.localeCompare(a.frozenAt) || a.inspectorName.localeCompare(b.inspectorName, 'zh-Hans-CN'));

  const corrections = await recordCorrectionsSince(ctx.db, scope, since, CAP);
  return {
    days,
    voidedDraws: voided.map((d) => ({
      drawId: d.id,
      code: d.code,
      orgName: d.orgName,
      voidedAt: d.voidedAt?.toISOString() ?? null,
      voidedBy: d.voidedBy ?? '',
      reason: d.voidReason ?? '',
      wasExecuted: d.executedAt !== null,
    })),
    frequentReplacers: flagged.map((f) => {
      const mine = replacements.filter((r) => r.by === f.by);
      return {
        by: f.by,
        name: mine[0]?.byName ?? '',
        count: f.count,
        median: f.median,
        latest: mine.slice(0, 10).map((r) => ({ taskId: r.taskId, drawCode: r.drawCode, at: r.at.toISOString(), reason: r.reason })),
      };
    }),
    barsBeforeDraws: barsBeforeDraws.slice(0, CAP),
    corrections: corrections.map((c) => ({
      recordId: c.id,
      taskId: c.taskId,
      unitName: c.unitName,
      orgName: c.orgName,
      version: c.version,
      by: c.byName ?? '',
      at: c.submittedAt.toISOString(),
      reason: c.reason ?? '',
      fields: c.corrected ? changedFields(c.corrected.body as Record<string, unknown>, c.body as Record<string, unknown>).map((k) => RECORD_FIELD_LABELS[k] ?? k) : [],
    })),
    rules: {
      replacements: `近 ${FREQUENT_REPLACEMENT_DAYS} 天内同一人递补 ≥ ${FREQUENT_REPLACEMENT_MIN} 次，且（有递补的人员达 ${FREQUENT_REPLACEMENT_PEERS} 人以上时）超过辖区人均中位数的 ${FREQUENT_REPLACEMENT_MEDIAN_FACTOR} 倍`,
      bars: `抽取冻结前 ${SHORTLY_BEFORE_DRAW_DAYS} 天内登记的冻结或回避（本机构或上级机构的抽取）`,
    },
  };
}
