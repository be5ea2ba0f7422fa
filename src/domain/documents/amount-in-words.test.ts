import { describe, expect, it } from 'vitest';
import { yuanInCapitals } from './amount-in-words.ts';

describe('yuanInCapitals', () => {
  it('writes the fines of the Fire Law in capitals', () => {
    expect(yuanInCapitals(5000)).toBe('伍仟元整');
    expect(yuanInCapitals(10500)).toBe('壹万零伍佰元整');
    expect(yuanInCapitals(30000)).toBe('叁万元整');
    expect(yuanInCapitals(50000)).toBe('伍万元整');
    expect(yuanInCapitals(200)).toBe('贰佰元整');
    expect(yuanInCapitals(300000)).toBe('叁拾万元整');
  });

  it('reads zeros between digits and between sections as one 零', () => {
    expect(yuanInCapitals(0)).toBe('零元整');
    expect(yuanInCapitals(1010)).toBe('壹仟零壹拾元整');
    expect(yuanInCapitals(1001)).toBe('壹仟零壹元整');
    expect(yuanInCapitals(100005)).toBe('壹拾万零伍元整');
    expect(yuanInCapitals(12345)).toBe('壹万贰仟叁佰肆拾伍元整');
    expect(yuanInCapitals(100010000)).toBe('壹亿零壹万元整');
    expect(yuanInCapitals(100000001)).toBe('壹亿零壹元整');
    expect(yuanInCapitals(11000)).toBe('壹万壹仟元整');
  });

  it('refuses what is not a whole number of yuan', () => {
    expect(() => yuanInCapitals(10.5)).toThrow(RangeError);
    expect(() => yuanInCapitals(-1)).toThrow(RangeError);
  });
});
