import type { Database } from '@unionhall/db';
import { roleGrant, type TLocale } from '@unionhall/domain';
import { createAuth, type Auth } from '../auth/auth';
import { DevOutbox } from '../notifications/dev-outbox';
import { createCardSigner, generateCardSigningKey, type CardSigner } from '../crypto/card-signer';
import { createFieldCipher, generateDataKeys, type FieldCipher } from '../crypto/field-cipher';
import { generateVapidKeys, type VapidKeys } from '../notifications/web-push-sender';
import { ANONYMOUS, createContext, type Actor, type ApiLogger } from '../context';
import { buildJobCatalog } from '../jobs/catalog';
import { createInProcessRunner } from '../jobs/in-process-runner';
import type { JobRunner } from '../jobs/runner';
import { createUnsubscribeTokens, type UnsubscribeTokens } from '../notifications/unsubscribe';
import { createRecordingChannels, type RecordingChannels } from './channels';
import { appRouter } from '../router';
import { createMemoryStorage } from '../storage/memory';
import { createCallerFactory } from '../trpc';

export const silentLogger: ApiLogger = { info() {}, warn() {}, error() {} };

const createCaller = createCallerFactory(appRouter);

const TEST_AUTH_SECRET = 'unionhall-test-secret-0123456789abcdef';
const authByDatabase = new WeakMap<Database, { auth: Auth; outbox: DevOutbox }>();
const cipherByDatabase = new WeakMap<Database, FieldCipher>();
const cardSignerByDatabase = new WeakMap<Database, CardSigner>();
const jobsByDatabase = new WeakMap<Database, JobRunner>();
const storageByDatabase = new WeakMap<Database, ReturnType<typeof createMemoryStorage>>();

/** One file store per test database, in memory, as one installation has one folder. */
export function testStorageFor(db: Database) {
  let storage = storageByDatabase.get(db);
  if (!storage) {
    storage = createMemoryStorage();
    storageByDatabase.set(db, storage);
  }
  return storage;
}

const channelsByDatabase = new WeakMap<Database, RecordingChannels>();

/** Where test messages say the site is. */
export const TEST_PUBLIC_URL = 'http://localhost';

/** Unsubscribe links signed with the test installation's auth secret. */
export function testUnsubscribeTokens(): UnsubscribeTokens {
  return createUnsubscribeTokens(TEST_AUTH_SECRET);
}

/**
 * The email, SMS and push senders of a test database's background work: a recording double
 * (the third parties are the one thing tests do not reach), shared by its `testJobsFor`.
 */
export function testChannelsFor(db: Database): RecordingChannels {
  let channels = channelsByDatabase.get(db);
  if (!channels) {
    channels = createRecordingChannels();
    channelsByDatabase.set(db, channels);
  }
  return channels;
}

/**
 * The product's background work over a test database, in process and never started: tests
 * call `drain()` to run what their calls emitted, so they see its effects deterministically.
 */
export function testJobsFor(db: Database): JobRunner {
  let jobs = jobsByDatabase.get(db);
  if (!jobs) {
    const catalog = buildJobCatalog({
      db,
      channels: testChannelsFor(db).channels,
      publicUrl: TEST_PUBLIC_URL,
      unsubscribeTokens: testUnsubscribeTokens(),
    });
    jobs = createInProcessRunner({ db, logger: silentLogger, catalog });
    jobsByDatabase.set(db, jobs);
  }
  return jobs;
}

/** One set of data keys per test database, as one installation has. */
export function testCipherFor(db: Database): FieldCipher {
  let cipher = cipherByDatabase.get(db);
  if (!cipher) {
    cipher = createFieldCipher(generateDataKeys());
    cipherByDatabase.set(db, cipher);
  }
  return cipher;
}

