import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@unionhall/db';
import { normalizeChinaMobile, UnionhallError, type TRole } from '@unionhall/domain';
import type { Auth } from './auth';

/** An officer with a password (hashed with argon2id by the configured hasher). */
export async function createOfficer(
  auth: Auth,
  input: { email: string; name: string; password: string },
) {
  const ctx = await auth.$context;
  const user = await ctx.internalAdapter.createUser(
    { email: input.email.toLowerCase(), name: input.name, emailVerified: true, kind: 'OFFICER' },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await ctx.password.hash(input.password),
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

/** Refuses new sessions and ends the existing ones at once. */
export async function disableUser(auth: Auth, userId: string) {
  const ctx = await auth.$context;
  await ctx.internalAdapter.updateUser(userId, { disabledAt: new Date() });
  await ctx.internalAdapter.deleteUserSessions(userId);
}

export async function grantRole(
  prisma: PrismaClient,
  input: { userId: string; orgUnitId: string; role: TRole },
) {
  return prisma.roleGrant.upsert({
    where: { userId_orgUnitId_role: input },
    create: input,
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
