import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@unionhall/db';
import type { TRole } from '@unionhall/domain';
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

/** A member: no password; signs in with a one-time code. */
export async function createMember(auth: Auth, input: { email: string; name: string }) {
  const ctx = await auth.$context;
  return ctx.internalAdapter.createUser(
    { email: input.email.toLowerCase(), name: input.name, emailVerified: true, kind: 'MEMBER' },
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
