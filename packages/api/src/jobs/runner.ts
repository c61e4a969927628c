/** One unit of background work that failed for good (or keeps failing), for the console. */
export interface FailedJob {
  /** The outbox event's id (in-process) or the pg-boss job's id. */
  id: string;
  /** The handler (pg-boss queue) that failed, or the event type when not known. */
  handler: string;
  eventType: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date | null;
  createdAt: Date;
  /** Out of attempts: it waits for someone to retry it (a dead letter). */
  dead: boolean;
}

export interface JobCounts {
  /** Waiting to run, including retries waiting for their backoff. */
  waiting: number;
  running: number;
  failed: number;
}

/**
 * Runs the background work. Two implementations with the same handlers: pg-boss on
 * PostgreSQL (many workers, many replicas), and in-process from the outbox on PGlite, which
 * allows one connection only.
 */
export interface JobRunner {
  readonly mode: 'in-process' | 'pg-boss';
  start(): Promise<void>;
  /** Stops taking work and waits for running handlers to finish (up to a timeout). */
  stop(): Promise<void>;
  /** Processes everything that is due now and resolves when none is left (tests, tools). */
  drain(): Promise<void>;
  listFailed(limit?: number): Promise<FailedJob[]>;
  /** Puts a failed job back in the queue; false when there is no such failed job. */
  retry(id: string): Promise<boolean>;
  counts(): Promise<JobCounts>;
}
