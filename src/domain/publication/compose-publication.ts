/**
 * Composes what an entry publishes (decision 0024), pure: from a submitted record, the result of a drawn task's
 * inspection; from a penalty decision, the penalty entry. Only what may be published is copied: the organisation, the
 * date, the check items, the outcome and each hazard in the checklist's own standard wording — never the inspector's
 * description, the people present, the signatures or photos.
 */
import type { RecordBody } from '../../contracts/field.ts';
import type { RecordSnapshot } from '../records/record-types.ts';
import type { PenaltyContent, PublicationOutcome, ResultContent } from './publication-types.ts';
import { searchGrams } from '../registry/search-grams.ts';

export type ResultSource = {
  brigadeName: string;
  unit: { name: string; uscc: string; address: string | null; registeredAddress: string | null; districtCode: string | null };
  drawCode: string | null;
  record: { body: Pick<RecordBody, 'outcome' | 'lines' | 'unable'>; snapshot: RecordSnapshot; version: number; visitDate: string };
};

export function composeResult(src: ResultSource): ResultContent {
  const { body, snapshot } = src.record;
  const lineOf = new Map(snapshot.lines.map((l) => [`${l.versionId}|${l.code}`, l]));
  const items = new Map<string, string>();
  for (const line of body.lines) {
    if (line.result === 'na') continue;
    const s = lineOf.get(`${line.versionId}|${line.code}`);
    if (s) items.set(s.itemCode, s.itemName);
  }
  const hazards = body.lines
    .filter((l) => l.result === 'fail')
    .map((l, i) => {
      const s = lineOf.get(`${l.versionId}|${l.code}`);
      return { seq: i + 1, item: s?.itemName ?? '', text: s?.text ?? '', fixedOnSpot: l.hazard?.fixedOnSpot ?? false };
    });
  const outcome = body.outcome === 'unable' ? 'unable' : hazards.length > 0 ? 'hazards' : 'no_hazard';
  return {
    kind: 'result',
    brigadeName: src.brigadeName,
    unitName: src.unit.name,
    uscc: src.unit.uscc,
    address: src.unit.address ?? src.unit.registeredAddress ?? '',
    districtCode: src.unit.districtCode,
    drawCode: src.drawCode,
    inspectedOn: src.record.visitDate,
    outcome,
    unableReason: body.outcome === 'unable' ? (body.unable?.reason ?? 'other') : null,
    items: [...items].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    hazards: outcome === 'unable' ? [] : hazards,
    recordVersion: src.record.version,
  };
}

export type PenaltySource = {
  brigadeName: string;
  unit: { name: string; uscc: string };
  party: { kind: 'organisation' | 'person'; name: string };
  decisionNumber: string;
  decidedOn: string;
  citation: string;
  penaltyKind: 'warning' | 'fine';
  fineAmount: number | null;
  /** The standard wording of the checklist lines the case's hazards came from. */
  facts: readonly string[];
};

export function composePenalty(src: PenaltySource): PenaltyContent {
  return {
    kind: 'penalty',
    brigadeName: src.brigadeName,
    unitName: src.unit.name,
    uscc: src.party.kind === 'organisation' ? src.unit.uscc : null,
    partyKind: src.party.kind,
    partyName: src.party.name,
    decisionNumber: src.decisionNumber,
    decidedOn: src.decidedOn,
    citation: src.citation,
    penaltyKind: src.penaltyKind,
    fineAmount: src.penaltyKind === 'fine' ? src.fineAmount : null,
    facts: [...new Set(src.facts.filter((f) => f.trim() !== ''))],
  };
}

/** The search filter's one word for an entry. */
export function outcomeOf(content: ResultContent | PenaltyContent): PublicationOutcome {
  return content.kind === 'result' ? content.outcome : content.penaltyKind;
}

/** The bigrams the portal's search matches: the unit's name and credit code (a person's name is never searched). */
export function publicationSearchGrams(content: ResultContent | PenaltyContent): string[] {
  const grams = new Set<string>();
  for (const field of [content.unitName, content.uscc ?? '']) for (const g of searchGrams(field)) grams.add(g);
  return [...grams].sort();
}
