import { z } from 'zod';
import type { TPermission } from '../policy';

/**
 * What an integrator's API token may be given. Tokens read and maintain data; they never
 * administer access: `token.manage` and `access.manage` are left out, so a leaked token cannot
 * mint more tokens or hand out roles, and every grant of power stays with a person who signs
 * in with a second factor.
 */
export const TOKEN_SCOPES = [
  'org.read',
  'org.manage',
  'audit.read',
  'access.read',
  // An employer's HR system posts joiners and leavers (import) and reads the list back.
  'member.read',
  'member.manage',
  // A hotline or legal-aid system opens cases for members and reads them back.
  'case.read',
  'case.handle',
] as const satisfies readonly TPermission[];
export const ZTokenScope = z.enum(TOKEN_SCOPES);
export type TTokenScope = z.infer<typeof ZTokenScope>;

export function isTokenScope(value: unknown): value is TTokenScope {
  return typeof value === 'string' && (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** Better Auth's api-key plugin accepts 1 to 365 days; "never" is null. */
export const TOKEN_MAX_EXPIRY_DAYS = 365;

/** Better Auth's api-key plugin refuses names longer than 32 characters. */
export const ZApiTokenName = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .refine((value) => ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20), {
    message: 'validation.noControlChars',
  });

export const ZApiTokenId = z.uuid();

export const ZCreateApiTokenInput = z.object({
  name: ZApiTokenName,
  /** The unit whose subtree the token works on. */
  orgUnitId: z.uuid(),
  scopes: z
    .array(ZTokenScope)
    .min(1)
    .max(TOKEN_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
  /** Days until the token stops working; null: it works until revoked. */
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_EXPIRY_DAYS).nullable(),
});
export type TCreateApiTokenInput = z.infer<typeof ZCreateApiTokenInput>;

export const ZRevokeApiTokenInput = z.object({ id: ZApiTokenId });
export type TRevokeApiTokenInput = z.infer<typeof ZRevokeApiTokenInput>;

export const API_TOKEN_STATUSES = ['ACTIVE', 'REVOKED', 'EXPIRED'] as const;
export const ZApiTokenStatus = z.enum(API_TOKEN_STATUSES);
export type TApiTokenStatus = z.infer<typeof ZApiTokenStatus>;

/** A token as officers see it: never the key nor its hash, only its first characters. */
export const ZApiToken = z.object({
  id: ZApiTokenId,
  name: z.string(),
  orgUnit: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
  scopes: z.array(ZTokenScope),
  /** The key's first characters ("uh_AbC"), so an integrator can tell which key is which. */
  start: z.string().nullable(),
  status: ZApiTokenStatus,
  createdAt: z.date(),
  /** The officer who issued it. */
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  /** When it was revoked (its last change); null while it works. */
  revokedAt: z.date().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

/** The answer to `create`: the only time the key itself is ever shown. */
export const ZCreatedApiToken = z.object({ token: ZApiToken, key: z.string() });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;

/** Whether a token works now, from its stored fields. */
export function apiTokenStatus(
  token: { enabled: boolean | null; expiresAt: Date | null },
  now: Date,
): TApiTokenStatus {
  if (token.enabled === false) return 'REVOKED';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}
