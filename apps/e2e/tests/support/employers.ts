import { randomInt } from 'node:crypto';

/** GB 32100's alphabet (no I, O, S, V, Z) and the weights of the check character. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function creditCodeCheck(first17: string): string {
  const sum = [...first17].reduce(
    (total, character, index) => total + ALPHABET.indexOf(character) * (WEIGHTS[index] ?? 0),
    0,
  );
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * A random, valid unified social credit code (a company in Binjiang's region) and the same
 * code with a wrong last character, the typo the console must catch.
 */
export function randomCreditCode(): { valid: string; wrongCheck: string } {
  const body = String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  const first17 = `91330108${body}`;
  const check = creditCodeCheck(first17);
  const wrong = ALPHABET.charAt((ALPHABET.indexOf(check) + 1) % ALPHABET.length);
  return { valid: first17 + check, wrongCheck: first17 + wrong };
}
