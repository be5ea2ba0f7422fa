import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { sessionQuery } from './api/auth.ts';
import { configureApiClient } from './api/client.ts';
import { createAppQueryClient } from './api/query-client.ts';
import { loginPathFor } from './lib/navigation.ts';
import { router } from './router.tsx';

/** Connects data fetching to the UI: errors go to antd `message`, a lost session goes to the login page. */
export function AppRoot() {
  const { message } = App.useApp();
  const [queryClient] = useState(() => {
    const client = createAppQueryClient((text) => void message.error(text));
    configureApiClient({
      onUnauthenticated: () => {
        client.clear();
        const { pathname, search } = router.state.location;
        if (pathname !== '/login') void router.navigate(loginPathFor(pathname + search), { replace: true });
      },
      // The session says so, and the admin shell then shows only the password page.
      onPasswordChangeRequired: () => void client.invalidateQueries({ queryKey: sessionQuery.queryKey }),
    });
    return client;
  });

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
