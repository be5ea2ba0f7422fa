import { describe, expect, it } from 'vitest';
import { HAZARD_STAGES, nextHazardStage } from './hazard-stage.ts';

describe('nextHazardStage', () => {
  it('orders a found hazard when a notice is issued, and sends it back when that notice is voided', () => {
    expect(nextHazardStage('found', 'notice_issued')).toBe('ordered');
    expect(nextHazardStage('ordered', 'notice_voided')).toBe('found');
  });

  it('voids only what is still ordered: later stages keep theirs', () => {
    for (const stage of HAZARD_STAGES.filter((s) => s !== 'ordered')) expect(nextHazardStage(stage, 'notice_voided')).toBeNull();
  });

  it('supersedes only hazards no notice named yet', () => {
    expect(nextHazardStage('found', 'record_corrected')).toBe('superseded');
    expect(nextHazardStage('ordered', 'record_corrected')).toBeNull();
  });
});
