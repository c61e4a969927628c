import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  canGrant,
  fieldChanges,
  losesLastAccessManage,
  OFFICER_LIST_MAX,
  ROLE_PERMISSIONS,
  roleGrant,
  UnionhallError,
  type TCreateOfficerInput,
  type TCreateOfficerResult,
  type TDisableOfficerInput,
  type TFindOfficersInput,
  type TGrantRoleInput,
  type TOfficer,
  type TOfficerGrant,
  type TRevokeRoleInput,
  type TRole,
  type TWhoCanInput,
  type TWhoCanResult,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import type { Auth } from '../../auth/auth';
import { createOfficer, disableUser, grantRole } from '../../auth/identities';
import type { Actor } from '../../context';
import { uniqueViolationFields } from '../../errors';

type Tx = Prisma.TransactionClient;

/** What the writing services need: the database, the audit writer, Better Auth, the caller. */
export interface AccessServiceDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  auth: Auth;
  /** Where the caller manages access; anything outside is "not found". */
  scope: Scope;
  /** The caller, whose own grants bound what they may grant (no escalation). */
  actor: Actor;
}

const GRANT_SELECT = {
  id: true,
  role: true,
  grantedAt: true,
  orgUnit: { select: { id: true, name: true, code: true } },
} satisfies Prisma.RoleGrantSelect;

const OFFICER_SELECT = {
  id: true,
  email: true,
  name: true,
  disabledAt: true,
  twoFactorEnabled: true,
} satisfies Prisma.AuthUserSelect;

type GrantRow = Prisma.RoleGrantGetPayload<{ select: typeof GRANT_SELECT }>;
type OfficerRow = Prisma.AuthUserGetPayload<{ select: typeof OFFICER_SELECT }>;

function toGrant(row: GrantRow): TOfficerGrant {
  return {
    id: row.id,
    role: row.role,
    orgUnitId: row.orgUnit.id,
    orgUnitName: row.orgUnit.name,
    orgUnitCode: row.orgUnit.code,
    grantedAt: row.grantedAt,
  };
}

function toOfficer(row: OfficerRow, grants: readonly GrantRow[]): TOfficer {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    disabled: row.disabledAt !== null,
    totpEnrolled: row.twoFactorEnabled ?? false,
    grants: grants.map(toGrant),
  };
}

/** Grants held on a unit inside the scope (each subtree with its root). */
function grantsInScope(scope: Scope): Prisma.RoleGrantWhereInput {
  return { OR: scope.roots.map((root) => ({ orgUnit: { path: { startsWith: root } } })) };
}

/** The fields of a role grant an audit row records. */
const GRANT_FIELDS = ['userId', 'role', 'orgUnitId'] as const;

/**
 * Officers holding at least one role inside the scope, each with only the grants inside it:
 * an officer's roles elsewhere are not the caller's business.
 */
export async function listOfficers(
  prisma: PrismaClient,
  scope: Scope,
  input: TFindOfficersInput,
): Promise<TOfficer[]> {
  const inScope = grantsInScope(scope);
  const search = input?.search;
  const rows = await prisma.authUser.findMany({
    where: {
      kind: 'OFFICER',
      roleGrants: { some: inScope },
      ...(search
        ? {
            OR: [
              { name: { contains: search, mode: 'insensitive' } },
              { email: { contains: search, mode: 'insensitive' } },
            ],
          }
        : {}),
    },
    select: {
      ...OFFICER_SELECT,
      roleGrants: { where: inScope, select: GRANT_SELECT, orderBy: { grantedAt: 'asc' } },
    },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    take: OFFICER_LIST_MAX,
  });
  return rows.map((row) => toOfficer(row, row.roleGrants));
}

/** The ids of a unit and its ancestors, root first, from its materialized path. */
function unitAndAncestorIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * Every grant that reaches a unit in the scope: roles held on the unit itself or on any of
 * its ancestors (a role covers its unit's subtree), with what each lets its holder do there.
 */
export async function whoCan(
  prisma: PrismaClient,
  scope: Scope,
  input: TWhoCanInput,
): Promise<TWhoCanResult> {
  const unit = await prisma.orgUnit.findUnique({
    where: { id: input.orgUnitId },
    select: { id: true, name: true, code: true, path: true, depth: true },
  });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${input.orgUnitId} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${unit.id}`);
  const grants = await prisma.roleGrant.findMany({
    where: { orgUnitId: { in: unitAndAncestorIds(unit.path) }, user: { kind: 'OFFICER' } },
    select: {
      id: true,
      role: true,
      orgUnit: { select: { id: true, name: true, code: true, depth: true } },
      user: { select: OFFICER_SELECT },
    },
  });
  // Nearest grants first (the unit's own), then by officer.
  grants.sort(
    (a, b) =>
      b.orgUnit.depth - a.orgUnit.depth ||
      a.user.name.localeCompare(b.user.name) ||
      a.role.localeCompare(b.role),
  );
  return {
    unit: { id: unit.id, name: unit.name, code: unit.code },
    entries: grants.map((grant) => ({
      grantId: grant.id,
      role: grant.role,
      officer: {
        id: grant.user.id,
        name: grant.user.name,
        email: grant.user.email,
        disabled: grant.user.disabledAt !== null,
        totpEnrolled: grant.user.twoFactorEnabled ?? false,
      },
      grantedOn: { id: grant.orgUnit.id, name: grant.orgUnit.name, code: grant.orgUnit.code },
      inherited: grant.orgUnit.id !== unit.id,
      permissions: [...ROLE_PERMISSIONS[grant.role]],
    })),
  };
}

async function unitInScope(tx: Tx, id: string, scope: Scope) {
  const unit = await tx.orgUnit.findUnique({ where: { id }, select: { id: true, path: true } });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${id} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${id}`);
  return unit;
}

