import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';

/** Hashed build assets never change; everything else is revalidated so releases arrive. */
function setCacheHeaders(path: string, c: Context) {
  const immutable = /[\\/]assets[\\/]/.test(path);
  c.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves one built front end (a Vite `dist` folder) mounted at `prefix`. A browser navigation
 * to a path that is not a file gets the app shell, for client-side routing; any other miss
 * falls through to the 404 handler.
 */
export function staticApp(options: {
  root: string;
  prefix: '/' | `/${string}/`;
}): MiddlewareHandler {
  const { root, prefix } = options;
  const strip = (path: string) => `/${path.slice(prefix.length)}`;
  const files = serveStatic({ root, rewriteRequestPath: strip, onFound: setCacheHeaders });
  const shell = serveStatic({ path: join(root, 'index.html'), onFound: setCacheHeaders });

  return async (c, next) => {
    if (!existsSync(join(root, 'index.html'))) return next();
    const isNavigation =
      (c.req.method === 'GET' || c.req.method === 'HEAD') &&
      (c.req.header('accept') ?? '').includes('text/html') &&
      !/\.[a-z0-9]+$/i.test(c.req.path);
    const noop = async () => {};
    const file = await files(c, noop);
    if (file) return file;
    if (isNavigation) {
      const appShell = await shell(c, noop);
      if (appShell) return appShell;
    }
    return next();
  };
}
