import { parseCookies } from 'better-auth/cookies';
import { describe, expect, it } from 'vitest';
import { cookieValue } from './actor';

const NAME = '__Secure-uh.session_token';

describe('cookieValue', () => {
  it('finds a cookie wherever it stands, as browsers send the header', () => {
    expect(cookieValue(`${NAME}=abc.def%3D`, NAME)).toBe('abc.def%3D');
    expect(cookieValue(`theme=dark; ${NAME}=abc.def; uh.locale=en`, NAME)).toBe('abc.def');
    expect(cookieValue(`theme=dark;${NAME}=abc`, NAME)).toBe('abc');
  });

  it('does not take a cookie whose name only ends with the name, or an empty one', () => {
    expect(cookieValue(`x${NAME}=forged; theme=dark`, NAME)).toBeUndefined();
    expect(cookieValue(`evil=${NAME}=forged`, NAME)).toBeUndefined();
    expect(cookieValue(`${NAME}=; theme=dark`, NAME)).toBeUndefined();
    expect(cookieValue('theme=dark', NAME)).toBeUndefined();
  });

  it('agrees with Better Auth’s parser on which cookie counts', () => {
    for (const header of [
      `${NAME}=first; ${NAME}=second`,
      `a=1; x${NAME}=no; ${NAME}=yes; b=2`,
      `${NAME}=only`,
      `a=${NAME}=inside; b=2`,
    ]) {
      expect(cookieValue(header, NAME)).toBe(parseCookies(header).get(NAME));
    }
  });
});
