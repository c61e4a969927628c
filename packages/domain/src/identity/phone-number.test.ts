import { describe, expect, it } from 'vitest';
import { isChinaMobileE164, normalizeChinaMobile } from './phone-number';
import { ZChinaMobile } from './phone-number-schema';

describe('normalizeChinaMobile', () => {
  it('brings the usual notations of one number to the same E.164 form', () => {
    for (const typed of [
      '13800138000',
      '138 0013 8000',
      '138-0013-8000',
      '+8613800138000',
      '+86 138 0013 8000',
      '(+86) 138.0013.8000',
      '008613800138000',
      '8613800138000',
      '  13800138000  ',
    ]) {
      expect(normalizeChinaMobile(typed), typed).toBe('+8613800138000');
    }
  });

  it('accepts every mobile prefix from 13 to 19', () => {
    for (const second of ['3', '4', '5', '6', '7', '8', '9']) {
      expect(normalizeChinaMobile(`1${second}912345678`)).toBe(`+861${second}912345678`);
    }
  });

  it('refuses numbers that are not mainland mobiles', () => {
    for (const typed of [
      '',
      '12800138000', // 12x is not a mobile prefix
      '10086', // a service number
      '1380013800', // 10 digits
      '138001380001', // 12 digits
      '02088888888', // a Guangzhou landline
      '+85291234567', // Hong Kong
      '+1 415 555 0100', // elsewhere
      '+86 010 8888 8888', // a landline with the country code
      '1380013800a',
      '+8613800138000 ext 1',
    ]) {
      expect(normalizeChinaMobile(typed), typed).toBeNull();
    }
  });
});

describe('isChinaMobileE164', () => {
  it('accepts only the stored form', () => {
    expect(isChinaMobileE164('+8613800138000')).toBe(true);
    expect(isChinaMobileE164('13800138000')).toBe(false);
    expect(isChinaMobileE164('+86 13800138000')).toBe(false);
    expect(isChinaMobileE164('+8612800138000')).toBe(false);
  });
});

describe('ZChinaMobile', () => {
  it('parses to E.164 and reports its own message key otherwise', () => {
    expect(ZChinaMobile.parse('138 0013 8000')).toBe('+8613800138000');
    const result = ZChinaMobile.safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('validation.chinaMobile');
  });
});
