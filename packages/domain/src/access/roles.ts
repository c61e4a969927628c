import { z } from 'zod';
import type { TPermission } from '../policy';

/**
 * Officer roles. A role is granted on an org unit and covers that unit's whole subtree: a
 * union admin granted on a union manages its branches and grassroots units too.
 */
export const ROLES = [
  'FEDERATION_ADMIN',
  'UNION_ADMIN',
  'UNIT_CHAIR',
  'CASEWORKER',
  'TREASURER',
  'WELFARE_OFFICER',
  'AUDITOR',
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** What each role may do within its subtree. Later capabilities add their permissions here. */
export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  FEDERATION_ADMIN: ['org.read', 'org.manage', 'audit.read'],
  UNION_ADMIN: ['org.read', 'org.manage', 'audit.read'],
  UNIT_CHAIR: ['org.read', 'audit.read'],
  CASEWORKER: ['org.read'],
  TREASURER: ['org.read'],
  WELFARE_OFFICER: ['org.read'],
  AUDITOR: ['org.read', 'audit.read'],
};

/** A role held on a unit, with the unit's materialized path ("/root/…/unit/"). */
export interface TRoleGrantScope {
  role: TRole;
  orgUnitPath: string;
}

/** Whether a grant on `grantPath` reaches the unit at `targetPath` (itself or a descendant). */
export function coversUnit(grantPath: string, targetPath: string): boolean {
  return targetPath.startsWith(grantPath);
}

/** Whether any of the grants gives `permission` on the unit at `targetPath`. */
export function isAllowed(
  grants: readonly TRoleGrantScope[],
  permission: TPermission,
  targetPath: string,
): boolean {
  return grants.some(
    (grant) =>
      ROLE_PERMISSIONS[grant.role].includes(permission) &&
      coversUnit(grant.orgUnitPath, targetPath),
  );
}

/**
 * The subtree roots where `permission` holds, with nested ones folded into their ancestors:
 * the scope a list query filters by (`path LIKE root || '%'` for each root).
 */
export function permittedRoots(
  grants: readonly TRoleGrantScope[],
  permission: TPermission,
): string[] {
  const paths = grants
    .filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission))
    .map((grant) => grant.orgUnitPath)
    .sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const path of paths) {
    if (!roots.some((root) => coversUnit(root, path))) roots.push(path);
  }
  return roots;
}
