import { trpcServer } from '@hono/trpc-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  ANONYMOUS,
  appRouter,
  auditWriter,
  CLIENT_IP_HEADER,
  createContext,
  resolveActor,
  type ApiDeps,
  type Auth,
  type CardSigner,
  type DevOutbox,
  type FieldCipher,
} from '@unionhall/api';
import type { Database } from '@unionhall/db';
import {
  CARD_KEYS_PATH,
  errorMessage,
  MAX_IMPORT_FILE_BASE64,
  MAX_IMPORT_UPLOAD_BYTES,
  MEMBER_IMPORT_UPLOAD_PATH,
  pickLocale,
  ZLocale,
  type TLocale,
} from '@unionhall/domain';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from './logger';
import { csrfGuard } from './csrf';
import { memberImportUpload } from './import-upload';
import { staticApp } from './static-apps';

export interface AppConfig {
  corsOrigins: string[];
  bodyLimitBytes: number;
  trpcMaxBatch: number;
  /** Built front ends; a missing folder simply serves nothing there. */
  adminDist?: string;
  memberDist?: string;
  /** Send HSTS (off for plain-http local development, where it would pin localhost). */
  hsts: boolean;
}

export interface AppDeps {
  db: Database;
  logger: Logger;
  config: AppConfig;
  auth: Auth;
  /** Encrypts sensitive fields (keys from data-keys.ts, never from the database). */
  cipher: FieldCipher;
  /** Signs member cards (key from card-key.ts, never from the database). */
  cardSigner: CardSigner;
  /**
   * The caller's address as this server sees it. Defaults to the socket's remote address;
   * behind a trusted proxy, pass a function that reads the proxy's header instead.
   */
  clientIp?: (c: Context) => string | undefined;
  /**
   * Development only: where sign-in codes go instead of email and SMS, readable at
   * GET /api/dev/outbox. Never passed in production.
   */
  devOutbox?: DevOutbox;
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // No socket (app.request() in tests): the caller is unknown.
    return undefined;
  }
}

type Env = { Variables: { requestId: string } };

/** Better Auth answers with sessions, including each one's token (the cookie's value). */
const SESSION_READING_PATHS = new Set(['/api/auth/get-session', '/api/auth/list-sessions']);

function dropTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropTokens);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'token')
      .map(([key, entry]) => [key, dropTokens(entry)]),
  );
}

/**
 * Session tokens stay in HttpOnly cookies: page scripts (and so an injected script) never
 * see one, so a session cannot be copied to another machine from the page.
 */
async function withoutSessionTokens(path: string, response: Response): Promise<Response> {
  if (!SESSION_READING_PATHS.has(path) || !response.ok) return response;
  if (!response.headers.get('content-type')?.includes('application/json')) return response;
  const body: unknown = await response.json();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(dropTokens(body)), { status: response.status, headers });
}

/** The request's language: an explicit header from our front ends, else Accept-Language. */
function requestLocale(c: Context): TLocale {
  const explicit = ZLocale.safeParse(c.req.header('x-unionhall-locale'));
  return explicit.success ? explicit.data : pickLocale(c.req.header('accept-language'));
}

function errorBody(
  c: Context,
  code: 'NOT_FOUND' | 'FORBIDDEN' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL' | 'SERVICE_UNAVAILABLE',
) {
  return { error: { code, message: errorMessage(code, requestLocale(c)) } };
}

/**
 * Builds the whole HTTP application from its dependencies. No side effects at import or
 * construction: index.ts reads the environment, opens the database and starts listening.
 */
