import { describe, expect, it } from 'vitest';
import { nameGrams, normalizeForSearch, queryGrams } from './name-grams';

/** What the database does: a row matches when it holds every gram of the query. */
const matches = (name: string, term: string) => {
  const stored = new Set(nameGrams(name));
  return queryGrams(term).every((gram) => stored.has(gram));
};

describe('name grams', () => {
  it('stores characters and adjacent pairs once each', () => {
    expect(nameGrams('张伟')).toEqual(['张', '伟', '张伟']);
    expect(nameGrams('欧阳娜娜').sort()).toEqual(['娜', '娜娜', '欧', '欧阳', '阳', '阳娜'].sort());
  });

  it('finds Chinese names by one or two characters, in order', () => {
    expect(matches('张伟明', '伟')).toBe(true);
    expect(matches('张伟明', '张伟')).toBe(true);
    expect(matches('张伟明', '伟明')).toBe(true);
    expect(matches('张伟明', '张明')).toBe(false);
    expect(matches('李娜', '张')).toBe(false);
  });

  it('treats Latin names case- and width-insensitively, ignoring spaces and dots', () => {
    expect(normalizeForSearch(' Ｚhang  Wei ')).toBe('zhangwei');
    expect(matches('Zhang Wei', 'ngwe')).toBe(true);
    expect(matches('Mary-Jane O.Neil', 'janeo')).toBe(true);
  });

  it('asks for nothing on an empty term', () => {
    expect(queryGrams('  ')).toEqual([]);
  });
});
