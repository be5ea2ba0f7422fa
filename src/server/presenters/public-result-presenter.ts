import type {
  PublicDistrictOption,
  PublicNoticeView,
  PublicResultItem,
  PublicResultsView,
  PublicResultView,
  PublicUnitView,
} from '../../contracts/publication.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/documents/document-types.ts';
import { UNABLE_REASON_LABELS } from '../../domain/records/record-labels.ts';
import { divisionPath, findDivision } from '../../domain/registry/divisions.ts';
import { entrySummary, penaltyLabel } from '../../domain/publication/entry-summary.ts';
import { maskText, publishedPartyName } from '../../domain/publication/mask.ts';
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_OUTCOME_LABELS,
  WITHDRAW_KIND_LABELS,
  type PublicationContent,
  type PublicationKind,
  type PublicationOutcome,
  type PublicationStatus,
  type WithdrawKind,
} from '../../domain/publication/publication-types.ts';
import type { PortalNotice } from '../../usecases/public/public-notices.ts';
import type { getPublicResult } from '../../usecases/public/get-public-result.ts';
import type { getPublicUnit } from '../../usecases/public/get-public-unit.ts';
import type { searchPublicResults } from '../../usecases/public/search-public-results.ts';

/**
 * The one way a publication (一公开) leaves the server — the portal's search, an entry, a unit's page and the results
 * feed all go through here. It whitelists what the public may read: the organisation, the date, the check items, the
 * outcome and each hazard in the checklist's standard wording, a notice's number and state, a penalty as decided
 * (the punished person's name masked unless the brigade's policy publishes it). Every free string passes maskText
 * (a telephone or ID number inside a unit's name is masked). Nothing about inspectors, the people present, contacts,
 * phones, the inspector's own descriptions or photos is ever in an entry's content, and nothing here adds it.
 * A withdrawn penalty shows its withdrawal and none of the decision it replaces.
 */

type EntryRow = {
  id: string;
  kind: PublicationKind;
  status: PublicationStatus;
  eventDate: string;
  outcome: PublicationOutcome;
  content: PublicationContent;
  withdrawKind: WithdrawKind | null;
  unitId: string;
};

const isWithdrawn = (row: Pick<EntryRow, 'status'>) => row.status === 'withdrawn';

/** An organisation's credit code; a natural person's entry has none to show. */
function usccOf(c: PublicationContent): string | null {
  if (c.kind === 'penalty' && c.partyKind === 'person') return null;
  return c.uscc;
}

export function presentPublicResultItem(row: EntryRow): PublicResultItem {
  const c = row.content;
  const withdrawn = isWithdrawn(row);
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: PUBLICATION_KIND_LABELS[row.kind],
    withdrawn,
    unitId: row.unitId,
    unitName: maskText(c.unitName),
    uscc: usccOf(c),
    brigadeName: maskText(c.brigadeName),
    eventDate: row.eventDate,
    outcome: row.outcome,
    outcomeLabel: withdrawn ? '已撤回' : PUBLICATION_OUTCOME_LABELS[row.outcome],
    summary: maskText(entrySummary(c, withdrawn ? { kind: row.withdrawKind } : null)),
    drawCode: c.kind === 'result' ? c.drawCode : null,
  };
}

export function presentPublicResults(found: Awaited<ReturnType<typeof searchPublicResults>>): PublicResultsView {
  return {
    items: found.rows.map(presentPublicResultItem),
    total: found.total,
    totalCapped: found.totalCapped,
    page: found.page,
    pageSize: found.pageSize,
  };
}

function presentNotice(n: PortalNotice): PublicNoticeView {
  return {
    number: maskText(n.number),
    typeLabel: DOCUMENT_TYPE_LABELS[n.docType as DocumentType] ?? '通知书',
    issueDate: n.issueDate,
    stateLabel: n.stateLabel,
    checkCode: n.checkCode,
  };
}

function districtName(code: string | null): string | null {
  if (!code) return null;
  const names = divisionPath(code);
  return names.length > 0 ? names.join('') : null;
}

export function presentPublicResult(found: Awaited<ReturnType<typeof getPublicResult>>): PublicResultView {
  const { entry, policy } = found;
  const c = entry.content;
  const withdrawn = isWithdrawn(entry);
  const item = presentPublicResultItem(entry);
  return {
    ...item,
    drawCode: c.kind === 'result' ? (found.drawCode ?? c.drawCode) : null,
    publishedOn: entry.publishedOn,
    address: c.kind === 'result' ? maskText(c.address) : '',
    districtName: districtName(entry.districtCode),
    items: c.kind === 'result' ? c.items.map((i) => ({ code: i.code, name: maskText(i.name) })) : [],
    hazards:
      c.kind === 'result'
        ? c.hazards.map((h) => ({ seq: h.seq, item: maskText(h.item), text: maskText(h.text), fixedOnSpot: h.fixedOnSpot }))
        : [],
    unableReasonLabel: c.kind === 'result' && c.unableReason ? UNABLE_REASON_LABELS[c.unableReason] : null,
    notices: found.notices.map(presentNotice),
    corrected: found.corrected,
    penalty:
      c.kind === 'penalty' && !withdrawn
        ? {
            partyName: publishedPartyName({ kind: c.partyKind, name: c.partyName }, policy.publishPersonName),
            decisionNumber: maskText(c.decisionNumber),
            decidedOn: c.decidedOn,
            citation: maskText(c.citation),
            penaltyLabel: penaltyLabel(c),
            facts: c.facts.map(maskText),
          }
        : null,
    withdrawal: withdrawn
      ? { on: entry.withdrawnOn, reason: entry.withdrawKind ? WITHDRAW_KIND_LABELS[entry.withdrawKind] : '处罚决定已撤回' }
      : null,
  };
}

export function presentPublicUnit(found: Awaited<ReturnType<typeof getPublicUnit>>): PublicUnitView {
  const u = found.unit;
  return {
    id: u.id,
    name: maskText(u.name),
    uscc: u.uscc,
    address: maskText(u.address ?? ''),
    districtName: districtName(u.districtCode),
    results: found.results.map(presentPublicResultItem),
    penalties: found.penalties.map(presentPublicResultItem),
    notices: found.notices.map(presentNotice),
  };
}

/**
 * The portal's district filter: each prefecture (by its 4-digit prefix, 「金华市」) and each county (「金华市婺城区」)
 * of the entries on the portal, in code order; a code the table does not know is left out.
 */
export function presentPublicDistricts(codes: readonly string[]): PublicDistrictOption[] {
  const options = new Map<string, string>();
  for (const code of codes) {
    const names = divisionPath(code);
    if (names.length === 0) continue;
    const prefecture = findDivision(`${code.slice(0, 4)}00`);
    if (prefecture && prefecture.level === 'prefecture')
      options.set(code.slice(0, 4), divisionPath(prefecture.code).slice(1).join(''));
    options.set(code, names.slice(1).join('') || names.join(''));
  }
  return [...options].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name }));
}
