import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  capacityTooSmall,
  eventReminderAt,
  UnionhallError,
  ZCancelEventInput,
  ZEventListInput,
  ZPublishEventInput,
  ZSaveEventInput,
  type TEventDetail,
  type TEventListInput,
  type TEventRegistrations,
  type TEventSummary,
  type TSaveEventInput,
} from '@unionhall/domain';
import type { z } from 'zod';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import { emitEvent } from '../../jobs/events';
import { decodeTimeCursor, encodeTimeCursor } from '../announcements/cursor';
import { lockEvent, reminderNoticeKey, signedUpCount, type Db, type Tx } from './event-support';

export interface EventServiceDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  scope: Scope;
  actor: Actor;
}

export const EVENT_SELECT = {
  id: true,
  title: true,
  kind: true,
  state: true,
  orgUnitId: true,
  orgUnit: { select: { name: true, path: true } },
  startsAt: true,
  endsAt: true,
  place: true,
  onlineUrl: true,
  capacity: true,
  signUpDeadline: true,
  publishedAt: true,
  cancelledAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  _count: { select: { registrations: { where: { status: 'SIGNED_UP' } } } },
} satisfies Prisma.UnionEventSelect;

type SummaryRow = Prisma.UnionEventGetPayload<{ select: typeof EVENT_SELECT }>;

/** An event as lists show them; written out, not spread (see toSummary in membership). */
function toSummary(row: SummaryRow): TEventSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    state: row.state,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnit.name,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    place: row.place,
    onlineUrl: row.onlineUrl,
    capacity: row.capacity,
    signUpDeadline: row.signUpDeadline,
    signedUp: row._count.registrations,
    publishedAt: row.publishedAt,
    cancelledAt: row.cancelledAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** The event, if the caller's scope covers its unit; NOT_FOUND either way otherwise. */
async function eventInScope(db: Db, scope: Scope, id: string) {
  const row = await db.unionEvent.findUnique({
    where: { id },
    select: { ...EVENT_SELECT, description: true, cancelReason: true },
  });
  if (!row) throw new UnionhallError('NOT_FOUND', `event ${id} not found`);
  if (!scope.covers(row.orgUnit.path)) throw new OutOfScopeError(`event ${id}`);
  return row;
}

