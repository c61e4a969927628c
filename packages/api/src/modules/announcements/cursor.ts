import { UnionhallError } from '@unionhall/domain';
import { z } from 'zod';

/**
 * Keyset cursors for announcement lists, opaque to clients. A cursor the client altered or
 * made up is a validation error, never a 500.
 */
const ZTimeCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });
const ZPinnedCursor = ZTimeCursor.extend({ pinned: z.boolean() });

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode<T>(schema: z.ZodType<T>, value: string): T {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the validation error below.
  }
  throw new UnionhallError('VALIDATION_FAILED', 'bad cursor');
}

/** (time, id), newest first: the console's list by creation. */
export function encodeTimeCursor(cursor: { at: Date; id: string }): string {
  return encode({ at: cursor.at.toISOString(), id: cursor.id });
}

export function decodeTimeCursor(value: string): { at: Date; id: string } {
  const cursor = decode(ZTimeCursor, value);
  return { at: new Date(cursor.at), id: cursor.id };
}

/** (pinned, time, id): the members' list, pinned first, then newest first. */
export function encodePinnedCursor(cursor: { pinned: boolean; at: Date; id: string }): string {
  return encode({ pinned: cursor.pinned, at: cursor.at.toISOString(), id: cursor.id });
}

export function decodePinnedCursor(value: string): { pinned: boolean; at: Date; id: string } {
  const cursor = decode(ZPinnedCursor, value);
  return { pinned: cursor.pinned, at: new Date(cursor.at), id: cursor.id };
}