/** No escalation: the caller must hold every permission of `role` on the unit themselves. */
function assertMayGrant(actor: Actor, role: TRole, unitPath: string) {
  if (!canGrant(actor.grants, role, unitPath)) {
    throw new UnionhallError('ROLE_ESCALATION', `${actor.id ?? '?'} may not grant ${role}`);
  }
}

/** Who granted: an officer's user id (integrators' keys are recorded in the audit row). */
function grantedBy(actor: Actor): string | null {
  return actor.type === 'OFFICER' ? actor.id : null;
}

/** Grants a role to an officer on a unit; an existing identical grant is returned as it is. */
export async function grantRoleToOfficer(
  { prisma, audit, scope, actor }: AccessServiceDeps,
  input: TGrantRoleInput,
): Promise<TOfficerGrant> {
  return prisma.$transaction(async (tx) => {
    const unit = await unitInScope(tx, input.orgUnitId, scope);
    const user = await tx.authUser.findUnique({
      where: { id: input.userId },
      select: { id: true, kind: true },
    });
    // Members cannot hold roles; to the caller they are simply not an officer that exists.
    if (user?.kind !== 'OFFICER') {
      throw new UnionhallError('NOT_FOUND', `officer ${input.userId} not found`);
    }
    assertMayGrant(actor, input.role, unit.path);
    const key = { userId: user.id, orgUnitId: unit.id, role: input.role };
    const existing = await tx.roleGrant.findUnique({
      where: { userId_orgUnitId_role: key },
      select: GRANT_SELECT,
    });
    if (existing) return toGrant(existing);
    const created = await grantRole(tx, { ...key, grantedBy: grantedBy(actor) });
    await audit(tx, {
      action: 'access.role.grant',
      targetType: 'RoleGrant',
      targetId: created.id,
      orgUnitId: unit.id,
      outcome: 'SUCCESS',
      changes: fieldChanges(null, key, { fields: GRANT_FIELDS }),
    });
    return toGrant(
      await tx.roleGrant.findUniqueOrThrow({ where: { id: created.id }, select: GRANT_SELECT }),
    );
  });
}

/**
 * Revokes a grant on a unit in the scope. The caller must be able to grant that role there
 * (nobody takes away more than they could give), and may not give up their own last grant
 * that manages access.
 */
export async function revokeRoleGrant(
  { prisma, audit, scope, actor }: AccessServiceDeps,
  input: TRevokeRoleInput,
): Promise<TOfficerGrant> {
  return prisma.$transaction(async (tx) => {
    const grant = await tx.roleGrant.findUnique({
      where: { id: input.grantId },
      select: {
        ...GRANT_SELECT,
        userId: true,
        orgUnit: { select: { id: true, name: true, code: true, path: true } },
      },
    });
    if (!grant) throw new UnionhallError('NOT_FOUND', `role grant ${input.grantId} not found`);
    if (!scope.covers(grant.orgUnit.path)) throw new OutOfScopeError(`role grant ${grant.id}`);
    assertMayGrant(actor, grant.role, grant.orgUnit.path);
    if (actor.type === 'OFFICER' && grant.userId === actor.id) {
      // Read the caller's grants from the database, in this transaction: the actor's copy
      // was taken when the request began.
      const own = await tx.roleGrant.findMany({
        where: { userId: grant.userId },
        select: { id: true, role: true, orgUnit: { select: { path: true } } },
      });
      const withIds = own.map((row) => ({ id: row.id, ...roleGrant(row.role, row.orgUnit.path) }));
      if (losesLastAccessManage(withIds, grant.id)) {
        throw new UnionhallError('LAST_ACCESS_MANAGER', `${actor.id} would lose access.manage`);
      }
    }
    await tx.roleGrant.delete({ where: { id: grant.id } });
    await audit(tx, {
      action: 'access.role.revoke',
      targetType: 'RoleGrant',
      targetId: grant.id,
      orgUnitId: grant.orgUnit.id,
      outcome: 'SUCCESS',
      changes: fieldChanges(
        { userId: grant.userId, role: grant.role, orgUnitId: grant.orgUnit.id },
        null,
        { fields: GRANT_FIELDS },
      ),
    });
    return toGrant(grant);
  });
}

