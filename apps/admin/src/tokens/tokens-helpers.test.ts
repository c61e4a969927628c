import { describe, expect, it } from 'vitest';
import { EXPIRY_CHOICES, expiryValue, parseExpiry, relativeTime } from './tokens-helpers';

const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('relativeTime', () => {
  it('says "now" under a minute', () => {
    expect(relativeTime(ago(20), now, 'en')).toBe('now');
    expect(relativeTime(ago(20), now, 'zh-CN')).toBe('现在');
  });

  it('names the coarsest unit that fits, in both languages', () => {
    expect(relativeTime(ago(5 * 60), now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3600), now, 'en')).toBe('3 hours ago');
    expect(relativeTime(ago(24 * 3600), now, 'en')).toBe('yesterday');
    expect(relativeTime(ago(3 * 3600), now, 'zh-CN')).toBe('3小时前');
    expect(relativeTime(ago(2 * 24 * 3600), now, 'zh-CN')).toBe('前天');
  });

  it('speaks of the future too (expiry dates)', () => {
    expect(relativeTime(ago(-90 * 24 * 3600), now, 'en')).toBe('in 3 months');
    expect(relativeTime(ago(-400 * 24 * 3600), now, 'en')).toBe('next year');
  });
});

describe('expiry choices', () => {
  it('round-trip through the select value', () => {
    for (const choice of EXPIRY_CHOICES) expect(parseExpiry(expiryValue(choice))).toBe(choice);
    expect(parseExpiry('bogus')).toBeNull();
  });
});
