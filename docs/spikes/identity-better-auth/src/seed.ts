// Creating identities without the public sign-up endpoints (admin actions, demo seed).
import type { Auth } from './auth';

/** An officer with a password (argon2id through the configured hasher). */
export async function createOfficer(auth: Auth, input: { email: string; name: string; password: string }) {
  const ctx = await auth.$context;
  const user = await ctx.internalAdapter.createUser({
    email: input.email.toLowerCase(),
    name: input.name,
    emailVerified: true,
  }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await ctx.password.hash(input.password),
  });
  return user;
}

/** A member: no password; signs in with an email or SMS code (or a passkey added later). */
export async function createMember(auth: Auth, input: { email: string; name: string; phoneNumber?: string }) {
  const ctx = await auth.$context;
  return ctx.internalAdapter.createUser({
    email: input.email.toLowerCase(),
    name: input.name,
    emailVerified: true,
    ...(input.phoneNumber ? { phoneNumber: input.phoneNumber, phoneNumberVerified: true } : {}),
  }, { method: 'admin' });
}

/** Account disable: refuse new sessions (databaseHooks) and delete the existing ones. */
export async function disableUser(auth: Auth, userId: string) {
  const ctx = await auth.$context;
  await ctx.internalAdapter.updateUser(userId, { disabledAt: new Date() });
  await ctx.internalAdapter.deleteUserSessions(userId);
}
