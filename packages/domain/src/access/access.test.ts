import { describe, expect, it } from 'vitest';
import {
  canGrant,
  losesLastAccessManage,
  permissionsOfRoles,
  ZCreateOfficerInput,
  ZFindOfficersInput,
} from './access';
import { roleGrant } from './roles';

const FED = '/fed/';
const UNION = '/fed/union/';
const UNIT = '/fed/union/unit/';
const OTHER = '/fed/other/';

describe('canGrant', () => {
  it('lets an admin grant any role their own role covers, inside their subtree only', () => {
    const unionAdmin = [roleGrant('UNION_ADMIN', UNION)];
    expect(canGrant(unionAdmin, 'CASEWORKER', UNIT)).toBe(true);
    expect(canGrant(unionAdmin, 'UNION_ADMIN', UNIT)).toBe(true);
    expect(canGrant(unionAdmin, 'CASEWORKER', OTHER)).toBe(false);
    expect(canGrant(unionAdmin, 'CASEWORKER', FED)).toBe(false);
  });

  it('refuses without access.manage on the unit, even for a weaker role', () => {
    const chair = [roleGrant('UNIT_CHAIR', UNION)];
    expect(canGrant(chair, 'CASEWORKER', UNIT)).toBe(false);
  });

  it('refuses a role carrying a permission the caller lacks there (no escalation)', () => {
    // Manages access on the unit (through a token-like grant) but cannot manage the org.
    const limited = [
      {
        permissions: [
          'access.manage',
          'access.read',
          'org.read',
          'member.read',
          'case.read',
          'case.handle',
        ] as const,
        orgUnitPath: UNION,
      },
    ];
    expect(canGrant(limited, 'CASEWORKER', UNIT)).toBe(true);
    expect(canGrant(limited, 'UNIT_CHAIR', UNIT)).toBe(false);
    expect(canGrant(limited, 'UNION_ADMIN', UNIT)).toBe(false);
  });

  it('adds up permissions from several grants reaching the unit', () => {
    const grants = [
      { permissions: ['access.manage', 'org.read'] as const, orgUnitPath: FED },
      roleGrant('AUDITOR', UNION),
    ];
    expect(canGrant(grants, 'AUDITOR', UNIT)).toBe(true);
    expect(canGrant(grants, 'AUDITOR', OTHER)).toBe(false);
  });
});

describe('losesLastAccessManage', () => {
  const admin = { id: 'a', ...roleGrant('UNION_ADMIN', UNION) };
  const chair = { id: 'c', ...roleGrant('UNIT_CHAIR', UNIT) };
  const second = { id: 's', ...roleGrant('FEDERATION_ADMIN', OTHER) };

  it('is true for the only grant carrying access.manage', () => {
    expect(losesLastAccessManage([admin, chair], 'a')).toBe(true);
  });

  it('is false when another grant still carries it, or the revoked one never did', () => {
    expect(losesLastAccessManage([admin, chair, second], 'a')).toBe(false);
    expect(losesLastAccessManage([admin, chair], 'c')).toBe(false);
    expect(losesLastAccessManage([admin], 'missing')).toBe(false);
  });
});

describe('access contracts', () => {
  it('lists the permissions of roles once each, in catalog order', () => {
    expect(permissionsOfRoles(['AUDITOR', 'CASEWORKER'])).toEqual([
      'org.read',
      'audit.read',
      'access.read',
      'member.read',
      'case.read',
      'case.handle',
    ]);
    expect(permissionsOfRoles([])).toEqual([]);
  });

  it('normalizes an officer email and refuses a malformed one', () => {
    const base = {
      name: '赵强',
      role: 'CASEWORKER',
      orgUnitId: '00000000-0000-4000-8000-000000000001',
    };
    expect(ZCreateOfficerInput.parse({ ...base, email: ' Zhao@Example.ORG ' }).email).toBe(
      'zhao@example.org',
    );
    expect(ZCreateOfficerInput.safeParse({ ...base, email: 'not-an-email' }).success).toBe(false);
    expect(ZCreateOfficerInput.safeParse({ ...base, email: 'a@b.org', name: 'x' }).success).toBe(
      false,
    );
  });

  it('accepts a missing officer search', () => {
    expect(ZFindOfficersInput.parse(undefined)).toBeUndefined();
    expect(ZFindOfficersInput.parse({ search: ' wang ' })).toEqual({ search: 'wang' });
  });
});
