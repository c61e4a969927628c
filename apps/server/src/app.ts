import type { AnyTRPCRouter } from '@trpc/server';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  ANONYMOUS,
  appRouter,
  auditWriter,
  buildJobCatalog,
  cacheActors,
  forgetActors,
  createInProcessRunner,
  CLIENT_IP_HEADER,
  createContext,
  createMemoryStorage,
  readAnnouncementFile,
  readCaseFile,
  createLoggingChannels,
  createUnsubscribeTokens,
  readUnsubscribeToken,
  renderUnsubscribePage,
  resolveActor,
  unsubscribeByToken,
  type ApiDeps,
  type BlobStorage,
  type Auth,
  type CardSigner,
  type DevOutbox,
  type FieldCipher,
  type JobRunner,
  type UnsubscribeTokens,
} from '@unionhall/api';
import { randomBytes } from 'node:crypto';
import type { Database } from '@unionhall/db';
import {
  ANNOUNCEMENT_FILES_PATH,
  CASE_FILES_PATH,
  CARD_KEYS_PATH,
  errorMessage,
  MAX_ATTACHMENT_BASE64,
  MAX_IMPORT_FILE_BASE64,
  MAX_IMPORT_UPLOAD_BYTES,
  MEMBER_IMPORT_UPLOAD_PATH,
  pickLocale,
  ZLocale,
  type TLocale,
} from '@unionhall/domain';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from './logger';
import { declaredBodyLimit } from './body-limit';
import { compressResponses } from './compress';
import { apiCors as corsFor } from './cors';
import { csrfGuard } from './csrf';
import { memberImportUpload } from './import-upload';
import { staticApp } from './static-apps';
import { trpcHandler } from './trpc-handler';

export { trpcHandler } from './trpc-handler';

