import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.ts';

describe('createTtlCache', () => {
  it('loads once for a crowd, serves the value until it expires, then loads again', async () => {
    let clock = 0;
    let loads = 0;
    let release: () => void = () => undefined;
    const cache = createTtlCache(
      1_000,
      () =>
        new Promise<number>((resolve) => {
          loads += 1;
          release = () => resolve(loads);
        }),
      () => clock,
    );
    const crowd = Array.from({ length: 20 }, () => cache.get());
    release();
    expect(await Promise.all(crowd)).toEqual(Array(20).fill(1));
    clock = 999;
    expect(await cache.get()).toBe(1);
    clock = 1_000;
    const next = cache.get();
    release();
    expect(await next).toBe(2);
    expect(loads).toBe(2);
  });

  it('keeps no failed load: the next request tries again', async () => {
    let fail = true;
    const cache = createTtlCache(60_000, async () => {
      if (fail) throw new Error('database busy');
      return 'ok';
    });
    await expect(cache.get()).rejects.toThrow('database busy');
    fail = false;
    expect(await cache.get()).toBe('ok');
  });
});
