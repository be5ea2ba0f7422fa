import { DomainError } from '../../domain/errors.ts';
import { findExchangeBatch, loadExchangeBatchContent } from '../../db/exchange-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope } from '../lib/require.ts';
import { requireExchangeRead } from './exchange-settings.ts';

const KIND_NAMES = { publications: '公示信息', credit: '信用推送' } as const;

/**
 * A stored batch's JSON (the very bytes whose SHA-256 was recorded) or .xlsx. Audited like every export (the data
 * leaves the server). Another subtree's batch is not found.
 */
export async function downloadExchangeBatch(ctx: UseCaseContext, id: string, format: 'json' | 'xlsx'): Promise<{ fileName: string; bytes: Buffer; sha256: string }> {
  requireExchangeRead(ctx.actor);
  const batch = await findExchangeBatch(ctx.db, id);
  if (!batch) throw new DomainError('NOT_FOUND', '数据交换批次不存在');
  requireInScope(ctx.actor, batch.orgPath, '数据交换批次');
  const content = await loadExchangeBatchContent(ctx.db, id, format);
  if (content === undefined) throw new DomainError('NOT_FOUND', '数据交换批次不存在');
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'exchange.download', targetType: 'exchange_batch', targetId: id, orgId: batch.orgId, summary: { format, jsonSha256: batch.jsonSha256 } }),
  );
  const part = batch.partCount > 1 ? `-第${batch.part}批` : '';
  return {
    fileName: `${KIND_NAMES[batch.kind]}-${batch.orgName}-${batch.periodFrom}至${batch.periodTo}${part}.${format}`,
    bytes: format === 'json' ? Buffer.from(content, 'utf8') : Buffer.from(content, 'base64'),
    sha256: batch.jsonSha256,
  };
}
