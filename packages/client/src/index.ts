import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@unionhall/api';
import superjson from 'superjson';

export interface UnionhallClientOptions {
  /** The server's base URL, e.g. "https://union.example.org". */
  url: string;
  /** An API token (scoped, created by an admin). Sent as a Bearer token. */
  token?: string;
  /** The language for error messages: "zh-CN" or "en". */
  locale?: 'zh-CN' | 'en';
  /** A fetch implementation; defaults to the global one (Node >= 18, browsers). */
  fetch?: typeof globalThis.fetch;
}

/**
 * The typed client for integrators. Every procedure of the server is available with its
 * input and output types, e.g. `await client.public.org.tree.query()`. Queries travel as
 * POST so that personal data never appears in URLs or access logs.
 */
export function createUnionhallClient(options: UnionhallClientOptions) {
  const base = options.url.replace(/\/+$/, '');
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/trpc`,
        transformer: superjson,
        // The server's default cap (TRPC_MAX_BATCH); larger batches are split.
        maxItems: 20,
        methodOverride: 'POST',
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers: () => ({
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.locale ? { 'x-unionhall-locale': options.locale } : {}),
        }),
      }),
    ],
  });
}

export type UnionhallClient = ReturnType<typeof createUnionhallClient>;
export type { AppRouter };
export { TRPCClientError };

/** True when `error` came from the Unionhall API (as opposed to, say, a network failure). */
export function isUnionhallApiError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}
