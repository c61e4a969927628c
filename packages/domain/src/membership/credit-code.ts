/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies an employer:
 * 18 characters from a 31-character alphabet (digits and capitals without I, O, S, V, Z).
 *
 *   1      registration authority (1 机构编制, 5 民政, 9 工商, Y other…)
 *   2      organization category (for 9: 1 company, 2 individual business, 3 co-operative)
 *   3-8    administrative region (GB/T 2260), e.g. 330108
 *   9-17   organization code (GB 11714), whose last character is its own check character
 *   18     check character over the first 17 (MOD 31)
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The organization code's weights (GB 11714-1997, MOD 11). */
const ORGANIZATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Upper-cases and removes spaces, the way people copy codes from licences. */
export function normalizeCreditCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The 18th character for the first 17, or null when they are not 17 alphabet characters. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = ALPHABET.indexOf(first17.charAt(index));
    if (value < 0) return null;
    sum += value * (WEIGHTS[index] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * The 9th character of an organization code for its first eight (digits and capitals; a
 * letter counts as 10 for A up to 35 for Z), or null when they are not eight such characters.
 */
export function organizationCodeCheckCharacter(first8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(first8)) return null;
  let sum = 0;
  for (let index = 0; index < 8; index += 1) {
    sum += Number.parseInt(first8.charAt(index), 36) * (ORGANIZATION_WEIGHTS[index] ?? 0);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

/**
 * Why a unified social credit code is not valid, or the normalized code. The shape and the
 * final check character are what GB 32100 defines for the whole code; the organization code's
 * own check character inside it is not required, so no code valid under GB 32100 is refused.
 */
export function parseCreditCode(
  raw: string,
): { ok: true; value: string } | { ok: false; reason: 'format' | 'checkCharacter' } {
  const value = normalizeCreditCode(raw);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) {
    return { ok: false, reason: 'format' };
  }
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, reason: 'checkCharacter' };
  }
  return { ok: true, value };
}

/**
 * A complete code from its parts: authority and category (e.g. "91"), the six-digit region,
 * and the eight-character body of the organization code; both check characters are computed.
 */
export function composeCreditCode(prefix: string, region: string, organizationBody: string) {
  const organizationCheck = organizationCodeCheckCharacter(organizationBody);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}$/.test(prefix) || !/^\d{6}$/.test(region) || !organizationCheck) {
    throw new Error(`cannot compose a credit code from ${prefix}/${region}/${organizationBody}`);
  }
  const first17 = `${prefix}${region}${organizationBody}${organizationCheck}`;
  const check = creditCodeCheckCharacter(first17);
  if (!check)
    throw new Error(`organization code ${organizationBody} uses letters outside GB 32100`);
  return `${first17}${check}`;
}
