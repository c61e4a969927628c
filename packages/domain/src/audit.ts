import { z } from 'zod';

/**
 * What an audit row says changed: only the fields whose value differs, each as
 * { before, after }. Sensitive fields keep the fact that they changed but not their values.
 */
export type TJsonValue =
  string | number | boolean | null | TJsonValue[] | { [key: string]: TJsonValue };
export type TFieldChanges = Record<string, { before: TJsonValue; after: TJsonValue }>;

export const MASKED = '***';

export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  options: { fields: readonly string[]; sensitive?: readonly string[] },
): TFieldChanges {
  const changes: TFieldChanges = {};
  for (const field of options.fields) {
    const was = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (sameValue(was, now)) continue;
    const masked = options.sensitive?.includes(field) ?? false;
    changes[field] = {
      before: masked && was !== null ? MASKED : toJsonValue(was),
      after: masked && now !== null ? MASKED : toJsonValue(now),
    };
  }
  return changes;
}

function toJsonValue(value: unknown): TJsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  // Anything else is recorded as its JSON form, which is what the audit row can hold.
  const json: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  return json as TJsonValue;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

export const AUDIT_ACTOR_TYPES = [
  'ANONYMOUS',
  'MEMBER',
  'OFFICER',
  'INTEGRATOR',
  'SYSTEM',
] as const;
export const AUDIT_OUTCOMES = ['SUCCESS', 'DENIED', 'FAILED'] as const;

export const ZAuditEvent = z.object({
  /** The position in the chain, as a decimal string (it is a 64-bit integer). */
  seq: z.string(),
  occurredAt: z.date(),
  actorType: z.enum(AUDIT_ACTOR_TYPES),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  requestId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const AUDIT_PAGE_MAX = 100;

/** Newest first, keyset-paginated by `seq`. */
export const ZFindAuditEventsInput = z.object({
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(100).optional(),
  targetId: z.string().trim().max(100).optional(),
  actorId: z.string().trim().max(100).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  /** The `seq` of the last row of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});
export type TFindAuditEventsInput = z.infer<typeof ZFindAuditEventsInput>;

export const ZAuditEventPage = z.object({
  items: z.array(ZAuditEvent),
  nextCursor: z.string().nullable(),
});
export type TAuditEventPage = z.infer<typeof ZAuditEventPage>;
