import type { Rng } from '../src/demo/prng.ts';

/** A v4-shaped UUID, as the units table stores ids; joined, so the string is flat like one read from a driver. */
export function uuid(rng: Rng): string {
  const chars: string[] = [];
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) chars.push('-');
    else if (i === 14) chars.push('4');
    else if (i === 19) chars.push('89ab'[rng.int(0, 3)] as string);
    else chars.push('0123456789abcdef'[Math.floor(rng.next() * 16)] as string);
  }
  return chars.join('');
}
