import { publicProcedure, router } from '@unionhall/api/trpc';
import { PAYLOAD, ZBenchPayload } from './payload';

/**
 * A bench-only router built from the product's own building blocks (its initTRPC with
 * superjson and the error formatter, and the policy-checking public base procedure), with the
 * procedure declared like a product one: a policy and a zod output. Never part of appRouter.
 */
export const benchRouter = router({
  public: router({
    bench: router({
      payload: publicProcedure.output(ZBenchPayload).query(() => PAYLOAD),
    }),
  }),
});

/** The procedure's path, as a tRPC client puts it in the URL. */
export const PAYLOAD_PROCEDURE = 'public.bench.payload';

/** What superjson makes of a query's `undefined` input, as httpBatchLink sends it. */
const NO_INPUT = { json: null, meta: { values: ['undefined'], v: 1 } };

/**
 * A GET path the way httpBatchLink builds it: the procedure paths joined by commas, `batch=1`,
 * and one superjson-serialized input per call keyed by its index.
 */
export function batchPath(calls: number): string {
  const paths = Array.from({ length: calls }, () => PAYLOAD_PROCEDURE).join(',');
  const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, NO_INPUT]));
  return `/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** One query as httpLink sends it (no batching). */
export function singlePath(): string {
  return `/trpc/${PAYLOAD_PROCEDURE}?input=${encodeURIComponent(JSON.stringify(NO_INPUT))}`;
}
