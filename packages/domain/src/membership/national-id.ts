/**
 * The Chinese resident identity card number (居民身份证号码, GB 11643-1999): 6 digits of
 * region, 8 of birth date (YYYYMMDD), 3 of sequence (odd for men, even for women) and a check
 * character computed ISO 7064 MOD 11-2 ("X" stands for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export interface TResidentIdFacts {
  /** Birth date as YYYY-MM-DD. */
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  /** The two-digit province code (e.g. 11 Beijing, 44 Guangdong). */
  province: string;
}

/** Upper-cases a trailing x and removes spaces, the way people type it. */
export function normalizeResidentId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += Number(first17.charAt(index)) * (WEIGHTS[index] ?? 0);
  }
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** Province codes in use (GB/T 2260): 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81-83. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/**
 * Why a resident ID number is not valid, or its facts. `today` bounds the birth date (no one
 * is born in the future or more than 130 years ago).
 */
export function parseResidentId(
  raw: string,
  today: Date = new Date(),
):
  | { ok: true; value: string; facts: TResidentIdFacts }
  | { ok: false; reason: 'format' | 'region' | 'birthDate' | 'checkDigit' } {
  const value = normalizeResidentId(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'format' };
  const province = value.slice(0, 2);
  if (!PROVINCES.has(province)) return { ok: false, reason: 'region' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    birth.getUTCFullYear() === year &&
    birth.getUTCMonth() === month - 1 &&
    birth.getUTCDate() === day;
  const oldest = Date.UTC(today.getUTCFullYear() - 130, today.getUTCMonth(), today.getUTCDate());
  if (!realDate || birth.getTime() > today.getTime() || birth.getTime() < oldest) {
    return { ok: false, reason: 'birthDate' };
  }
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, reason: 'checkDigit' };
  }
  return {
    ok: true,
    value,
    facts: {
      birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
      sex: Number(value.charAt(16)) % 2 === 1 ? 'MALE' : 'FEMALE',
      province,
    },
  };
}

/** For display to officers: the last four characters only. */
export function maskResidentId(value: string): string {
  return `${'*'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
}
