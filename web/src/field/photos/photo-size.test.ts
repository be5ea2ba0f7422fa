import { describe, expect, it } from 'vitest';
import { encodeUnder, fitWithin } from './photo-size.ts';

describe('photo size', () => {
  it('brings a 12-megapixel photo to 2,000 px on its longest side, keeping the shape', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1500, height: 2000 });
  });
  it('never enlarges a small picture', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
  it('lowers the quality until the photo fits, and keeps the smallest when none does', async () => {
    const sizes: Record<number, number> = { 0.9: 900, 0.8: 600, 0.7: 400 };
    const fit = await encodeUnder(async (q) => ({ size: sizes[q]! }), 500, [0.9, 0.8, 0.7]);
    expect(fit.quality).toBe(0.7);
    const none = await encodeUnder(async (q) => ({ size: sizes[q]! }), 100, [0.9, 0.8, 0.7]);
    expect(none).toEqual({ result: { size: 400 }, quality: 0.7 });
  });
});
