// What officers type into the members search, drawn from the generated members themselves so
// that searches find people: whole names and parts of names, phone numbers whole or in part,
// member numbers whole or in part. Most are for members inside the officer's own units, some
// for people elsewhere (who then may or may not have namesakes inside).
import pg from 'pg';
import { Random } from './random';

export type SearchKind =
  | 'name-full'
  | 'name-part'
  | 'name-char'
  | 'phone-full'
  | 'phone-last4'
  | 'phone-prefix'
  | 'number-full'
  | 'number-part';

/** Share of each kind in the mix (sums to 1). */
export const SEARCH_MIX: Record<SearchKind, number> = {
  'name-full': 0.28,
  // Surname and first given character, or the given name alone.
  'name-part': 0.15,
  // One given-name character: rarely useful, so rarely typed, but the costliest name search.
  'name-char': 0.02,
  'phone-full': 0.15,
  'phone-last4': 0.1,
  'phone-prefix': 0.05,
  'number-full': 0.1,
  'number-part': 0.15,
};

export interface SearchTerm {
  kind: SearchKind;
  query: string;
}

export function searchFamily(kind: SearchKind): 'name' | 'phone' | 'number' {
  if (kind.startsWith('name')) return 'name';
  return kind.startsWith('phone') ? 'phone' : 'number';
}

interface Sampled {
  name: string;
  phone: string | null;
  member_number: string | null;
}

async function sample(client: pg.Client, where: string, params: unknown[], count: number) {
  // REPEATABLE and an order by hash: the same people in every run on the same data, spread
  // over the whole table (member numbers follow insertion order).
  const result = await client.query<Sampled>(
    `SELECT name, phone, member_number FROM member TABLESAMPLE BERNOULLI (1) REPEATABLE (7)
      WHERE ${where} AND status <> 'MERGED' ORDER BY md5(id::text) LIMIT ${count}`,
    params,
  );
  return result.rows;
}

/**
 * `count` searches in a fixed shuffled order, 80% for members inside `scopePath` and 20% for
 * members elsewhere.
 */
export async function buildSearchMix(
  url: string,
  scopePath: string,
  count: number,
): Promise<SearchTerm[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let people: Sampled[];
  try {
    // Twice as many people as searches: some kinds skip people (no phone, a Latin name…).
    const inside = await sample(client, 'org_unit_path LIKE $1', [`${scopePath}%`], count * 1.6);
    const outside = await sample(
      client,
      'org_unit_path NOT LIKE $1',
      [`${scopePath}%`],
      count * 0.4,
    );
    people = [...inside, ...outside];
  } finally {
    await client.end();
  }
  const random = new Random(4242);
  shuffle(people, random);
  const kinds = Object.entries(SEARCH_MIX) as [SearchKind, number][];
  const terms: SearchTerm[] = [];
  // One pass over the people per kind, each kind starting where the previous one stopped.
  let next = 0;
  for (const [kind, share] of kinds) {
    const wanted = Math.max(1, Math.round(share * count));
    for (let made = 0, tries = 0; made < wanted && tries < people.length; tries += 1) {
      const person = people[next % people.length];
      next += 1;
      const query = person ? termFor(kind, person, random) : null;
      if (query) {
        terms.push({ kind, query });
        made += 1;
      }
    }
  }
  // Shuffled, so the connections do not meet the same kind of search at once.
  shuffle(terms, random);
  return terms;
}

function shuffle<T>(items: T[], random: Random) {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a !== undefined && b !== undefined) {
      items[i] = b;
      items[j] = a;
    }
  }
}

function termFor(kind: SearchKind, person: Sampled, random: Random): string | null {
  const chars = Array.from(person.name);
  const chinese = /^[\u4e00-\u9fff]+$/.test(person.name);
  const digits = person.phone?.slice(3) ?? null;
  switch (kind) {
    case 'name-full':
      return person.name;
    case 'name-part':
      if (!chinese || chars.length < 3) return null;
      return random.next() < 0.5 ? chars.slice(0, 2).join('') : chars.slice(-2).join('');
    case 'name-char':
      return chinese && chars.length >= 2 ? (chars.at(-1) ?? null) : null;
    case 'phone-full':
      return digits;
    case 'phone-last4':
      return digits ? digits.slice(-4) : null;
    case 'phone-prefix':
      return digits ? digits.slice(0, 7) : null;
    case 'number-full':
      return person.member_number;
    case 'number-part':
      // Typed without the leading zeros, as printed on a card.
      return person.member_number ? String(Number(person.member_number)).slice(-6) : null;
  }
}
