import type { EventType, OutboxEnvelope } from './events';

/**
 * One piece of background work, run once per event of its type. Handlers must be idempotent:
 * after a crash, a timeout or a retry the same event can reach a handler again, and the
 * second run must change nothing (check for the effect before causing it, or key it on the
 * event id with a unique constraint).
 */
export interface EventHandler<T extends EventType = EventType> {
  /** Unique and stable: the pg-boss queue's name and the idempotence key of each run. */
  name: string;
  event: T;
  handle: (event: OutboxEnvelope<T>) => Promise<void>;
}

/**
 * A cron schedule that emits an event of `event`'s type once per slot; handlers subscribe to
 * that event like to any other, so scheduled work gets the same retries and dead letters.
 */
export interface ScheduledTask {
  name: string;
  /** Five-field cron, evaluated in `SCHEDULE_TIME_ZONE`. */
  cron: string;
  event: Extract<EventType, `schedule.${string}`>;
}

/** Union work happens on Beijing time: "every morning at 8" means 08:00 in China. */
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

/** What a runner runs: the handlers by event type, and the schedules. */
export interface JobCatalog {
  handlers: readonly EventHandler[];
  schedules: readonly ScheduledTask[];
}

/** Lets a module declare a handler with its payload typed by the event it names. */
export function defineHandler<T extends EventType>(handler: EventHandler<T>): EventHandler {
  return handler as unknown as EventHandler;
}

export function handlersFor(catalog: JobCatalog, type: string): readonly EventHandler[] {
  return catalog.handlers.filter((handler) => handler.event === type);
}

/** How long before the nth retry (1-based): 2 s, 4 s, 8 s… capped at 15 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(2 ** attempt * 1000, 15 * 60_000);
}

/** After this many failed attempts an event (or a pg-boss job) is dead: listed, not retried. */
export const MAX_ATTEMPTS = 8;
