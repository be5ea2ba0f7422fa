import { isInScope } from '../../domain/access.ts';
import { canHandleCases } from '../../domain/cases/case-access.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { displayUntil } from '../../domain/publication/publication-rules.ts';
import { PUBLICATION_KIND_LABELS, WITHDRAW_KIND_LABELS, type PublicationPolicy } from '../../domain/publication/publication-types.ts';
import type { Tx } from '../../db/client.ts';
import { findPublication, updatePublication, type PublicationRow } from '../../db/publication-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { effectivePolicy } from './publication-policy.ts';

export type EntryAction = { action: 'publish' } | { action: 'withdraw' } | { action: 'suppress'; reason: string };

/** At most this many entries in one request (a brigade's month is a few hundred). */
export const MAX_ENTRIES_PER_ACTION = 500;

/**
 * The brigade's queue (POST /api/publications/act), its 大队管理员 only (as for cases): publishes pending entries, carries out pending withdrawals, or
 * decides not to publish (不予公示, with a reason; 纪检 sees it). All or nothing: an entry out of scope, gone or in
 * the wrong status refuses the whole request (404/409 naming it), so a double-click publishes once.
 */
export async function actOnEntries(ctx: UseCaseContext, ids: readonly string[], act: EntryAction): Promise<{ done: number }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new DomainError('VALIDATION_FAILED', '公示条目：请至少选择一条', { field: 'ids' });
  if (unique.length > MAX_ENTRIES_PER_ACTION) throw new DomainError('VALIDATION_FAILED', `公示条目：一次最多 ${MAX_ENTRIES_PER_ACTION} 条`, { field: 'ids' });
  return ctx.db.transaction(async (tx) => {
    const policies = new Map<string, PublicationPolicy>();
    for (const id of unique) {
      const found = await findPublication(tx, id, true);
      if (!found || !isInScope(ctx.actor, found.orgPath)) throw new DomainError('NOT_FOUND', '公示条目不存在');
      if (!canHandleCases(ctx.actor, found.orgPath)) throw new DomainError('FORBIDDEN', '只有本大队管理员可以公示或撤回');
      if (!policies.has(found.orgPath)) policies.set(found.orgPath, (await effectivePolicy(tx, found.orgPath)).policy);
      await applyAction(tx, ctx, found.publication, act, policies.get(found.orgPath)!);
    }
    return { done: unique.length };
  });
}

/** One entry's step; also what the daily job uses to auto-publish (as the system). */
export async function applyAction(tx: Tx, ctx: UseCaseContext, entry: PublicationRow, act: EntryAction, policy: PublicationPolicy, auto = false): Promise<void> {
  const today = localDate(ctx.now);
  const name = `${PUBLICATION_KIND_LABELS[entry.kind]}「${entry.unitName}」`;
  if (act.action === 'publish') {
    if (entry.status !== 'pending') throw new DomainError('CONFLICT', `${name}已不是待公示状态，请刷新后重试`);
    await updatePublication(tx, entry.id, {
      status: 'published',
      publishedOn: today,
      publishedAt: ctx.now,
      publishedBy: auto ? null : ctx.actor.accountId,
      displayUntil: displayUntil(entry.content, today, policy),
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'publication.publish',
      targetType: 'publication',
      targetId: entry.id,
      orgId: entry.orgId,
      summary: { type: PUBLICATION_KIND_LABELS[entry.kind], unit: entry.unitName, eventDate: entry.eventDate, auto },
    });
  } else if (act.action === 'withdraw') {
    if (entry.status !== 'withdrawal_pending') throw new DomainError('CONFLICT', `${name}不是待撤回状态，请刷新后重试`);
    await updatePublication(tx, entry.id, { status: 'withdrawn', withdrawnOn: today, withdrawnAt: ctx.now, withdrawnBy: ctx.actor.accountId, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'publication.withdraw',
      targetType: 'publication',
      targetId: entry.id,
      orgId: entry.orgId,
      summary: { type: PUBLICATION_KIND_LABELS[entry.kind], unit: entry.unitName, reason: entry.withdrawKind ? `${WITHDRAW_KIND_LABELS[entry.withdrawKind]}：${entry.withdrawReason ?? ''}` : '' },
    });
  } else {
    if (entry.status !== 'pending') throw new DomainError('CONFLICT', `${name}已不是待公示状态，不能改为不予公示`);
    await updatePublication(tx, entry.id, { status: 'suppressed', suppressReason: act.reason, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'publication.suppress',
      targetType: 'publication',
      targetId: entry.id,
      orgId: entry.orgId,
      summary: { type: PUBLICATION_KIND_LABELS[entry.kind], unit: entry.unitName, reason: act.reason },
    });
  }
}
