import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the API: what Hono's cors() does with an allowlist, minus one cost. Hono's version
 * appends `Vary: Origin` with c.header() after the handler, and on a finished response that
 * copies it into a new Response; under @hono/node-server that turns the buffered answer into a
 * stream written chunk by chunk. Here the headers of the answer are set in place.
 */
export function apiCors(options: {
  origins: readonly string[];
  allowHeaders: readonly string[];
  allowMethods: readonly string[];
  maxAgeSeconds: number;
}): MiddlewareHandler {
  const origins = new Set(options.origins);
  const allowHeaders = options.allowHeaders.join(',');
  const allowMethods = options.allowMethods.join(',');
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && origins.has(origin) ? origin : null;
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        vary: 'Origin, Access-Control-Request-Headers',
        'access-control-max-age': String(options.maxAgeSeconds),
        'access-control-allow-methods': allowMethods,
        'access-control-allow-headers': allowHeaders,
        ...(allowed ? { 'access-control-allow-origin': allowed } : {}),
      });
    }
    await next();
    if (allowed) c.res.headers.set('access-control-allow-origin', allowed);
    c.res.headers.append('vary', 'Origin');
  };
}
