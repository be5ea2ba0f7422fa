import { describe, expect, it } from 'vitest';
import { checkExternalEntry, confirmedExternalValue } from './external-entries.ts';

const e = (enteredBy: string, value: string) => ({ enteredBy, value });

describe('confirmedExternalValue', () => {
  it('needs the same value from two different accounts', () => {
    expect(confirmedExternalValue([])).toBeNull();
    expect(confirmedExternalValue([e('a', '5 0 8')])).toBeNull();
    expect(confirmedExternalValue([e('a', '5 0 8'), e('a', '5 0 8')])).toBeNull();
    expect(confirmedExternalValue([e('a', '5 0 8'), e('b', '5 0 8')])).toBe('5 0 8');
  });

  it('lets a wrong first entry be outvoted: the first value two accounts agree on wins', () => {
    expect(confirmedExternalValue([e('a', '5 0 9'), e('b', '5 0 8')])).toBeNull();
    expect(confirmedExternalValue([e('a', '5 0 9'), e('b', '5 0 8'), e('a', '5 0 8')])).toBe('5 0 8');
    expect(confirmedExternalValue([e('a', '5 0 9'), e('b', '5 0 8'), e('c', '5 0 9'), e('a', '5 0 8')])).toBe('5 0 9');
  });
});

describe('checkExternalEntry', () => {
  it('accepts a first entry, confirms on a matching second one from another account', () => {
    expect(checkExternalEntry([], e('a', '1'))).toEqual({ ok: true, confirms: false, disagrees: false });
    expect(checkExternalEntry([e('a', '1')], e('b', '1'))).toEqual({ ok: true, confirms: true, disagrees: false });
  });

  it('keeps a disagreeing entry but says so, and accepts the first account correcting itself', () => {
    expect(checkExternalEntry([e('a', '1')], e('b', '2'))).toEqual({ ok: true, confirms: false, disagrees: true });
    expect(checkExternalEntry([e('a', '1'), e('b', '2')], e('a', '2'))).toEqual({ ok: true, confirms: true, disagrees: false });
  });

  it('refuses the same value twice from one account, and any entry once confirmed', () => {
    expect(checkExternalEntry([e('a', '1')], e('a', '1'))).toEqual({ ok: false, reason: 'SAME_ACCOUNT_SAME_VALUE' });
    expect(checkExternalEntry([e('a', '1'), e('b', '1')], e('c', '1'))).toEqual({ ok: false, reason: 'ALREADY_CONFIRMED' });
    expect(checkExternalEntry([e('a', '1'), e('b', '1')], e('c', '2'))).toEqual({ ok: false, reason: 'ALREADY_CONFIRMED' });
  });

  it('does not call a self-correction a disagreement with another account', () => {
    expect(checkExternalEntry([e('a', '1')], e('a', '2'))).toEqual({ ok: true, confirms: false, disagrees: false });
  });
});
