/**
 * Values shared by every request for `ttlMs`, one per key: the first request for a key after its value expires loads
 * it again, and the requests that arrive meanwhile wait for that same load instead of starting their own (a crowd on
 * one portal page costs one load, not one per visitor). A failed load is not kept: the next request tries again.
 *
 * A value counts its age from the moment its load began, so an answer is never built from a read older than `ttlMs`.
 * From half its life on, a request is still answered with the value but starts the next load (one at a time): a value
 * that takes long to load is replaced before it expires, and the crowd does not wait for it. Only a key nobody asked
 * for in the second half of its life makes a request wait. The cache holds at most `maxWeight` (by `weigh`, default 1 a
 * value): past it, the keys stored longest ago go first. `ttlMs` ≤ 0 turns the cache off (every request loads).
 */
export function createKeyedTtlCache<T>(
  ttlMs: number,
  options: { maxWeight?: number; weigh?: (value: T) => number; now?: () => number } = {},
): { get(key: string, load: () => Promise<T>): Promise<T> } {
  const { maxWeight = 1_000, weigh = () => 1, now = () => Date.now() } = options;
  const values = new Map<string, { data: T; at: number; weight: number }>();
  const loading = new Map<string, Promise<T>>();
  let weight = 0;

  const forget = (key: string) => {
    const old = values.get(key);
    if (!old) return;
    weight -= old.weight;
    values.delete(key);
  };
  const keep = (key: string, data: T, at: number) => {
    forget(key);
    const w = weigh(data);
    if (w > maxWeight) return;
    values.set(key, { data, at, weight: w });
    weight += w;
    // Map keeps insertion order: the first keys are the ones stored longest ago.
    for (const oldest of values.keys()) {
      if (weight <= maxWeight) break;
      forget(oldest);
    }
  };

  const start = (key: string, load: () => Promise<T>): Promise<T> => {
    const startedAt = now();
    const next = load().then(
      (data) => {
        keep(key, data, startedAt);
        loading.delete(key);
        return data;
      },
      (error: unknown) => {
        loading.delete(key);
        throw error;
      },
    );
    loading.set(key, next);
    return next;
  };

  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      if (ttlMs <= 0) return load();
      const value = values.get(key);
      const age = value ? now() - value.at : Infinity;
      const pending = loading.get(key);
      if (value && age < ttlMs) {
        // A failed refresh is not kept and not reported here: the value stays until it expires, then a request retries.
        if (age >= ttlMs / 2 && !pending) start(key, load).catch(() => undefined);
        return Promise.resolve(value.data);
      }
      return pending ?? start(key, load);
    },
  };
}

/** One value shared by every request for `ttlMs` (createKeyedTtlCache with a single key). */
export function createTtlCache<T>(ttlMs: number, load: () => Promise<T>, now: () => number = () => Date.now()): { get(): Promise<T> } {
  const cache = createKeyedTtlCache<T>(ttlMs, { maxWeight: 1, now });
  return { get: () => cache.get('', load) };
}
