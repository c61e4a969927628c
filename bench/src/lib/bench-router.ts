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

export interface TrpcRequest {
  path: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

/**
 * `calls` payload queries in one request, exactly as the product's clients send them
 * (httpBatchLink with methodOverride POST, apps/admin and apps/member src/trpc.tsx): the
 * procedure paths joined by commas with `?batch=1`, and the superjson-serialized inputs keyed
 * by index in a JSON body.
 */
export function batchRequest(calls: number): TrpcRequest {
  const paths = Array.from({ length: calls }, () => PAYLOAD_PROCEDURE).join(',');
  const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, NO_INPUT]));
  return {
    path: `/trpc/${paths}?batch=1`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-unionhall-locale': 'zh-CN' },
    body: JSON.stringify(input),
  };
}
