import { QueryCache, QueryClient } from '@tanstack/react-query';
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
