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

/**
 * Who is making the request. Until sign-in exists (identity capability) every caller is
 * anonymous; audit rows already record the actor so that nothing changes shape later.
 */
export type Actor = {
  type: 'ANONYMOUS' | 'MEMBER' | 'OFFICER' | 'INTEGRATOR' | 'SYSTEM';
  id: string | null;
};
export const ANONYMOUS: Actor = { type: 'ANONYMOUS', id: null };

/** Everything a procedure may use for one request. Built directly in tests. */
export type Context = ApiDeps & {
  requestId: string;
  locale: TLocale;
  actor: Actor;
};

export function createContext(
  deps: ApiDeps,
  request: { requestId: string; locale: TLocale; actor?: Actor },
): Context {
  return { ...deps, actor: ANONYMOUS, ...request };
}
