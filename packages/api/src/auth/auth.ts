import { apiKey } from '@better-auth/api-key';
import { passkey } from '@better-auth/passkey';
import { appendAuditEvent, type PrismaClient } from '@unionhall/db';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { emailOTP, phoneNumber, twoFactor } from 'better-auth/plugins';
import { isChinaMobileE164 } from '@unionhall/domain';
import type { ApiLogger } from '../context';
import { accountAuditPlugin, writeAccountAudit } from './account-audit';
import { accountRateLimit, type AccountRateLimits } from './account-rate-limit';
import { betterAuthLog } from './auth-log';
import { quietWhenIdle } from './quiet-context';
import { memberSignInGuard, sendSmsCodeToMembers } from './member-sign-in';
import { smsCodesAtRest } from './sms-codes-at-rest';
import { CODE_VALID_MINUTES, RESET_LINK_VALID_MINUTES, type CodeSender } from './messages';
import { hashPassword, verifyPassword } from './password';
import { trackTransactions } from './tx';

/** Better Auth's cookies are named `__Secure-uh.<name>` (session_token, two_factor, …). */
export const AUTH_COOKIE_PREFIX = 'uh';

/** Better Auth reads the caller's address from this header; the server overwrites it. */
export const CLIENT_IP_HEADER = 'x-unionhall-client-ip';

export interface CreateAuthOptions {
  prisma: PrismaClient;
  /** At least 32 characters: signs cookies and encrypts TOTP secrets. Keep it stable. */
  secret: string;
  /** The public origin, e.g. https://union.example.org. */
  baseURL: string;
  sender: CodeSender;
  /** Tests turn the limiters (per address and per account) off where they sign in many times. */
  rateLimit?: boolean;
  /** Overrides the per-account limits (tests use small ones). */
  accountRateLimits?: AccountRateLimits;
  /** Where Better Auth's own messages go (auth-log.ts); its console lines when left out. */
  logger?: ApiLogger;
}

const SIGN_IN_PATHS = new Set([
  '/sign-in/email',
  '/sign-in/email-otp',
  '/phone-number/verify',
  '/passkey/verify-authentication',
  '/two-factor/verify-totp',
  '/two-factor/verify-backup-code',
]);

function userKind(user: unknown): 'OFFICER' | 'MEMBER' {
  return typeof user === 'object' && user !== null && Reflect.get(user, 'kind') === 'OFFICER'
    ? 'OFFICER'
    : 'MEMBER';
}

/**
 * One audit row per sign-in, failed sign-in, second-factor challenge and sign-out. A plugin
 * placed last, because plugin after-hooks run after the two-factor plugin has turned a
 * password sign-in into a challenge.
 */
function auditPlugin(prisma: PrismaClient): BetterAuthPlugin {
  return {
    id: 'unionhall-audit',
    hooks: {
      after: [
        {
          matcher: (ctx) => SIGN_IN_PATHS.has(ctx.path ?? '') || ctx.path === '/sign-out',
          handler: createAuthMiddleware(async (ctx) => {
            const returned: unknown = ctx.context.returned;
            const failed =
              returned instanceof Error || (returned instanceof Response && returned.status >= 400);
            const newSession = ctx.context.newSession;
            const body: unknown = ctx.body;
            const email =
              typeof body === 'object' &&
              body !== null &&
              typeof Reflect.get(body, 'email') === 'string'
                ? String(Reflect.get(body, 'email'))
                : null;
            let action = 'auth.sign-in';
            let outcome: 'SUCCESS' | 'FAILED' = 'SUCCESS';
            let actor: { id: string; kind: 'OFFICER' | 'MEMBER' } | null = null;
            if (ctx.path === '/sign-out') {
              action = 'auth.sign-out';
              const user: unknown = ctx.context.session?.user;
              const id = typeof user === 'object' && user !== null ? Reflect.get(user, 'id') : null;
              actor = typeof id === 'string' ? { id, kind: userKind(user) } : null;
            } else if (failed) {
              outcome = 'FAILED';
            } else if (newSession) {
              actor = { id: newSession.user.id, kind: userKind(newSession.user) };
            } else {
              action = 'auth.sign-in.second-factor-required';
            }
            // Sign-in does not run in one transaction of Better Auth's, so its row is written
            // right after, in its own.
            await prisma.$transaction((tx) =>
              appendAuditEvent(tx, {
                actorType: actor?.kind ?? 'ANONYMOUS',
                actorId: actor?.id ?? null,
                action,
                outcome,
                requestId: ctx.request?.headers.get('x-request-id') ?? null,
                targetType: 'AuthUser',
                targetId: actor?.id ?? email,
                changes: { path: { before: null, after: ctx.path } },
              }),
            );
          }),
        },
      ],
    },
  };
}

