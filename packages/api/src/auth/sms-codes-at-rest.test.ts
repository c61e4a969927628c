import { describe, expect, it } from 'vitest';
import { smsCodeDigest, withCodeDigest } from './sms-codes-at-rest';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const PHONE = '+8613800138000';

describe('SMS codes at rest', () => {
  it('stores a new sign-in or reset code as a keyed digest, keeping the attempt count', () => {
    const row = { identifier: `phone-number-otp-${PHONE}`, value: '123456:0', expiresAt: 1 };
    const stored = withCodeDigest(SECRET, row);
    expect(stored).toEqual({ ...row, value: `${smsCodeDigest(SECRET, PHONE, '123456')}:0` });
    expect(stored.value).not.toContain('123456');
    const reset = withCodeDigest(SECRET, {
      identifier: `phone-number-reset-${PHONE}`,
      value: '654321',
    });
    expect(reset.value).toBe(smsCodeDigest(SECRET, PHONE, '654321'));
  });

  it('leaves other rows, and a digest written back with a new attempt count, as they are', () => {
    const digest = `${smsCodeDigest(SECRET, PHONE, '123456')}:2`;
    const back = { identifier: `phone-number-otp-${PHONE}`, value: digest };
    expect(withCodeDigest(SECRET, back)).toBe(back);
    const email = { identifier: 'sign-in-otp-member@example.org', value: '123456:0' };
    expect(withCodeDigest(SECRET, email)).toBe(email);
    const token = { identifier: 'reset-password:abc', value: 'user-id' };
    expect(withCodeDigest(SECRET, token)).toBe(token);
  });

  it('depends on the secret, the number and the code', () => {
    const digest = smsCodeDigest(SECRET, PHONE, '123456');
    expect(smsCodeDigest(SECRET, PHONE, '123456')).toBe(digest);
    expect(smsCodeDigest(`${SECRET}x`, PHONE, '123456')).not.toBe(digest);
    expect(smsCodeDigest(SECRET, '+8613900139000', '123456')).not.toBe(digest);
    expect(smsCodeDigest(SECRET, PHONE, '123457')).not.toBe(digest);
  });
});