export interface AppConfig {
  corsOrigins: string[];
  bodyLimitBytes: number;
  trpcMaxBatch: number;
  /** Built front ends; a missing folder simply serves nothing there. */
  adminDist?: string;
  memberDist?: string;
  /** Send HSTS (off for plain-http local development, where it would pin localhost). */
  hsts: boolean;
  /**
   * How long (ms) who holds a session cookie is remembered between requests (see
   * packages/api/src/auth/actor-cache.ts); 0 asks Better Auth every time. Default 5000.
   */
  actorCacheMs?: number;
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
   * Background work (pg-boss or in-process). Tests that do not run jobs may leave it out: an
   * in-process runner that is never started is used, so events stay in the outbox.
   */
  jobs?: JobRunner;
  /**
   * Uploaded files (index.ts: a folder under DATA_DIR). Tests that upload nothing may leave it
   * out: files then live in memory for the app's lifetime.
   */
  storage?: BlobStorage;
  /**
   * Signs and checks the one-click unsubscribe links of notification emails (index.ts derives
   * its key from the auth secret). Tests that do not use the links may leave it out.
   */
  unsubscribeTokens?: UnsubscribeTokens;
  /**
   * The caller's address as this server sees it. Defaults to the socket's remote address;
   * behind a trusted proxy, pass a function that reads the proxy's header instead.
   */
  clientIp?: (c: Context) => string | undefined;
  /**
   * Development only: what would have gone out by email, SMS and push (sign-in codes, reset
   * links, notifications), readable at GET /api/dev/outbox. Never passed in production.
   */
  devOutbox?: DevOutbox;
  /** The web push (VAPID) public key browsers subscribe with (vapid-keys.ts). */
  vapidPublicKey?: string;
  /**
   * The tRPC router served at /trpc: the product's appRouter unless given. Only the benchmarks
   * pass another (built from the same base procedures), to measure this exact stack.
   */
  router?: AnyTRPCRouter;
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

/** Who holds a session is asked again after this long at the latest (actorCacheMs). */
const DEFAULT_ACTOR_CACHE_MS = 5000;

/** Where the unsubscribe links in notification emails point (see delivery.ts). */
const UNSUBSCRIBE_PATH = '/api/notifications/unsubscribe';

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
  code:
    | 'NOT_FOUND'
    | 'FORBIDDEN'
    | 'PAYLOAD_TOO_LARGE'
    | 'BATCH_TOO_LARGE'
    | 'INTERNAL'
    | 'SERVICE_UNAVAILABLE',
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
  storage = createMemoryStorage(),
  unsubscribeTokens = createUnsubscribeTokens(randomBytes(32).toString('base64url')),
  jobs = createInProcessRunner({
    db,
    logger,
    catalog: buildJobCatalog({
      db,
      channels: createLoggingChannels(logger),
      publicUrl: 'http://localhost',
      unsubscribeTokens,
    }),
  }),
  clientIp = socketAddress,
  devOutbox,
  vapidPublicKey,
  router = appRouter,
}: AppDeps) {
  const app = new Hono<Env>();
  cacheActors(auth, config.actorCacheMs ?? DEFAULT_ACTOR_CACHE_MS);
  const apiDeps: ApiDeps = {
    db,
    logger,
    auth,
    cipher,
    cardSigner,
    jobs,
    vapidPublicKey,
    storage,
  };

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
  app.use(compressResponses());

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
      // Signing in or out, revoking sessions, changing a password or the second factor: who a
      // session is may have changed, so callers remembered from sessions are asked again.
      if (!SESSION_READING_PATHS.has(c.req.path)) forgetActors(auth);
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

  const trpcBodyLimit = declaredBodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: (c) => c.json(errorBody(c, 'PAYLOAD_TOO_LARGE'), 413),
  });
  const uploadBodyLimit = declaredBodyLimit({
    // One base64 file plus the JSON around it (announcement id, file name).
    maxSize: Math.max(config.bodyLimitBytes, MAX_ATTACHMENT_BASE64 + 64 * 1024),
    onError: (c) => c.json(errorBody(c, 'PAYLOAD_TOO_LARGE'), 413),
  });
  const importBodyLimit = declaredBodyLimit({
    // The base64 file plus the JSON around it (file name, mapping).
    maxSize: Math.max(config.bodyLimitBytes, MAX_IMPORT_FILE_BASE64 + 64 * 1024),
    onError: (c) => c.json(errorBody(c, 'PAYLOAD_TOO_LARGE'), 413),
  });
  const apiCors = corsFor({
    origins: config.corsOrigins,
    allowHeaders: ['content-type', 'authorization', 'x-unionhall-locale', 'trpc-accept'],
    allowMethods: ['GET', 'POST'],
    maxAgeSeconds: 600,
  });
  const apiContext = async (c: Context<Env>) =>
    createContext(apiDeps, {
      requestId: String(c.get('requestId')),
      locale: requestLocale(c),
      actor: await resolveActor(auth, db.prisma, c.req.raw.headers),
      clientIp: clientIp(c),
    });
  app.use(
    '/trpc/*',
    apiCors,
    csrfGuard({
      allowedOrigins: config.corsOrigins,
      refuse: (c) => c.json(errorBody(c, 'FORBIDDEN'), 403),
    }),
    async (c, next) => {
      const procedures = c.req.path.slice('/trpc/'.length).split(',');
      // tRPC's own cap (maxBatchSize below) answers a generic "invalid input" in Chinese
      // whatever the caller's language, before any context exists; refused here, the caller
      // learns what is wrong, and the limit, in their language.
      if (procedures.length > config.trpcMaxBatch) {
        const { error } = errorBody(c, 'BATCH_TOO_LARGE');
        return c.json({ error: { ...error, maxBatch: config.trpcMaxBatch } }, 400);
      }
      // Member import uploads a spreadsheet (base64 in the body, up to MAX_IMPORT_FILE_BYTES):
      // only a request naming import procedures alone gets the larger limit.
      // Likewise an announcement's or a case's image or file (up to MAX_ATTACHMENT_BYTES), alone.
      const isImport = procedures.every((path) => path.startsWith('officer.memberImport.'));
      if (isImport) return importBodyLimit(c, next);
      const isUpload = procedures.every(
        (path) =>
          path === 'officer.announcements.uploadAttachment' ||
          path === 'member.cases.addAttachment',
      );
      return (isUpload ? uploadBodyLimit : trpcBodyLimit)(c, next);
    },
    trpcHandler({
      endpoint: '/trpc',
      router,
      allowMethodOverride: true,
      maxBatchSize: config.trpcMaxBatch,
      createContext: apiContext,
    }),
  );

  // An announcement's images and files, for those who may read the announcement (a member who
  // sees it, an officer whose scope covers it); anyone else gets the same 404 as for an id that
  // does not exist. A GET with the session cookie, so `<img src>` works, and the PWA's service
  // worker can keep a copy for reading offline (private: never in a shared cache).
  app.get(`${ANNOUNCEMENT_FILES_PATH}:id`, async (c) => {
    const actor = await resolveActor(auth, db.prisma, c.req.raw.headers);
    const file = await readAnnouncementFile(
      { prisma: db.prisma, storage },
      actor,
      c.req.param('id'),
    );
    if (!file) return c.json(errorBody(c, 'NOT_FOUND'), 404);
    const disposition = file.kind === 'IMAGE' ? 'inline' : 'attachment';
    return c.body(file.bytes, 200, {
      'content-type': file.contentType,
      'content-length': String(file.bytes.byteLength),
      'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'private, max-age=86400',
      // Read as the type its content was found to be on upload, never sniffed as something else;
      // files that are not images are downloaded, not opened in the app's origin.
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    });
  });
  // A case's photos and documents: for the member who raised it and the officers who may read
  // it (see readCaseFile). Always downloaded, never shown in the app's origin.
  app.get(`${CASE_FILES_PATH}:id`, async (c) => {
    const actor = await resolveActor(auth, db.prisma, c.req.raw.headers);
    const file = await readCaseFile({ db, storage }, actor, c.get('requestId'), c.req.param('id'));
    if (!file) return c.json(errorBody(c, 'NOT_FOUND'), 404);
    return c.body(file.bytes, 200, {
      'content-type': file.contentType,
      'content-length': String(file.bytes.byteLength),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    });
  });
  // One-click unsubscribe from notification emails (RFC 8058). Opening the link only asks,
  // because mail scanners fetch links; the POST (the page's button, or the mail provider's
  // own button, without cookies) unsubscribes. The signed token in the URL is the authority.
  app.get(UNSUBSCRIBE_PATH, (c) => {
    const token = c.req.query('token') ?? '';
    const claims = readUnsubscribeToken(unsubscribeTokens, token);
    const page = renderUnsubscribePage(
      claims
        ? { kind: 'confirm', category: claims.category, token }
        : { kind: 'outcome', outcome: { status: 'invalid' } },
      requestLocale(c),
    );
    return c.html(page.html, page.status, { 'cache-control': 'no-store' });
  });
  app.post(
    UNSUBSCRIBE_PATH,
    bodyLimit({
      maxSize: 4 * 1024,
      onError: (c) => c.json(errorBody(c, 'PAYLOAD_TOO_LARGE'), 413),
    }),
    async (c) => {
      const outcome = await unsubscribeByToken(
        db.prisma,
        unsubscribeTokens,
        c.req.query('token') ?? '',
        c.get('requestId'),
      );
      const page = renderUnsubscribePage({ kind: 'outcome', outcome }, requestLocale(c));
      return c.html(page.html, page.status, { 'cache-control': 'no-store' });
    },
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
