import { useQuery } from '@tanstack/react-query';
import { ROLE_PERMISSIONS, ROLES, type TOrgUnit, type TRole } from '@unionhall/domain';
import { useCallback, useMemo } from 'react';
import { usePermissions } from '../auth/permissions';
import { useTRPC } from '../trpc';

/**
 * What the signed-in officer may change on the Access page, unit by unit. Only hides
 * controls: the server checks every call again (scope, and no escalation).
 */
export function useAccessRights() {
  const trpc = useTRPC();
  const units = useQuery(trpc.officer.org.list.queryOptions());
  const { canAnywhere, canOn } = usePermissions();
  const byId = useMemo(
    () => new Map((units.data ?? []).map((unit) => [unit.id, unit] as const)),
    [units.data],
  );

  const canManageOn = useCallback(
    (unitId: string) => {
      const unit = byId.get(unitId);
      return unit ? canOn('access.manage', unit, byId) : false;
    },
    [byId, canOn],
  );

  /** Roles the officer could grant on the unit: every permission must be theirs there. */
  const grantableRoles = useCallback(
    (unitId: string): TRole[] => {
      const unit = byId.get(unitId);
      if (!unit || !canOn('access.manage', unit, byId)) return [];
      return ROLES.filter((role) =>
        ROLE_PERMISSIONS[role].every((permission) => canOn(permission, unit, byId)),
      );
    },
    [byId, canOn],
  );

  const manageableUnits = useCallback(
    (unit: TOrgUnit) => canOn('access.manage', unit, byId),
    [byId, canOn],
  );

  return {
    units: units.data ?? [],
    canManageAnywhere: canAnywhere('access.manage'),
    canManageOn,
    grantableRoles,
    manageableUnits,
  };
}
