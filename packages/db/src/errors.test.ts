import { describe, expect, it } from 'vitest';
import { DatabaseTimeoutError, isConnectionError } from './errors';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isConnectionError', () => {
  it.each([
    [
      'ECONNREFUSED from node-postgres',
      withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'),
    ],
    ['pg connect timeout', new Error('Connection terminated due to connection timeout')],
    ['pg pool checkout timeout', new Error('timeout exceeded when trying to connect')],
    ['pool ended', new Error('Cannot use a pool after calling end on the pool')],
    ['PGlite closed', new Error('PGlite is closed')],
    [
      'server shutting down (57P01)',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['connection exception class 08', withCode('connection failure', '08006')],
    ['our ping timeout', new DatabaseTimeoutError(100)],
    [
      'IPv4 and IPv6 both refused',
      new AggregateError([withCode('x', 'ECONNREFUSED'), withCode('y', 'ECONNREFUSED')]),
    ],
    ['wrapped in a cause', new Error('query failed', { cause: withCode('reset', 'ECONNRESET') })],
    ['Prisma P1001', withCode("Can't reach database server", 'P1001')],
    [
      // What Prisma 7 throws for a raw query over adapter-pg with the server down.
      'Prisma P2010 wrapping a driver adapter error',
      Object.assign(withCode('Raw query failed', 'P2010'), {
        meta: {
          driverAdapterError: {
            name: 'DriverAdapterError',
            cause: { kind: 'DatabaseNotReachable', port: 1 },
          },
        },
      }),
    ],
  ])('is true for %s', (_label, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['Prisma P2002', withCode('Unique constraint failed', 'P2002')],
    ['a plain error', new Error('boom')],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
    ['undefined', undefined],
  ])('is false for %s', (_label, error) => {
    expect(isConnectionError(error)).toBe(false);
  });

  it('survives cyclic causes', () => {
    const error = new Error('a') as Error & { cause?: unknown };
    error.cause = error;
    expect(isConnectionError(error)).toBe(false);
  });
});
