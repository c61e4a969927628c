import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@unionhall/db';
import { normalizeChinaMobile, UnionhallError, type TRole } from '@unionhall/domain';
import { forgetActors } from './actor';
import type { Auth } from './auth';

/**
 * An officer with a password (hashed with argon2id by the configured hasher). Given `db`, a
 * transaction, the user and its credential are written through it instead of Better Auth's
 * adapter, so a service can add the first role grant and the audit rows in the same
 * transaction; the rows are the ones Better Auth itself writes (it has no user hooks here).
 */
export async function createOfficer(
  auth: Auth,
  input: { email: string; name: string; password: string },
  db?: Prisma.TransactionClient,
) {
  const ctx = await auth.$context;
  const email = input.email.toLowerCase();
  const password = await ctx.password.hash(input.password);
  if (db) {
    const user = await db.authUser.create({
      data: { email, name: input.name, emailVerified: true, kind: 'OFFICER' },
    });
    await db.authAccount.create({
      data: { userId: user.id, providerId: 'credential', accountId: user.id, password },
    });
    return user;
  }
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, emailVerified: true, kind: 'OFFICER' },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password,
  });
  return user;
}

/**
 * A member: no password; signs in with a one-time code by email, or by SMS when the union has
 * recorded a mobile number (any common notation; stored in E.164 and counted as verified,
 * because the union vouches for it).
 */
export async function createMember(
  auth: Auth,
  input: { email: string; name: string; phoneNumber?: string },
) {
  const phoneNumber =
    input.phoneNumber === undefined ? null : normalizeChinaMobile(input.phoneNumber);
  if (input.phoneNumber !== undefined && phoneNumber === null) {
    throw new UnionhallError(
      'VALIDATION_FAILED',
      `not a mainland China mobile number: ${input.phoneNumber}`,
    );
  }
  const ctx = await auth.$context;
  return ctx.internalAdapter.createUser(
    {
      email: input.email.toLowerCase(),
      name: input.name,
      emailVerified: true,
      kind: 'MEMBER',
      ...(phoneNumber ? { phoneNumber, phoneNumberVerified: true } : {}),
    },
    { method: 'admin' },
  );
}

/**
 * Refuses new sessions and ends the existing ones at once. Given `db`, a transaction, both
 * happen in it (sessions are only in the database: there is no cookie cache or secondary
 * storage that Better Auth would also have to clear).
 */
export async function disableUser(auth: Auth, userId: string, db?: Prisma.TransactionClient) {
  if (db) {
    await db.authUser.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    await db.authSession.deleteMany({ where: { userId } });
    return;
  }
  const ctx = await auth.$context;
  await ctx.internalAdapter.updateUser(userId, { disabledAt: new Date() });
  await ctx.internalAdapter.deleteUserSessions(userId);
  // The sessions are gone: a caller remembered from one of them must be asked again.
  forgetActors(auth);
}

/**
 * Grants a role; granting one the officer already holds returns the existing grant unchanged.
 * `grantedBy` is the officer who granted it, when there is one.
 */
export async function grantRole(
  prisma: Prisma.TransactionClient,
  input: { userId: string; orgUnitId: string; role: TRole; grantedBy?: string | null },
) {
  const { grantedBy, ...key } = input;
  return prisma.roleGrant.upsert({
    where: { userId_orgUnitId_role: key },
    create: { ...key, grantedBy: grantedBy ?? null },
    update: {},
  });
}

const SECRET_KEY = 'auth_secret';

/**
 * The auth secret, generated on first start and kept in the database so that every replica
 * and every restart signs and decrypts alike. AUTH_SECRET in the environment overrides it.
 */
export async function loadOrCreateAuthSecret(prisma: PrismaClient): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  await prisma.appMeta.upsert({
    where: { key: SECRET_KEY },
    create: { key: SECRET_KEY, value: candidate },
    update: {},
  });
  const stored = await prisma.appMeta.findUniqueOrThrow({ where: { key: SECRET_KEY } });
  return stored.value;
}
