import type { PublicationQueueItem, PublicationQueueQuery, PublicationQueueView, PublicationRecordView } from '../../contracts/publication.ts';
import { canHandleCases } from '../../domain/cases/case-access.ts';
import { localDate } from '../../domain/local-date.ts';
import { entrySummary } from '../../domain/publication/entry-summary.ts';
import { publicationRecord, publicationTiming, timingLabel, type PublicationFact } from '../../domain/publication/publication-rules.ts';
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_STATUS_LABELS,
  WITHDRAW_KIND_LABELS,
  type PublicationPolicy,
  type PublicationStatus,
} from '../../domain/publication/publication-types.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import { listPublicationsInScope, publicationFactsInScope } from '../../db/publication-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { effectivePolicy } from './publication-policy.ts';

const CAP = 2000;

const VIEW_STATUSES: Record<NonNullable<PublicationQueueQuery['view']>, readonly PublicationStatus[] | undefined> = {
  queue: ['pending', 'withdrawal_pending'],
  published: ['published'],
  withdrawn: ['withdrawn'],
  suppressed: ['suppressed'],
  all: undefined,
};

/** Policies by brigade path, loaded once per path. */
function policyCache(db: DbOrTx) {
  const cache = new Map<string, Promise<PublicationPolicy>>();
  return (orgPath: string) => {
    if (!cache.has(orgPath)) cache.set(orgPath, effectivePolicy(db, orgPath).then((e) => e.policy));
    return cache.get(orgPath)!;
  };
}

/**
 * 公示管理 (GET /api/publications): the entries of the brigades in scope — by default the queue (待公示 and 待撤回),
 * overdue first (most overdue first), then those waiting by their due date, then those whose due date cannot be
 * computed yet — and each brigade's publication record (on time, late, overdue, the on-time rate). Everyone who reads
 * plans reads it; administrators of the brigade act on it.
 */
export async function listPublicationQueue(ctx: UseCaseContext, query: PublicationQueueQuery): Promise<PublicationQueueView> {
  requirePermission(ctx.actor, 'plans.read');
  const scopePath = scopePathOf(ctx.actor);
  const view = query.view ?? 'queue';
  const rows = await listPublicationsInScope(ctx.db, { scopePath, statuses: VIEW_STATUSES[view], kind: query.kind, orgId: query.orgId, limit: CAP + 1 });
  const calendar = await loadHolidayCalendar(ctx.db);
  const today = localDate(ctx.now);
  const policyOf = policyCache(ctx.db);
  const items: (PublicationQueueItem & { rank: number })[] = [];
  for (const { publication: p, orgName, orgPath } of rows.slice(0, CAP)) {
    const policy = await policyOf(orgPath);
    const timing = publicationTiming(calendar, p, today, policy);
    items.push({
      id: p.id,
      kind: p.kind,
      kindLabel: PUBLICATION_KIND_LABELS[p.kind],
      status: p.status,
      statusLabel: PUBLICATION_STATUS_LABELS[p.status],
      orgId: p.orgId,
      orgName,
      unitId: p.unitId,
      unitName: p.unitName,
      eventDate: p.eventDate,
      summary: entrySummary(p.content, null),
      taskId: p.taskId,
      caseId: p.caseId,
      due: 'due' in timing ? timing.due : null,
      timingLabel: timingLabel(timing),
      overdue: timing.kind === 'overdue' || timing.kind === 'late',
      publishedOn: p.publishedOn,
      displayUntil: p.displayUntil,
      withdrawReason: p.withdrawKind ? `${WITHDRAW_KIND_LABELS[p.withdrawKind]}：${p.withdrawReason ?? ''}` : null,
      suppressReason: p.suppressReason,
      contentVersion: p.contentVersion,
      rank: timing.kind === 'overdue' ? -1_000_000 - timing.days : timing.kind === 'waiting' ? timing.daysLeft : 1_000_000,
    });
  }
  if (view === 'queue') items.sort((a, b) => a.rank - b.rank || a.eventDate.localeCompare(b.eventDate));
  else items.sort((a, b) => b.eventDate.localeCompare(a.eventDate));
  const records = await publicationRecords(ctx.db, scopePath, today, policyOf, calendar);
  const canManage = canHandleCases(ctx.actor, ctx.actor.orgPath);
  return { items: items.map(({ rank: _rank, ...item }) => item), records, canManage, truncated: rows.length > CAP };
}

/** Each brigade's publication record over every entry it ever had (statistics read the same figures). */
export async function publicationRecords(
  db: DbOrTx,
  scopePath: string | null,
  today: string,
  policyOf: (orgPath: string) => Promise<PublicationPolicy>,
  calendar: Awaited<ReturnType<typeof loadHolidayCalendar>>,
): Promise<PublicationRecordView[]> {
  const facts = await publicationFactsInScope(db, scopePath);
  const byOrg = new Map<string, { orgName: string; orgPath: string; facts: PublicationFact[] }>();
  for (const f of facts) {
    const entry = byOrg.get(f.orgId) ?? { orgName: f.orgName, orgPath: f.orgPath, facts: [] };
    entry.facts.push(f);
    byOrg.set(f.orgId, entry);
  }
  const out: PublicationRecordView[] = [];
  for (const [orgId, { orgName, orgPath, facts: own }] of byOrg) {
    out.push({ orgId, orgName, ...publicationRecord(calendar, own, today, await policyOf(orgPath)) });
  }
  return out.sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'));
}

export { policyCache };
