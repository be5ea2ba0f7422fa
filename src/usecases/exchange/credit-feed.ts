import { DomainError } from '../../domain/errors.ts';
import type { CreditFeedItem } from '../../domain/exchange/credit-item.ts';
import { localDate } from '../../domain/local-date.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { buildExchangeFiles } from './build-exchange-files.ts';
import { requireExchangeRead } from './exchange-settings.ts';
import { blacklistHorizon, loadCreditItems, MAX_CREDIT_ROWS } from './load-exchange-items.ts';

/** 信用推送: the credit feed of an org's subtree for penalties decided in [from, to] (at most MAX_CREDIT_ROWS). */
export async function getCreditFeed(ctx: UseCaseContext, q: { orgId: string; from: string; to: string }): Promise<{ orgName: string; items: CreditFeedItem[]; truncated: boolean }> {
  requireExchangeRead(ctx.actor);
  const org = await requireOrgInScope(ctx, ctx.db, q.orgId, { name: 'orgId', label: '机构' });
  if (q.from > q.to) throw new DomainError('VALIDATION_FAILED', '期间：开始日期不能晚于结束日期', { field: 'from' });
  const found = await loadCreditItems(ctx.db, { scopePath: org.path, from: q.from, to: q.to, today: localDate(ctx.now) });
  return { orgName: org.name, ...found };
}

/** The credit feed as a file (JSON of schema xf-exchange/1, or .xlsx), made now and not stored; audited. */
export async function exportCreditFeed(ctx: UseCaseContext, q: { orgId: string; from: string; to: string; format: 'json' | 'xlsx' }) {
  const feed = await getCreditFeed(ctx, q);
  if (feed.truncated) throw new DomainError('VALIDATION_FAILED', `期间内超过 ${MAX_CREDIT_ROWS} 条，请缩短期间，或在“导出批次”中生成分批的信用推送批次`, { field: 'to' });
  const org = await requireOrgInScope(ctx, ctx.db, q.orgId, { name: 'orgId', label: '机构' });
  const files = await buildExchangeFiles(
    { kind: 'credit', org: { name: org.name, divisionCode: org.divisionCode }, period: { from: q.from, to: q.to }, part: { index: 1, count: 1 }, generatedAt: ctx.now.toISOString() },
    feed.items,
  );
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'exchange.credit_feed', targetType: 'org', targetId: org.id, orgId: org.id, summary: { org: org.name, format: q.format, periodFrom: q.from, periodTo: q.to, itemCount: feed.items.length, jsonSha256: files.sha256 } }),
  );
  return {
    fileName: `信用推送-${org.name}-${q.from}至${q.to}.${q.format}`,
    bytes: q.format === 'json' ? Buffer.from(files.json, 'utf8') : files.xlsx,
  };
}

export type BlacklistEntry = Pick<CreditFeedItem, 'unitName' | 'uscc' | 'brigadeName' | 'decisionNumber' | 'decidedOn' | 'penaltyLabel' | 'seriousReasons' | 'periodFrom' | 'periodUntil'>;

/**
 * 黑名单: the organisations of the actor's subtree (or of one org in it) within a serious violation's period today,
 * one line per penalty, newest decision first. Organisation data only (the feed never holds a person). Staff only:
 * not public (decision 0027).
 */
export async function listBlacklist(ctx: UseCaseContext, q: { orgId: string }): Promise<{ orgName: string; entries: BlacklistEntry[]; truncated: boolean }> {
  requireExchangeRead(ctx.actor);
  const org = await requireOrgInScope(ctx, ctx.db, q.orgId, { name: 'orgId', label: '机构' });
  const today = localDate(ctx.now);
  const { items, truncated } = await loadCreditItems(ctx.db, { scopePath: org.path, from: blacklistHorizon(today), to: today, today });
  const entries = items
    .filter((i) => i.serious && i.current)
    .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))
    .map((i) => ({
      unitName: i.unitName,
      uscc: i.uscc,
      brigadeName: i.brigadeName,
      decisionNumber: i.decisionNumber,
      decidedOn: i.decidedOn,
      penaltyLabel: i.penaltyLabel,
      seriousReasons: i.seriousReasons,
      periodFrom: i.periodFrom,
      periodUntil: i.periodUntil,
    }));
  return { orgName: org.name, entries, truncated };
}
