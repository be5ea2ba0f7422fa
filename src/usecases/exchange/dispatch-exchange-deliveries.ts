import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { leaseDelivery, listDueDeliveryIds, loadExchangeBatchContent, updateExchangeDelivery, type ExchangeDeliveryRow } from '../../db/exchange-queries.ts';
import { deliverDue, type DispatchOutcome } from '../outbox/deliver-due.ts';

/** Sends one batch's JSON document to a receiver; throws when the receiver did not accept it. */
export type ExchangeSender = (delivery: { url: string; batchId: string; json: string; sha256: string }) => Promise<void>;

const LEASE_MS = 5 * 60_000;

/**
 * One run of the exchange outbox (decision 0027), the same rule as the SMS outbox (deliverDue): each due delivery is
 * leased, its batch's stored JSON POSTed to the delivery's URL, and marked sent, retried later, or failed after the
 * last attempt (then only 重新发送 queues it again).
 */
export async function dispatchExchangeDeliveries(db: Db, now: Date, send: ExchangeSender, limit = 20): Promise<DispatchOutcome[]> {
  return deliverDue<ExchangeDeliveryRow>(
    {
      dueIds: () => listDueDeliveryIds(db, now, limit),
      lease: (id) => leaseDelivery(db, id, now, new Date(now.getTime() + LEASE_MS)),
      send: async (d) => {
        const json = await loadExchangeBatchContent(db, d.batchId, 'json');
        if (json === undefined) throw new Error('批次不存在');
        await send({ url: d.url, batchId: d.batchId, json, sha256: createHash('sha256').update(json, 'utf8').digest('hex') });
      },
      markSent: (id) => updateExchangeDelivery(db, id, { state: 'sent', sentAt: now, lastError: null, updatedAt: now }),
      markFailure: (id, next, error) => updateExchangeDelivery(db, id, { state: next.state, nextAttemptAt: next.nextAttemptAt, lastError: error, updatedAt: now }),
    },
    now,
  );
}
