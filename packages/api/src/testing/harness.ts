import type { Database } from '@unionhall/db';
import type { TLocale } from '@unionhall/domain';
import { createContext, type ApiLogger } from '../context';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';

export const silentLogger: ApiLogger = { info() {}, warn() {}, error() {} };

const createCaller = createCallerFactory(appRouter);

/** A server-side caller over a real database, as a request from one client would see it. */
export function callerFor(
  db: Database,
  options: { locale?: TLocale; logger?: ApiLogger; requestId?: string } = {},
) {
  return createCaller(
    createContext(
      { db, logger: options.logger ?? silentLogger },
      { requestId: options.requestId ?? 'test-request', locale: options.locale ?? 'en' },
    ),
  );
}
