import { DomainError } from '../../domain/errors.ts';
import type { CreditFeedItem } from '../../domain/exchange/credit-item.ts';
import { MAX_BATCH_ITEMS, MAX_BATCH_PARTS, splitIntoParts, type ExchangeItem } from '../../domain/exchange/exchange-item.ts';
import { localDate } from '../../domain/local-date.ts';
import { countPeriodPublications, insertExchangeBatch, insertExchangeDelivery } from '../../db/exchange-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { buildExchangeFiles, type ExchangeFiles } from './build-exchange-files.ts';
import { effectiveExchangeSettings, requireExchangeManage } from './exchange-settings.ts';
import { loadCreditItems, loadExchangeItems } from './load-exchange-items.ts';

export type CreateExchangeBatchInput = { kind: 'publications' | 'credit'; orgId: string; from: string; to: string };

const tooMany = (total: number) =>
  new DomainError(
    'VALIDATION_FAILED',
    `期间内共 ${total} 条，超过一次可导出的 ${MAX_BATCH_ITEMS * MAX_BATCH_PARTS} 条（每批 ${MAX_BATCH_ITEMS} 条、最多 ${MAX_BATCH_PARTS} 批），请缩短期间后分次导出`,
    { field: 'to' },
  );

/**
 * Makes the export batches of an org's subtree for a period (decision 0027): kind 'publications' — the results and
 * penalties published in [from, to] as the portal shows them today; kind 'credit' — the credit feed of the penalties
 * decided in [from, to]. A period of more than MAX_BATCH_ITEMS items is split into parts (at most MAX_BATCH_PARTS,
 * else refused in Chinese). Each part is stored with its JSON text, its SHA-256 and its .xlsx; when the org has an
 * endpoint, a delivery of each part is queued in the same transaction (the dispatcher sends it; the request never
 * waits for the receiver). One audit entry for the whole request.
 */
export async function createExchangeBatch(ctx: UseCaseContext, input: CreateExchangeBatchInput): Promise<string[]> {
  const org = await requireOrgInScope(ctx, ctx.db, input.orgId, { name: 'orgId', label: '机构' });
  requireExchangeManage(ctx.actor, org.path);
  if (input.from > input.to) throw new DomainError('VALIDATION_FAILED', '期间：开始日期不能晚于结束日期', { field: 'from' });
  const today = localDate(ctx.now);
  const settings = await effectiveExchangeSettings(ctx.db, org.path);

  const partsItems: (readonly ExchangeItem[] | readonly CreditFeedItem[])[] = [];
  if (input.kind === 'publications') {
    const total = await countPeriodPublications(ctx.db, { scopePath: org.path, from: input.from, to: input.to, today });
    const parts = splitIntoParts(total);
    if (parts === null) throw tooMany(total);
    for (const part of parts) {
      partsItems.push(part.count === 0 ? [] : await loadExchangeItems(ctx.db, { scopePath: org.path, from: input.from, to: input.to, today, offset: part.offset, limit: part.count }));
    }
  } else {
    const { items, truncated } = await loadCreditItems(ctx.db, { scopePath: org.path, from: input.from, to: input.to, today, limit: MAX_BATCH_ITEMS * MAX_BATCH_PARTS });
    if (truncated) throw tooMany(items.length + 1);
    for (const part of splitIntoParts(items.length)!) partsItems.push(items.slice(part.offset, part.offset + part.count));
  }

  const generatedAt = ctx.now.toISOString();
  const files: ExchangeFiles[] = [];
  for (const [i, items] of partsItems.entries()) {
    files.push(
      await buildExchangeFiles(
        {
          kind: input.kind,
          org: { name: org.name, divisionCode: org.divisionCode },
          period: { from: input.from, to: input.to },
          part: { index: i + 1, count: partsItems.length },
          generatedAt,
        },
        items,
      ),
    );
  }

  return ctx.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const [i, f] of files.entries()) {
      const id = await insertExchangeBatch(tx, {
        kind: input.kind,
        orgId: org.id,
        periodFrom: input.from,
        periodTo: input.to,
        part: i + 1,
        partCount: files.length,
        itemCount: partsItems[i]!.length,
        jsonText: f.json,
        jsonSha256: f.sha256,
        xlsxBase64: f.xlsx.toString('base64'),
        createdBy: ctx.actor.accountId,
        createdAt: ctx.now,
      });
      if (settings.endpointUrl) await insertExchangeDelivery(tx, { batchId: id, orgId: org.id, url: settings.endpointUrl, createdBy: ctx.actor.accountId, now: ctx.now });
      ids.push(id);
    }
    await recordAudit(tx, ctx, {
      action: 'exchange.batch',
      targetType: 'exchange_batch',
      targetId: ids[0]!,
      orgId: org.id,
      summary: {
        org: org.name,
        kind: input.kind,
        periodFrom: input.from,
        periodTo: input.to,
        partCount: files.length,
        itemCount: partsItems.reduce((n, p) => n + p.length, 0),
        batches: files.map((f, i) => ({ id: ids[i]!, jsonSha256: f.sha256 })),
        endpointUrl: settings.endpointUrl,
      },
    });
    return ids;
  });
}
