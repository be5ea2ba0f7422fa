import { describe, expect, it } from 'vitest';
import { createKeyedTtlCache, createTtlCache } from './ttl-cache.ts';

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

describe('createKeyedTtlCache', () => {
  it('keeps one value per key, each with its own age', async () => {
    let clock = 0;
    const cache = createKeyedTtlCache<string>(1_000, { now: () => clock });
    expect(await cache.get('a', async () => 'a1')).toBe('a1');
    clock = 600;
    expect(await cache.get('b', async () => 'b1')).toBe('b1');
    clock = 1_000;
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
    expect(await cache.get('b', async () => 'b2')).toBe('b1');
  });

  it("counts a value's age from the start of its load, so no answer rests on a read older than the ttl", async () => {
    let clock = 0;
    const cache = createKeyedTtlCache<string>(1_000, { now: () => clock });
    expect(
      await cache.get('a', async () => {
        clock = 900; // a slow load
        return 'slow';
      }),
    ).toBe('slow');
    clock = 1_000;
    expect(await cache.get('a', async () => 'fresh')).toBe('fresh');
  });

  it('drops the keys stored longest ago once the weight passes its bound, and never keeps a value heavier than it', async () => {
    const cache = createKeyedTtlCache<string>(60_000, { maxWeight: 10, weigh: (v) => v.length });
    await cache.get('a', async () => 'aaaa');
    await cache.get('b', async () => 'bbbb');
    await cache.get('c', async () => 'cccc');
    expect(await cache.get('a', async () => 'again')).toBe('again');
    expect(await cache.get('c', async () => 'again')).toBe('cccc');
    await cache.get('huge', async () => 'x'.repeat(11));
    expect(await cache.get('huge', async () => 'small')).toBe('small');
  });

  it('loads every time when the ttl is zero (the cache is off)', async () => {
    let loads = 0;
    const cache = createKeyedTtlCache<number>(0);
    await cache.get('a', async () => ++loads);
    expect(await cache.get('a', async () => ++loads)).toBe(2);
  });
});

describe('createKeyedTtlCache refreshing early', () => {
  it('answers from the value in the second half of its life while one load replaces it', async () => {
    let clock = 0;
    let loads = 0;
    let release: () => void = () => undefined;
    const load = () =>
      new Promise<number>((resolve) => {
        loads += 1;
        const n = loads;
        release = () => resolve(n);
      });
    const cache = createKeyedTtlCache<number>(1_000, { now: () => clock });
    const first = cache.get('k', load);
    release();
    expect(await first).toBe(1);
    clock = 400;
    expect(await cache.get('k', load)).toBe(1);
    expect(loads).toBe(1);
    clock = 600;
    // The crowd is answered at once, and only one load starts.
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    expect(loads).toBe(2);
    release();
    await Promise.resolve();
    expect(await cache.get('k', load)).toBe(2);
    // The new value's age counts from its load's start (600): it expires at 1,600, not later.
    clock = 1_599;
    expect(await cache.get('k', load)).toBe(2);
    clock = 1_600;
    const next = cache.get('k', load);
    release();
    expect(await next).toBe(3);
  });
});