/** Better Auth configured for Unionhall. No side effects: tests build their own instance. */
export function createAuth(options: CreateAuthOptions) {
  const tracked = trackTransactions(options.prisma);
  // Better Auth's async context is turned off between its calls: on Node 20 it would slow
  // every request of the process down (quiet-context.ts).
  const auth = betterAuth({
    appName: 'Unionhall',
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    trustedOrigins: [options.baseURL],
    telemetry: { enabled: false },
    ...(options.logger ? { logger: betterAuthLog(options.logger) } : {}),
    // The Prisma adapter's transactions are off unless asked for.
    database: prismaAdapter(tracked.client, { provider: 'postgresql', transaction: true }),
    emailAndPassword: {
      enabled: true,
      // Officers are created by an admin, never by self-service sign-up.
      disableSignUp: true,
      minPasswordLength: 12,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * RESET_LINK_VALID_MINUTES,
      // Better Auth answers every request alike; the link goes only to enabled officers, since
      // members have no password (they sign in with a code) and a disabled account stays shut.
      async sendResetPassword({ user, token }) {
        const account = await tracked.db().authUser.findUnique({
          where: { id: user.id },
          select: { kind: true, disabledAt: true },
        });
        if (account?.kind !== 'OFFICER' || account.disabledAt) return;
        const link = new URL('/admin/reset-password', options.baseURL);
        link.searchParams.set('token', token);
        await options.sender.send({
          channel: 'email',
          to: user.email,
          purpose: 'reset-password',
          link: link.href,
          sentAt: new Date(),
        });
      },
      async onPasswordReset({ user }, request) {
        await writeAccountAudit(options.prisma, {
          action: 'auth.password.reset',
          outcome: 'SUCCESS',
          actor: { id: user.id, kind: userKind(user) },
          target: null,
          path: '/reset-password',
          requestId: request?.headers.get('x-request-id') ?? null,
        });
      },
    },
    session: {
      modelName: 'authSession',
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 15,
      // A cookie cache would keep a revoked session valid until it expires.
      cookieCache: { enabled: false },
    },
    user: {
      modelName: 'authUser',
      additionalFields: {
        disabledAt: { type: 'date', required: false, input: false },
        kind: { type: 'string', required: false, input: false },
      },
    },
    account: { modelName: 'authAccount' },
    verification: { modelName: 'authVerification' },
    advanced: {
      useSecureCookies: true,
      cookiePrefix: AUTH_COOKIE_PREFIX,
      defaultCookieAttributes: { httpOnly: true, secure: true, sameSite: 'lax', path: '/' },
      database: { generateId: 'uuid' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Checked everywhere: Better Auth skips its origin check under a test runner unless told,
      // and the tests should meet the server that production runs.
      disableOriginCheck: false,
    },
    rateLimit: {
      modelName: 'authRateLimit',
      enabled: options.rateLimit ?? true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/*': { window: 60, max: 5 },
        '/email-otp/send-verification-otp': { window: 60, max: 3 },
        '/phone-number/send-otp': { window: 60, max: 3 },
        '/phone-number/verify': { window: 60, max: 5 },
        // Anonymous, and each one stores a challenge row.
        '/passkey/generate-authenticate-options': { window: 60, max: 10 },
        '/passkey/verify-authentication': { window: 60, max: 5 },
        '/request-password-reset': { window: 60, max: 3 },
        '/two-factor/*': { window: 60, max: 5 },
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = await tracked.db().authUser.findUnique({ where: { id: session.userId } });
            // Throwing (not returning false) gives a clean 403 on every sign-in endpoint.
            if (user?.disabledAt) {
              throw new APIError('FORBIDDEN', {
                message: 'Account disabled',
                code: 'ACCOUNT_DISABLED',
              });
            }
            return { data: session };
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
        expiresIn: 60 * CODE_VALID_MINUTES,
        allowedAttempts: 5,
        storeOTP: 'hashed',
        // Members are created by officers and imports, not by signing in.
        disableSignUp: true,
        async sendVerificationOTP({ email, otp, type }) {
          await options.sender.send({
            channel: 'email',
            to: email,
            purpose: type,
            code: otp,
            sentAt: new Date(),
          });
        },
      }),
      phoneNumber({
        otpLength: 6,
        expiresIn: 60 * CODE_VALID_MINUTES,
        allowedAttempts: 5,
        // The sign-in screen sends E.164; other notations are the front end's to normalise.
        phoneNumberValidator: isChinaMobileE164,
        // No `signUpOnVerification`: a number that is no member's never becomes an account.
        sendOTP: sendSmsCodeToMembers(options.sender),
      }),
      // The plugin keeps its codes in plain text; this stores and compares keyed digests.
      smsCodesAtRest(options.secret),
      passkey({
        rpName: 'Unionhall',
        rpID: new URL(options.baseURL).hostname,
        // Without it the plugin trusts the request's Origin header.
        origin: new URL(options.baseURL).origin,
        schema: { passkey: { modelName: 'authPasskey' } },
      }),
      memberSignInGuard(),
      apiKey({
        defaultPrefix: 'uh_',
        schema: { apikey: { modelName: 'authApiKey' } },
        enableMetadata: true,
        // The plugin's default is 10 requests a day per key.
        rateLimit: { enabled: false },
      }),
      ...(options.rateLimit === false
        ? []
        : [accountRateLimit(options.prisma, options.accountRateLimits)]),
      auditPlugin(options.prisma),
      accountAuditPlugin(options.prisma),
    ],
  });
  return quietWhenIdle(auth, [tracked.storage]);
}

export type Auth = ReturnType<typeof createAuth>;
