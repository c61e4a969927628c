import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../policy';
import { apiTokenStatus, isTokenScope, TOKEN_SCOPES, ZCreateApiTokenInput } from './tokens';

const unit = '5b2f8f4e-1c1a-4c39-9a55-2f0d5d3c9e11';

describe('token scopes', () => {
  it('never include administering tokens or access', () => {
    expect(TOKEN_SCOPES).not.toContain('token.manage');
    expect(TOKEN_SCOPES).not.toContain('access.manage');
    expect(PERMISSIONS.filter(isTokenScope)).toEqual([...TOKEN_SCOPES]);
    expect(isTokenScope('token.manage')).toBe(false);
  });
});

describe('ZCreateApiTokenInput', () => {
  it('trims the name and drops repeated scopes', () => {
    expect(
      ZCreateApiTokenInput.parse({
        name: '  HR sync ',
        orgUnitId: unit,
        scopes: ['org.read', 'org.read', 'audit.read'],
        expiresInDays: 30,
      }),
    ).toEqual({
      name: 'HR sync',
      orgUnitId: unit,
      scopes: ['org.read', 'audit.read'],
      expiresInDays: 30,
    });
  });

  it('refuses no scope, administrative scopes and expiries Better Auth would refuse', () => {
    const base = { name: 'HR sync', orgUnitId: unit, scopes: ['org.read'], expiresInDays: null };
    expect(ZCreateApiTokenInput.safeParse(base).success).toBe(true);
    expect(ZCreateApiTokenInput.safeParse({ ...base, scopes: [] }).success).toBe(false);
    expect(ZCreateApiTokenInput.safeParse({ ...base, scopes: ['token.manage'] }).success).toBe(
      false,
    );
    expect(ZCreateApiTokenInput.safeParse({ ...base, expiresInDays: 0 }).success).toBe(false);
    expect(ZCreateApiTokenInput.safeParse({ ...base, expiresInDays: 366 }).success).toBe(false);
    expect(ZCreateApiTokenInput.safeParse({ ...base, name: 'x'.repeat(33) }).success).toBe(false);
  });
});

describe('apiTokenStatus', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('tells revoked from expired from active', () => {
    expect(apiTokenStatus({ enabled: false, expiresAt: null }, now)).toBe('REVOKED');
    expect(
      apiTokenStatus({ enabled: true, expiresAt: new Date('2026-03-10T11:59:59Z') }, now),
    ).toBe('EXPIRED');
    expect(
      apiTokenStatus({ enabled: true, expiresAt: new Date('2026-03-11T00:00:00Z') }, now),
    ).toBe('ACTIVE');
    expect(apiTokenStatus({ enabled: null, expiresAt: null }, now)).toBe('ACTIVE');
  });
});
