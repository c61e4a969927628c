import { IncomingMessage, ServerResponse } from 'node:http';
import { trpcServer } from '@hono/trpc-server';
import type { AnyTRPCRouter, inferRouterContext } from '@trpc/server';
import type { Context, Env, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { answerFromMemory } from './compress';
import { planJsonCalls, runJsonCalls } from './trpc-json-calls';

export interface TrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  /** Where the router is mounted, e.g. /trpc. */
  endpoint: string;
  router: TRouter;
  /** Queries may come as POST (httpBatchLink's methodOverride, as our clients send them). */
  allowMethodOverride: boolean;
  maxBatchSize: number;
  createContext: (c: Context) => Promise<inferRouterContext<TRouter>>;
}

type NodeBindings = { incoming: IncomingMessage; outgoing: ServerResponse };

function nodeBindings(c: Context): NodeBindings | null {
  // c.env holds the Node request and response when @hono/node-server serves the app; under
  // app.request() (tests) it is empty and the plain Request is used.
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null) return null;
  const incoming: unknown = Reflect.get(env, 'incoming');
  const outgoing: unknown = Reflect.get(env, 'outgoing');
  return incoming instanceof IncomingMessage && outgoing instanceof ServerResponse
    ? { incoming, outgoing }
    : null;
}

function readText(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.once('error', reject);
  });
}

/**
 * Whether the body may be read from the socket directly: only one with a declared length. The
 * body limit in front has checked that length, and Node stops at it. Anything else goes through
 * the Request (and the limit's counting stream).
 */
function readsDirectly(incoming: IncomingMessage): boolean {
  return (
    incoming.headers['content-length'] !== undefined &&
    incoming.headers['transfer-encoding'] === undefined &&
    !incoming.readableDidRead
  );
}

/**
 * The request tRPC's own handler reads, without the cost @hono/node-server charges for a whole
 * fetch Request. Its lightweight request builds a real one (undici's Request, the body as two
 * web streams over the socket) as soon as anything reads the body or `signal`, and tRPC reads
 * both on every call: on Node 20 that was most of the CPU a small query took. Here the body is
 * read from the socket directly (see readsDirectly), or is the text the JSON path already read
 * there, and the signal is a plain
 * AbortController's, aborted as the lightweight request's would be, when the connection closes
 * before the answer is sent.
 */
function requestFor(c: Context, node: NodeBindings, alreadyRead: string | undefined): Request {
  const raw = c.req.raw;
  const { incoming, outgoing } = node;
  const direct = alreadyRead !== undefined || readsDirectly(incoming);
  let controller: AbortController | undefined;
  let text = alreadyRead === undefined ? undefined : Promise.resolve(alreadyRead);
  const body = () => (text ??= readText(incoming));
  return new Proxy(raw, {
    get(target, property) {
      if (property === 'signal') {
        if (!controller) {
          const aborter = new AbortController();
          outgoing.once('close', () => {
            if (!outgoing.writableFinished) aborter.abort('Client connection prematurely closed.');
          });
          controller = aborter;
        }
        return controller.signal;
      }
      if (direct && property === 'text') return body;
      if (direct && property === 'json') {
        return () => body().then((value): unknown => JSON.parse(value));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * One request header, from Node's parsed headers when served by Node: that spares building a
 * fetch Headers object.
 */
function requestHeader(c: Context, node: NodeBindings | null, name: string): string | undefined {
  if (!node) return c.req.header(name);
  const value = node.incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A request the JSON path may take: a query or mutation sent as httpBatchLink or httpLink do. */
function takesJsonPath(c: Context, node: NodeBindings | null, method: string): boolean {
  const streaming = requestHeader(c, node, 'trpc-accept') !== undefined;
  if (method === 'GET') return !streaming;
  if (method !== 'POST' || streaming) return false;
  const type = requestHeader(c, node, 'content-type');
  return type !== undefined && type.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * tRPC for the product: plain JSON requests (every query and mutation our clients send) take a
 * short path, planJsonCalls then runJsonCalls, which calls the procedures as tRPC does and
 * answers what tRPC would, byte for byte (trpc-handler.int.test.ts compares the two), without
 * the fetch adapter's per-request machinery: a URL and Headers object, two AbortSignal.any
 * per call (slow on Node 20), a Response to copy back into Node. That machinery was about two
 * thirds of the CPU a small query cost (bench P2). Anything else, and any request the plan
 * refuses (unknown procedures, subscriptions, streaming, bad JSON, a GET to a mutation),
 * goes to @hono/trpc-server with the options app.ts gives it, whose errors the clients know.
 */
export function trpcHandler<TRouter extends AnyTRPCRouter, E extends Env>(
  options: TrpcHandlerOptions<TRouter>,
): MiddlewareHandler<E> {
  const serve = trpcServer({
    endpoint: options.endpoint,
    router: options.router,
    allowMethodOverride: options.allowMethodOverride,
    maxBatchSize: options.maxBatchSize,
    createContext: (_opts, c) => options.createContext(c),
  });
  const prefix = `${options.endpoint}/`;
  return async (c, next) => {
    const node = nodeBindings(c);
    /** The body, once read from the socket: gone from there, it is handed to the library. */
    let readFromSocket: string | undefined;
    const library = () => {
      if (node) c.req.raw = requestFor(c, node, readFromSocket);
      return serve(c, next);
    };
    const method = c.req.method;
    if (!c.req.path.startsWith(prefix) || !takesJsonPath(c, node, method)) return library();
    let body: string | null = null;
    if (method === 'POST') {
      if (node && readsDirectly(node.incoming)) {
        readFromSocket = await readText(node.incoming);
        body = readFromSocket;
      } else {
        // Read once: HonoRequest keeps it, so the library can read it again.
        body = await c.req.text();
      }
    }
    const plan = planJsonCalls(
      options.router,
      {
        method,
        encodedPath: c.req.path.slice(prefix.length),
        batch: c.req.query('batch') === '1',
        queryInput: method === 'GET' ? (c.req.query('input') ?? null) : null,
        body,
      },
      options,
    );
    if (!plan) return library();
    const { status, body: answer } = await runJsonCalls(options.router, plan, () =>
      options.createContext(c),
    );
    // Built in memory: the compression middleware takes the text from there (see compress.ts).
    return answerFromMemory(c, answer, status as ContentfulStatusCode, JSON_HEADERS);
  };
}

/** The headers tRPC's fetch adapter puts on a JSON answer. */
const JSON_HEADERS = { 'content-type': 'application/json', vary: 'trpc-accept, accept' };
