import { setFlagsFromString } from 'node:v8';

// V8's own check of whether two objects share a hidden class (`%HaveSameMap`), made callable.
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
  a: object,
  b: object,
) => boolean;

/**
 * Whether every object made by `make` shares one hidden class once V8 has warmed up to it. On
 * Node 20, `{ ...spread, more }` fails this: each object gets a class of its own, which is slow
 * to build and slow to read. For the objects built per request or per row on hot paths.
 */
export function keepsOneShape(make: (i: number) => object): boolean {
  const made = Array.from({ length: 200 }, (_, i) => make(i));
  const last = made[made.length - 1] as object;
  return made.every((object) => haveSameMap(object, last));
}
