import { appendAuditEvent } from '@unionhall/db';
import {
  coversUnit,
  permittedRoots,
  UnionhallError,
  type TPermission,
  type TPolicy,
} from '@unionhall/domain';
import type { Actor, Context } from './context';

/** Where the caller may use the permission its procedure declared: whole subtrees. */
export interface Scope {
  permission: TPermission;
  /** Paths of the subtree roots ("/root/…/unit/"), none nested in another. */
  roots: readonly string[];
  covers(path: string): boolean;
}

export function scopeFor(actor: Actor, permission: TPermission): Scope {
  const roots = permittedRoots(actor.grants, permission);
  return { permission, roots, covers: (path) => roots.some((root) => coversUnit(root, path)) };
}

/**
 * An object exists but lies outside the caller's scope. It reaches the client as NOT_FOUND,
 * exactly like an object that does not exist, so a refusal reveals nothing.
 */
export class OutOfScopeError extends UnionhallError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} is outside the caller's scope`);
  }
}

/** Refuses unless `path` is inside the scope. */
export function assertInScope(scope: Scope, path: string, what: string): void {
  if (!scope.covers(path)) throw new OutOfScopeError(what);
}

/** Whether the actor may call a procedure with this policy at all (before any object). */
export function checkPolicy(actor: Actor, policy: TPolicy): 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (policy.audience === 'public') return 'ok';
  if (actor.type === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (policy.audience === 'member') return actor.type === 'MEMBER' ? 'ok' : 'FORBIDDEN';
  if ('self' in policy)
    return actor.type === 'OFFICER' && actor.grants.length > 0 ? 'ok' : 'FORBIDDEN';
  if (actor.type !== 'OFFICER' && actor.type !== 'INTEGRATOR') return 'FORBIDDEN';
  return scopeFor(actor, policy.permission).roots.length > 0 ? 'ok' : 'FORBIDDEN';
}

/**
 * Writes the audit row of a refusal. The refused request's own transaction never happened
 * (or rolled back), so this one stands alone.
 */
export async function auditRefusal(
  ctx: Pick<Context, 'db' | 'actor' | 'requestId' | 'logger'>,
  path: string,
  reason: string,
): Promise<void> {
  try {
    await ctx.db.prisma.$transaction((tx) =>
      appendAuditEvent(tx, {
        actorType: ctx.actor.type,
        actorId: ctx.actor.id,
        action: `refused:${path}`,
        outcome: 'DENIED',
        requestId: ctx.requestId,
        changes: { reason: { before: null, after: reason } },
      }),
    );
  } catch (error) {
    // The refusal stands even if its record cannot be written (e.g. the database is down).
    ctx.logger.error({ err: error, path }, 'could not audit a refusal');
  }
}
