import { TRPC_BATCH_MAX } from '@unionhall/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@unionhall/api';
import { currentLocale } from '@unionhall/ui';
import type { ReactNode } from 'react';
import superjson from 'superjson';
import { i18n } from './i18n';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; network hiccups might.
      retry: (failureCount, error) => failureCount < 2 && !hasHttpStatus(error),
    },
  },
});

function hasHttpStatus(error: unknown): boolean {
  const data: unknown =
    typeof error === 'object' && error !== null && 'data' in error ? error.data : undefined;
  return typeof data === 'object' && data !== null && 'httpStatus' in data;
}

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

/** TanStack Query plus the typed tRPC bindings, for the whole console. */
export function ApiProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
