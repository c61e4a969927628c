import { AsyncLocalStorage } from 'node:async_hooks';
import type { Prisma, PrismaClient } from '@unionhall/db';

/**
 * Lets our Better Auth hooks join Better Auth's own transaction. The Prisma adapter runs
 * multi-write operations (one-time code consumption, ...) in `prisma.$transaction(cb)`. A hook
 * that queries through the global client meanwhile runs outside it: on PostgreSQL it misses
 * the uncommitted rows, and on PGlite (one connection) it waits for the transaction, which
 * waits for the hook, until Prisma's timeout. So Better Auth gets a client whose
 * `$transaction` records the transaction client, and hooks call `db()`.
 */
export interface TrackedPrisma {
  /** Give this one to prismaAdapter(). */
  client: PrismaClient;
  /** The transaction Better Auth has open in this async context, else the plain client. */
  db(): Prisma.TransactionClient | PrismaClient;
  /** The storage behind db(), for quiet-context.ts to turn off between Better Auth's calls. */
  storage: AsyncLocalStorage<Prisma.TransactionClient>;
}

type TransactionCallback = (tx: Prisma.TransactionClient) => Promise<unknown>;

export function trackTransactions(prisma: PrismaClient): TrackedPrisma {
  const store = new AsyncLocalStorage<Prisma.TransactionClient>();
  const client = new Proxy(prisma, {
    get(target, prop) {
      if (prop === '$transaction') {
        return (arg: unknown, options?: Parameters<PrismaClient['$transaction']>[1]) => {
          if (typeof arg === 'function') {
            const callback = arg as TransactionCallback;
            return target.$transaction((tx) => store.run(tx, () => callback(tx)), options);
          }
          return target.$transaction(arg as Prisma.PrismaPromise<unknown>[], options);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { client, db: () => store.getStore() ?? prisma, storage: store };
}
