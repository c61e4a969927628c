import { z } from 'zod';

/** A background job that failed for good (a dead letter) or keeps failing, for the console. */
export const ZFailedJob = z.object({
  id: z.string(),
  handler: z.string(),
  eventType: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failedAt: z.date().nullable(),
  createdAt: z.date(),
  /** Out of attempts: waits for an officer's retry. Otherwise it is still being retried. */
  dead: z.boolean(),
});
export type TFailedJob = z.infer<typeof ZFailedJob>;

export const ZJobsOverview = z.object({
  /** pg-boss (PostgreSQL) or in-process (embedded PGlite). */
  mode: z.enum(['pg-boss', 'in-process']),
  counts: z.object({
    waiting: z.number().int(),
    running: z.number().int(),
    failed: z.number().int(),
  }),
  failed: z.array(ZFailedJob),
});
export type TJobsOverview = z.infer<typeof ZJobsOverview>;

export const ZRetryJobInput = z.object({ id: z.string().min(1).max(64) });
