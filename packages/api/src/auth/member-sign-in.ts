import type { BetterAuthPlugin, GenericEndpointContext } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import type { CodeSender } from './messages';

/**
 * SMS codes and passkeys are ways for members to sign in without a password. Officers sign in
 * with a password and TOTP: the two-factor plugin only challenges password sign-ins, so a
 * passwordless way in for an officer would skip the second factor. This module keeps both
 * ways to members, and closes the phone-number plugin's endpoints that members do not use.
 */

function isMember(user: unknown): boolean {
  return typeof user === 'object' && user !== null && Reflect.get(user, 'kind') === 'MEMBER';
}

/**
 * The phone-number plugin's `sendOTP`: a code goes out only to a member whose number the union
 * has verified. The plugin answers "code sent" and stores a code either way, so a caller cannot
 * tell a member's number from any other, and no code exists that could open an account that
 * is not a member's. The server's code sender (`createCodeSender`) does not wait for the SMS
 * provider, so the answer does not take longer for a member's number either.
 */
export function sendSmsCodeToMembers(sender: CodeSender) {
  return async (
    { phoneNumber, code }: { phoneNumber: string; code: string },
    ctx?: GenericEndpointContext,
  ): Promise<void> => {
    if (!ctx) return;
    const user = await ctx.context.adapter.findOne<Record<string, unknown>>({
      model: 'user',
      where: [{ field: 'phoneNumber', value: phoneNumber }],
    });
    if (!user || !isMember(user) || user.phoneNumberVerified !== true) return;
    await sender.send({
      channel: 'sms',
      to: phoneNumber,
      purpose: 'sign-in',
      code,
      sentAt: new Date(),
    });
  };
}

/** Members have no password, and officers do not sign in by phone. */
const CLOSED_PHONE_PATHS = new Set([
  '/sign-in/phone-number',
  '/phone-number/request-password-reset',
  '/phone-number/reset-password',
]);

const PASSKEY_REGISTRATION_PATHS = new Set([
  '/passkey/generate-register-options',
  '/passkey/verify-registration',
]);

function bodyFlag(body: unknown, name: string): boolean {
  return typeof body === 'object' && body !== null && Reflect.get(body, name) === true;
}

/** Before-hooks that keep passwordless sign-in to members. Placed before the audit plugin. */
export function memberSignInGuard(): BetterAuthPlugin {
  return {
    id: 'unionhall-member-sign-in',
    hooks: {
      before: [
        {
          matcher: (ctx) => CLOSED_PHONE_PATHS.has(ctx.path ?? ''),
          handler: createAuthMiddleware(async () => {
            throw new APIError('NOT_FOUND');
          }),
        },
        {
          // `/phone-number/verify` signs a member in. Its other uses are refused: numbers are
          // recorded by the union, not attached to an account by whoever is signed in, and a
          // verification without a session is not a sign-in the audit log could describe.
          matcher: (ctx) => ctx.path === '/phone-number/verify',
          handler: createAuthMiddleware(async (ctx) => {
            if (bodyFlag(ctx.body, 'updatePhoneNumber') || bodyFlag(ctx.body, 'disableSession')) {
              throw new APIError('FORBIDDEN', {
                message: 'Phone numbers are managed by the union',
                code: 'PHONE_NUMBER_MANAGED_BY_UNION',
              });
            }
          }),
        },
        {
          // An email code is a member's way in too. An officer's code is refused with the
          // answer a wrong code gets, so the refusal tells no one who is an officer.
          matcher: (ctx) => ctx.path === '/sign-in/email-otp',
          handler: createAuthMiddleware(async (ctx) => {
            const email: unknown =
              typeof ctx.body === 'object' && ctx.body !== null
                ? Reflect.get(ctx.body, 'email')
                : undefined;
            if (typeof email !== 'string') return;
            const found = await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase());
            if (found && !isMember(found.user)) {
              throw new APIError('BAD_REQUEST', { message: 'Invalid OTP', code: 'INVALID_OTP' });
            }
          }),
        },
        {
          matcher: (ctx) => PASSKEY_REGISTRATION_PATHS.has(ctx.path ?? ''),
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx);
            // Without a session the plugin itself answers 401.
            if (session && !isMember(session.user)) {
              throw new APIError('FORBIDDEN', {
                message: 'Passkeys are for members; officers sign in with a password and TOTP',
                code: 'PASSKEYS_FOR_MEMBERS_ONLY',
              });
            }
          }),
        },
      ],
    },
  };
}
