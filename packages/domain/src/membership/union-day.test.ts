import { describe, expect, it } from 'vitest';
import { isNotInFuture, unionToday, ZPastDate } from './union-day';

describe('the union’s calendar day', () => {
  it('is the Beijing date, a day ahead of UTC in the early morning', () => {
    expect(unionToday(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23');
    expect(unionToday(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });

  it('accepts today and earlier days, and refuses tomorrow', () => {
    const now = new Date('2026-11-23T23:30:00Z'); // 07:30 on the 24th in Beijing
    expect(isNotInFuture('2026-11-24', now)).toBe(true);
    expect(isNotInFuture('1990-05-17', now)).toBe(true);
    expect(isNotInFuture('2026-11-25', now)).toBe(false);
  });

  it('gives a message key for a future date', () => {
    const result = ZPastDate.safeParse('2999-01-01');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('validation.dateInFuture');
    expect(ZPastDate.safeParse('2000-02-29').success).toBe(true);
    expect(ZPastDate.safeParse('2001-02-29').success).toBe(false);
  });
});
