import { join } from 'node:path';
import { serve } from '@hono/node-server';
import {
  buildJobCatalog,
  createAuth,
  createJobRunner,
  createCardSigner,
  createLoggingChannels,
  createUnsubscribeTokens,
  createFieldCipher,
  DEMO_MEMBERS,
  DEMO_OFFICER_PASSWORD,
  DEMO_OFFICERS,
  DevOutbox,
  loadOrCreateAuthSecret,
  seedDemoIdentities,
  seedDemoMembers,
} from '@unionhall/api';
import { migrate, openDatabase, seedDemoData } from '@unionhall/db';
import { createApp } from './app';
import { loadCardSigningKey } from './card-key';
import { loadDataKeys } from './data-keys';
import { readEnv } from './env';
import { createLogger } from './logger';

/** The composition root: read the environment, open the database, serve, shut down cleanly. */
async function main() {
  const env = readEnv();
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: env.LOG_PRETTY ?? process.stdout.isTTY,
  });

  const db = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: join(env.DATA_DIR, 'pglite') });
  const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${join(env.DATA_DIR, 'pglite')}`;

  const { applied } = await migrate(db);
  logger.info(
    { applied, database: db.kind },
    applied.length ? 'migrations applied' : 'schema up to date',
  );
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  // Until the notification capability brings real senders, codes go to the dev outbox and
  // the log, where a developer (or a demo user) can read them.
  const outbox = new DevOutbox((message) =>
    logger.info(
      { channel: message.channel, to: message.to, code: message.code, link: message.link },
      `dev outbox: ${message.purpose}`,
    ),
  );
  const authSecret = env.AUTH_SECRET ?? (await loadOrCreateAuthSecret(db.prisma));
  const auth = createAuth({
    prisma: db.prisma,
    secret: authSecret,
    baseURL: publicUrl,
    sender: outbox,
    rateLimit: env.AUTH_RATE_LIMIT || env.NODE_ENV === 'production',
  });

  if (env.DEMO_DATA) {
    const seeded = await seedDemoData(db);
    if (seeded.seeded) logger.info({ units: seeded.units }, 'demo data loaded (first run)');
    await seedDemoIdentities(auth, db.prisma);
  }

  const dataKeys = loadDataKeys({
    encryptionKeys: env.DATA_ENCRYPTION_KEYS,
    indexKey: env.DATA_INDEX_KEY,
    keyFile: join(env.DATA_DIR, 'keys', 'data-keys.json'),
    production: env.NODE_ENV === 'production',
  });
  if (dataKeys.source === 'generated') logger.warn('data encryption keys generated (development)');
  const cipher = createFieldCipher(dataKeys.keys);

  if (env.DEMO_DATA) {
    // After the demo accounts, which it links to; it needs the data keys to encrypt ID numbers.
    const members = await seedDemoMembers(db, cipher);
    if (members.seeded) logger.info(members, 'demo members loaded (first run)');
  }

  const cardKey = loadCardSigningKey({
    signingKey: env.CARD_SIGNING_KEY,
    keyFile: join(env.DATA_DIR, 'keys', 'card-signing-key.json'),
    production: env.NODE_ENV === 'production',
  });
  if (cardKey.source === 'generated')
    logger.warn('member card signing key generated (development)');

  // Background work: pg-boss on PostgreSQL, in this process on PGlite. It starts after the
  // demo data so the first run's seeding does not race it.
  // Unsubscribe links in notification emails are signed with a key derived from the auth
  // secret, so they keep working across restarts and replicas.
  const unsubscribeTokens = createUnsubscribeTokens(authSecret);
  // Until real adapters (SMTP, an SMS provider, web push) are configured, notifications
  // going out by email, SMS and push are written to the log only.
  const channels = createLoggingChannels(logger);
  const jobs = createJobRunner({
    db,
    logger,
    catalog: buildJobCatalog({ db, channels, publicUrl, unsubscribeTokens }),
    databaseUrl: env.DATABASE_URL,
  });
  await jobs.start();
  logger.info({ mode: jobs.mode }, 'background work started');

  const app = createApp({
    jobs,
    unsubscribeTokens,
    db,
    auth,
    cipher,
    cardSigner: createCardSigner(cardKey.key),
    logger,
    ...(env.NODE_ENV === 'production' ? {} : { devOutbox: outbox }),
    config: {
      corsOrigins: env.CORS_ORIGINS,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      trpcMaxBatch: env.TRPC_MAX_BATCH,
      adminDist: env.ADMIN_DIST,
      memberDist: env.MEMBER_DIST,
      hsts: env.NODE_ENV === 'production',
    },
  });

  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    const host = env.HOST === '0.0.0.0' || env.HOST === '127.0.0.1' ? 'localhost' : env.HOST;
    const base = env.PUBLIC_URL ?? `http://${host}:${info.port}`;
    process.stdout.write(
      [
        '',
        '  Unionhall is running',
        `    Member app     ${base}/`,
        `    Officer console ${base}/admin/`,
        `    Typed API      ${base}/trpc`,
        `    Database       ${where}`,
        '',
        ...(env.DEMO_DATA
          ? [
              `  Demo officers (password ${DEMO_OFFICER_PASSWORD}; a TOTP app enrols at first sign-in):`,
              ...DEMO_OFFICERS.map(
                (officer) =>
                  `    ${officer.email.padEnd(26)} ${officer.role} @ ${officer.unitCode}`,
              ),
              '  Demo members (sign in with a code by email or SMS; it appears in this log):',
              ...DEMO_MEMBERS.map(
                (member) => `    ${member.email.padEnd(26)} ${member.phoneNumber}`,
              ),
              '',
            ]
          : []),
        '  Officers sign in at /admin/ (password, then an authenticator app); members in the app with a code.',
        '  Press Ctrl-C to stop.',
        '',
      ].join('\n') + '\n',
    );
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    // Finish in-flight requests, then close the database so PGlite flushes to disk.
    server.close(async () => {
      await jobs.stop();
      await db.close();
      logger.info('stopped');
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Unionhall failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
