/**
 * The inspected unit's own page (decision 0024), reached without an account: the check code printed beside a
 * document's QR code, plus the unit's 统一社会信用代码. Pure rules:
 * - a code opens the page only while its document is issued (not voided) and for UNIT_ACCESS_CODE_DAYS after its
 *   issue date; a session then lasts UNIT_SESSION_MINUTES;
 * - wrong attempts are limited per code and per address by the login throttle's rule (UNIT_ACCESS_THROTTLE), so a
 *   code cannot be guessed against credit codes, nor credit codes against codes.
 */
import { addCalendarDays } from '../calendar/working-days.ts';
import type { ThrottlePolicy } from '../login-throttle.ts';

export const UNIT_ACCESS_CODE_DAYS = 180;
export const UNIT_SESSION_MINUTES = 120;

export const UNIT_ACCESS_THROTTLE: ThrottlePolicy = {
  maxConsecutiveFailures: 5,
  lockMinutes: 30,
  maxFailuresPerAddress: 20,
  addressWindowMinutes: 30,
};

export type UnitAccessRefusal = 'not_found' | 'voided' | 'expired';

/** Whether a document's code still opens its unit's page today; the refusal otherwise. */
export function codeValidity(document: { status: 'issued' | 'voided'; issueDate: string }, today: string): { ok: true; until: string } | { ok: false; refusal: UnitAccessRefusal } {
  if (document.status === 'voided') return { ok: false, refusal: 'voided' };
  const until = addCalendarDays(document.issueDate, UNIT_ACCESS_CODE_DAYS);
  if (today > until) return { ok: false, refusal: 'expired' };
  return { ok: true, until };
}

/** One message for a wrong code and a wrong credit code: which of the two was wrong is not told. */
export const UNIT_ACCESS_MESSAGES: Record<UnitAccessRefusal, string> = {
  not_found: '核验码或统一社会信用代码不正确，请核对文书上的核验码',
  voided: '该文书已作废，请使用更正后文书上的核验码',
  expired: `该核验码已过有效期（文书开具之日起 ${UNIT_ACCESS_CODE_DAYS} 日），请使用最近一份文书上的核验码`,
};

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
export const RATING_LABELS: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '很满意' };
