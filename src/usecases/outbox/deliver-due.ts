import { nextAttemptAfterFailure } from '../../domain/outbox/retry.ts';

export type DispatchOutcome = { id: string; result: 'sent' | 'retry' | 'failed'; error?: string };

/** How one outbox (the SMS messages, the exchange deliveries) is read, leased, sent and marked. */
export type OutboxSteps<T extends { attempts: number }> = {
  dueIds: () => Promise<string[]>;
  /** Takes a due row for one attempt (counting it), or undefined when another dispatcher took it first. */
  lease: (id: string) => Promise<T | undefined>;
  /** Sends it; throws an Error (Chinese or plain message) when it could not. */
  send: (row: T) => Promise<void>;
  markSent: (id: string) => Promise<void>;
  markFailure: (id: string, next: { state: 'pending' | 'failed'; nextAttemptAt: Date }, error: string) => Promise<void>;
};

/**
 * One run of an outbox (decision 0020, generalised in 0027): every due row is leased, sent, and marked sent, or kept
 * pending with its error and a later attempt (the back-off of nextAttemptAfterFailure), or failed after the last
 * attempt.
 */
export async function deliverDue<T extends { attempts: number }>(steps: OutboxSteps<T>, now: Date): Promise<DispatchOutcome[]> {
  const outcomes: DispatchOutcome[] = [];
  for (const id of await steps.dueIds()) {
    const row = await steps.lease(id);
    if (!row) continue;
    try {
      await steps.send(row);
      await steps.markSent(id);
      outcomes.push({ id, result: 'sent' });
    } catch (error) {
      const text = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const next = nextAttemptAfterFailure(row.attempts, now);
      await steps.markFailure(id, next, text);
      outcomes.push({ id, result: next.state === 'failed' ? 'failed' : 'retry', error: text });
    }
  }
  return outcomes;
}
