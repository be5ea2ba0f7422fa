import { sha256Hex } from '../../domain/crypto/sha256.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkExternalEntry, type ExternalEntry } from '../../domain/draw/external-entries.ts';
import { normalizeExternalValue } from '../../domain/draw/seed.ts';

/*
 * The two-person entry of an external value (draw-algorithm.md §1.4) as a use case step, shared by plan draws
 * (record-external-value.ts) and 纪检 callback rounds (usecases/callbacks): the value normalised, the entry checked
 * against the earlier ones of the same source and issue, the audit summary, and the error a disagreement gives.
 */

/** The typed value as it enters the seed; VALIDATION_FAILED when empty. */
export function externalValueOf(typed: string): string {
  const value = normalizeExternalValue(typed);
  if (value === '') throw new DomainError('VALIDATION_FAILED', '开奖号码：不能为空', { field: 'value' });
  return value;
}

/** Whether the entry may be added; CONFLICT (in Chinese) when the value is confirmed already or the same account repeats itself. */
export function acceptExternalEntry(earlier: readonly ExternalEntry[], entry: ExternalEntry): { confirms: boolean; disagrees: boolean } {
  const check = checkExternalEntry(earlier, entry);
  if (!check.ok) {
    throw new DomainError(
      'CONFLICT',
      check.reason === 'ALREADY_CONFIRMED' ? '该期开奖号码已由两名工作人员录入一致，无需再录入' : '您已录入过该号码，须由另一名工作人员复核录入',
    );
  }
  return check;
}

/** The audit summary of an entry: the value itself only once confirmed (before that, anyone reading the log could copy it). */
export function externalEntrySummary(
  input: { source: string; ref: string; value: string },
  entryNumber: number,
  check: { confirms: boolean; disagrees: boolean },
): { source: string; ref: string; entry: number; confirmed: boolean; disagrees: boolean; value?: string; valueSha256?: string } {
  return {
    source: input.source,
    ref: input.ref,
    ...(check.confirms ? { value: input.value } : { valueSha256: sha256Hex(input.value) }),
    entry: entryNumber,
    confirmed: check.confirms,
    disagrees: check.disagrees,
  };
}

/**
 * After the transaction that kept a disagreeing entry: the caller gets CONFLICT without being told the other value,
 * so the second entry stays a real check.
 */
export function throwIfDisagrees(outcome: { disagrees: boolean }): void {
  if (outcome.disagrees) {
    throw new DomainError('CONFLICT', '与另一名工作人员的录入不一致，尚未确认（本次录入已记录）。请核对官方开奖公告：录错的一方重新录入正确号码', { field: 'value' });
  }
}
