import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_APPLIES_TO, type ChecklistLine } from './check-item.ts';
import { checklistForUnit } from './checklist.ts';

const line = (code: string, appliesTo: ChecklistLine['appliesTo']): ChecklistLine => ({
  code,
  text: `内容${code}`,
  appliesTo,
  basis: null,
});
const template = [line('10-1', 'all'), line('10-2', 'all'), line('10-9', 'crowded'), line('11-1', 'key'), line('11-2', 'key')];
const codes = (lines: ChecklistLine[]) => lines.map((l) => l.code);

describe('checklistForUnit', () => {
  it('gives a general unit that is not a crowded place only the lines for all units', () => {
    expect(codes(checklistForUnit(template, { category: 'general', isCrowded: false }))).toEqual(['10-1', '10-2']);
  });

  it('adds the 第十一条 lines for a key unit', () => {
    expect(codes(checklistForUnit(template, { category: 'key', isCrowded: false }))).toEqual(['10-1', '10-2', '11-1', '11-2']);
  });

  it('adds the crowded-place lines for a crowded place that is not a key unit', () => {
    expect(codes(checklistForUnit(template, { category: 'small_venue', isCrowded: true }))).toEqual(['10-1', '10-2', '10-9']);
  });

  it('gives a crowded key unit every line, in template order', () => {
    expect(codes(checklistForUnit(template, { category: 'key', isCrowded: true }))).toEqual(codes(template));
  });

  it('always keeps the lines for all units and never invents or reorders lines', () => {
    const lineArb = fc.record({
      code: fc.string(),
      text: fc.string(),
      appliesTo: fc.constantFrom(...CHECKLIST_APPLIES_TO),
      basis: fc.constant(null),
    });
    const unitArb = fc.record({ category: fc.constantFrom('key', 'general', 'small_venue', 'other'), isCrowded: fc.boolean() });
    fc.assert(
      fc.property(fc.array(lineArb), unitArb, (lines, unit) => {
        const result = checklistForUnit(lines, unit);
        expect(result.filter((l) => l.appliesTo === 'all')).toEqual(lines.filter((l) => l.appliesTo === 'all'));
        // A subsequence of the template: every line comes from it, in the same order.
        let at = 0;
        for (const l of result) {
          while (at < lines.length && lines[at] !== l) at++;
          expect(at).toBeLessThan(lines.length);
          at++;
        }
      }),
    );
  });
});
