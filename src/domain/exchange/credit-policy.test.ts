import { describe, expect, it } from 'vitest';
import { creditPeriod, creditPolicyProblems, DEFAULT_CREDIT_POLICY, isWithinPeriod, seriousReasons } from './credit-policy.ts';

const fine = (amount: number, sealedOn: string[] = []) => ({ penaltyKind: 'fine' as const, fineAmount: amount, decidedOn: '2026-03-15', sealedOn });

describe('seriousReasons', () => {
  it('counts a fine at or above the threshold as serious, one below as ordinary', () => {
    expect(seriousReasons(fine(50_000), DEFAULT_CREDIT_POLICY)).toEqual(['fine']);
    expect(seriousReasons(fine(49_999), DEFAULT_CREDIT_POLICY)).toEqual([]);
  });
  it('never counts a warning by amount', () => {
    expect(seriousReasons({ penaltyKind: 'warning', fineAmount: null, decidedOn: '2026-03-15', sealedOn: [] }, DEFAULT_CREDIT_POLICY)).toEqual([]);
  });
  it('counts a sealing within the year before the decision, not one older or later', () => {
    expect(seriousReasons(fine(1000, ['2025-03-15']), DEFAULT_CREDIT_POLICY)).toEqual(['sealing']);
    expect(seriousReasons(fine(1000, ['2025-03-14']), DEFAULT_CREDIT_POLICY)).toEqual([]);
    expect(seriousReasons(fine(1000, ['2026-03-16']), DEFAULT_CREDIT_POLICY)).toEqual([]);
  });
  it('follows the policy: no amount threshold, sealings ignored', () => {
    expect(seriousReasons(fine(900_000, ['2026-03-01']), { ...DEFAULT_CREDIT_POLICY, seriousFineMin: null, sealingIsSerious: false })).toEqual([]);
  });
});

describe('creditPeriod', () => {
  it('shows an ordinary penalty a year from the decision, repairable after 3 months', () => {
    expect(creditPeriod(fine(5000), DEFAULT_CREDIT_POLICY)).toEqual({ serious: false, reasons: [], from: '2026-03-15', repairableFrom: '2026-06-15', until: '2027-03-14' });
  });
  it('shows a serious one three years, repairable after 6 months', () => {
    expect(creditPeriod(fine(80_000), DEFAULT_CREDIT_POLICY)).toMatchObject({ serious: true, repairableFrom: '2026-09-15', until: '2029-03-14' });
  });
  it('clamps to the month’s end', () => {
    expect(creditPeriod({ ...fine(5000), decidedOn: '2026-11-30' }, DEFAULT_CREDIT_POLICY).repairableFrom).toBe('2027-02-28');
  });
  it('includes the first and the last day', () => {
    const p = creditPeriod(fine(5000), DEFAULT_CREDIT_POLICY);
    expect(isWithinPeriod(p, '2026-03-15')).toBe(true);
    expect(isWithinPeriod(p, '2027-03-14')).toBe(true);
    expect(isWithinPeriod(p, '2027-03-15')).toBe(false);
  });
});

describe('creditPolicyProblems', () => {
  it('accepts the defaults', () => {
    expect(creditPolicyProblems(DEFAULT_CREDIT_POLICY)).toEqual([]);
  });
  it('refuses periods outside 信用中国’s bounds, naming the field in Chinese', () => {
    expect(creditPolicyProblems({ ...DEFAULT_CREDIT_POLICY, seriousMaxMonths: 48 })).toEqual([{ field: 'seriousMaxMonths', message: '严重失信最长公示期（月）：应为 6–36 之间的整数' }]);
    expect(creditPolicyProblems({ ...DEFAULT_CREDIT_POLICY, ordinaryMinMonths: 12, ordinaryMaxMonths: 6 })[0]?.field).toBe('ordinaryMinMonths');
  });
});
