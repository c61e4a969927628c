import { describe, expect, it } from 'vitest';
import { ZApplyInput, ZChangeMemberStatusInput, ZIdDocument, ZMobilePhone } from './member';
import { CONSENT_TEXTS, CURRENT_CONSENT_VERSION } from './consent';

describe('member contracts', () => {
  it('normalizes mainland mobile numbers to E.164', () => {
    expect(ZMobilePhone.parse('138 0013 8000')).toBe('+8613800138000');
    expect(ZMobilePhone.parse('+86 138-0013-8000')).toBe('+8613800138000');
    expect(ZMobilePhone.parse('8613800138000')).toBe('+8613800138000');
    const bad = ZMobilePhone.safeParse('12800138000');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('validation.chinaMobile');
    expect(ZMobilePhone.safeParse('1380013800').success).toBe(false);
  });

  it('checks resident IDs by the national rules and other documents by shape', () => {
    expect(
      ZIdDocument.safeParse({ type: 'RESIDENT_ID', number: '11010519491231002X' }).success,
    ).toBe(true);
    const wrongCheck = ZIdDocument.safeParse({ type: 'RESIDENT_ID', number: '110105194912310021' });
    expect(wrongCheck.error?.issues[0]).toMatchObject({
      path: ['number'],
      message: 'validation.residentIdCheckDigit',
    });
    expect(ZIdDocument.safeParse({ type: 'PASSPORT', number: 'E12345678' }).success).toBe(true);
    expect(ZIdDocument.safeParse({ type: 'PASSPORT', number: 'E1;DROP' }).success).toBe(false);
  });

  it('requires a reason for every status change but approval', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(
      ZChangeMemberStatusInput.safeParse({ id, action: 'APPROVE', expectedVersion: 1 }).success,
    ).toBe(true);
    const noReason = ZChangeMemberStatusInput.safeParse({
      id,
      action: 'SUSPEND',
      expectedVersion: 1,
    });
    expect(noReason.error?.issues[0]).toMatchObject({
      path: ['reason'],
      message: 'validation.reasonRequired',
    });
  });

  it('lower-cases the email of an application and has a consent text in both languages', () => {
    const parsed = ZApplyInput.parse({
      id: '00000000-0000-4000-8000-000000000001',
      name: '张伟',
      idDocument: { type: 'RESIDENT_ID', number: '11010519491231002X' },
      phone: '13800138000',
      email: 'Zhang.Wei@Example.org',
      orgUnitId: '00000000-0000-4000-8000-000000000002',
      consentVersion: CURRENT_CONSENT_VERSION,
    });
    expect(parsed.email).toBe('zhang.wei@example.org');
    expect(parsed.employerHasNoUnion).toBe(false);
    expect(CONSENT_TEXTS[CURRENT_CONSENT_VERSION]?.['zh-CN']).toContain('加密');
    expect(CONSENT_TEXTS[CURRENT_CONSENT_VERSION]?.en).toContain('encrypted');
  });
});
