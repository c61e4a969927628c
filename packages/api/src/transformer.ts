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
 * Walks `value` as superjson's walker does for the values API answers are made of (plain
 * objects, arrays, strings, finite numbers, booleans, null, undefined and valid Dates) and
 * returns the JSON-safe copy, noting Dates and undefined values by path. Anything else, and an
 * object met twice (superjson then records referential equalities), gives NOT_PLAIN. `keys` is
 * the path to `value`; it is joined into superjson's path syntax only for annotated values.
 */
function walk(value: unknown, keys: string[], seen: Set<object>, found: Found[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // NaN, ±Infinity and -0 get superjson's 'number' annotations: left to superjson.
      if (!Number.isFinite(value) || Object.is(value, -0)) return NOT_PLAIN;
      return value;
    case 'undefined':
      found.push({ path: keys.map(escapeKey).join('.'), annotation: ['undefined'] });
      return null;
    case 'object': {
      if (value === null) return null;
      if (seen.has(value)) return NOT_PLAIN;
      seen.add(value);
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) return NOT_PLAIN;
        found.push({ path: keys.map(escapeKey).join('.'), annotation: ['Date'] });
        return value.toISOString();
      }
      // Copy on write: a subtree with nothing to change (no Date, no undefined) is returned as
      // it is, so a plain answer is checked without being copied.
      if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        for (let index = 0; index < value.length; index += 1) {
          // A hole is skipped by superjson (Object.entries) and becomes null in JSON.
          if (!(index in value)) return NOT_PLAIN;
          keys.push(String(index));
          const original: unknown = value[index];
          const item = walk(original, keys, seen, found);
          keys.pop();
          if (item === NOT_PLAIN) return NOT_PLAIN;
          if (copy === undefined && item !== original) copy = value.slice(0, index);
          copy?.push(item);
        }
        return copy ?? value;
      }
      if (!isPlainObject(value)) return NOT_PLAIN;
      let copy: Record<string, unknown> | undefined;
      const objectKeys = Object.keys(value);
      for (let index = 0; index < objectKeys.length; index += 1) {
        const key = objectKeys[index] as string;
        // superjson refuses these keys (prototype pollution); let it say so.
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') return NOT_PLAIN;
        keys.push(key);
        const original: unknown = Reflect.get(value, key);
        const item = walk(original, keys, seen, found);
        keys.pop();
        if (item === NOT_PLAIN) return NOT_PLAIN;
        if (copy === undefined && item !== original) {
          copy = {};
          for (const earlier of objectKeys.slice(0, index))
            copy[earlier] = Reflect.get(value, earlier);
        }
        if (copy !== undefined) copy[key] = item;
      }
      return copy ?? value;
    }
    default:
      // bigint, symbol, function.
      return NOT_PLAIN;
  }
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
  const json = walk(value, [], new Set(), found);
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
