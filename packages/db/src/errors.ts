/** Thrown by `Database.ping` when the database does not answer in time. */
export class DatabaseTimeoutError extends Error {
  override readonly name = 'DatabaseTimeoutError';
  constructor(timeoutMs: number) {
    super(`The database did not answer within ${timeoutMs} ms.`);
  }
}

/** Node socket errors that mean "cannot talk to the server". */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * Prisma error codes for an unreachable database: P1001 can't reach server, P1002 timed out,
 * P1008 operation timed out, P1017 server closed the connection, P2024 timed out waiting for a
 * pool connection.
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** Driver adapter error kinds (driver-adapter-utils MappedError) with the same meaning. */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 is "connection exception"; 57P01-57P03 mean the server is
 * shutting down or starting; 53300 is too many connections.
 */
function isConnectionSqlState(code: string): boolean {
  return (
    /^08[0-9A-Z]{3}$/.test(code) ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === '53300'
  );
}

/** Messages from node-postgres and PGlite that carry no code. */
const MESSAGE_PATTERNS = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection error and is not queryable/i,
  /cannot use a pool after calling end/i,
  /client was closed and is not queryable/i,
  /pglite is closed/i,
  /can't reach database server/i,
];

function field(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

function matchesOne(error: object): boolean {
  if (error instanceof DatabaseTimeoutError) return true;
  const code = field(error, 'code');
  if (
    typeof code === 'string' &&
    (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || isConnectionSqlState(code))
  ) {
    return true;
  }
  const kind = field(error, 'kind');
  if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
  // Prisma puts the driver adapter's mapped error under meta.driverAdapterError.
  const originalCode = field(error, 'originalCode');
  if (
    typeof originalCode === 'string' &&
    (SOCKET_CODES.has(originalCode) || isConnectionSqlState(originalCode))
  ) {
    return true;
  }
  const message = field(error, 'message');
  return typeof message === 'string' && MESSAGE_PATTERNS.some((pattern) => pattern.test(message));
}

/** Errors nested inside `error` that may carry the real cause. */
function nested(error: object): unknown[] {
  const found: unknown[] = [field(error, 'cause')];
  const errors = field(error, 'errors'); // AggregateError (e.g. both IPv4 and IPv6 refused)
  if (Array.isArray(errors)) found.push(...errors);
  const meta = field(error, 'meta');
  if (typeof meta === 'object' && meta !== null) found.push(field(meta, 'driverAdapterError'));
  return found;
}

/**
 * True when `error` means "the database cannot be reached right now" (refused, timed out,
 * dropped, pool closed), from node-postgres, PGlite, Prisma or its driver adapters, so callers
 * can answer 503 instead of 500. Walks causes and wrapped errors.
 */
export function isConnectionError(error: unknown): boolean {
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (matchesOne(current)) return true;
    queue.push(...nested(current));
  }
  return false;
}
