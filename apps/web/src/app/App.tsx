import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, type createMemoryRouter, RouterProvider } from 'react-router';
import { type ApiClient, createApiClient } from '../api/client';
import { routes } from './routes';
import { SessionProvider } from './session';
import { sessionCalls } from './session-api';
import { SessionKeeper } from './session-keeper';

type Router = ReturnType<typeof createBrowserRouter> | ReturnType<typeof createMemoryRouter>;

/** What the application runs on; a test passes its own (a memory router, a client on its fetch). */
export interface AppWiring {
  keeper: SessionKeeper;
  api: ApiClient;
  queryClient: QueryClient;
  router: Router;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Offline, queries and submissions wait for the connection (networkMode 'online') instead of failing.
      queries: { retry: 1, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: 0 },
    },
  });
}

/**
 * The browser's wiring: the session calls go through a client of their own
 * (they carry the cookie, not the access token), every other call through
 * the client that adds the token and renews it on a 401.
 */
export function browserWiring(): AppWiring {
  const keeper = new SessionKeeper(sessionCalls(createApiClient()));
  return { keeper, api: createApiClient({ fetch: keeper.fetch }), queryClient: createQueryClient(), router: createBrowserRouter(routes) };
}

/** The application's shell: the query cache, the session and its client, and the pages. */
export function App({ wiring }: { wiring?: AppWiring }) {
  const [{ keeper, api, queryClient, router }] = useState(() => wiring ?? browserWiring());
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider keeper={keeper} api={api}>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
