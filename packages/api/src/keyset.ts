import { UnionhallError } from '@unionhall/domain';

/**
 * Keyset pagination by (name, id): the cursor is the last row's sort key, opaque to clients.
 * A page deep in a long list costs what the first one does, unlike OFFSET.
 */
export interface NameCursor {
  name: string;
  id: string;
}

export function encodeNameCursor(cursor: NameCursor): string {
  return Buffer.from(JSON.stringify({ name: cursor.name, id: cursor.id }), 'utf8').toString(
    'base64url',
  );
}

/** A cursor the client altered or made up is a validation error, never a 500. */
export function decodeNameCursor(value: string): NameCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const name: unknown = typeof parsed === 'object' && parsed ? Reflect.get(parsed, 'name') : null;
    const id: unknown = typeof parsed === 'object' && parsed ? Reflect.get(parsed, 'id') : null;
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // Falls through to the validation error below.
  }
  throw new UnionhallError('VALIDATION_FAILED', 'bad cursor');
}

/**
 * The rows after the cursor, in (name, id) order, as a Prisma where clause. The redundant
 * `name >= cursor.name` is what lets PostgreSQL start an index scan on name at the cursor:
 * from the OR alone it cannot derive a bound, and walked the index from its first entry, so
 * the page 50,000 rows deep into a union's 300,000 members took a second (bench P5).
 */
export function afterNameCursor(cursor: NameCursor) {
  return {
    name: { gte: cursor.name },
    OR: [{ name: { gt: cursor.name } }, { id: { gt: cursor.id } }],
  };
}

/**
 * The member rows after the cursor in (sortName, id) order: the member list in Chinese order
 * (modules/membership/sort-name.ts). The cursor's `name` holds the last row's sort key.
 */
export function afterSortNameCursor(cursor: NameCursor) {
  return {
    sortName: { gte: cursor.name },
    OR: [{ sortName: { gt: cursor.name } }, { id: { gt: cursor.id } }],
  };
}

/**
 * Keyset pagination by (a time, id), oldest first: the queues (applications, change requests,
 * transfers) are worked from the longest waiting. The cursor is the last row's time and id.
 */
export interface TimeCursor {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeTimeCursor(cursor: TimeCursor): string {
  return Buffer.from(
    JSON.stringify({ at: cursor.at.toISOString(), id: cursor.id }),
    'utf8',
  ).toString('base64url');
}

/** A cursor the client altered or made up (or one of another order) is a validation error. */
export function decodeTimeCursor(value: string): TimeCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const at: unknown = typeof parsed === 'object' && parsed ? Reflect.get(parsed, 'at') : null;
    const id: unknown = typeof parsed === 'object' && parsed ? Reflect.get(parsed, 'id') : null;
    if (typeof at === 'string' && typeof id === 'string' && UUID.test(id)) {
      const date = new Date(at);
      if (!Number.isNaN(date.getTime())) return { at: date, id };
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw new UnionhallError('VALIDATION_FAILED', 'bad cursor');
}
