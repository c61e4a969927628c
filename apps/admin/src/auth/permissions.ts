import { useQuery } from '@tanstack/react-query';
import { ROLE_PERMISSIONS, type TPermission } from '@unionhall/domain';
import { useCallback, useMemo } from 'react';
import { useTRPC } from '../trpc';

interface UnitRef {
  id: string;
  parentId: string | null;
}

/**
 * What the signed-in officer may do, from the role grants in `public.session.me`. Only hides
 * controls: the server checks every call again. A grant covers its unit's whole subtree.
 */
export function usePermissions() {
  const trpc = useTRPC();
  const me = useQuery(trpc.public.session.me.queryOptions());
  const roles = useMemo(() => me.data?.roles ?? [], [me.data]);

  const grantsOf = useCallback(
    (permission: TPermission) =>
      new Set(
        roles
          .filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission))
          .map((grant) => grant.orgUnitId),
      ),
    [roles],
  );

  /** Whether any grant carries `permission`, wherever it applies. */
  const canAnywhere = useCallback(
    (permission: TPermission) => grantsOf(permission).size > 0,
    [grantsOf],
  );

  /** Whether a grant carrying `permission` sits on `unit` or one of its ancestors in `byId`. */
  const canOn = useCallback(
    (permission: TPermission, unit: UnitRef, byId: ReadonlyMap<string, UnitRef>) => {
      const units = grantsOf(permission);
      for (let current: UnitRef | undefined = unit; current;) {
        if (units.has(current.id)) return true;
        current = current.parentId ? byId.get(current.parentId) : undefined;
      }
      return false;
    },
    [grantsOf],
  );

  return { canAnywhere, canOn };
}
