import { describe, expect, it } from 'vitest';
import { memberSortName } from './sort-name';

/** Sorts as PostgreSQL does under COLLATE "C": by UTF-8 bytes, i.e. by code point here. */
const byteOrder = (names: string[]) =>
  [...names].sort((a, b) => {
    const [x, y] = [memberSortName(a), memberSortName(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });

describe('member sort keys', () => {
  it('put names in pinyin order, not code-point order', () => {
    // By code point 张 (U+5F20) comes before 李 (U+674E) and 王 (U+738B) comes last of all.
    expect(['张三', '李四', '王五'].sort()).toEqual(['张三', '李四', '王五']);
    expect(byteOrder(['张三', '李四', '王五'])).toEqual(['李四', '王五', '张三']);
  });

  it('sort li before lin, a tone after another, and keep one reading’s names together', () => {
    const sorted = byteOrder(['林涛', '张伟', '李涛', '章伟', '黎明', '赵伟']);
    // li2, li3, lin2, then the two zhang1 wei3 side by side, then zhao4.
    expect(sorted.slice(0, 3)).toEqual(['黎明', '李涛', '林涛']);
    expect(new Set(sorted.slice(3, 5))).toEqual(new Set(['张伟', '章伟']));
    expect(sorted[5]).toBe('赵伟');
  });

  it('read the first character as a surname, and keep Latin letters in lower case', () => {
    expect(memberSortName('单雄信').startsWith('shan4 xiong2 xin4')).toBe(true);
    expect(memberSortName('曾国藩').startsWith('zeng1 ')).toBe(true);
    expect(memberSortName('吕布').startsWith('lv3 bu4')).toBe(true);
    expect(memberSortName(' Anna  Li ').startsWith('annali')).toBe(true);
  });
});
