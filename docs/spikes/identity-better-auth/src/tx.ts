// Lets our Better Auth hooks join Better Auth's own transaction.
// The prisma adapter (transaction: true) runs multi-write operations (sign-up, one-time code
// consumption, ...) in prisma.$transaction(cb). A hook that queries through the *global* client
// meanwhile runs outside that transaction: on PostgreSQL it does not see the uncommitted rows,
// and on PGlite (one connection) it waits for the transaction, which waits for the hook:
// deadlock until Prisma's 5 s transaction timeout. So hand Better Auth a client whose
// $transaction records the transaction client in an AsyncLocalStorage, and have hooks use
// `db()` (the open transaction, else the plain client).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Prisma, PrismaClient } from './db';

export interface TrackedPrisma {
  /** Give this one to prismaAdapter(). */
  client: PrismaClient;
  /** The transaction Better Auth has open in this async context, else the plain client. */
  db(): Prisma.TransactionClient | PrismaClient;
  inTransaction(): boolean;
}

export function trackTransactions(prisma: PrismaClient): TrackedPrisma {
  const als = new AsyncLocalStorage<Prisma.TransactionClient>();
  const client = new Proxy(prisma, {
    get(target, prop) {
      if (prop === '$transaction') {
        return (arg: unknown, options?: unknown) =>
          typeof arg === 'function'
            ? target.$transaction(
                (tx) =>
                  als.run(tx, () => (arg as (tx: Prisma.TransactionClient) => Promise<unknown>)(tx)),
                options as never,
              )
            : target.$transaction(arg as never, options as never);
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    client,
    db: () => als.getStore() ?? prisma,
    inTransaction: () => als.getStore() !== undefined,
  };
}