/** One card signing key per test database, as one installation has. */
export function testCardSignerFor(db: Database): CardSigner {
  let signer = cardSignerByDatabase.get(db);
  if (!signer) {
    signer = createCardSigner(generateCardSigningKey());
    cardSignerByDatabase.set(db, signer);
  }
  return signer;
}

let vapidKeys: VapidKeys | undefined;

/** The tests' VAPID key pair (web push), made once per test run. */
export function testVapidKeys(): VapidKeys {
  vapidKeys ??= generateVapidKeys('mailto:push@unionhall.test');
  return vapidKeys;
}

/** One Better Auth per test database (no rate limits), with its dev outbox. */
export function testAuthFor(db: Database): { auth: Auth; outbox: DevOutbox } {
  let entry = authByDatabase.get(db);
  if (!entry) {
    const outbox = new DevOutbox();
    const auth = createAuth({
      prisma: db.prisma,
      secret: TEST_AUTH_SECRET,
      baseURL: 'http://localhost',
      sender: outbox,
      rateLimit: false,
    });
    entry = { auth, outbox };
    authByDatabase.set(db, entry);
  }
  return entry;
}

/** A server-side caller over a real database, as a request from one client would see it. */
export function callerFor(
  db: Database,
  options: {
    locale?: TLocale;
    logger?: ApiLogger;
    requestId?: string;
    actor?: Actor;
    /** The caller's address, for the limits per address (rate-limit.ts). */
    clientIp?: string;
  } = {},
) {
  return createCaller(
    createContext(
      {
        db,
        logger: options.logger ?? silentLogger,
        auth: testAuthFor(db).auth,
        cipher: testCipherFor(db),
        cardSigner: testCardSignerFor(db),
        jobs: testJobsFor(db),
        vapidPublicKey: testVapidKeys().publicKey,
        storage: testStorageFor(db),
      },
      {
        requestId: options.requestId ?? 'test-request',
        locale: options.locale ?? 'en',
        actor: options.actor ?? ANONYMOUS,
        clientIp: options.clientIp,
      },
    ),
  );
}

/**
 * The people the authorization tests act as, on the demo tree (seedDemoData): officers with
 * roles on real units, members, and integrator tokens with and without scopes.
 */
export async function personas(db: Database) {
  const units = await db.prisma.orgUnit.findMany({ select: { code: true, path: true } });
  const path = (code: string) => {
    const unit = units.find((candidate) => candidate.code === code);
    if (!unit) throw new Error(`demo unit ${code} missing`);
    return unit.path;
  };
  const officer = (id: string, role: Parameters<typeof roleGrant>[0], code: string): Actor => ({
    type: 'OFFICER',
    id,
    grants: [roleGrant(role, path(code))],
  });
  return {
    anonymous: ANONYMOUS,
    member: { type: 'MEMBER', id: 'member-edu', grants: [] } satisfies Actor,
    memberOfAnotherUnit: { type: 'MEMBER', id: 'member-mech', grants: [] } satisfies Actor,
    federationAdmin: officer('officer-fed-admin', 'FEDERATION_ADMIN', 'BJ-FTU'),
    unionAdmin: officer('officer-edu-admin', 'UNION_ADMIN', 'BJ-EDU'),
    unitChair: officer('officer-edu-chair', 'UNIT_CHAIR', 'BJ-EDU'),
    caseworker: officer('officer-edu-caseworker', 'CASEWORKER', 'BJ-EDU'),
    auditor: officer('officer-auditor', 'AUDITOR', 'BJ-FTU'),
    tokenWithScope: {
      type: 'INTEGRATOR',
      id: 'token-scoped',
      grants: [
        { permissions: ['org.read', 'org.manage', 'audit.read'], orgUnitPath: path('BJ-FTU') },
      ],
    } satisfies Actor,
    tokenWithoutScope: {
      type: 'INTEGRATOR',
      id: 'token-unscoped',
      grants: [{ permissions: [], orgUnitPath: path('BJ-FTU') }],
    } satisfies Actor,
  };
}
