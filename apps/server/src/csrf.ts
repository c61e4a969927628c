import type { Context, MiddlewareHandler } from 'hono';

/**
 * Cross-site request forgery guard for cookie sessions, in front of /trpc.
 *
 * A browser lets any site send a "simple" cross-site POST (a form: urlencoded, multipart or
 * text/plain, cookies attached) without asking first. The API only ever takes JSON, which a
 * cross-site page can send only after a CORS preflight that our allowlist refuses; so every
 * POST must say `application/json`. Beyond that, a request the browser itself labels as
 * cross-site (Sec-Fetch-Site, or an Origin that is not ours) is refused unless its origin is
 * on the CORS allowlist. The import upload route takes the file as `application/octet-stream`,
 * which needs the same preflight. Clients that are not browsers (integrators with API tokens) send
 * neither header and carry no cookies, so they pass.
 */
export function csrfGuard(options: {
  allowedOrigins: readonly string[];
  refuse: (c: Context) => Response;
  /** Content types a POST may have; none of them may be one a form can send. */
  contentTypes?: readonly string[];
}): MiddlewareHandler {
  const allowed = new Set(options.allowedOrigins);
  const contentTypes = new Set(options.contentTypes ?? ['application/json']);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type === undefined || !contentTypes.has(type)) return options.refuse(c);
    }
    const origin = c.req.header('origin');
    const ownOrigin = new URL(c.req.url).origin;
    const fromAllowedOrigin = origin !== undefined && allowed.has(origin);
    const site = c.req.header('sec-fetch-site');
    if (site === 'cross-site' && !fromAllowedOrigin) return options.refuse(c);
    // An opaque origin ("null": sandboxed frames, file pages) is never ours either.
    if (origin !== undefined && origin !== ownOrigin && !fromAllowedOrigin)
      return options.refuse(c);
    return next();
  };
}
