import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
  TRPCError,
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  type inferRouterContext,
} from '@trpc/server';
import {
  getHTTPStatusCode,
  isAsyncIterable,
  isObject,
  isPromise,
  type TRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';

/**
 * The calls of one plain JSON tRPC request, read before anything runs. `null` from
 * planJsonCalls means "not a plain request": tRPC's own handler answers it instead.
 */
export interface JsonCallPlan {
  isBatch: boolean;
  type: 'query' | 'mutation';
  calls: { path: string; procedure: AnyTRPCProcedure; input: unknown }[];
}

export interface JsonRequestParts {
  method: string;
  /** The procedure path(s) after the endpoint, still URL-encoded, e.g. `a.b,c.d`. */
  encodedPath: string;
  batch: boolean;
  /** GET: the `input` search parameter. */
  queryInput: string | null;
  /** POST: the body, as text. */
  body: string | null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads a request the way tRPC's JSON content-type handler does (resolveResponse in
 * @trpc/server 11), and says whether it is a plain one: every path names a query or mutation
 * the method may call, one type in the batch, at most `maxBatchSize` calls, and inputs that
 * parse. Anything else (unknown procedures, subscriptions, bad JSON, a GET to a mutation)
 * returns null, and the library answers it with its own errors. Nothing has run yet.
 */
export function planJsonCalls(
  router: AnyTRPCRouter,
  parts: JsonRequestParts,
  options: { allowMethodOverride: boolean; maxBatchSize: number },
): JsonCallPlan | null {
  let paths: string[];
  try {
    const decoded = decodeURIComponent(parts.encodedPath);
    paths = parts.batch ? decoded.split(',') : [decoded];
  } catch {
    return null;
  }
  if (paths.length > options.maxBatchSize) return null;
  const procedures: Record<string, AnyTRPCProcedure | undefined> = router._def.procedures;
  let type: 'query' | 'mutation' | undefined;
  const found: AnyTRPCProcedure[] = [];
  for (const path of paths) {
    const procedure = Object.hasOwn(procedures, path) ? procedures[path] : undefined;
    const procType = procedure?._def.type;
    if (!procedure || (procType !== 'query' && procType !== 'mutation')) return null;
    if (type !== undefined && type !== procType) return null;
    type = procType;
    found.push(procedure);
  }
  if (!type) return null;
  const methodOk =
    type === 'mutation'
      ? parts.method === 'POST'
      : parts.method === 'GET' || (parts.method === 'POST' && options.allowMethodOverride);
  if (!methodOk) return null;

  const text = parts.method === 'GET' ? parts.queryInput : parts.body;
  let inputs: unknown;
  if (text !== null && (parts.method !== 'GET' || text !== '')) {
    const parsed = parseJson(text);
    if (!parsed.ok) return null;
    inputs = parsed.value;
  }
  if (parts.batch && inputs !== undefined && !isPlainObject(inputs)) return null;
  const transformer = router._def._config.transformer;
  const calls: JsonCallPlan['calls'] = [];
  for (const [index, path] of paths.entries()) {
    const raw: unknown =
      inputs === undefined || !parts.batch ? inputs : (inputs as Record<string, unknown>)[index];
    let input: unknown;
    try {
      input = raw === undefined ? undefined : transformer.input.deserialize(raw);
    } catch {
      return null;
    }
    calls.push({ path, procedure: found[index] as AnyTRPCProcedure, input });
  }
  return { isBatch: parts.batch, type, calls };
}

/** What tRPC refuses to send in a plain JSON answer (its resolveResponse's isDataStream). */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  return Object.values(value).some((v) => isPromise(v) || isAsyncIterable(v));
}

const streamRefused = () =>
  new TRPCError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
  });

type RpcItem = TRPCResponse;

type Config = AnyTRPCRouter['_def']['_config'];

/**
 * One item through the router's transformer, as tRPC's transformTRPCResponse puts it: a result
 * is built here directly (tRPC copies it with two object spreads per call, a tenth of a batch's
 * CPU); an error takes tRPC's own function.
 */
function transformItem(config: Config, item: RpcItem): unknown {
  if ('error' in item) return transformTRPCResponse(config, item);
  return { result: { data: config.transformer.output.serialize(item.result.data) } };
}

/** The body and status tRPC sends for these answers (207 when the calls' statuses differ). */
function answer(config: Config, items: RpcItem[], isBatch: boolean) {
  return {
    status: getHTTPStatusCode(items),
    body: JSON.stringify(
      isBatch
        ? items.map((item) => transformItem(config, item))
        : transformItem(config, items[0] as RpcItem),
    ),
  };
}

/**
 * Runs a plan's calls against the router, concurrently as tRPC does, and builds the answer tRPC
 * would: the same body (result or formatted error per call, through the router's transformer)
 * and status. Each call goes through the procedure itself, so every middleware, input parser and
 * output validator runs as usual.
 */
export async function runJsonCalls<TRouter extends AnyTRPCRouter>(
  router: TRouter,
  plan: JsonCallPlan,
  createContext: () => Promise<inferRouterContext<TRouter>>,
): Promise<{ status: number; body: string }> {
  const config = router._def._config;
  let ctx: inferRouterContext<TRouter> | undefined;
  let contextError: unknown;
  try {
    ctx = await createContext();
  } catch (cause) {
    contextError = cause;
  }
  const outcomes = await Promise.all(
    plan.calls.map(async (call, batchIndex): Promise<[TRPCError] | [undefined, unknown]> => {
      try {
        if (contextError !== undefined) throw contextError;
        const data: unknown = await call.procedure({
          path: call.path,
          getRawInput: () => Promise.resolve(call.input),
          ctx,
          type: plan.type,
          // No abort signal: no procedure reads one, and on Node 20 an AbortController per
          // request costs more than the query (procedures that stream take tRPC's own path).
          signal: undefined,
          batchIndex,
        });
        return [undefined, data];
      } catch (cause) {
        return [getTRPCErrorFromUnknown(cause)];
      }
    }),
  );
  // As in tRPC, anything thrown while the answer is put together (a stream-like result in a
  // single call, an error formatter that fails) answers the request as one error.
  try {
    const items = outcomes.map(([failure, data], index): RpcItem => {
      const call = plan.calls[index] as JsonCallPlan['calls'][number];
      let error = failure;
      if (!error && isDataStream(data)) {
        if (!plan.isBatch) throw streamRefused();
        error = streamRefused();
      }
      if (!error) return { result: { data } };
      const shape = getErrorShape({
        config,
        ctx,
        error,
        input: call.input,
        path: call.path,
        type: plan.type,
      });
      return { error: shape };
    });
    return answer(config, items, plan.isBatch);
  } catch (cause) {
    const shape = getErrorShape({
      config,
      ctx,
      error: getTRPCErrorFromUnknown(cause),
      input: undefined,
      path: undefined,
      type: plan.type,
    });
    return answer(config, [{ error: shape }], false);
  }
}
