import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale';

describe('pickLocale', () => {
  it('honours quality values in Accept-Language', () => {
    expect(pickLocale('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(pickLocale('fr;q=1, zh-TW;q=0.7, en;q=0.5')).toBe('zh-CN');
  });

  it('falls back to zh-CN when nothing matches or nothing is given', () => {
    expect(pickLocale('fr-FR,de;q=0.5')).toBe('zh-CN');
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('')).toBe('zh-CN');
  });

  it('accepts a browser language list', () => {
    expect(pickLocale(['en-GB', 'zh-CN'])).toBe('en');
  });
});
