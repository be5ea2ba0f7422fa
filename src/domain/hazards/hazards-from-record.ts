/**
 * The hazards a submitted inspection record brings (decision 0023), pure: one per 不符合 line, numbered 1.. in line
 * order, with the line's code and the hazard texts the inspector wrote. A hazard fixed on the spot is 已改正 at once
 * (closed on the visit day); every other one waits for a notice (found).
 */
import type { HazardStage } from './hazard-stage.ts';

/** What this needs of a record line (the record body's shape, zod-free). */
export type HazardSourceLine = {
  code: string;
  result: string;
  hazard: { description: string; location: string; legalBasis: string; fixedOnSpot: boolean } | null;
};

export type NewHazard = {
  seq: number;
  lineCode: string;
  description: string;
  location: string;
  legalBasis: string;
  fixedOnSpot: boolean;
  foundOn: string;
  stage: Extract<HazardStage, 'found' | 'corrected'>;
  closedOn: string | null;
};

export function hazardsFromRecord(lines: readonly HazardSourceLine[], visitDate: string): NewHazard[] {
  const out: NewHazard[] = [];
  for (const line of lines) {
    if (line.result !== 'fail' || line.hazard === null) continue;
    const fixed = line.hazard.fixedOnSpot;
    out.push({
      seq: out.length + 1,
      lineCode: line.code,
      description: line.hazard.description,
      location: line.hazard.location,
      legalBasis: line.hazard.legalBasis,
      fixedOnSpot: fixed,
      foundOn: visitDate,
      stage: fixed ? 'corrected' : 'found',
      closedOn: fixed ? visitDate : null,
    });
  }
  return out;
}
