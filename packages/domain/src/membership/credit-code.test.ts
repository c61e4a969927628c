import { describe, expect, it } from 'vitest';
import {
  composeCreditCode,
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
  parseCreditCode,
} from './credit-code';

/** Published codes: GB 32100-2015's own example and the licences of three large companies. */
const REAL_CODES = [
  '91350100M000100Y43',
  '9144030071526726XG',
  '91330100716105852F',
  '91440300708461136T',
];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(REAL_CODES)('accepts the published code %s', (code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, value: code });
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('normalizes spaces and lower case the way people copy codes', () => {
    expect(parseCreditCode(' 9144 0300 7152 6726 xg ')).toEqual({
      ok: true,
      value: '9144030071526726XG',
    });
  });

  it('refuses a wrong check character, a changed character, and characters outside the alphabet', () => {
    expect(parseCreditCode('9144030071526726XH')).toEqual({ ok: false, reason: 'checkCharacter' });
    expect(parseCreditCode('9144030071526727XG')).toEqual({ ok: false, reason: 'checkCharacter' });
    // I, O, S, V and Z are not in the alphabet, so they cannot be mistaken for 1, 0, 5, U, 2.
    expect(parseCreditCode('9144030071526726XI')).toEqual({ ok: false, reason: 'format' });
    expect(parseCreditCode('914403007152672OXG')).toEqual({ ok: false, reason: 'format' });
    expect(parseCreditCode('91440300715267')).toEqual({ ok: false, reason: 'format' });
    // The region must be six digits.
    expect(parseCreditCode('91A40300715267260G')).toEqual({ ok: false, reason: 'format' });
    expect(creditCodeCheckCharacter('9144030071526726')).toBeNull();
  });

  it('maps a remainder of 0 to "0" rather than to a 32nd character', () => {
    // Search the check characters of one prefix for the wrap-around case.
    const seen = new Set<string>();
    for (let n = 0; n < 1000; n += 1) {
      const check = creditCodeCheckCharacter(`91330108${String(n).padStart(8, '0')}1`);
      if (check) seen.add(check);
    }
    expect(seen.has('0')).toBe(true);
    expect([...seen].every((character) => character.length === 1)).toBe(true);
  });

  it('computes the organization code check character (GB 11714, MOD 11, X for 10)', () => {
    expect(organizationCodeCheckCharacter('71526726')).toBe('X');
    expect(organizationCodeCheckCharacter('71610585')).toBe('2');
    expect(organizationCodeCheckCharacter('M000100Y')).toBe('4');
    expect(organizationCodeCheckCharacter('7152672')).toBeNull();
    expect(organizationCodeCheckCharacter('7152672a')).toBeNull();
  });

  it('composes codes that parse, for a company and a public institution', () => {
    const company = composeCreditCode('91', '330108', '71526726');
    expect(company).toBe('913301087152672' + '6X' + company.charAt(17));
    expect(parseCreditCode(company).ok).toBe(true);
    const school = composeCreditCode('12', '330100', '47000123');
    expect(school.slice(0, 8)).toBe('12330100');
    expect(parseCreditCode(school).ok).toBe(true);
    expect(() => composeCreditCode('91', '3301', '71526726')).toThrow();
  });
});
