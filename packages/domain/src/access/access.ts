import { z } from 'zod';
import { PERMISSIONS, type TPermission } from '../policy';
import { isAllowed, ROLE_PERMISSIONS, ZRole, type TAccessGrant, type TRole } from './roles';

/**
 * Access administration: who holds which role where, and the rules for changing it. A role
 * granted on a unit covers the unit's subtree (see roles.ts).
 */

/**
 * Whether an officer holding `callerGrants` may grant (or revoke) `role` on the unit at
 * `unitPath`: they must manage access there, and every permission the role carries must be
 * one they hold there themselves, so nobody can hand out more than they have.
 */
export function canGrant(
  callerGrants: readonly TAccessGrant[],
  role: TRole,
  unitPath: string,
): boolean {
  return (
    isAllowed(callerGrants, 'access.manage', unitPath) &&
    ROLE_PERMISSIONS[role].every((permission) => isAllowed(callerGrants, permission, unitPath))
  );
}

/**
 * Whether taking away `revoked` would leave `grants` (one officer's) without access.manage
 * anywhere: an officer may not do that to themselves, so a union never locks itself out.
 */
export function losesLastAccessManage(
  grants: readonly (TAccessGrant & { id: string })[],
  revokedId: string,
): boolean {
  const manages = (grant: TAccessGrant) => grant.permissions.includes('access.manage');
  const revoked = grants.find((grant) => grant.id === revokedId);
  if (!revoked || !manages(revoked)) return false;
  return !grants.some((grant) => grant.id !== revokedId && manages(grant));
}

/** The permissions a set of roles gives, in the order PERMISSIONS lists them. */
export function permissionsOfRoles(roles: readonly TRole[]): TPermission[] {
  const held = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return PERMISSIONS.filter((permission) => held.has(permission));
}

/** A temporary password is shown once; it is long enough that it need not be memorable. */
export const TEMPORARY_PASSWORD_MIN_LENGTH = 16;

const ZUserId = z.uuid();
const ZUnitId = z.uuid();

export const ZOfficerName = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .refine((value) => ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20), {
    message: 'validation.noControlChars',
  });

export const ZOfficerEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** One role an officer holds on one unit. */
export const ZOfficerGrant = z.object({
  id: z.uuid(),
  role: ZRole,
  orgUnitId: ZUnitId,
  orgUnitName: z.string(),
  orgUnitCode: z.string(),
  grantedAt: z.date(),
});
export type TOfficerGrant = z.infer<typeof ZOfficerGrant>;

/** An officer account as the access page shows it: only the grants inside the caller's scope. */
export const ZOfficer = z.object({
  id: ZUserId,
  email: z.string(),
  name: z.string(),
  disabled: z.boolean(),
  totpEnrolled: z.boolean(),
  grants: z.array(ZOfficerGrant),
});
export type TOfficer = z.infer<typeof ZOfficer>;

export const OFFICER_LIST_MAX = 200;

export const ZFindOfficersInput = z
  .object({ search: z.string().trim().max(100).optional() })
  .optional();
export type TFindOfficersInput = z.infer<typeof ZFindOfficersInput>;

export const ZWhoCanInput = z.object({ orgUnitId: ZUnitId });
export type TWhoCanInput = z.infer<typeof ZWhoCanInput>;

/** One grant that reaches a unit: held on the unit itself or on one of its ancestors. */
export const ZWhoCanEntry = z.object({
  grantId: z.uuid(),
  role: ZRole,
  officer: z.object({
    id: ZUserId,
    name: z.string(),
    email: z.string(),
    disabled: z.boolean(),
    /** Roles take effect only once the officer has enrolled TOTP. */
    totpEnrolled: z.boolean(),
  }),
  grantedOn: z.object({ id: ZUnitId, name: z.string(), code: z.string() }),
  /** True when the grant is held on an ancestor and reaches the unit through its subtree. */
  inherited: z.boolean(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type TWhoCanEntry = z.infer<typeof ZWhoCanEntry>;

export const ZWhoCanResult = z.object({
  unit: z.object({ id: ZUnitId, name: z.string(), code: z.string() }),
  entries: z.array(ZWhoCanEntry),
});
export type TWhoCanResult = z.infer<typeof ZWhoCanResult>;

export const ZGrantRoleInput = z.object({ userId: ZUserId, orgUnitId: ZUnitId, role: ZRole });
export type TGrantRoleInput = z.infer<typeof ZGrantRoleInput>;

export const ZRevokeRoleInput = z.object({ grantId: z.uuid() });
export type TRevokeRoleInput = z.infer<typeof ZRevokeRoleInput>;

export const ZCreateOfficerInput = z.object({
  email: ZOfficerEmail,
  name: ZOfficerName,
  role: ZRole,
  orgUnitId: ZUnitId,
});
export type TCreateOfficerInput = z.infer<typeof ZCreateOfficerInput>;

export const ZCreateOfficerResult = z.object({
  officer: ZOfficer,
  /** Shown once to the officer who created the account; never stored in clear. */
  temporaryPassword: z.string().min(TEMPORARY_PASSWORD_MIN_LENGTH),
});
export type TCreateOfficerResult = z.infer<typeof ZCreateOfficerResult>;

export const ZDisableOfficerInput = z.object({ userId: ZUserId });
export type TDisableOfficerInput = z.infer<typeof ZDisableOfficerInput>;
