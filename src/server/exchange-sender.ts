import type { ExchangeSender } from '../usecases/exchange/dispatch-exchange-deliveries.ts';

/**
 * The exchange endpoint sender (decision 0027): POST the batch's JSON document as stored, with its SHA-256 and the batch
 * id in headers so the receiver can check what it got and recognise a repeat. Any answer other than 2xx, a network
 * error or no answer within 20 seconds is a failed attempt, retried by the dispatcher.
 */
export function httpExchangeSender(timeoutMs = 20_000): ExchangeSender {
  return async ({ url, batchId, json, sha256 }) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-xf-batch-id': batchId, 'x-xf-sha256': sha256 },
        body: json,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `${timeoutMs / 1000} 秒内无应答` : '无法连接';
      throw new Error(`接收方${reason}`, { cause: error });
    }
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(`接收方返回 HTTP ${response.status}${detail ? `：${detail}` : ''}`);
    }
    await response.body?.cancel().catch(() => undefined);
  };
}
