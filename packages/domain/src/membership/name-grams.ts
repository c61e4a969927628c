/**
 * Name search that works for Chinese. PostgreSQL's trigram indexes need three characters, but
 * Chinese names are two or three characters long and people search for one or two of them
 * ("伟", "张伟"). So each member row keeps the single characters and the pairs of adjacent
 * characters of its name in an array with a GIN index: a search for "张伟" asks for rows
 * holding the pair "张伟", a search for "伟" for rows holding "伟", and a final ILIKE check
 * keeps the matches exact. Latin names work the same way, case-insensitively.
 */
export function normalizeForSearch(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•.\-_]+/g, '');
}

/** The grams stored for a name: every character and every adjacent pair, without repeats. */
export function nameGrams(name: string): string[] {
  const chars = Array.from(normalizeForSearch(name));
  const grams = new Set<string>(chars);
  for (let index = 0; index + 1 < chars.length; index += 1) {
    grams.add(`${chars[index] ?? ''}${chars[index + 1] ?? ''}`);
  }
  return [...grams];
}

/** The grams a row must hold to match `term`: its pairs, or the character itself. */
export function queryGrams(term: string): string[] {
  const chars = Array.from(normalizeForSearch(term));
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let index = 0; index + 1 < chars.length; index += 1) {
    grams.add(`${chars[index] ?? ''}${chars[index + 1] ?? ''}`);
  }
  return [...grams];
}
