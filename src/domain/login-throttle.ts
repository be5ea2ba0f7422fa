/**
 * Login throttling (登录限制). Two independent limits, both checked before the password is verified so
 * that a locked account is refused even with the right password:
 * - per account: after `maxConsecutiveFailures` wrong passwords in a row (no success between), further
 *   attempts are refused until `lockMinutes` after the last counted failure;
 * - per address: after `maxFailuresPerAddress` failures within `addressWindowMinutes` from one address
 *   (any accounts), that address is refused until the oldest of them leaves the window.
 * Refused attempts are not counted as failures, so an attacker cannot extend a lock indefinitely by
 * hammering, and the lock expires on its own.
 */
export type ThrottlePolicy = {
  maxConsecutiveFailures: number;
  lockMinutes: number;
  maxFailuresPerAddress: number;
  addressWindowMinutes: number;
};

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  maxConsecutiveFailures: 5,
  lockMinutes: 15,
  maxFailuresPerAddress: 20,
  addressWindowMinutes: 15,
};

export type LoginAttempt = { at: Date; succeeded: boolean };

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; scope: 'account' | 'address'; retryAfterSeconds: number };

/**
 * @param accountAttempts the account's recent attempts, newest first (at least maxConsecutiveFailures).
 * @param addressFailures failure times from the address within the window, newest first.
 */
export function evaluateLoginThrottle(
  accountAttempts: readonly LoginAttempt[],
  addressFailures: readonly Date[],
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): ThrottleDecision {
  let consecutive = 0;
  for (const attempt of accountAttempts) {
    if (attempt.succeeded) break;
    consecutive += 1;
  }
  const lastFailure = accountAttempts[0];
  if (consecutive >= policy.maxConsecutiveFailures && lastFailure) {
    const unlockAt = lastFailure.at.getTime() + policy.lockMinutes * 60_000;
    if (unlockAt > now.getTime()) {
      return { allowed: false, scope: 'account', retryAfterSeconds: Math.ceil((unlockAt - now.getTime()) / 1000) };
    }
  }
  const windowStart = now.getTime() - policy.addressWindowMinutes * 60_000;
  const inWindow = addressFailures.filter((d) => d.getTime() > windowStart);
  if (inWindow.length >= policy.maxFailuresPerAddress) {
    const oldestCounted = inWindow[policy.maxFailuresPerAddress - 1]!;
    const unlockAt = oldestCounted.getTime() + policy.addressWindowMinutes * 60_000;
    return { allowed: false, scope: 'address', retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 1000)) };
  }
  return { allowed: true };
}
