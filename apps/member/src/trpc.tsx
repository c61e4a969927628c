import { TRPC_BATCH_MAX } from '@unionhall/domain';
import { QueryClient, QueryClientProvider, onlineManager } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@unionhall/api';
import { currentLocale } from '@unionhall/ui';
import type { ReactNode } from 'react';
import superjson from 'superjson';
import { i18n } from './i18n';
import { persistQueries, restoreQueries } from './query-persistence';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // Unobserved queries stay a day; the persisted copy lives longer (query-persistence.ts).
      gcTime: 24 * 60 * 60 * 1000,
      retry: 1,
    },
  },
});

// TanStack Query assumes "online" until an event says otherwise; a start without a network
// must not try to fetch (and show an error instead of the saved copy).
onlineManager.setOnline(navigator.onLine);
// The last loaded data comes back before the first render, so offline starts are not empty.
restoreQueries(queryClient);
persistQueries(queryClient);

const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      transformer: superjson,
      // The server refuses larger batches; split them instead.
      maxItems: TRPC_BATCH_MAX,
      // Queries travel as POST too, and the server answers errors in the UI language.
      methodOverride: 'POST',
      headers: () => ({ 'x-unionhall-locale': currentLocale(i18n) }),
    }),
  ],
});

/** TanStack Query plus the typed tRPC bindings, for the whole app. */
export function ApiProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
