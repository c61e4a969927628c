// Better Auth configured the way Unionhall's issue 3 needs it. A factory with no side effects:
// createAuth({ prisma, ... }) so tests and the server build their own instance.
import { betterAuth } from 'better-auth';
import type { BetterAuthPlugin } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { emailOTP, phoneNumber, twoFactor } from 'better-auth/plugins';
import { passkey } from '@better-auth/passkey';
import { apiKey } from '@better-auth/api-key';
import type { PrismaClient } from './db';
import { appendAuditEvent } from './db';
import { hashPassword, verifyPassword } from './password';
import { trackTransactions } from './tx';

export interface OutboxMessage {
  channel: 'email' | 'sms';
  to: string;
  purpose: string;
  code: string;
}

export interface CreateAuthOptions {
  prisma: PrismaClient;
  /** >= 32 chars; signs cookies, encrypts TOTP secrets. From env in the app. */
  secret: string;
  /** Public origin, e.g. https://unionhall.example */
  baseURL: string;
  /** Dev outbox / the real sender port. */
  send(message: OutboxMessage): Promise<void>;
  rateLimit?: { enabled?: boolean; storage?: 'database' | 'memory' | 'secondary-storage' };
  /** Public /sign-up/email. Off in Unionhall: officers are created by an admin (seed.ts). */
  allowPasswordSignUp?: boolean;
  /** Test seam: runs inside the sign-up transaction before the credential account insert. */
  beforeAccountCreate?: () => Promise<void>;
}

/**
 * Writes one audit row per sign-in / sign-out / failed sign-in. A plugin (not options.hooks)
 * because plugin after-hooks run in plugin order AFTER options.hooks.after: placed last, it sees
 * what twoFactor did (twoFactor's after-hook deletes the password session and answers
 * { twoFactorRedirect: true }, setting newSession to null).
 */
function auditPlugin(prisma: PrismaClient): BetterAuthPlugin {
  const signInPaths = new Set([
    '/sign-in/email',
    '/sign-in/email-otp',
    '/sign-in/phone-number',
    '/two-factor/verify-totp',
    '/two-factor/verify-backup-code',
    '/passkey/verify-authentication',
  ]);
  return {
    id: 'unionhall-audit',
    hooks: {
      after: [
        {
          matcher: (ctx) => signInPaths.has(ctx.path ?? '') || ctx.path === '/sign-out',
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned as unknown;
            const failed =
              returned instanceof Error ||
              (returned instanceof Response && returned.status >= 400);
            const newSession = ctx.context.newSession;
            const body = (ctx.body ?? {}) as Record<string, unknown>;
            const requestId = ctx.request?.headers.get('x-request-id') ?? null;
            let action: string;
            let outcome: 'SUCCESS' | 'FAILED' | 'DENIED';
            let actorId: string | null = null;
            if (ctx.path === '/sign-out') {
              action = 'auth.sign-out';
              outcome = 'SUCCESS';
              actorId = (ctx.context.session as { user?: { id: string } } | null)?.user?.id ?? null;
            } else if (failed) {
              action = 'auth.sign-in';
              outcome = 'FAILED';
            } else if (newSession) {
              action = 'auth.sign-in';
              outcome = 'SUCCESS';
              actorId = newSession.user.id;
            } else {
              // password accepted, second factor pending
              action = 'auth.sign-in.second-factor-required';
              outcome = 'SUCCESS';
            }
            await prisma.$transaction((tx) =>
              appendAuditEvent(tx, {
                actorType: actorId ? 'OFFICER' : 'ANONYMOUS',
                actorId,
                action,
                outcome,
                requestId,
                targetType: 'auth',
                targetId: typeof body.email === 'string' ? body.email : null,
                changes: { path: ctx.path },
              }),
            );
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

export function createAuth(opts: CreateAuthOptions) {
  const { prisma } = opts;
  const tracked = trackTransactions(prisma);
  return betterAuth({
    appName: 'Unionhall',
    secret: opts.secret,
    baseURL: opts.baseURL,
    basePath: '/api/auth',
    trustedOrigins: [opts.baseURL],
    // transaction defaults to FALSE in the prisma adapter: turn it on explicitly.
    database: prismaAdapter(tracked.client, { provider: 'postgresql', transaction: true }),
    emailAndPassword: {
      enabled: true,
      // Officers are created by an admin/seed (src/seed.ts), never self-service.
      disableSignUp: !opts.allowPasswordSignUp,
      minPasswordLength: 12,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      modelName: 'authSession',
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 15,
      // No cookieCache: it would keep a revoked session valid until the cache cookie expires.
      cookieCache: { enabled: false },
    },
    // Prisma model names (the adapter uses prisma.<modelName>); tables are @@map'ped to auth_*.
    user: {
      modelName: 'authUser',
      additionalFields: {
        // Account disable: checked in databaseHooks.session.create.before and in getSession callers.
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    advanced: {
      useSecureCookies: true,
      cookiePrefix: 'uh',
      defaultCookieAttributes: { httpOnly: true, secure: true, sameSite: 'lax', path: '/' },
      database: { generateId: 'uuid' },
      ipAddress: { ipAddressHeaders: ['x-unionhall-client-ip'] },
    },
    account: { modelName: 'authAccount' },
    verification: { modelName: 'authVerification' },
    rateLimit: {
      modelName: 'authRateLimit',
      enabled: opts.rateLimit?.enabled ?? true,
      storage: opts.rateLimit?.storage ?? 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/*': { window: 60, max: 5 },
        '/email-otp/send-verification-otp': { window: 60, max: 3 },
        '/phone-number/send-otp': { window: 60, max: 3 },
        '/request-password-reset': { window: 60, max: 3 },
        '/two-factor/*': { window: 60, max: 5 },
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            // tracked.db(): inside sign-up this runs in Better Auth's transaction (see tx.ts).
            const user = await tracked.db().authUser.findUnique({ where: { id: session.userId } });
            // Returning false here makes some endpoints (email-otp sign-in) crash with a 500
            // (setSessionCookie(null)); throwing an APIError gives a clean 403 everywhere.
            if (user?.disabledAt) throw new APIError('FORBIDDEN', { message: 'Account disabled', code: 'ACCOUNT_DISABLED' });
            return { data: session };
          },
        },
      },
      account: {
        create: {
          before: async (account) => {
            await opts.beforeAccountCreate?.();
            return { data: account };
          },
        },
      },
    },
    plugins: [
      twoFactor({
        issuer: 'Unionhall',
        schema: { twoFactor: { modelName: 'authTwoFactor' } },
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: 'encrypted' },
      }),
      emailOTP({
        otpLength: 6,
        expiresIn: 300,
        allowedAttempts: 5,
        storeOTP: 'hashed',
        disableSignUp: true, // members are created by officers/import
        async sendVerificationOTP({ email, otp, type }) {
          await opts.send({ channel: 'email', to: email, purpose: type, code: otp });
        },
      }),
      phoneNumber({
        otpLength: 6,
        async sendOTP({ phoneNumber: to, code }) {
          await opts.send({ channel: 'sms', to, purpose: 'sign-in', code });
        },
      }),
      passkey({
        rpID: new URL(opts.baseURL).hostname,
        rpName: 'Unionhall',
        schema: { passkey: { modelName: 'authPasskey' } },
        origin: opts.baseURL,
      }),
      apiKey({
        defaultPrefix: 'uh_',
        schema: { apikey: { modelName: 'authApiKey' } },
        enableMetadata: true,
        // rate limiting per key is on by default (10 req/day!) -> set explicitly
        rateLimit: { enabled: false },
      }),
      auditPlugin(prisma),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
