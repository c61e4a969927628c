import superjson from 'superjson';
import { describe, expect, it, vi } from 'vitest';
import { serializeOutput } from './transformer';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['id', 'name', 'a.b', 'back\\slash', '0', '12', '', 'createdAt', 'items', 'x.y.z'];

/** Values shaped like API answers, with the odd things superjson annotates mixed in. */
function value(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 8 : 11));
  switch (pick) {
    case 0:
      return `text ${Math.floor(next() * 1000)}`;
    case 1:
      return Math.floor(next() * 10_000) - 5000;
    case 2:
      return next() < 0.5;
    case 3:
      return null;
    case 4:
      return undefined;
    case 5:
      return new Date(Math.floor(next() * 2_000_000_000_000));
    case 6:
      return next() * 100;
    case 7:
      return '';
    case 8:
    case 9: {
      const object: Record<string, unknown> = {};
      const size = Math.floor(next() * 5);
      for (let i = 0; i < size; i += 1) {
        object[KEYS[Math.floor(next() * KEYS.length)] ?? 'k'] = value(next, depth + 1);
      }
      return object;
    }
    default:
      return Array.from({ length: Math.floor(next() * 5) }, () => value(next, depth + 1));
  }
}

describe('serializeOutput', () => {
  it('gives what superjson gives for plain answers, dates and undefined values', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i += 1) {
      const input = value(next, 0);
      const before = structuredClone(input);
      expect(serializeOutput(input)).toStrictEqual(superjson.serialize(input));
      // Plain parts are returned as they are, not copied: the answer must still be untouched.
      expect(input).toStrictEqual(before);
    }
  });

  it('leaves to superjson what it does not handle itself', () => {
    const shared = { id: 1 };
    const date = new Date('2026-01-02T03:04:05.000Z');
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    class Money {
      constructor(readonly cents: number) {}
    }
    const cases: unknown[] = [
      { a: shared, b: shared },
      { from: date, to: date },
      { n: Number.NaN, i: Infinity, z: -0 },
      { big: 10n },
      { when: new Date(Number.NaN) },
      { tags: new Set(['a']), byId: new Map([['a', 1]]) },
      { pattern: /x/g },
      { error: new Error('boom') },
      { money: new Money(5) },
      sparse,
      date,
      undefined,
      'text',
      12,
      null,
      Object.assign(Object.create(null) as object, { id: 'no prototype', at: date }),
    ];
    for (const input of cases) {
      expect(serializeOutput(input)).toStrictEqual(superjson.serialize(input));
    }
  });

  it('finds an object met twice in a large answer too (past the short list of seen objects)', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ id: i, unit: { code: `U${i}` } }));
    const shared = rows[4]?.unit;
    const repeated = [...rows, { id: 100, unit: shared }];
    expect(serializeOutput(repeated)).toStrictEqual(superjson.serialize(repeated));
    expect(superjson.serialize(repeated).meta).toHaveProperty('referentialEqualities');
    const early = [{ id: 0, unit: shared }, ...rows];
    expect(serializeOutput(early)).toStrictEqual(superjson.serialize(early));
    expect(serializeOutput(rows)).toStrictEqual(superjson.serialize(rows));
  });

  it('walks plain answers itself', () => {
    const spy = vi.spyOn(superjson, 'serialize');
    try {
      const next = random(11);
      for (let i = 0; i < 200; i += 1) {
        const input = { page: value(next, 1), at: new Date(0), gone: undefined };
        serializeOutput(input);
      }
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses what superjson refuses', () => {
    const polluted: unknown = JSON.parse('{"__proto__": {"admin": true}}');
    expect(() => serializeOutput(polluted)).toThrow(/prototype pollution/);
  });

  it('round-trips through the clients’ superjson', () => {
    const answer = {
      items: [
        { id: 'm1', name: '张三', joinedAt: new Date('2020-05-01T00:00:00.000Z'), phone: null },
        {
          id: 'm2',
          name: 'Li.Si',
          joinedAt: new Date('2021-06-01T00:00:00.000Z'),
          note: undefined,
        },
      ],
      nextCursor: null,
    };
    expect(superjson.deserialize(JSON.parse(JSON.stringify(serializeOutput(answer))))).toEqual(
      answer,
    );
  });
});
