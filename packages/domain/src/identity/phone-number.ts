/**
 * Members may sign in with a code by SMS to a mainland China mobile number. Numbers are kept
 * in E.164 (`+86` and the 11 digits), the form Better Auth stores and looks up, so "138 0013
 * 8000", "+86 138-0013-8000" and "008613800138000" are one member.
 */
const E164_CHINA_MOBILE = /^\+861[3-9]\d{9}$/;

/** True for a mainland China mobile number already in E.164 (+86 and 11 digits, 1[3-9]…). */
export function isChinaMobileE164(value: string): boolean {
  return E164_CHINA_MOBILE.test(value);
}

/**
 * The E.164 form of a mainland China mobile number as people type it, or null when it is not
 * one. Spaces, hyphens, dots and parentheses are ignored; the country code may be written
 * `+86`, `0086` or `86` (the last only before all 11 digits).
 */
export function normalizeChinaMobile(input: string): string | null {
  const compact = input.trim().replace(/[\s\-.()]/g, '');
  let national: string;
  if (compact.startsWith('+86')) national = compact.slice(3);
  else if (compact.startsWith('0086')) national = compact.slice(4);
  else if (compact.length === 13 && compact.startsWith('86')) national = compact.slice(2);
  else national = compact;
  const e164 = `+86${national}`;
  return isChinaMobileE164(e164) ? e164 : null;
}
