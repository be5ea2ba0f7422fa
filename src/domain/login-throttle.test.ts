import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_POLICY, evaluateLoginThrottle, type LoginAttempt } from './login-throttle.ts';

const now = new Date('2026-11-22T08:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const failures = (n: number, startMinutesAgo = 1): LoginAttempt[] =>
  Array.from({ length: n }, (_, i) => ({ at: minutesAgo(startMinutesAgo + i), succeeded: false }));

describe('login throttle', () => {
  it('allows the fifth attempt after four failures and refuses the sixth after five', () => {
    expect(evaluateLoginThrottle(failures(4), [], now)).toEqual({ allowed: true });
    expect(evaluateLoginThrottle(failures(5), [], now)).toMatchObject({ allowed: false, scope: 'account' });
  });

  it('counts only failures since the last success', () => {
    const attempts = [...failures(4), { at: minutesAgo(10), succeeded: true }, ...failures(5, 11)];
    expect(evaluateLoginThrottle(attempts, [], now)).toEqual({ allowed: true });
  });

  it('lifts the account lock fifteen minutes after the last failure', () => {
    expect(evaluateLoginThrottle(failures(5, 14), [], now)).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    expect(evaluateLoginThrottle(failures(5, 15), [], now)).toEqual({ allowed: true });
  });

  it('refuses an address that failed twenty times across accounts in the window', () => {
    const addr = Array.from({ length: 20 }, (_, i) => minutesAgo(i * 0.5));
    expect(evaluateLoginThrottle([], addr, now)).toMatchObject({ allowed: false, scope: 'address' });
    expect(evaluateLoginThrottle([], addr.slice(0, 19), now)).toEqual({ allowed: true });
    const old = Array.from({ length: 20 }, () => minutesAgo(DEFAULT_THROTTLE_POLICY.addressWindowMinutes + 1));
    expect(evaluateLoginThrottle([], old, now)).toEqual({ allowed: true });
  });
});
