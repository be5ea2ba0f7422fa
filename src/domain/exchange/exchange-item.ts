/**
 * 数据交换 (decision 0027): what an export batch for the provincial 协同监管平台 and the credit system carries about one
 * publication (一公开). The item is the portal's entry and nothing more: an entry on the portal (published, or withdrawn
 * and showing its withdrawal) within its display period, masked with the same functions the public presenter applies
 * (maskText, publishedPartyName), so a telephone or ID number in a name is masked and a punished person's name is 张*
 * unless the brigade's policy publishes it. Inspectors, the people present, contacts and the inspector's own words are
 * never in a publication's content and nothing here adds them. A withdrawn penalty carries its withdrawal, not the
 * decision it replaces.
 */
import { UNABLE_REASON_LABELS } from '../records/record-labels.ts';
import { entrySummary, penaltyLabel } from '../publication/entry-summary.ts';
import { maskText, publishedPartyName } from '../publication/mask.ts';
import { isOnPortal } from '../publication/publication-rules.ts';
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_OUTCOME_LABELS,
  WITHDRAW_KIND_LABELS,
  type PublicationContent,
  type PublicationKind,
  type PublicationOutcome,
  type PublicationStatus,
  type WithdrawKind,
} from '../publication/publication-types.ts';

/** The name and version of the JSON document's shape (docs/exchange.md); a change of shape gets a new version. */
export const EXCHANGE_SCHEMA = 'xf-exchange/1';

/** A publication as stored, the fields an exchange item is composed from. */
export type ExchangeSourceRow = {
  id: string;
  kind: PublicationKind;
  status: PublicationStatus;
  eventDate: string;
  outcome: PublicationOutcome;
  content: PublicationContent;
  publishedOn: string | null;
  displayUntil: string | null;
  withdrawKind: WithdrawKind | null;
  withdrawnOn: string | null;
};

/** One item of an export batch (docs/exchange.md lists every field with its Chinese meaning). */
export type ExchangeItem = {
  id: string;
  kind: PublicationKind;
  kindLabel: string;
  status: 'published' | 'withdrawn';
  statusLabel: string;
  unitName: string;
  uscc: string | null;
  brigadeName: string;
  districtCode: string | null;
  eventDate: string;
  publishedOn: string | null;
  displayUntil: string | null;
  outcome: PublicationOutcome;
  outcomeLabel: string;
  summary: string;
  result: {
    inspectedOn: string;
    drawCode: string | null;
    address: string;
    items: { code: string; name: string }[];
    hazards: { seq: number; item: string; text: string; fixedOnSpot: boolean }[];
    unableReasonLabel: string | null;
  } | null;
  penalty: {
    partyKind: 'organisation' | 'person';
    partyName: string;
    decisionNumber: string;
    decidedOn: string;
    citation: string;
    penaltyLabel: string;
    fineAmount: number | null;
    facts: string[];
  } | null;
  withdrawal: { on: string | null; reason: string } | null;
};

/**
 * The exchange item of a publication, or null when the portal does not show it today (pending, suppressed, awaiting
 * withdrawal, or past its display period): exports contain only what the portal publishes.
 */
export function composeExchangeItem(row: ExchangeSourceRow, options: { publishPersonName: boolean; today: string }): ExchangeItem | null {
  if (!isOnPortal(row, options.today)) return null;
  const c = row.content;
  const withdrawn = row.status === 'withdrawn';
  const personParty = c.kind === 'penalty' && c.partyKind === 'person';
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: PUBLICATION_KIND_LABELS[row.kind],
    status: withdrawn ? 'withdrawn' : 'published',
    statusLabel: withdrawn ? '已撤回' : '已公示',
    unitName: maskText(c.unitName),
    uscc: personParty ? null : c.uscc,
    brigadeName: maskText(c.brigadeName),
    districtCode: c.kind === 'result' ? c.districtCode : null,
    eventDate: row.eventDate,
    publishedOn: row.publishedOn,
    displayUntil: row.displayUntil,
    outcome: row.outcome,
    outcomeLabel: withdrawn ? '已撤回' : PUBLICATION_OUTCOME_LABELS[row.outcome],
    summary: maskText(entrySummary(c, withdrawn ? { kind: row.withdrawKind } : null)),
    result:
      c.kind === 'result'
        ? {
            inspectedOn: c.inspectedOn,
            drawCode: c.drawCode,
            address: maskText(c.address),
            items: c.items.map((i) => ({ code: i.code, name: maskText(i.name) })),
            hazards: c.hazards.map((h) => ({ seq: h.seq, item: maskText(h.item), text: maskText(h.text), fixedOnSpot: h.fixedOnSpot })),
            unableReasonLabel: c.unableReason ? UNABLE_REASON_LABELS[c.unableReason] : null,
          }
        : null,
    penalty:
      c.kind === 'penalty' && !withdrawn
        ? {
            partyKind: c.partyKind,
            partyName: publishedPartyName({ kind: c.partyKind, name: c.partyName }, options.publishPersonName),
            decisionNumber: maskText(c.decisionNumber),
            decidedOn: c.decidedOn,
            citation: maskText(c.citation),
            penaltyLabel: penaltyLabel(c),
            fineAmount: c.fineAmount,
            facts: c.facts.map(maskText),
          }
        : null,
    withdrawal: withdrawn ? { on: row.withdrawnOn, reason: row.withdrawKind ? WITHDRAW_KIND_LABELS[row.withdrawKind] : '处罚决定已撤回' } : null,
  };
}

/** The rows of a batch's .xlsx: one a line, the same facts as the JSON in Chinese columns. */
export const EXCHANGE_XLSX_HEADERS = [
  '编号',
  '类别',
  '状态',
  '单位名称',
  '统一社会信用代码',
  '大队',
  '行政区划代码',
  '日期',
  '公示日期',
  '公示截止日期',
  '结果',
  '摘要',
  '处罚决定书文号',
  '罚款金额（元）',
  '撤回日期',
  '撤回原因',
] as const;

export function exchangeItemRow(item: ExchangeItem): (string | number | null)[] {
  return [
    item.id,
    item.kindLabel,
    item.statusLabel,
    item.unitName,
    item.uscc,
    item.brigadeName,
    item.districtCode,
    item.eventDate,
    item.publishedOn,
    item.displayUntil,
    item.outcomeLabel,
    item.summary,
    item.penalty?.decisionNumber ?? null,
    item.penalty?.fineAmount ?? null,
    item.withdrawal?.on ?? null,
    item.withdrawal?.reason ?? null,
  ];
}

/** Most items one batch (one JSON document, one .xlsx) holds; a larger period is split into parts. */
export const MAX_BATCH_ITEMS = 2_000;
/** Most parts one request may make; a period beyond MAX_BATCH_ITEMS × MAX_BATCH_PARTS is refused. */
export const MAX_BATCH_PARTS = 20;

/**
 * How a period of `total` items is split into batches of at most `max` items: parts of equal size as far as can be
 * (the last may be smaller), each an offset and a count over the items in their stable order. Zero items give one
 * empty part (an empty period is still a delivery: "nothing published"). More than maxParts parts: null (the caller
 * refuses, asking for a shorter period).
 */
export function splitIntoParts(total: number, max = MAX_BATCH_ITEMS, maxParts = MAX_BATCH_PARTS): { offset: number; count: number }[] | null {
  if (total <= 0) return [{ offset: 0, count: 0 }];
  const parts = Math.ceil(total / max);
  if (parts > maxParts) return null;
  return Array.from({ length: parts }, (_, i) => ({ offset: i * max, count: Math.min(max, total - i * max) }));
}
