import type { MessageChannel } from '../usecases/outbox/dispatch-outbox.ts';

/**
 * The HTTP SMS gateway channel (decision 0020): POST JSON {to, text} to the configured URL, with the bearer token when
 * one is set. Any answer other than 2xx, a network error or no answer within 10 seconds is a failed attempt, retried
 * by the dispatcher.
 */
export function smsGatewayChannel(gateway: { url: string; token: string | null }, timeoutMs = 10_000): MessageChannel {
  return async ({ recipient, body }) => {
    let response: Response;
    try {
      response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(gateway.token ? { authorization: `Bearer ${gateway.token}` } : {}) },
        body: JSON.stringify({ to: recipient, text: body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `${timeoutMs / 1000} 秒内无应答` : '无法连接';
      throw new Error(`短信网关${reason}`, { cause: error });
    }
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(`短信网关返回 HTTP ${response.status}${detail ? `：${detail}` : ''}`);
    }
  };
}

/** The log channel: nothing leaves the server; the message is read in 消息发件箱 and passed on by hand. */
export const logChannel: MessageChannel = async () => {};

/** The channels of this server: `log` always, `sms` when a gateway is configured. */
export function outboxChannels(smsGateway: { url: string; token: string | null } | null): Partial<Record<'log' | 'sms', MessageChannel>> {
  return { log: logChannel, ...(smsGateway ? { sms: smsGatewayChannel(smsGateway) } : {}) };
}
