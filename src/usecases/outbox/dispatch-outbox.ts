import { nextAttemptAfterFailure } from '../../domain/outbox/retry.ts';
import type { Db } from '../../db/client.ts';
import { leaseMessage, listDueMessageIds, updateOutboxMessage, type OutboxMessageRow } from '../../db/field-queries.ts';

/** How a channel delivers one message; throws (an Error with a Chinese or plain message) when it could not. */
export type MessageChannel = (message: { recipient: string; body: string }) => Promise<void>;

const LEASE_MS = 5 * 60_000;

export type DispatchOutcome = { id: string; result: 'sent' | 'retry' | 'failed'; error?: string };

/**
 * One run of the outbox (decision 0020): every pending message that is due is leased, handed to its channel, and
 * marked sent, or kept pending with its error and a later attempt (back-off), or failed after the last attempt. A
 * message whose channel is not configured fails its attempt like any other failure, so it stays visible.
 */
export async function dispatchOutbox(
  db: Db,
  now: Date,
  channels: Partial<Record<OutboxMessageRow['channel'], MessageChannel>>,
  limit = 50,
): Promise<DispatchOutcome[]> {
  const outcomes: DispatchOutcome[] = [];
  for (const id of await listDueMessageIds(db, now, limit)) {
    const message = await leaseMessage(db, id, now, new Date(now.getTime() + LEASE_MS));
    if (!message) continue;
    const channel = channels[message.channel];
    try {
      if (!channel) throw new Error(message.channel === 'sms' ? '短信网关未配置（SMS_GATEWAY_URL）' : `未知的发送渠道 ${message.channel}`);
      await channel({ recipient: message.recipient, body: message.body });
      await updateOutboxMessage(db, id, { state: 'sent', sentAt: now, lastError: null, updatedAt: now });
      outcomes.push({ id, result: 'sent' });
    } catch (error) {
      const text = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const next = nextAttemptAfterFailure(message.attempts, now);
      await updateOutboxMessage(db, id, { state: next.state, nextAttemptAt: next.nextAttemptAt, lastError: text, updatedAt: now });
      outcomes.push({ id, result: next.state === 'failed' ? 'failed' : 'retry', error: text });
    }
  }
  return outcomes;
}
