import type { Db } from '../../db/client.ts';
import { leaseMessage, listDueMessageIds, updateOutboxMessage, type OutboxMessageRow } from '../../db/field-queries.ts';
import { deliverDue, type DispatchOutcome } from './deliver-due.ts';

/** How a channel delivers one message; throws (an Error with a Chinese or plain message) when it could not. */
export type MessageChannel = (message: { recipient: string; body: string }) => Promise<void>;

export type { DispatchOutcome };

const LEASE_MS = 5 * 60_000;

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
  return deliverDue<OutboxMessageRow>(
    {
      dueIds: () => listDueMessageIds(db, now, limit),
      lease: (id) => leaseMessage(db, id, now, new Date(now.getTime() + LEASE_MS)),
      send: async (message) => {
        const channel = channels[message.channel];
        if (!channel) throw new Error(message.channel === 'sms' ? '短信网关未配置（SMS_GATEWAY_URL）' : `未知的发送渠道 ${message.channel}`);
        await channel({ recipient: message.recipient, body: message.body });
      },
      markSent: (id) => updateOutboxMessage(db, id, { state: 'sent', sentAt: now, lastError: null, updatedAt: now }),
      markFailure: (id, next, error) => updateOutboxMessage(db, id, { state: next.state, nextAttemptAt: next.nextAttemptAt, lastError: error, updatedAt: now }),
    },
    now,
  );
}
