import { describe, expect, it } from 'vitest';
import { MAX_SEND_ATTEMPTS, nextAttemptAfterFailure } from './retry.ts';

const NOW = new Date('2026-12-05T00:00:00Z');
const minutesLater = (attempts: number) => (nextAttemptAfterFailure(attempts, NOW).nextAttemptAt.getTime() - NOW.getTime()) / 60_000;

describe('nextAttemptAfterFailure', () => {
  it('backs off 1, 2, 4 … minutes after each failed attempt', () => {
    expect([1, 2, 3, 4].map(minutesLater)).toEqual([1, 2, 4, 8]);
  });

  it('gives up after the last attempt, leaving the message failed (never deleted)', () => {
    expect(nextAttemptAfterFailure(MAX_SEND_ATTEMPTS, NOW).state).toBe('failed');
    expect(nextAttemptAfterFailure(MAX_SEND_ATTEMPTS - 1, NOW).state).toBe('pending');
  });
});
