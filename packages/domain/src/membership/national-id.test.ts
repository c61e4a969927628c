import { describe, expect, it } from 'vitest';
import { maskResidentId, parseResidentId, residentIdCheckCharacter } from './national-id';

const TODAY = new Date('2026-11-23T00:00:00Z');

describe('resident ID numbers', () => {
  it('accepts the published GB 11643 example and reads birth date and sex', () => {
    // The standard's own example: 11010519491231002X, a woman born 31 Dec 1949 in Beijing.
    const parsed = parseResidentId('11010519491231002x', TODAY);
    expect(parsed).toEqual({
      ok: true,
      value: '11010519491231002X',
      facts: { birthDate: '1949-12-31', sex: 'FEMALE', province: '11' },
    });
  });

  it('computes check characters, including X for 10', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    // The standard's second example, 440524188001010014, ends in 4.
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it('refuses a wrong check digit, a bad date, an unknown region and bad formats', () => {
    expect(parseResidentId('110105194912310021', TODAY)).toEqual({
      ok: false,
      reason: 'checkDigit',
    });
    expect(parseResidentId('110105194902300020', TODAY)).toMatchObject({
      ok: false,
      reason: 'birthDate',
    });
    expect(parseResidentId('110105203001010020', TODAY)).toMatchObject({
      ok: false,
      reason: 'birthDate',
    });
    expect(parseResidentId('990105194912310020', TODAY)).toMatchObject({
      ok: false,
      reason: 'region',
    });
    expect(parseResidentId('1101051949123100', TODAY)).toMatchObject({
      ok: false,
      reason: 'format',
    });
    expect(parseResidentId('11010519491231002Y', TODAY)).toMatchObject({
      ok: false,
      reason: 'format',
    });
  });

  it('reads the sex from the sequence digit', () => {
    const male = '11010519800101001';
    const id = male + residentIdCheckCharacter(male);
    expect(parseResidentId(id, TODAY)).toMatchObject({ ok: true, facts: { sex: 'MALE' } });
  });

  it('accepts 29 February only in leap years', () => {
    const leap = '11010520000229002';
    const notLeap = '11010520010229002';
    expect(parseResidentId(leap + residentIdCheckCharacter(leap), TODAY).ok).toBe(true);
    expect(parseResidentId(notLeap + residentIdCheckCharacter(notLeap), TODAY)).toMatchObject({
      reason: 'birthDate',
    });
  });

  it('masks all but the last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('**************002X');
  });
});
