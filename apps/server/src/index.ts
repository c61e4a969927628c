import { join } from 'node:path';
import { serve } from '@hono/node-server';
import {
  buildJobCatalog,
  createAuth,
  createCodeSender,
  createJobRunner,
  createCardSigner,
  createUnsubscribeTokens,
  createFieldCipher,
  DEMO_MEMBERS,
  DEMO_OFFICER_PASSWORD,
  DEMO_OFFICERS,
  DevOutbox,
  loadOrCreateAuthSecret,
  seedDemoIdentities,
  seedDemoCases,
  seedDemoEvents,
  seedDemoMembers,
  fillMissingSortNames,
  sealConfidentialNotes,
} from '@unionhall/api';
import { migrate, openDatabase, seedDemoData } from '@unionhall/db';
import { createApp } from './app';
import { loadCardSigningKey } from './card-key';
import { buildChannels } from './channels';
import { loadDataKeys } from './data-keys';
import { readEnv } from './env';
import { createLogger } from './logger';
import { buildStorage } from './storage';
import { loadVapidKeys } from './vapid-keys';

/** The composition root: read the environment, open the database, serve, shut down cleanly. */
async function main() {
  const env = readEnv();
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: env.LOG_PRETTY ?? process.stdout.isTTY,
  });

  // Uploaded files: checked first, so a bucket that cannot be used stops the start at once.
  const files = buildStorage(env);
  await files.check();
  logger.info(files.describe, 'file storage');

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
  const production = env.NODE_ENV === 'production';
  // Development: what no provider carries (email without SMTP_URL, SMS, push) is kept in the
  // dev outbox and the log, where a developer (or a demo user) can read it.
  const outbox = production
    ? undefined
    : new DevOutbox((entry) =>
        logger.info(
          {
            channel: entry.channel,
            to: entry.to,
            code: entry.code,
            link: entry.link,
            ...(entry.channel === 'email' ? { subject: entry.subject } : {}),
            ...(entry.channel === 'push' ? { title: entry.title } : {}),
          },
          `dev outbox: ${entry.purpose ?? entry.channel}`,
        ),
      );
  const vapid = loadVapidKeys({
    publicKey: env.VAPID_PUBLIC_KEY,
    privateKey: env.VAPID_PRIVATE_KEY,
    subject: env.VAPID_SUBJECT,
    defaultSubject: publicUrl.startsWith('https://') ? publicUrl : 'mailto:unionhall@localhost',
    keyFile: join(env.DATA_DIR, 'keys', 'vapid-keys.json'),
    production,
  });
  if (vapid.source === 'generated') logger.warn('web push (VAPID) keys generated (development)');
  // The notification ports. Sign-in codes and reset links go out through them too; the
  // notification delivery (jobs) takes the same `channels`.
  const {
    channels,
    adapters,
    close: closeChannels,
  } = buildChannels({
    smtp: env.SMTP_URL
      ? {
          url: env.SMTP_URL,
          from: env.MAIL_FROM ?? `Unionhall <no-reply@${new URL(publicUrl).hostname}>`,
        }
      : undefined,
    smsWebhook:
      env.SMS_WEBHOOK_URL && env.SMS_WEBHOOK_TOKEN
        ? { url: env.SMS_WEBHOOK_URL, token: env.SMS_WEBHOOK_TOKEN }
        : undefined,
    vapid: vapid.keys,
    sendPush: env.WEB_PUSH ?? production,
    outbox,
  });
  logger.info(adapters, 'notification channels');
  const codeSender = createCodeSender(channels, (error, message) =>
    logger.error({ err: error, ...message }, 'a sign-in code or reset link could not be sent'),
  );
  const authSecret = env.AUTH_SECRET ?? (await loadOrCreateAuthSecret(db.prisma));
  const auth = createAuth({
    prisma: db.prisma,
    secret: authSecret,
    baseURL: publicUrl,
    sender: codeSender,
    rateLimit: env.AUTH_RATE_LIMIT || production,
    logger,
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
    const cases = await seedDemoCases(db, cipher);
    if (cases.seeded) logger.info(cases, 'demo cases loaded (first run)');
    const events = await seedDemoEvents(db);
    if (events.seeded) logger.info(events, 'demo events loaded (first run)');
  }

  // Members written before the list sorted by pinyin (or by raw inserts that leave the key
  // out) get their sort keys; a no-op once every row has one.
  const sorted = await fillMissingSortNames(db.prisma);
  if (sorted > 0) logger.info({ members: sorted }, 'member sort keys filled');

  // Notes written in clear on confidential cases before notes were encrypted are sealed like
  // new ones; a no-op once none is left.
  const sealedNotes = await sealConfidentialNotes(db.prisma, cipher);
  if (sealedNotes > 0) logger.info({ notes: sealedNotes }, 'confidential case notes encrypted');

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
    storage: files.storage,
    unsubscribeTokens,
    db,
    auth,
    cipher,
    cardSigner: createCardSigner(cardKey.key),
    logger,
    vapidPublicKey: vapid.keys.publicKey,
    ...(outbox ? { devOutbox: outbox } : {}),
    config: {
      corsOrigins: env.CORS_ORIGINS,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      trpcMaxBatch: env.TRPC_MAX_BATCH,
      actorCacheMs: env.ACTOR_CACHE_MS,
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
      closeChannels();
      files.close();
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
