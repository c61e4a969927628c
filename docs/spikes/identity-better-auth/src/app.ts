// Hono composition: Better Auth mounted at /api/auth/*, a session-reading route standing in for
// the tRPC context, and audit rows for requests refused by the rate limiter.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Auth } from './auth';
import type { PrismaClient } from './db';
import { appendAuditEvent } from './db';

export const CLIENT_IP_HEADER = 'x-unionhall-client-ip';

export interface AppDeps {
  auth: Auth;
  prisma: PrismaClient;
  /**
   * The caller's address as the server sees it (socket address, or the proxy's forwarded value
   * when behind a trusted proxy). With @hono/node-server: getConnInfo(c).remote.address.
   * Better Auth reads it from CLIENT_IP_HEADER, which we overwrite so a client cannot forge it.
   */
  clientIp(c: Context): string | undefined;
}

/** What a tRPC createContext would do: the session (or null) from the request's cookies. */
export async function sessionFromHeaders(auth: Auth, headers: Headers) {
  return auth.api.getSession({ headers });
}

export function createApp({ auth, prisma, clientIp }: AppDeps) {
  const app = new Hono();

  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    const ip = clientIp(c);
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    // Rebuilding the Request keeps method/body/signal; `duplex` is needed for a streamed body.
    const req = new Request(c.req.raw, { headers });
    const res = await auth.handler(req);
    if (res.status === 429) {
      // Better Auth answers 429 before any hook runs: audit it here.
      await prisma.$transaction((tx) =>
        appendAuditEvent(tx, {
          actorType: 'ANONYMOUS',
          action: 'auth.rate-limited',
          outcome: 'DENIED',
          requestId: c.req.header('x-request-id') ?? null,
          targetType: 'auth',
          changes: { path: new URL(c.req.url).pathname, ip: ip ?? null },
        }),
      );
    }
    return res;
  });

  // Stand-in for a protected tRPC procedure.
  app.get('/api/me', async (c) => {
    const session = await sessionFromHeaders(auth, c.req.raw.headers);
    if (!session) return c.json({ error: 'UNAUTHORIZED' }, 401);
    return c.json({ userId: session.user.id, email: session.user.email, sessionId: session.session.id });
  });

  return app;
}
