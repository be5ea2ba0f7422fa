import { describe, expect, it } from 'vitest';
import { createRng } from './prng.ts';
import { pickCorrectionDays, pickFine, pickPublicationDelay, pickVisitDay, planReinspection, planVisit, SIMULATION_RATES } from './simulate-year-rates.ts';

describe('the simulated year’s decisions', () => {
  it('give about 38% of inspected units hazards, a few 无法检查 and about 2% joint inspections, as the yearly summary', () => {
    const rng = createRng(7);
    const visits = Array.from({ length: 20_000 }, () => planVisit(rng));
    const inspected = visits.filter((v) => v.outcome === 'inspected');
    const failing = inspected.filter((v) => v.failingLines > 0).length / inspected.length;
    const unable = visits.filter((v) => v.outcome === 'unable').length / visits.length;
    const joint = visits.filter((v) => v.outcome === 'inspected' && v.joint).length / visits.length;
    expect(failing).toBeGreaterThan(0.36);
    expect(failing).toBeLessThan(0.4);
    expect(unable).toBeCloseTo(SIMULATION_RATES.unable, 2);
    expect(joint).toBeGreaterThan(0.01);
    expect(joint).toBeLessThan(0.03);
  });

  it('give penalties to about one drawn unit in ten (not corrected at 复查)', () => {
    const rng = createRng(11);
    const n = 20_000;
    let penalties = 0;
    for (let i = 0; i < n; i++) {
      const v = planVisit(rng);
      if (v.outcome === 'inspected' && v.failingLines > 0 && !planReinspection(rng).corrected) penalties += 1;
    }
    expect(penalties / n).toBeGreaterThan(0.08);
    expect(penalties / n).toBeLessThan(0.12);
  });

  it('never seal a unit whose hazards were corrected', () => {
    const rng = createRng(3);
    for (let i = 0; i < 5000; i++) {
      const r = planReinspection(rng);
      if (r.sealed) expect(r.corrected).toBe(false);
    }
  });

  it('stay within their ranges: visit day in the window, lawful fines, correction periods, publication delays', () => {
    const rng = createRng(5);
    for (let i = 0; i < 2000; i++) {
      const days = rng.int(1, 20);
      const d = pickVisitDay(rng, days);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(days);
      const fine = pickFine(rng);
      expect(fine).toBeGreaterThanOrEqual(5000);
      expect(fine).toBeLessThanOrEqual(50000);
      expect([5, 10, 15, 20]).toContain(pickCorrectionDays(rng));
      const penalty = pickPublicationDelay(rng, 'penalty');
      expect(penalty).not.toBeNull();
      expect(penalty!).toBeLessThanOrEqual(4);
    }
  });

  it('are the same for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 50 }, () => planVisit(a))).toEqual(Array.from({ length: 50 }, () => planVisit(b)));
  });
});
