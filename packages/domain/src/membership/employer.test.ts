import { describe, expect, it } from 'vitest';
import { ZCreditCode, ZEmployerInput, unionDensity } from './employer';

describe('employer contracts', () => {
  it('normalizes a credit code typed with spaces and in lower case', () => {
    expect(ZCreditCode.parse(' 9144 0300 7152 6726 xg ')).toBe('9144030071526726XG');
  });

  it('tells a mistyped check character apart from a malformed code', () => {
    const wrongCheck = ZCreditCode.safeParse('9144030071526726XH');
    expect(wrongCheck.success).toBe(false);
    expect(wrongCheck.error?.issues.map((issue) => issue.message)).toEqual([
      'validation.creditCodeCheck',
    ]);
    // One character changed in the middle also breaks the check character.
    expect(ZCreditCode.safeParse('9144030071526727XG').error?.issues[0]?.message).toBe(
      'validation.creditCodeCheck',
    );
    expect(ZCreditCode.safeParse('ABC').error?.issues[0]?.message).toBe('validation.creditCode');
    expect(ZCreditCode.safeParse('9144030071526726XI').error?.issues[0]?.message).toBe(
      'validation.creditCode',
    );
  });

  it('reports the credit code issue on the creditCode field of an employer', () => {
    const result = ZEmployerInput.safeParse({ name: '星辰科技', creditCode: '91330100716105852G' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['creditCode'],
      message: 'validation.creditCodeCheck',
    });
    expect(ZEmployerInput.safeParse({ name: '星辰科技', creditCode: null }).success).toBe(true);
  });

  it('computes the union density only when the workforce is known', () => {
    expect(unionDensity(3, 4)).toBe(0.75);
    expect(unionDensity(1, 3)).toBe(0.333);
    expect(unionDensity(3, null)).toBeNull();
    expect(unionDensity(3, 0)).toBeNull();
  });
});
