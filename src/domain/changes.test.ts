import { describe, expect, it } from 'vitest';
import { changedFields } from './changes.ts';

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
