import type { QueryKey } from '@tanstack/react-query';
import { hashKey, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthenticated } from './client.ts';

/**
 * The app's query client. Failed queries are reported through `notify` (except a missing session, which
 * sends the user to the login page instead); mutations report their own errors, so forms can put a
 * server error on the field it concerns.
 */
export function createAppQueryClient(notify: (message: string) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (!isUnauthenticated(error)) notify(error.message);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/**
 * After a change the server answered with the object's new state: shows that answer under `key` at once and
 * marks every other query under `prefix` stale (refetching those on screen), but not `key` itself — refetching it
 * would only ask again for what the answer already holds.
 */
export function setAnswerAndInvalidateRest(queryClient: QueryClient, key: QueryKey, answer: unknown, prefix: QueryKey): void {
  queryClient.setQueryData(key, answer);
  const answered = hashKey(key);
  void queryClient.invalidateQueries({ queryKey: prefix, predicate: (query) => query.queryHash !== answered });
}