export function createApp({
  db,
  logger,
  config,
  auth,
  cipher,
  cardSigner,
  clientIp = socketAddress,
  devOutbox,
}: AppDeps) {
  const app = new Hono<Env>();
  const apiDeps: ApiDeps = { db, logger, auth, cipher, cardSigner };

  app.use(requestId({ headerName: 'x-request-id' }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Handlers that build their own Response (the tRPC adapter) bypass c.header().
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', c.get('requestId'));
    const entry = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (c.res.status >= 500) logger.error(entry, 'request failed');
    else if (c.req.path.startsWith('/trpc/')) logger.info(entry, 'api request');
    else logger.debug(entry, 'request');
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: config.hsts ? 'max-age=63072000; includeSubDomains' : false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(compress());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await db.ping(2000);
      return c.json({ status: 'ok', database: db.kind });
    } catch (error) {
      logger.warn({ err: error, requestId: c.get('requestId') }, 'readiness check failed');
      return c.json({ status: 'unavailable', database: db.kind }, 503);
    }
  });

  // The public half of the card signing key, for scanners that verify cards offline. Public by
  // nature, so any origin may read it; verifiers may cache it for an hour.
  app.get(CARD_KEYS_PATH, (c) =>
    c.json(cardSigner.publicJwks(), 200, {
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
    }),
  );

  if (devOutbox) {
    app.get('/api/dev/outbox', (c) => c.json({ messages: devOutbox.list() }));
  }

  // Sign-in, sign-out, second factor, one-time codes: Better Auth (docs/adr/0001).
  app.on(
    ['GET', 'POST'],
    '/api/auth/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => c.json(errorBody(c, 'PAYLOAD_TOO_LARGE'), 413),
    }),
    async (c) => {
      // The rate limiter keys on the caller's address: set it here, never from the client.
      const headers = new Headers(c.req.raw.headers);
      headers.delete(CLIENT_IP_HEADER);
      const ip = clientIp(c);
      if (ip) headers.set(CLIENT_IP_HEADER, ip);
      headers.set('x-request-id', c.get('requestId'));
      const response = await withoutSessionTokens(
        c.req.path,
        await auth.handler(new Request(c.req.raw, { headers })),
      );
      if (response.status === 429) {
        // Refused before any of Better Auth's hooks run, so the audit row is written here.
        await db.prisma.$transaction((tx) =>
          auditWriter({ actor: ANONYMOUS, requestId: c.get('requestId') })(tx, {
            action: 'auth.rate-limited',
            outcome: 'DENIED',
            targetType: 'AuthEndpoint',
            targetId: c.req.path,
            changes: { ip: { before: null, after: ip ?? null } },
          }),
        );
      }
      return response;
    },
  );

  const trpcBodyLimit = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: (c) => c.json(errorBody(c, 'PAYLOAD_TOO_LARGE'), 413),
  });
  const importBodyLimit = bodyLimit({
    // The base64 file plus the JSON around it (file name, mapping).
    maxSize: Math.max(config.bodyLimitBytes, MAX_IMPORT_FILE_BASE64 + 64 * 1024),
    onError: (c) => c.json(errorBody(c, 'PAYLOAD_TOO_LARGE'), 413),
  });
  const apiCors = cors({
    origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
    allowHeaders: ['content-type', 'authorization', 'x-unionhall-locale', 'trpc-accept'],
    allowMethods: ['GET', 'POST'],
    maxAge: 600,
  });
  const apiContext = async (c: Context<Env>) =>
    createContext(apiDeps, {
      requestId: String(c.get('requestId')),
      locale: requestLocale(c),
      actor: await resolveActor(auth, db.prisma, c.req.raw.headers),
    });
  app.use(
    '/trpc/*',
    apiCors,
    csrfGuard({
      allowedOrigins: config.corsOrigins,
      refuse: (c) => c.json(errorBody(c, 'FORBIDDEN'), 403),
    }),
    (c, next) => {
      // Member import uploads a spreadsheet (base64 in the body, up to MAX_IMPORT_FILE_BYTES):
      // only a request naming import procedures alone gets the larger limit.
      const procedures = c.req.path.slice('/trpc/'.length).split(',');
      const isImport = procedures.every((path) => path.startsWith('officer.memberImport.'));
      return (isImport ? importBodyLimit : trpcBodyLimit)(c, next);
    },
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      allowMethodOverride: true,
      maxBatchSize: config.trpcMaxBatch,
      createContext: (_opts, c) => apiContext(c),
    }),
  );

  // The console's import: the file itself as the body, streamed to disk and read from there.
  app.on(
    ['POST', 'OPTIONS'],
    `${MEMBER_IMPORT_UPLOAD_PATH}/:step{preview|commit}`,
    apiCors,
    csrfGuard({
      allowedOrigins: config.corsOrigins,
      refuse: (c) => c.json(errorBody(c, 'FORBIDDEN'), 403),
      contentTypes: ['application/octet-stream'],
    }),
    (c, next) => {
      // Not Hono's bodyLimit, which holds a body without a length in memory to count it: a
      // declared length over the limit is refused here, and the import itself stops reading
      // past the limit a body that declares none.
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > MAX_IMPORT_UPLOAD_BYTES) return c.json(errorBody(c, 'PAYLOAD_TOO_LARGE'), 413);
      return next();
    },
    memberImportUpload(apiContext),
  );

  if (config.adminDist) {
    app.get('/admin', (c) => c.redirect('/admin/', 301));
    app.use('/admin/*', staticApp({ root: config.adminDist, prefix: '/admin/' }));
  }
  if (config.memberDist) app.use('*', staticApp({ root: config.memberDist, prefix: '/' }));

  app.notFound((c) => c.json(errorBody(c, 'NOT_FOUND'), 404));
  app.onError((error, c) => {
    logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return c.json(errorBody(c, 'INTERNAL'), 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
