import { describe, expect, it } from 'vitest';
import { coversUnit, isAllowed, permittedRoots, ROLE_PERMISSIONS, roleGrant, ROLES } from './roles';

const FED = '/fed/';
const UNION = '/fed/union/';
const UNIT = '/fed/union/unit/';
const OTHER = '/fed/other/';

describe('role scope', () => {
  it('covers the unit and its descendants, not its siblings or ancestors', () => {
    expect(coversUnit(UNION, UNION)).toBe(true);
    expect(coversUnit(UNION, UNIT)).toBe(true);
    expect(coversUnit(UNION, OTHER)).toBe(false);
    expect(coversUnit(UNION, FED)).toBe(false);
    // A sibling whose id begins the same way is not inside: paths end with a slash.
    expect(coversUnit('/fed/uni/', UNION)).toBe(false);
  });

  it('allows a permission only where a granted role carries it', () => {
    const grants = [roleGrant('UNIT_CHAIR', UNION)];
    expect(isAllowed(grants, 'org.read', UNIT)).toBe(true);
    expect(isAllowed(grants, 'org.manage', UNIT)).toBe(false);
    expect(isAllowed(grants, 'org.read', OTHER)).toBe(false);
    expect(isAllowed([], 'org.read', UNIT)).toBe(false);
  });

  it('folds nested grants into the outermost subtree', () => {
    const grants = [
      roleGrant('UNIT_CHAIR', UNIT),
      roleGrant('UNION_ADMIN', UNION),
      roleGrant('AUDITOR', OTHER),
      roleGrant('CASEWORKER', FED),
    ];
    expect(permittedRoots(grants, 'audit.read')).toEqual([UNION, OTHER]);
    expect(permittedRoots(grants, 'org.manage')).toEqual([UNION]);
    expect(permittedRoots(grants, 'org.read')).toEqual([FED]);
  });

  it('gives an auditor read access only', () => {
    expect(ROLE_PERMISSIONS.AUDITOR.some((permission) => permission.endsWith('.manage'))).toBe(
      false,
    );
    expect(ROLES).toContain('AUDITOR');
  });
});