async function unitInScope(db: Db, scope: Scope, id: string) {
  const unit = await db.orgUnit.findUnique({ where: { id }, select: { id: true, path: true } });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${id} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${id}`);
  return unit;
}

async function detail(db: Db, id: string): Promise<TEventDetail> {
  const row = await db.unionEvent.findUniqueOrThrow({
    where: { id },
    select: { ...EVENT_SELECT, description: true, cancelReason: true },
  });
  const { description, cancelReason, ...summary } = row;
  return { ...toSummary(summary), description, cancelReason };
}

type Scalar = string | number | Date | null;

/** The fields that differ, as `{ before, after }` for the audit row (times as ISO strings). */
function fieldChanges(
  before: Record<string, Scalar>,
  after: Record<string, Scalar>,
): Record<string, { before: string | number | null; after: string | number | null }> {
  const plain = (value: Scalar | undefined) =>
    value instanceof Date ? value.toISOString() : (value ?? null);
  const changes: Record<string, { before: string | number | null; after: string | number | null }> =
    {};
  for (const [field, value] of Object.entries(after)) {
    if (plain(before[field]) !== plain(value)) {
      changes[field] = { before: plain(before[field]), after: plain(value) };
    }
  }
  return changes;
}

/**
 * A start in the past is a typing mistake for a new event (the contract says so field by
 * field) or a moved one (checked here, since an event that took place keeps its time).
 */
function assertStartsAhead(startsAt: Date, now: Date) {
  if (startsAt.getTime() <= now.getTime()) {
    throw new UnionhallError('VALIDATION_FAILED', 'the event starts in the past');
  }
}

/**
 * Writes the outbox event that reminds the signed-up members a day before `startsAt`. Keyed by
 * the start time, so saving the same time twice writes one; a reminder for a time the event no
 * longer has finds it moved and does nothing (events.jobs.ts).
 */
export async function scheduleReminder(tx: Tx, eventId: string, startsAt: Date): Promise<void> {
  await emitEvent(
    tx,
    'event.reminder-due',
    { eventId, startsAt: startsAt.toISOString() },
    {
      key: `event.reminder-due:${eventId}:${startsAt.toISOString()}`,
      availableAt: eventReminderAt(startsAt),
    },
  );
}

/** Events of the units in the caller's scope, latest start first, one keyset page at a time. */
export async function listEvents(prisma: PrismaClient, scope: Scope, raw: TEventListInput) {
  const input = ZEventListInput.parse(raw);
  if (scope.roots.length === 0) return { items: [], nextCursor: null };
  const and: Prisma.UnionEventWhereInput[] = [
    { OR: scope.roots.map((root) => ({ orgUnit: { path: { startsWith: root } } })) },
  ];
  if (input.state) and.push({ state: input.state });
  if (input.cursor) {
    const cursor = decodeTimeCursor(input.cursor);
    and.push({
      OR: [{ startsAt: { lt: cursor.at } }, { startsAt: cursor.at, id: { lt: cursor.id } }],
    });
  }
  const rows = await prisma.unionEvent.findMany({
    where: { AND: and },
    select: EVENT_SELECT,
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor:
      rows.length > input.limit && last
        ? encodeTimeCursor({ at: last.startsAt, id: last.id })
        : null,
  };
}

export async function getEvent(prisma: PrismaClient, scope: Scope, id: string) {
  await eventInScope(prisma, scope, id);
  return detail(prisma, id);
}

/**
 * Creates a draft, or edits an event (the version named must be the current one). A cancelled
 * event no longer changes; a published one keeps its unit (its audience was told), may not
 * shrink below the members signed up, and a new start time schedules a new reminder.
 */
export async function saveEvent(
  deps: EventServiceDeps,
  raw: TSaveEventInput,
): Promise<TEventDetail> {
  const input = ZSaveEventInput.parse(raw);
  const place = input.place || null;
  const now = new Date();
  return deps.prisma.$transaction(async (tx) => {
    if (input.id === undefined) {
      assertStartsAhead(input.startsAt, now);
      const unit = await unitInScope(tx, deps.scope, input.orgUnitId);
      const created = await tx.unionEvent.create({
        data: {
          title: input.title,
          description: input.description,
          kind: input.kind,
          orgUnitId: unit.id,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          place,
          onlineUrl: input.onlineUrl,
          capacity: input.capacity,
          signUpDeadline: input.signUpDeadline,
          createdBy: deps.actor.id,
        },
        select: { id: true },
      });
      await deps.audit(tx, {
        action: 'event.create',
        outcome: 'SUCCESS',
        targetType: 'UnionEvent',
        targetId: created.id,
        orgUnitId: unit.id,
        changes: {
          title: { before: null, after: input.title },
          startsAt: { before: null, after: input.startsAt.toISOString() },
        },
      });
      return detail(tx, created.id);
    }

    const id = input.id;
    await lockEvent(tx, id);
    const current = await eventInScope(tx, deps.scope, id);
    if (current.state === 'CANCELLED') {
      throw new UnionhallError('EVENT_STATE', 'a cancelled event cannot change');
    }
    const unitChanges = input.orgUnitId !== current.orgUnitId;
    if (unitChanges && current.state === 'PUBLISHED') {
      throw new UnionhallError('EVENT_STATE', 'a published event keeps its organising unit');
    }
    const unit = unitChanges
      ? await unitInScope(tx, deps.scope, input.orgUnitId)
      : { id: current.orgUnitId };
    const moved = input.startsAt.getTime() !== current.startsAt.getTime();
    if (moved) assertStartsAhead(input.startsAt, now);
    if (capacityTooSmall(input.capacity, await signedUpCount(tx, id))) {
      throw new UnionhallError('EVENT_CAPACITY_TOO_SMALL', `event ${id}`);
    }

    const next = {
      title: input.title,
      description: input.description,
      kind: input.kind,
      orgUnitId: unit.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place,
      onlineUrl: input.onlineUrl,
      capacity: input.capacity,
      signUpDeadline: input.signUpDeadline,
    };
    const changes = fieldChanges(
      {
        title: current.title,
        description: current.description,
        kind: current.kind,
        orgUnitId: current.orgUnitId,
        startsAt: current.startsAt,
        endsAt: current.endsAt,
        place: current.place,
        onlineUrl: current.onlineUrl,
        capacity: current.capacity,
        signUpDeadline: current.signUpDeadline,
      },
      next,
    );
    const updated = await tx.unionEvent.updateMany({
      where: { id, version: input.expectedVersion },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `event ${id} changed meanwhile`);
    }
    if (current.state === 'PUBLISHED') {
      if (moved) await scheduleReminder(tx, id, input.startsAt);
      // Those signed up planned around the time and place: a change to either is news.
      const relocated =
        (place ?? '') !== (current.place ?? '') || input.onlineUrl !== current.onlineUrl;
      if (moved || relocated || input.endsAt.getTime() !== current.endsAt.getTime()) {
        const version = current.version + 1;
        await emitEvent(
          tx,
          'event.changed',
          { eventId: id, version },
          { key: `event.changed:${id}:${version}` },
        );
      }
    }
    await deps.audit(tx, {
      action: 'event.update',
      outcome: 'SUCCESS',
      targetType: 'UnionEvent',
      targetId: id,
      orgUnitId: unit.id,
      changes,
    });
    return detail(tx, id);
  });
}

/**
 * Publishes a draft: members of the unit's subtree are told (event.published) and the
 * reminder for the start is scheduled, both in the transaction of the change.
 */
export async function publishEvent(
  deps: EventServiceDeps,
  raw: z.input<typeof ZPublishEventInput>,
): Promise<TEventDetail> {
  const input = ZPublishEventInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const current = await eventInScope(tx, deps.scope, input.id);
    if (current.state !== 'DRAFT') {
      throw new UnionhallError('EVENT_STATE', `event is ${current.state}`);
    }
    const now = new Date();
    if (current.startsAt.getTime() <= now.getTime()) {
      throw new UnionhallError('EVENT_STARTED', `event ${current.id} starts in the past`);
    }
    const updated = await tx.unionEvent.updateMany({
      where: { id: current.id, version: input.expectedVersion },
      data: { state: 'PUBLISHED', publishedAt: now, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `event ${current.id} changed meanwhile`);
    }
    await emitEvent(
      tx,
      'event.published',
      { eventId: current.id },
      { key: `event.published:${current.id}` },
    );
    await scheduleReminder(tx, current.id, current.startsAt);
    await deps.audit(tx, {
      action: 'event.publish',
      outcome: 'SUCCESS',
      targetType: 'UnionEvent',
      targetId: current.id,
      orgUnitId: current.orgUnitId,
      changes: { state: { before: 'DRAFT', after: 'PUBLISHED' } },
    });
    return detail(tx, current.id);
  });
}

/**
 * Cancels an event, with the reason the signed-up members are told (event.cancelled). Final.
 * Reminders still waiting (held by quiet hours, or retrying) are taken back: delivery skips a
 * notice that no longer exists; the reminder run finds the event cancelled and tells nobody.
 */
export async function cancelEvent(
  deps: EventServiceDeps,
  raw: z.input<typeof ZCancelEventInput>,
): Promise<TEventDetail> {
  const input = ZCancelEventInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    await lockEvent(tx, input.id);
    const current = await eventInScope(tx, deps.scope, input.id);
    if (current.state === 'CANCELLED') {
      throw new UnionhallError('EVENT_STATE', 'already cancelled');
    }
    const updated = await tx.unionEvent.updateMany({
      where: { id: current.id, version: input.expectedVersion },
      data: {
        state: 'CANCELLED',
        cancelledAt: new Date(),
        cancelReason: input.reason,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `event ${current.id} changed meanwhile`);
    }
    if (current.state === 'PUBLISHED') {
      await emitEvent(
        tx,
        'event.cancelled',
        { eventId: current.id },
        { key: `event.cancelled:${current.id}` },
      );
      await tx.notification.deleteMany({
        where: { key: reminderNoticeKey(current.id, current.startsAt) },
      });
    }
    await deps.audit(tx, {
      action: 'event.cancel',
      outcome: 'SUCCESS',
      targetType: 'UnionEvent',
      targetId: current.id,
      orgUnitId: current.orgUnitId,
      changes: {
        state: { before: current.state, after: 'CANCELLED' },
        cancelReason: { before: null, after: input.reason },
      },
    });
    return detail(tx, current.id);
  });
}

/** Who is signed up (earliest first), with the counts against the capacity. */
export async function eventRegistrations(
  prisma: PrismaClient,
  scope: Scope,
  id: string,
): Promise<TEventRegistrations> {
  const event = await eventInScope(prisma, scope, id);
  const [rows, withdrawn] = await Promise.all([
    prisma.eventRegistration.findMany({
      where: { eventId: id, status: 'SIGNED_UP' },
      orderBy: [{ signedUpAt: 'asc' }, { id: 'asc' }],
      select: {
        signedUpAt: true,
        member: {
          select: { id: true, name: true, memberNumber: true, orgUnit: { select: { name: true } } },
        },
      },
    }),
    prisma.eventRegistration.count({ where: { eventId: id, status: 'WITHDRAWN' } }),
  ]);
  return {
    capacity: event.capacity,
    signedUp: rows.length,
    withdrawn,
    items: rows.map((row) => ({
      memberId: row.member.id,
      name: row.member.name,
      memberNumber: row.member.memberNumber,
      orgUnitName: row.member.orgUnit.name,
      signedUpAt: row.signedUpAt,
    })),
  };
}
