import type { Database } from '@unionhall/db';
import type { TLocale } from '@unionhall/domain';

/** The slice of pino the API uses; tests can pass any object with these methods. */
export interface ApiLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Long-lived dependencies, built once by the composition root (apps/server). */
export type ApiDeps = {
  db: Database;
  logger: ApiLogger;
};

/** Everything a procedure may use for one request. Built directly in tests. */
export type Context = ApiDeps & {
  requestId: string;
  locale: TLocale;
};

export function createContext(
  deps: ApiDeps,
  request: { requestId: string; locale: TLocale },
): Context {
  return { ...deps, ...request };
}
