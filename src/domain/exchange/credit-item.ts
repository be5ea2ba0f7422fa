/**
 * One line of the credit feed (信用推送, decision 0027): a published penalty of an organisation with its credit display
 * period and whether it is a serious violation. Built from the portal's own entry (composeExchangeItem), so the feed
 * holds nothing the portal does not publish; a penalty of a natural person is never in the feed (the credit system
 * receives organisations' records only), and a withdrawn penalty is sent as withdrawn so the receiver removes it.
 */
import { penaltyLabel } from '../publication/entry-summary.ts';
import { maskText } from '../publication/mask.ts';
import { WITHDRAW_KIND_LABELS, type PenaltyContent } from '../publication/publication-types.ts';
import { composeExchangeItem, type ExchangeSourceRow } from './exchange-item.ts';
import { creditPeriod, isWithinPeriod, SERIOUS_REASON_LABELS, type CreditPolicy } from './credit-policy.ts';

export type CreditFeedItem = {
  id: string;
  status: 'published' | 'withdrawn';
  statusLabel: string;
  unitName: string;
  uscc: string;
  brigadeName: string;
  decisionNumber: string;
  decidedOn: string;
  penaltyLabel: string;
  fineAmount: number | null;
  serious: boolean;
  seriousLabel: string;
  seriousReasons: string[];
  periodFrom: string;
  repairableFrom: string;
  periodUntil: string;
  /** Whether `today` lies in the period (a withdrawn penalty never is). */
  current: boolean;
  withdrawal: { on: string | null; reason: string } | null;
};

/** The feed line of a penalty entry, or null when it is not on the portal or its party is a natural person. */
export function composeCreditItem(
  row: ExchangeSourceRow & { content: PenaltyContent },
  sealedOn: readonly string[],
  policy: CreditPolicy,
  options: { publishPersonName: boolean; today: string },
): CreditFeedItem | null {
  const c = row.content;
  if (c.partyKind !== 'organisation' || c.uscc === null) return null;
  const item = composeExchangeItem(row, options);
  if (item === null) return null;
  const period = creditPeriod({ penaltyKind: c.penaltyKind, fineAmount: c.fineAmount, decidedOn: c.decidedOn, sealedOn }, policy);
  const withdrawn = item.status === 'withdrawn';
  return {
    id: item.id,
    status: item.status,
    statusLabel: item.statusLabel,
    unitName: item.unitName,
    uscc: c.uscc,
    brigadeName: item.brigadeName,
    decisionNumber: maskText(c.decisionNumber),
    decidedOn: c.decidedOn,
    penaltyLabel: penaltyLabel(c),
    fineAmount: c.fineAmount,
    serious: period.serious,
    seriousLabel: period.serious ? '严重失信' : '一般失信',
    seriousReasons: period.reasons.map((r) => SERIOUS_REASON_LABELS[r]),
    periodFrom: period.from,
    repairableFrom: period.repairableFrom,
    periodUntil: period.until,
    current: !withdrawn && isWithinPeriod(period, options.today),
    withdrawal: withdrawn ? { on: row.withdrawnOn, reason: row.withdrawKind ? WITHDRAW_KIND_LABELS[row.withdrawKind] : '处罚决定已撤回' } : null,
  };
}

export const CREDIT_XLSX_HEADERS = [
  '编号',
  '状态',
  '单位名称',
  '统一社会信用代码',
  '大队',
  '处罚决定书文号',
  '决定日期',
  '处罚',
  '罚款金额（元）',
  '失信类别',
  '认定理由',
  '公示起',
  '可申请信用修复',
  '公示止',
  '撤回原因',
] as const;

export function creditItemRow(i: CreditFeedItem): (string | number | null)[] {
  return [
    i.id,
    i.statusLabel,
    i.unitName,
    i.uscc,
    i.brigadeName,
    i.decisionNumber,
    i.decidedOn,
    i.penaltyLabel,
    i.fineAmount,
    i.seriousLabel,
    i.seriousReasons.join('、'),
    i.periodFrom,
    i.repairableFrom,
    i.periodUntil,
    i.withdrawal?.reason ?? null,
  ];
}
