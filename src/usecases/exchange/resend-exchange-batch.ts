import { DomainError } from '../../domain/errors.ts';
import { findExchangeBatch, hasPendingDelivery, insertExchangeDelivery } from '../../db/exchange-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope } from '../lib/require.ts';
import { effectiveExchangeSettings, requireExchangeManage, requireExchangeRead } from './exchange-settings.ts';

/**
 * 重新发送: queues a new delivery of a stored batch to the org's endpoint as configured now (the same bytes). Refused
 * while a delivery of it is still pending, and when no endpoint is configured.
 */
export async function resendExchangeBatch(ctx: UseCaseContext, id: string): Promise<void> {
  requireExchangeRead(ctx.actor);
  const batch = await findExchangeBatch(ctx.db, id);
  if (!batch) throw new DomainError('NOT_FOUND', '数据交换批次不存在');
  requireInScope(ctx.actor, batch.orgPath, '数据交换批次');
  requireExchangeManage(ctx.actor, batch.orgPath);
  const { endpointUrl } = await effectiveExchangeSettings(ctx.db, batch.orgPath);
  if (!endpointUrl) throw new DomainError('CONFLICT', '未设置接收地址，批次只能下载；请先在“接收地址”中设置');
  if (await hasPendingDelivery(ctx.db, id)) throw new DomainError('CONFLICT', '该批次正在发送中，请等待结果后再重新发送');
  await ctx.db.transaction(async (tx) => {
    await insertExchangeDelivery(tx, { batchId: id, orgId: batch.orgId, url: endpointUrl, createdBy: ctx.actor.accountId, now: ctx.now });
    await recordAudit(tx, ctx, { action: 'exchange.resend', targetType: 'exchange_batch', targetId: id, orgId: batch.orgId, summary: { endpointUrl, jsonSha256: batch.jsonSha256 } });
  });
}
