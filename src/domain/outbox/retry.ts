/**
 * When a message that failed to send is tried again (decision 0021), pure: after the n-th failed attempt, wait
 * 2^(n-1) minutes (1, 2, 4 … capped at 6 hours); after {@link MAX_SEND_ATTEMPTS} attempts the message is marked
 * failed and stays visible in 消息发件箱 with its last error.
 */
export const MAX_SEND_ATTEMPTS = 8;

export function nextAttemptAfterFailure(attempts: number, now: Date): { state: 'pending' | 'failed'; nextAttemptAt: Date } {
  if (attempts >= MAX_SEND_ATTEMPTS) return { state: 'failed', nextAttemptAt: now };
  const minutes = Math.min(2 ** Math.max(0, attempts - 1), 360);
  return { state: 'pending', nextAttemptAt: new Date(now.getTime() + minutes * 60_000) };
}
