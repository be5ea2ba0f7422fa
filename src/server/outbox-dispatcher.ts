import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { dispatchOutbox, type MessageChannel } from '../usecases/outbox/dispatch-outbox.ts';
import { dispatchExchangeDeliveries, type ExchangeSender } from '../usecases/exchange/dispatch-exchange-deliveries.ts';
import { httpExchangeSender } from './exchange-sender.ts';
import { logChannel, smsGatewayChannel } from './sms-gateway.ts';

const EVERY_MS = 15_000;

/** The channels of this server: `log` always, `sms` when a gateway is configured. */
export function outboxChannels(smsGateway: { url: string; token: string | null } | null): Partial<Record<'log' | 'sms', MessageChannel>> {
  return { log: logChannel, ...(smsGateway ? { sms: smsGatewayChannel(smsGateway) } : {}) };
}

/**
 * Sends pending outbox messages — and the pending deliveries of exchange batches (decision 0027) — every 15 seconds (like the plan scheduler: one run at a time, failures logged, the
 * timer never keeps the process alive). Returns a function that stops it.
 */
export function startOutboxDispatcher(
  db: Db,
  log: FastifyBaseLogger,
  channels: Partial<Record<'log' | 'sms', MessageChannel>>,
  now: () => Date = () => new Date(),
  exchangeSender: ExchangeSender = httpExchangeSender(),
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const o of await dispatchOutbox(db, now(), channels)) {
        if (o.result === 'sent') log.info({ message: o.id }, '消息已发送');
        else log.warn({ message: o.id, error: o.error }, o.result === 'failed' ? '消息发送失败，已停止重试' : '消息发送失败，稍后重试');
      }
      for (const o of await dispatchExchangeDeliveries(db, now(), exchangeSender)) {
        if (o.result === 'sent') log.info({ delivery: o.id }, '数据交换批次已发送');
        else log.warn({ delivery: o.id, error: o.error }, o.result === 'failed' ? '数据交换批次发送失败，已停止重试' : '数据交换批次发送失败，稍后重试');
      }
    } catch (error) {
      log.error({ err: error }, '消息发件箱出错');
    } finally {
      running = false;
    }
  };
  const every = setInterval(() => void tick(), EVERY_MS);
  every.unref();
  return () => clearInterval(every);
}
