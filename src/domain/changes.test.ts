import { describe, expect, it } from 'vitest';
import { changedContent, changedFields } from './changes.ts';

describe('changedFields', () => {
  it('lists only the keys whose value changed, as [before, after]', () => {
    expect(changedFields({ a: 1, b: 'x', c: ['p'] }, { a: 1, b: 'y', c: ['p'] }, ['a', 'b', 'c'])).toEqual({ b: ['x', 'y'] });
  });
  it('treats undefined as null and compares arrays by content', () => {
    expect(changedFields({ a: null, t: ['x', 'y'] }, { a: undefined, t: ['y', 'x'] }, ['a', 't'])).toEqual({ t: [['x', 'y'], ['y', 'x']] });
  });
  it('ignores keys it was not asked about', () => {
    expect(changedFields<'a' | 'z'>({ a: 1, z: 1 }, { a: 1, z: 2 }, ['a'])).toEqual({});
  });
});

describe('changedContent', () => {
  it('ignores key order, as jsonb does not keep it', () => {
    expect(changedContent({ a: { x: 1, y: 2 }, b: 1 }, { b: 1, a: { y: 2, x: 1 } })).toEqual({});
  });

  it('names the top-level keys whose content changed', () => {
    expect(changedContent({ a: { x: 1 }, b: 1 }, { a: { x: 2 }, b: 1 })).toEqual({ a: [{ x: 1 }, { x: 2 }] });
  });
});
