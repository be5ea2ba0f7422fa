import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPenalty, FIRE_LAW_PROVISIONS, findProvision, formatYuan, SUMMARY_FINE_LIMITS } from './fire-law-provisions.ts';

describe('checkPenalty', () => {
  it('refuses a fine outside the range and names it: 60-1-7, an organisation, 60,000', () => {
    const problems = checkPenalty({ provisionCode: '60-1-7', partyKind: 'organisation', kind: 'fine', amount: 60000, procedure: 'ordinary' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('amount');
    expect(problems[0]!.message).toContain('5,000 至 50,000');
    expect(problems[0]!.message).toContain('《中华人民共和国消防法》第六十条第一款第七项');
    expect(problems[0]!.message).toContain('60,000 元超出幅度');
  });

  it('accepts a fine within the range: 60-1-7, an organisation, 10,000', () => {
    expect(checkPenalty({ provisionCode: '60-1-7', partyKind: 'organisation', kind: 'fine', amount: 10000, procedure: 'ordinary' })).toEqual([]);
  });

  it('refuses the summary procedure for a 5,000 fine on an organisation (limit 3,000)', () => {
    const problems = checkPenalty({ provisionCode: '60-1-7', partyKind: 'organisation', kind: 'fine', amount: 5000, procedure: 'summary' });
    expect(problems.map((p) => p.field)).toEqual(['procedure']);
    expect(problems[0]!.message).toContain('简易程序');
    expect(problems[0]!.message).toContain('3,000');
  });

  it('refuses a warning where the provision has none, and accepts one where it has', () => {
    const problems = checkPenalty({ provisionCode: '60-1-1', partyKind: 'organisation', kind: 'warning', amount: null, procedure: 'summary' });
    expect(problems).toEqual([{ field: 'kind', message: '处罚种类：《中华人民共和国消防法》第六十条第一款第一项对单位不设警告，应处罚款' }]);
    expect(checkPenalty({ provisionCode: '60-1-3', partyKind: 'person', kind: 'warning', amount: null, procedure: 'summary' })).toEqual([]);
  });

  it('refuses an amount with a warning, a missing or fractional fine, an unknown provision, a provision not for the party', () => {
    expect(checkPenalty({ provisionCode: '60-1-3', partyKind: 'person', kind: 'warning', amount: 100, procedure: 'summary' }).map((p) => p.field)).toEqual(['amount']);
    expect(checkPenalty({ provisionCode: '60-1-3', partyKind: 'person', kind: 'fine', amount: null, procedure: 'ordinary' }).map((p) => p.field)).toEqual(['amount']);
    expect(checkPenalty({ provisionCode: '60-1-3', partyKind: 'person', kind: 'fine', amount: 99.5, procedure: 'ordinary' }).map((p) => p.field)).toEqual(['amount']);
    expect(checkPenalty({ provisionCode: '99', partyKind: 'person', kind: 'fine', amount: 100, procedure: 'ordinary' })).toEqual([
      { field: 'provisionCode', message: '处罚依据：不在维护的消防法条款清单中' },
    ]);
    expect(checkPenalty({ provisionCode: '60-1-7', partyKind: 'person', kind: 'fine', amount: 100, procedure: 'ordinary' })).toEqual([
      { field: 'provisionCode', message: '处罚依据：《中华人民共和国消防法》第六十条第一款第七项不适用于个人' },
    ]);
  });

  it('allows the summary procedure for a person up to 200 CNY', () => {
    expect(checkPenalty({ provisionCode: '60-1-3', partyKind: 'person', kind: 'fine', amount: 200, procedure: 'summary' })).toEqual([]);
    expect(checkPenalty({ provisionCode: '60-1-3', partyKind: 'person', kind: 'fine', amount: 201, procedure: 'summary' }).map((p) => p.field)).toEqual(['procedure']);
  });

  it('accepts every amount inside a provision’s range (ordinary procedure) and refuses every amount outside it', () => {
    const cases = FIRE_LAW_PROVISIONS.flatMap((p) =>
      (['organisation', 'person'] as const).flatMap((partyKind) => {
        const fine = p[partyKind]?.fine;
        return fine ? [{ code: p.code, partyKind, fine }] : [];
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: 1, max: 1_000_000 }), ({ code, partyKind, fine }, amount) => {
        const problems = checkPenalty({ provisionCode: code, partyKind, kind: 'fine', amount, procedure: 'ordinary' });
        const inside = amount >= fine.min && amount <= fine.max;
        expect(problems.length === 0).toBe(inside);
        const summary = checkPenalty({ provisionCode: code, partyKind, kind: 'fine', amount, procedure: 'summary' });
        expect(summary.some((p) => p.field === 'procedure')).toBe(amount > SUMMARY_FINE_LIMITS[partyKind]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the provision list', () => {
  it('has unique codes, citations of the Fire Law and at least one party each', () => {
    const codes = FIRE_LAW_PROVISIONS.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of FIRE_LAW_PROVISIONS) {
      expect(p.citation).toMatch(/^《中华人民共和国消防法》第.+条/);
      expect(p.organisation !== null || p.person !== null).toBe(true);
      for (const party of [p.organisation, p.person]) if (party?.fine) expect(party.fine.min).toBeLessThanOrEqual(party.fine.max);
      expect(findProvision(p.code)).toBe(p);
    }
    expect(findProvision('0')).toBeNull();
    expect(formatYuan(300000)).toBe('300,000');
  });
});
