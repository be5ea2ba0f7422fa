import { describe, expect, it } from 'vitest';
import { compareFigure, compareYears, computeAnnualFigures, ratePercent, type DrawTaskFact } from './annual-figures.ts';
import { factsOf } from './fixtures.ts';

const task = (over: Partial<DrawTaskFact> = {}): DrawTaskFact => ({ month: 3, outcome: 'inspected', unableReason: null, hasHazards: false, joint: false, ...over });


describe('computeAnnualFigures', () => {
  it('counts drawn, inspected, unable by reason, failures and joint inspections, and the rates over them', () => {
    const f = computeAnnualFigures(
      factsOf({
        tasks: [
          task({ hasHazards: true, joint: true }),
          task({ hasHazards: true }),
          task(),
          task({ month: 4, outcome: 'unable', unableReason: 'closed' }),
          task({ month: 4, outcome: null }),
        ],
        hazardCount: 3,
        notices: 2,
        penalties: [
          { kind: 'fine', amount: 5000 },
          { kind: 'fine', amount: 10000 },
          { kind: 'warning', amount: 0 },
        ],
        publication: { due: 4, published: 4, onTime: 3 },
      }),
      '2026-12-31',
    );
    expect(f).toMatchObject({ source: 'system', drawn: 5, inspected: 3, unable: 1, withHazards: 2, hazards: 3, jointInspections: 1 });
    expect(f.unableByReason).toEqual([{ reason: 'closed', count: 1 }]);
    expect(f.completionRate).toBe(60);
    expect(f.failureRate).toBe(66.7);
    expect(f).toMatchObject({ penalties: 3, fines: 2, warnings: 1, fineAmount: 15000, publicationRate: 100, publicationOnTimeRate: 75 });
    expect(f.months[2]).toEqual({ month: 3, drawn: 3, inspected: 3, withHazards: 2 });
    expect(f.months[3]).toEqual({ month: 4, drawn: 2, inspected: 0, withHazards: 0 });
  });

  it('counts a 复查 on time when visited by its due date, and leaves out one still within its time', () => {
    const f = computeAnnualFigures(
      factsOf({
        reinspections: [
          { dueDate: '2026-05-10', visitDate: '2026-05-10' },
          { dueDate: '2026-05-10', visitDate: '2026-05-12' },
          { dueDate: '2026-06-01', visitDate: null },
          { dueDate: '2026-12-30', visitDate: null },
        ],
      }),
      '2026-12-01',
    );
    expect(f.reinspections).toBe(3);
    expect(f.reinspectionsOnTime).toBe(1);
    expect(f.reinspectionOnTimeRate).toBe(33.3);
  });

  it('ranks the top hazards by count, then by name, five at most', () => {
    const lines = ['甲', '乙', '丙', '丁', '戊', '己'].map((n, i) => ({ itemName: n, lineText: `${n}条`, count: i === 5 ? 9 : 2 }));
    const f = computeAnnualFigures(factsOf({ hazardLines: lines }), '2026-12-31');
    expect(f.topHazards).toHaveLength(5);
    expect(f.topHazards[0]).toEqual({ itemName: '己', lineText: '己条', count: 9 });
  });

  it('uses the legacy history for a year before the system, and leaves what it does not hold unknown rather than 0', () => {
    const f = computeAnnualFigures(factsOf({ year: 2025, legacyInspections: 640 }), '2026-12-31');
    expect(f).toMatchObject({ source: 'legacy', inspected: 640, drawn: null, withHazards: null, completionRate: null, failureRate: null, jointInspections: null, notices: null, penalties: null });
  });

  it('has no rate at all for an empty year (no division by zero)', () => {
    const f = computeAnnualFigures(factsOf(), '2026-12-31');
    expect(f.source).toBe('none');
    expect([f.completionRate, f.failureRate, f.publicationRate, f.reinspectionOnTimeRate]).toEqual([null, null, null, null]);
  });
});

describe('ratePercent', () => {
  it('rounds to one decimal and is null over nothing', () => {
    expect(ratePercent(263, 682)).toBe(38.6);
    expect(ratePercent(1, 0)).toBeNull();
  });
});

describe('compareFigure', () => {
  it('says 上升 with the change in per cent', () => {
    expect(compareFigure(682, 600)).toEqual({ current: 682, previous: 600, difference: 82, changePercent: 13.7, trend: '上升' });
  });
  it('says 下降 and 持平', () => {
    expect(compareFigure(50, 100)).toMatchObject({ difference: -50, changePercent: -50, trend: '下降' });
    expect(compareFigure(7, 7)).toMatchObject({ difference: 0, changePercent: 0, trend: '持平' });
  });
  it('gives no per cent from zero last year, but still the difference and the direction', () => {
    expect(compareFigure(14, 0)).toEqual({ current: 14, previous: 0, difference: 14, changePercent: null, trend: '上升' });
  });
  it('compares nothing with an unknown value', () => {
    expect(compareFigure(14, null)).toEqual({ current: 14, previous: null, difference: null, changePercent: null, trend: null });
  });
});

describe('compareYears', () => {
  it('compares a rate in percentage points', () => {
    const now = computeAnnualFigures(factsOf({ tasks: [task({ hasHazards: true }), task()] }), '2026-12-31');
    const before = computeAnnualFigures(factsOf({ year: 2025, tasks: [task({ hasHazards: true }), task(), task(), task()] }), '2026-12-31');
    const row = compareYears(now, before).find((r) => r.key === 'failureRate')!;
    expect(row).toMatchObject({ current: 50, previous: 25, difference: 25, trend: '上升', rate: true });
  });

  it('compares nothing with a year the system holds nothing of (its zeros are unknown, not zero)', () => {
    const now = computeAnnualFigures(factsOf({ tasks: [task({ hasHazards: true })], notices: 1, penalties: [{ kind: 'fine', amount: 5000 }] }), '2026-12-31');
    const before = computeAnnualFigures(factsOf({ year: 2025 }), '2026-12-31');
    expect(before.source).toBe('none');
    for (const row of compareYears(now, before)) expect(row).toMatchObject({ previous: null, difference: null, trend: null });
    expect(compareYears(now, before).find((r) => r.key === 'penalties')?.current).toBe(1);
  });
});
