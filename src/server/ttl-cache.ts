/**
 * One value shared by every request for `ttlMs`: the first request after it expires loads it again, and the
 * requests that arrive meanwhile wait for that same load instead of starting their own (a crowd on the portal's
 * home page costs one load, not one per visitor). A failed load is not kept: the next request tries again.
 */
export function createTtlCache<T>(ttlMs: number, load: () => Promise<T>, now: () => number = Date.now): { get(): Promise<T> } {
  let value: { data: T; at: number } | null = null;
  let loading: Promise<T> | null = null;
  return {
    get(): Promise<T> {
      if (value && now() - value.at < ttlMs) return Promise.resolve(value.data);
      if (!loading) {
        const startedAt = now();
        loading = load().then(
          (data) => {
            value = { data, at: startedAt };
            loading = null;
            return data;
          },
          (error: unknown) => {
            loading = null;
            throw error;
          },
        );
      }
      return loading;
    },
  };
}
