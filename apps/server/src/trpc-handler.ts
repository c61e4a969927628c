import { IncomingMessage, ServerResponse } from 'node:http';
import { trpcServer } from '@hono/trpc-server';
import type { AnyTRPCRouter, inferRouterContext } from '@trpc/server';
import type { Context, Env, MiddlewareHandler } from 'hono';

export interface TrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  /** Where the router is mounted, e.g. /trpc. */
  endpoint: string;
  router: TRouter;
  /** Queries may come as POST (httpBatchLink's methodOverride, as our clients send them). */
  allowMethodOverride: boolean;
  maxBatchSize: number;
  createContext: (c: Context) => Promise<inferRouterContext<TRouter>>;
}

function nodeBindings(c: Context): { incoming: IncomingMessage; outgoing: ServerResponse } | null {
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
 * The request tRPC reads, without the cost @hono/node-server charges for a whole fetch Request.
 * Its lightweight request builds a real one (undici's Request, the body as two web streams over
 * the socket) as soon as anything reads the body or `signal`, and tRPC reads both on every call:
 * on Node 20 that was most of the CPU a small query took. Here the body is read from the socket
 * directly and the signal is a plain AbortController's, aborted as the lightweight request's
 * would be, when the connection closes before the answer is sent.
 *
 * Only a body with a declared length is read directly: the body limit in front has checked that
 * length, and Node stops at it. Anything else goes through the Request (and the limit's
 * counting stream) as before.
 */
function requestFor(c: Context): Request {
  const raw = c.req.raw;
  const node = nodeBindings(c);
  if (!node) return raw;
  const { incoming, outgoing } = node;
  const direct =
    incoming.headers['content-length'] !== undefined &&
    incoming.headers['transfer-encoding'] === undefined &&
    !incoming.readableDidRead;
  let controller: AbortController | undefined;
  let text: Promise<string> | undefined;
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
 * @hono/trpc-server with the options app.ts gives it, reading the request through requestFor.
 * The bench's tRPC stack mounts this same handler.
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
  return (c, next) => {
    c.req.raw = requestFor(c);
    return serve(c, next);
  };
}
