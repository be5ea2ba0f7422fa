import { describe, expect, it } from 'vitest';
import { changedFields, findFrequentReplacers, isShortlyBeforeDraw, medianOf } from './anomalies.ts';

const NOW = new Date('2026-12-06T02:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const many = (by: string, n: number, start = 1) => Array.from({ length: n }, (_, i) => ({ by, at: daysAgo(start + i) }));

describe('many 递补 by the same person', () => {
  it('flags 3 or more in 30 days when few people made any (no median to compare with)', () => {
    expect(findFrequentReplacers([...many('a', 3), ...many('b', 2)], NOW).map((f) => f.by)).toEqual(['a']);
  });
  it('with 3 or more people, flags only those above twice the median', () => {
    const rows = [...many('a', 3), ...many('b', 3), ...many('c', 3), ...many('d', 7)];
    expect(findFrequentReplacers(rows, NOW)).toEqual([{ by: 'd', count: 7, median: 3 }]);
    expect(findFrequentReplacers([...many('a', 4), ...many('b', 4), ...many('c', 4)], NOW)).toEqual([]);
  });
  it('counts only the window', () => {
    expect(findFrequentReplacers([...many('a', 2), { by: 'a', at: daysAgo(31) }], NOW)).toEqual([]);
    expect(findFrequentReplacers([...many('a', 2), { by: 'a', at: daysAgo(29) }], NOW)).toHaveLength(1);
  });
  it('takes the median of an even count as the mean of the middle two', () => {
    expect(medianOf([1, 5, 2, 8])).toBe(3.5);
    expect(medianOf([])).toBe(0);
  });
});

describe('frozen or recused shortly before a draw', () => {
  const frozenAt = new Date('2026-11-02T02:00:00Z');
  it('is a bar registered at most 7 days before the draw, never after it', () => {
    expect(isShortlyBeforeDraw(new Date('2026-10-26T02:00:00Z'), frozenAt)).toBe(true);
    expect(isShortlyBeforeDraw(new Date('2026-10-26T01:59:59Z'), frozenAt)).toBe(false);
    expect(isShortlyBeforeDraw(new Date('2026-11-02T02:00:01Z'), frozenAt)).toBe(false);
    expect(isShortlyBeforeDraw(new Date('2026-10-20T02:00:00Z'), frozenAt, 14)).toBe(true);
  });
});

describe('what a correction changed', () => {
  it('lists the top-level fields whose value differs, including dropped ones', () => {
    expect(changedFields({ a: 1, b: [1, 2], c: 'x', d: 1 }, { a: 1, b: [1, 3], c: 'y' })).toEqual(['b', 'c', 'd']);
    expect(changedFields({ a: { x: 1 } }, { a: { x: 1 } })).toEqual([]);
  });
});
