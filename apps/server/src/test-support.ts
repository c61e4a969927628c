import {
  createAuth,
  createCardSigner,
  createFieldCipher,
  generateCardSigningKey,
  createOfficer,
  DevOutbox,
  generateDataKeys,
  grantRole,
  type Auth,
  type CardSigner,
  type FieldCipher,
} from '@unionhall/api';
import type { Database } from '@unionhall/db';
import * as OTPAuth from 'otpauth';
import pino from 'pino';
import { createApp } from './app';

export const TEST_ORIGIN = 'http://localhost';
export const TEST_PASSWORD = 'correct horse battery staple';

export function testAuth(
  db: Database,
  options: { rateLimit?: boolean; sender?: DevOutbox } = {},
): Auth {
  return createAuth({
    prisma: db.prisma,
    secret: 'unionhall-test-secret-0123456789abcdef',
    baseURL: TEST_ORIGIN,
    sender: options.sender ?? new DevOutbox(),
    rateLimit: options.rateLimit ?? false,
  });
}

/** Fresh data keys for one test app (one installation). */
export function testCipher(): FieldCipher {
  return createFieldCipher(generateDataKeys());
}

/** A fresh card signing key for one test app (one installation). */
export function testCardSigner(): CardSigner {
  return createCardSigner(generateCardSigningKey());
}

type App = ReturnType<typeof createApp>;

/**
 * The HTTP application as most tests build it: test auth, fresh keys, a silent log and small
 * limits. Returns the auth too, for signing people in.
 */
export function testApp(
  db: Database,
  overrides: Partial<Parameters<typeof createApp>[0]> = {},
): { app: App; auth: Auth } {
  const auth = testAuth(db);
  const app = createApp({
    cipher: testCipher(),
    cardSigner: testCardSigner(),
    db,
    auth,
    logger: pino({ level: 'silent' }),
    config: { corsOrigins: [], bodyLimitBytes: 65536, trpcMaxBatch: 10, hsts: false },
    ...overrides,
  });
  return { app, auth };
}

/** Carries cookies between requests the way a browser does (enough for these flows). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export function postAuth(app: App, path: string, body: unknown, jar?: CookieJar) {
  return app.request(`${TEST_ORIGIN}/api/auth${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: TEST_ORIGIN,
      ...(jar ? { cookie: jar.header() } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** Enrols TOTP for the signed-in user in `jar` and returns the generator. */
export async function enrolTotp(app: App, jar: CookieJar, password = TEST_PASSWORD) {
  const enable = await postAuth(app, '/two-factor/enable', { password }, jar);
  const { totpURI } = (await enable.json()) as { totpURI: string };
  const totp = OTPAuth.URI.parse(totpURI);
  if (!(totp instanceof OTPAuth.TOTP)) throw new Error('not a TOTP URI');
  jar.take(await postAuth(app, '/two-factor/verify-totp', { code: totp.generate() }, jar));
  return totp;
}

/**
 * An officer with a role on the unit `unitCode`, signed in with password and TOTP: the cookie
 * jar a console session would hold.
 */
export async function signedInOfficer(
  app: App,
  auth: Auth,
  db: Database,
  input: { email: string; role: Parameters<typeof grantRole>[1]['role']; unitCode: string },
) {
  const user = await createOfficer(auth, {
    email: input.email,
    name: input.email,
    password: TEST_PASSWORD,
  });
  const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: input.unitCode } });
  await grantRole(db.prisma, { userId: user.id, orgUnitId: unit.id, role: input.role });
  const jar = new CookieJar();
  jar.take(await postAuth(app, '/sign-in/email', { email: input.email, password: TEST_PASSWORD }));
  const totp = await enrolTotp(app, jar);
  return { user, jar, totp };
}
