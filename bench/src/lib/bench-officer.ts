import { randomUUID } from 'node:crypto';
import { createOfficer, grantRole, type Auth } from '@unionhall/api';
import type { Database } from '@unionhall/db';
import type { TRole } from '@unionhall/domain';
import * as OTPAuth from 'otpauth';

/** What serves Better Auth's routes: the product's app (createApp). */
interface AuthRoutes {
  request(url: string, init: RequestInit): Response | Promise<Response>;
}

/**
 * An officer with `role` on the unit `unitCode` (default: a federation admin on the demo tree's
 * root; seedDemoData first), signed in the way the console signs in (password, then TOTP
 * enrolment and verification). Returns the user and its session cookie, as the browser sends
 * it. `origin` is Better Auth's base URL. The email is new each time: a database reused between
 * runs, or by servers started one after another, gets an officer per server, and no sign-in
 * depends on the TOTP secret of an earlier one.
 */
export async function signedInBenchOfficer(
  app: AuthRoutes,
  auth: Auth,
  db: Database,
  options: { origin: string; unitCode?: string; role?: TRole },
): Promise<{ userId: string; cookie: string }> {
  const { origin } = options;
  const email = `bench-officer-${randomUUID()}@example.org`;
  const password = 'bench officer password 1234';
  const user = await createOfficer(auth, { email, name: 'Bench officer', password });
  const unit = await db.prisma.orgUnit.findUniqueOrThrow({
    where: { code: options.unitCode ?? 'BJ-FTU' },
  });
  await grantRole(db.prisma, {
    userId: user.id,
    orgUnitId: unit.id,
    role: options.role ?? 'FEDERATION_ADMIN',
  });

  const jar = new Map<string, string>();
  const post = async (path: string, body: unknown) => {
    const response = await app.request(`${origin}/api/auth${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin,
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      },
      body: JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  await post('/sign-in/email', { email, password });
  const { totpURI } = (await (await post('/two-factor/enable', { password })).json()) as {
    totpURI: string;
  };
  const totp = OTPAuth.URI.parse(totpURI);
  if (!(totp instanceof OTPAuth.TOTP)) throw new Error('not a TOTP URI');
  await post('/two-factor/verify-totp', { code: totp.generate() });
  const cookie = [...jar]
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return { userId: user.id, cookie };
}