/** A one-time password from the system's CSPRNG: 24 characters of base64url (144 bits). */
export function temporaryPassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Creates an officer account with a first role on a unit in the scope, all in one
 * transaction with its audit rows. The temporary password is returned once and stored only
 * hashed; the officer enrols TOTP at first sign-in before any role takes effect.
 */
export async function createOfficerAccount(
  { prisma, audit, auth, scope, actor }: AccessServiceDeps,
  input: TCreateOfficerInput,
): Promise<TCreateOfficerResult> {
  const password = temporaryPassword();
  try {
    return await prisma.$transaction(
      async (tx) => {
        const unit = await unitInScope(tx, input.orgUnitId, scope);
        assertMayGrant(actor, input.role, unit.path);
        if (await tx.authUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
          throw new UnionhallError('OFFICER_EMAIL_TAKEN', 'email already has an account');
        }
        const user = await createOfficer(
          auth,
          { email: input.email, name: input.name, password },
          tx,
        );
        const key = { userId: user.id, orgUnitId: unit.id, role: input.role };
        const grant = await grantRole(tx, { ...key, grantedBy: grantedBy(actor) });
        await audit(tx, {
          action: 'access.officer.create',
          targetType: 'AuthUser',
          targetId: user.id,
          orgUnitId: unit.id,
          outcome: 'SUCCESS',
          changes: fieldChanges(
            null,
            { email: user.email, name: user.name, kind: 'OFFICER' },
            {
              fields: ['email', 'name', 'kind'],
            },
          ),
        });
        await audit(tx, {
          action: 'access.role.grant',
          targetType: 'RoleGrant',
          targetId: grant.id,
          orgUnitId: unit.id,
          outcome: 'SUCCESS',
          changes: fieldChanges(null, key, { fields: GRANT_FIELDS }),
        });
        const row = await tx.authUser.findUniqueOrThrow({
          where: { id: user.id },
          select: { ...OFFICER_SELECT, roleGrants: { select: GRANT_SELECT } },
        });
        return { officer: toOfficer(row, row.roleGrants), temporaryPassword: password };
      },
      { timeout: 15_000 },
    );
  } catch (error) {
    // Two admins creating the same email at once: the second one meets the unique index.
    if (uniqueViolationFields(error)?.some((field) => field.includes('email'))) {
      throw new UnionhallError('OFFICER_EMAIL_TAKEN', 'email already has an account', {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Disables an officer and ends their sessions at once. Only an officer whose every grant
 * lies inside the caller's scope, and whose every role the caller could grant, so a union
 * admin cannot switch off someone who also works elsewhere or above them. Never oneself.
 */
export async function disableOfficerAccount(
  { prisma, audit, auth, scope, actor }: AccessServiceDeps,
  input: TDisableOfficerInput,
): Promise<TOfficer> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.authUser.findUnique({
      where: { id: input.userId },
      select: {
        ...OFFICER_SELECT,
        kind: true,
        roleGrants: {
          select: {
            ...GRANT_SELECT,
            orgUnit: { select: { id: true, name: true, code: true, path: true } },
          },
        },
      },
    });
    if (user?.kind !== 'OFFICER') {
      throw new UnionhallError('NOT_FOUND', `officer ${input.userId} not found`);
    }
    const paths = user.roleGrants.map((grant) => grant.orgUnit.path);
    if (paths.length === 0 || !paths.every((path) => scope.covers(path))) {
      throw new OutOfScopeError(`officer ${user.id}`);
    }
    if (actor.type === 'OFFICER' && actor.id === user.id) {
      throw new UnionhallError('CANNOT_DISABLE_SELF', `${user.id} tried to disable themselves`);
    }
    for (const grant of user.roleGrants) assertMayGrant(actor, grant.role, grant.orgUnit.path);
    if (user.disabledAt) return toOfficer(user, user.roleGrants);
    await disableUser(auth, user.id, tx);
    const after = await tx.authUser.findUniqueOrThrow({
      where: { id: user.id },
      select: OFFICER_SELECT,
    });
    // The row belongs to the officer's outermost unit, so those who see that unit see it.
    const home = [...user.roleGrants].sort(
      (a, b) => a.orgUnit.path.length - b.orgUnit.path.length,
    )[0];
    await audit(tx, {
      action: 'access.officer.disable',
      targetType: 'AuthUser',
      targetId: user.id,
      orgUnitId: home?.orgUnit.id ?? null,
      outcome: 'SUCCESS',
      changes: fieldChanges(user, after, { fields: ['disabledAt'] }),
    });
    return toOfficer(after, user.roleGrants);
  });
}
