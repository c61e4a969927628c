import superjson from 'superjson';

type Annotation = ['Date'] | ['undefined'];
type Found = { path: string; annotation: Annotation };

/** What the fast path answers for a value it does not handle exactly like superjson. */
const NOT_PLAIN = Symbol('not plain');

/** superjson's escaping of one path segment (pathstringifier.ts). */
function escapeKey(key: string): string {
  return key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The objects met so far in one answer. A linear search of a short list is several times
 * cheaper than a Set for the dozen objects of a typical answer; a large one moves to a Set.
 */
class SeenObjects {
  private list: object[] = [];
  private set: Set<object> | undefined;

  /** Adds `value`; false when it was already there. */
  add(value: object): boolean {
    if (this.set !== undefined) {
      const size = this.set.size;
      return this.set.add(value).size !== size;
    }
    const list = this.list;
    for (let index = 0; index < list.length; index += 1) if (list[index] === value) return false;
    list.push(value);
    if (list.length > 32) this.set = new Set(list);
    return true;
  }
}

/** superjson's path of a value: its keys, each escaped, joined by dots (pathstringifier.ts). */
function pathOf(keys: (string | number)[]): string {
  return keys.map((key) => escapeKey(String(key))).join('.');
}

/**
 * Walks `value` as superjson's walker does for the values API answers are made of (plain
 * objects, arrays, strings, finite numbers, booleans, null, undefined and valid Dates) and
 * returns the JSON-safe copy, noting Dates and undefined values by path. Anything else, and an
 * object met twice (superjson then records referential equalities), gives NOT_PLAIN. `keys` is
 * the path to `value`, as raw keys and indexes; it is joined into superjson's path syntax only
 * for annotated values. Strings, booleans, null and ordinary numbers, most of an answer, are
 * taken in the loops without a call or a path.
 */
function walk(
  value: unknown,
  keys: (string | number)[],
  seen: SeenObjects,
  found: Found[],
): unknown {
  // Plain leaves never get here (the loops take them, isPlainLeaf): a number here is NaN,
  // ±Infinity or -0, which superjson annotates, so it is left to superjson with bigints,
  // symbols and functions.
  switch (typeof value) {
    case 'undefined':
      found.push({ path: pathOf(keys), annotation: ['undefined'] });
      return null;
    case 'object': {
      if (value === null) return null;
      if (!seen.add(value)) return NOT_PLAIN;
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) return NOT_PLAIN;
        found.push({ path: pathOf(keys), annotation: ['Date'] });
        return value.toISOString();
      }
      // Copy on write: a subtree with nothing to change (no Date, no undefined) is returned as
      // it is, so a plain answer is checked without being copied.
      if (Array.isArray(value)) {
        const array: unknown[] = value;
        let copy: unknown[] | undefined;
        for (let index = 0; index < array.length; index += 1) {
          const original = array[index];
          let item: unknown = original;
          if (!isPlainLeaf(original)) {
            // A hole is skipped by superjson (Object.entries) and becomes null in JSON.
            if (original === undefined && !(index in array)) return NOT_PLAIN;
            keys.push(index);
            item = walk(original, keys, seen, found);
            keys.pop();
            if (item === NOT_PLAIN) return NOT_PLAIN;
          }
          if (copy === undefined && item !== original) copy = array.slice(0, index);
          copy?.push(item);
        }
        return copy ?? value;
      }
      if (!isPlainObject(value)) return NOT_PLAIN;
      const record = value as Record<string, unknown>;
      let copy: Record<string, unknown> | undefined;
      // Keys and values in one go each: reading each value by its key was a keyed lookup with
      // a different key every time, the walk's largest cost.
      const objectKeys = Object.keys(record);
      const values = Object.values(record);
      for (let index = 0; index < objectKeys.length; index += 1) {
        const key = objectKeys[index] as string;
        // superjson refuses these keys (prototype pollution); let it say so.
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') return NOT_PLAIN;
        const original = values[index];
        let item: unknown = original;
        if (!isPlainLeaf(original)) {
          keys.push(key);
          item = walk(original, keys, seen, found);
          keys.pop();
          if (item === NOT_PLAIN) return NOT_PLAIN;
        }
        if (copy === undefined && item !== original) {
          copy = {};
          for (let earlier = 0; earlier < index; earlier += 1) {
            copy[objectKeys[earlier] as string] = values[earlier];
          }
        }
        if (copy !== undefined) copy[key] = item;
      }
      return copy ?? value;
    }
    default:
      // NaN, ±Infinity, -0, bigint, symbol, function.
      return NOT_PLAIN;
  }
}

/** A finite number other than -0: what superjson leaves without an annotation. */
function isOrdinaryNumber(value: number): boolean {
  return Number.isFinite(value) && !(value === 0 && 1 / value < 0);
}

/** A value superjson writes as it is, with nothing under it: no walk needed. */
function isPlainLeaf(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    value === null ||
    (typeof value === 'number' && isOrdinaryNumber(value))
  );
}

/**
 * superjson.serialize, with a fast path for plain data. superjson's walker is general (classes,
 * Maps, Sets, referential equality) and allocates path arrays and maps at every node; for a 1 KB
 * answer it cost more CPU than the rest of the tRPC call. The fast path yields exactly what
 * superjson yields (transformer.test.ts compares them), and hands anything unusual to superjson.
 */
export function serializeOutput(value: unknown): unknown {
  // A root that is itself a Date or undefined has a bare annotation, not a map of paths.
  if (value === undefined) return { json: null, meta: { values: ['undefined'], v: 1 } };
  if (!(typeof value === 'object' && value !== null) || value instanceof Date) {
    return superjson.serialize(value);
  }
  const found: Found[] = [];
  const json = walk(value, [], new SeenObjects(), found);
  if (json === NOT_PLAIN) return superjson.serialize(value);
  if (found.length === 0) return { json };
  const values: Record<string, Annotation> = {};
  for (const { path, annotation } of found) values[path] = annotation;
  return { json, meta: { values, v: 1 } };
}

/**
 * The tRPC transformer: superjson both ways, as the clients expect, with the fast path above for
 * answers.
 */
export const transformer = {
  input: superjson,
  output: {
    serialize: serializeOutput,
    deserialize: superjson.deserialize,
  },
};
