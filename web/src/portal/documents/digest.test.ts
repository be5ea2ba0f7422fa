import { describe, expect, it } from 'vitest';
import { compareDigest, printedDigest } from './digest.ts';

const hash = '1a2b3c4d5e6f7a8b' + '0'.repeat(48);

describe('compareDigest', () => {
  it('compares the 16 printed digits, ignoring spaces and case', () => {
    expect(compareDigest('1A2B 3C4D 5E6F 7A8B', hash)).toBe('match');
    expect(compareDigest('1a2b3c4d5e6f7a8c', hash)).toBe('mismatch');
    expect(compareDigest('1a2b 3c4d', hash)).toBeNull();
    expect(compareDigest('zzzz zzzz zzzz zzzz', hash)).toBeNull();
    expect(printedDigest(hash)).toBe('1a2b 3c4d 5e6f 7a8b');
  });
});
