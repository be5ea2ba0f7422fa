import { describe, expect, it } from 'vitest';
import { HAZARD_STAGE_LABELS, HAZARD_STAGES, isTerminalHazardStage, nextHazardStage, type HazardEvent, type HazardStage } from './hazard-stage.ts';

const EVENTS: HazardEvent[] = [
  'notice_issued',
  'reinspection_scheduled',
  'reinspected_corrected',
  'reinspected_not_corrected',
  'case_opened',
  'case_closed',
  'record_corrected',
  'notice_voided',
];

/** The whole table: each stage's moves; every pair not listed is refused (null). */
const EXPECTED: Record<HazardStage, Partial<Record<HazardEvent, HazardStage>>> = {
  found: { notice_issued: 'ordered', case_opened: 'case', record_corrected: 'superseded' },
  ordered: { notice_voided: 'found', reinspection_scheduled: 'reinspection', reinspected_corrected: 'corrected', reinspected_not_corrected: 'case', case_opened: 'case' },
  reinspection: { reinspected_corrected: 'corrected', reinspected_not_corrected: 'case', case_opened: 'case' },
  corrected: {},
  case: { case_closed: 'closed' },
  closed: {},
  superseded: {},
};

describe('nextHazardStage', () => {
  it.each(HAZARD_STAGES.flatMap((stage) => EVENTS.map((event) => [stage, event, EXPECTED[stage][event] ?? null] as const)))(
    'from %s on %s → %s',
    (stage, event, to) => {
      expect(nextHazardStage(stage, event)).toBe(to);
    },
  );

  it('terminal stages never move; every other stage can still reach one', () => {
    for (const stage of HAZARD_STAGES) {
      const moves = EVENTS.map((e) => nextHazardStage(stage, e)).filter((s) => s !== null);
      if (isTerminalHazardStage(stage)) expect(moves, stage).toEqual([]);
      else {
        // Breadth-first: some terminal stage is reachable.
        const seen = new Set<HazardStage>([stage]);
        const queue: HazardStage[] = [stage];
        while (queue.length) {
          const s = queue.shift()!;
          for (const e of EVENTS) {
            const to = nextHazardStage(s, e);
            if (to && !seen.has(to)) {
              seen.add(to);
              queue.push(to);
            }
          }
        }
        expect([...seen].some(isTerminalHazardStage), stage).toBe(true);
      }
    }
  });

  it('has a Chinese label for every stage', () => {
    for (const stage of HAZARD_STAGES) expect(HAZARD_STAGE_LABELS[stage]).toMatch(/\p{Script=Han}/u);
    expect(HAZARD_STAGES.filter(isTerminalHazardStage)).toEqual(['corrected', 'closed', 'superseded']);
  });
});
