import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Hono's bodyLimit, without its cost on requests that declare their length. Hono's version asks
 * `c.req.raw.body` first, on every request including a GET, and under @hono/node-server that
 * makes the whole fetch Request (undici's, the body as web streams over the socket): on Node 20
 * more CPU than a small API call itself. A declared length is checked here from the header
 * (Node's parser never delivers more than it declares); a request without one, whose body only
 * counting can bound, goes through Hono's limit as before.
 */
export function declaredBodyLimit(options: {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}): MiddlewareHandler {
  const counting = bodyLimit(options);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return counting(c, next);
    }
    if (!/^\d+$/.test(length) || Number(length) > options.maxSize) return options.onError(c);
    return next();
  };
}
