import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  apiTokenStatus,
  isAllowed,
  isTokenScope,
  UnionhallError,
  type TApiToken,
  type TCreateApiTokenInput,
  type TCreatedApiToken,
  type TRevokeApiTokenInput,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import type { Auth } from '../../auth/auth';
import { createApiToken, TOKEN_SCOPE_NAMESPACE } from '../../auth/actor';
import type { Actor } from '../../context';

/** The columns of a token officers may see: never `key` (the hash), nor rate-limit counters. */
export const API_TOKEN_SELECT = {
  id: true,
  name: true,
  start: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  expiresAt: true,
  lastRequest: true,
  permissions: true,
  metadata: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuthApiKeySelect;

type TokenRow = Prisma.AuthApiKeyGetPayload<{ select: typeof API_TOKEN_SELECT }>;
type UnitRow = { id: string; name: string; code: string; path: string };

const UNIT_SELECT = { id: true, name: true, code: true, path: true } satisfies Prisma.OrgUnitSelect;

export interface TokenServiceDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  /** Where the caller holds token.manage; tokens for units outside are "not found". */
  scope: Scope;
}

/**
 * Better Auth stores `metadata` and `permissions` as JSON text. Older plugin versions stored
 * metadata stringified twice, so a string that parses to a string is parsed once more.
 */
function parseJsonText(text: string | null): unknown {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? parseJsonText(value) : value;
  } catch {
    return null;
  }
}

function tokenUnitId(row: Pick<TokenRow, 'metadata'>): string | null {
  const metadata = parseJsonText(row.metadata);
  const id =
    typeof metadata === 'object' && metadata !== null
      ? Reflect.get(metadata, 'orgUnitId')
      : undefined;
  return typeof id === 'string' ? id : null;
}

function tokenScopes(row: Pick<TokenRow, 'permissions'>) {
  const permissions = parseJsonText(row.permissions);
  const scopes: unknown =
    typeof permissions === 'object' && permissions !== null
      ? Reflect.get(permissions, TOKEN_SCOPE_NAMESPACE)
      : undefined;
  return Array.isArray(scopes) ? scopes.filter(isTokenScope) : [];
}

function toApiToken(row: TokenRow, unit: UnitRow, now: Date): TApiToken {
  const status = apiTokenStatus(row, now);
  return {
    id: row.id,
    name: row.name ?? '',
    orgUnit: { id: unit.id, name: unit.name, code: unit.code },
    scopes: tokenScopes(row),
    start: row.start,
    status,
    createdAt: row.createdAt,
    createdBy: row.user,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastRequest,
    // Nothing changes a revoked row any more (verification refuses it before touching it),
    // so its last update is the revocation.
    revokedAt: status === 'REVOKED' ? row.updatedAt : null,
  };
}

/**
 * The tokens for units inside the scope, newest first. The unit lives in the token's JSON
 * metadata, so the scope is applied after reading: an organization has tens of tokens, not
 * thousands.
 */
