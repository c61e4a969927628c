import type { PrismaClient } from '@unionhall/db';
import {
  UnionhallError,
  ZTimelineInput,
  type TTimelineEntry,
  type TTimelineInput,
  type TTimelinePage,
} from '@unionhall/domain';
import type { Scope } from '../../access';
import { memberInScope } from './membership.service';

/**
 * Where a page of the timeline ends: entries strictly before this one, in the timeline's
 * order (newest first; entries of the same instant by key, descending).
 */
export interface TimelineCursor {
  at: Date;
  source: string;
  id: string;
}

/** An entry as a source returns it; the source's name and the id make its key. */
export type TimelineItem = Omit<TTimelineEntry, 'key'> & { id: string };

export interface TimelineWindow {
  /** The member's record and every record merged into it. */
  memberIds: string[];
  /** Null on the first page. */
  before: TimelineCursor | null;
  /** How many entries to return at most (a source may return fewer, never more). */
  limit: number;
}

/**
 * One kind of event about a member. A capability (cases, welfare…) adds its events to the
 * member's timeline by registering a source: no change to this file or the other sources.
 * `read` returns the newest entries before the window's cursor, newest first, each with an id
 * that orders entries of the same instant the way the database sorts them (uuid, or a
 * zero-padded number).
 */
export interface TimelineSource {
  /** Unique, lower case, no colon: the first part of the entries' keys. */
  name: string;
  /** Audit actions (prefixes) this source already shows, so the audit source skips them. */
  coversAuditActions?: readonly string[];
  read: (prisma: PrismaClient, window: TimelineWindow) => Promise<TimelineItem[]>;
}

const sources: TimelineSource[] = [];

export function registerTimelineSource(source: TimelineSource): void {
  if (source.name.includes(':') || sources.some((known) => known.name === source.name)) {
    throw new Error(`timeline source ${source.name} is invalid or registered twice`);
  }
  sources.push(source);
}

/** The audit actions some source already shows (the audit source leaves them out). */
export function coveredAuditActions(): string[] {
  return sources.flatMap((source) => source.coversAuditActions ?? []);
}

/**
 * How a source bounds its query by the cursor, in its own terms: everything before `at`, and
 * at `at` itself either everything, nothing, or the rows with an id below `belowId`. Sources
 * sort the same instant by key, so which applies follows from comparing the source names.
 */
export type TimeBound =
  | { kind: 'none' }
  | { kind: 'before'; at: Date }
  | { kind: 'through'; at: Date }
  | { kind: 'below'; at: Date; belowId: string };

export function timeBound(source: string, before: TimelineCursor | null): TimeBound {
  if (!before) return { kind: 'none' };
  if (before.source === source) return { kind: 'below', at: before.at, belowId: before.id };
  // Same-instant entries sort by key: a source whose keys sort below the cursor's shows all
  // of its entries at that instant, one whose keys sort above shows none.
  return { kind: `${source}:` < `${before.source}:` ? 'through' : 'before', at: before.at };
}

/**
 * A Prisma filter for a time column and an id column from a bound: `lt` before the instant,
 * and at the instant as the bound says. `id` converts the cursor's id to the column's type.
 */
export function boundWhere<W>(
  bound: TimeBound,
  build: {
    before: (at: Date) => W;
    atInstant: (at: Date) => W;
    atInstantBelow: (at: Date, id: string) => W;
  },
): { OR: W[] } | Record<string, never> {
  switch (bound.kind) {
    case 'none':
      return {};
    case 'before':
      return { OR: [build.before(bound.at)] };
    case 'through':
      return { OR: [build.before(bound.at), build.atInstant(bound.at)] };
    case 'below':
      return { OR: [build.before(bound.at), build.atInstantBelow(bound.at, bound.belowId)] };
  }
}

function encodeCursor(cursor: TimelineCursor): string {
  return Buffer.from(
    JSON.stringify({ at: cursor.at.toISOString(), source: cursor.source, id: cursor.id }),
    'utf8',
  ).toString('base64url');
}

function decodeCursor(value: string): TimelineCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const field = (name: string): unknown =>
      typeof parsed === 'object' && parsed ? Reflect.get(parsed, name) : null;
    const at = field('at');
    const source = field('source');
    const id = field('id');
    if (typeof at === 'string' && typeof source === 'string' && typeof id === 'string') {
      const date = new Date(at);
      if (!Number.isNaN(date.getTime())) return { at: date, source, id };
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw new UnionhallError('VALIDATION_FAILED', 'bad cursor');
}

/** The record and the records merged into it (also those merged into those), in one list. */
async function recordsOf(prisma: PrismaClient, id: string): Promise<string[]> {
  const ids = [id];
  let frontier = [id];
  // Merges chain rarely more than once or twice; the bound guards against a malformed cycle.
  for (let depth = 0; depth < 10 && frontier.length > 0; depth += 1) {
    const rows = await prisma.member.findMany({
      where: { mergedIntoId: { in: frontier }, id: { notIn: ids } },
      select: { id: true },
    });
    frontier = rows.map((row) => row.id);
    ids.push(...frontier);
  }
  return ids;
}

const newestFirst = (a: TTimelineEntry, b: TTimelineEntry) => {
  const time = b.occurredAt.getTime() - a.occurredAt.getTime();
  if (time !== 0) return time;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
};

/**
 * Everything about a member, newest first, one keyset page at a time: the entries of every
 * registered source for the member's record and the records merged into it.
 */
export async function memberTimeline(
  prisma: PrismaClient,
  scope: Scope,
  raw: TTimelineInput,
): Promise<TTimelinePage> {
  const input = ZTimelineInput.parse(raw);
  await memberInScope(prisma, scope, input.id);
  const window: TimelineWindow = {
    memberIds: await recordsOf(prisma, input.id),
    before: input.cursor ? decodeCursor(input.cursor) : null,
    limit: input.limit + 1,
  };
  const perSource = await Promise.all(
    sources.map(async (source) =>
      (await source.read(prisma, window)).map(({ id, ...item }) => ({
        ...item,
        key: `${source.name}:${id}`,
        cursor: { at: item.occurredAt, source: source.name, id },
      })),
    ),
  );
  const merged = perSource.flat().sort(newestFirst);
  const page = merged.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursor: _cursor, ...entry }) => entry),
    nextCursor: merged.length > input.limit && last ? encodeCursor(last.cursor) : null,
  };
}