export async function listApiTokens(
  prisma: PrismaClient,
  scope: Scope,
  now = new Date(),
): Promise<TApiToken[]> {
  const rows = await prisma.authApiKey.findMany({
    select: API_TOKEN_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  const unitIds = [...new Set(rows.map(tokenUnitId).filter((id) => id !== null))];
  const units = new Map(
    (await prisma.orgUnit.findMany({ where: { id: { in: unitIds } }, select: UNIT_SELECT })).map(
      (unit) => [unit.id, unit],
    ),
  );
  const tokens: TApiToken[] = [];
  for (const row of rows) {
    const unitId = tokenUnitId(row);
    const unit = unitId ? units.get(unitId) : undefined;
    if (unit && scope.covers(unit.path)) tokens.push(toApiToken(row, unit, now));
  }
  return tokens;
}

/** The audited fields of a token: what it may do where, and until when. */
function auditedFields(token: TApiToken) {
  return {
    name: token.name,
    orgUnitId: token.orgUnit.id,
    scopes: token.scopes.join(','),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    status: token.status,
  };
}

/**
 * Issues a token for a unit inside the scope, with scopes the caller holds there itself (no
 * escalation). The key is returned this once; Better Auth stores only its SHA-256 hash.
 */
export async function createApiTokenFor(
  { prisma, audit, scope, auth, actor }: TokenServiceDeps & { auth: Auth; actor: Actor },
  input: TCreateApiTokenInput,
): Promise<TCreatedApiToken> {
  // A token belongs to the officer who issued it (Better Auth's `referenceId`). Tokens never
  // carry token.manage, so only officers get here; the check keeps it so.
  if (actor.type !== 'OFFICER' || !actor.id) {
    throw new UnionhallError('FORBIDDEN', `${actor.type} may not issue tokens`);
  }
  const unit = await prisma.orgUnit.findUnique({
    where: { id: input.orgUnitId },
    select: UNIT_SELECT,
  });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${input.orgUnitId} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${unit.id}`);
  const notHeld = input.scopes.filter(
    (permission) => !isAllowed(actor.grants, permission, unit.path),
  );
  if (notHeld.length > 0) {
    throw new UnionhallError('TOKEN_SCOPE_NOT_HELD', `caller lacks ${notHeld.join(', ')}`);
  }

  const created = await createApiToken(auth, {
    ownerUserId: actor.id,
    name: input.name,
    orgUnitId: unit.id,
    scopes: input.scopes,
    expiresInDays: input.expiresInDays,
  });
  // Better Auth writes the key through its own adapter, outside any transaction of ours (on
  // PGlite's single connection, calling it inside one would wait for itself). So the audit
  // row is written right after, and if that fails the key is deleted again: no token exists
  // without its record.
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.authApiKey.findUniqueOrThrow({
        where: { id: created.id },
        select: API_TOKEN_SELECT,
      });
      const token = toApiToken(row, unit, new Date());
      await audit(tx, {
        action: 'token.create',
        targetType: 'AuthApiKey',
        targetId: token.id,
        orgUnitId: unit.id,
        outcome: 'SUCCESS',
        changes: Object.fromEntries(
          Object.entries(auditedFields(token)).map(([field, after]) => [
            field,
            { before: null, after },
          ]),
        ),
      });
      return { token, key: created.key };
    });
  } catch (error) {
    await prisma.authApiKey.deleteMany({ where: { id: created.id } });
    throw error;
  }
}

/**
 * Revokes a token inside the scope: it stops working with the next request. The row is kept
 * (disabled) so the list still shows who issued it and when it was last used. Revoking a
 * revoked token changes nothing and writes no row.
 */
export async function revokeApiToken(
  { prisma, audit, scope }: TokenServiceDeps,
  input: TRevokeApiTokenInput,
): Promise<TApiToken> {
  // Written directly rather than through Better Auth's updateApiKey, so that the change and
  // its audit row commit together; Better Auth reads `enabled` from this row on every
  // verification and keeps no cache of it (no secondary storage is configured).
  return prisma.$transaction(async (tx) => {
    const row = await tx.authApiKey.findUnique({
      where: { id: input.id },
      select: API_TOKEN_SELECT,
    });
    if (!row) throw new UnionhallError('NOT_FOUND', `token ${input.id} not found`);
    const unitId = tokenUnitId(row);
    const unit = unitId
      ? await tx.orgUnit.findUnique({ where: { id: unitId }, select: UNIT_SELECT })
      : null;
    if (!unit || !scope.covers(unit.path)) throw new OutOfScopeError(`token ${input.id}`);
    const before = toApiToken(row, unit, new Date());
    if (row.enabled === false) return before;
    const updated = await tx.authApiKey.update({
      where: { id: row.id },
      data: { enabled: false, updatedAt: new Date() },
      select: API_TOKEN_SELECT,
    });
    const after = toApiToken(updated, unit, new Date());
    await audit(tx, {
      action: 'token.revoke',
      targetType: 'AuthApiKey',
      targetId: row.id,
      orgUnitId: unit.id,
      outcome: 'SUCCESS',
      changes: { status: { before: before.status, after: after.status } },
    });
    return after;
  });
}
