import type { AsyncLocalStorage } from 'node:async_hooks';
import {
  getCurrentAuthContextAsyncLocalStorage,
  getCurrentDBAdapterAsyncLocalStorage,
  getRequestStateAsyncLocalStorage,
} from '@better-auth/core/context';

/**
 * Node 20 carries AsyncLocalStorage through async hooks, and once any storage has run, every
 * promise the process makes pays for them, whether or not anything reads a store: a small tRPC
 * query cost 40% more CPU (bench P2, async_hooks_cost_pct). Better Auth runs each of its calls
 * inside three storages (its request state, endpoint context and adapter), and auth/tx.ts adds
 * ours; one sign-in would slow every later request of the process down.
 *
 * So the storages are on only while Better Auth is at work: `quietWhenIdle` counts the calls in
 * flight through the Auth object (its `handler`, every `api` endpoint, and the internal
 * adapter of its `$context`, which identities.ts uses) and, when the last one has settled,
 * disables them. The next call's `run()` turns each on again (Node's
 * documented behaviour of `disable()`). A storage is never disabled while a call is in flight,
 * so no call loses its context; code outside any call (ours) reads no store, or treats a
 * missing one as "no transaction" (tx.ts).
 *
 * Node 22 and later carry the context without hooks (AsyncContextFrame); there this costs a
 * counter and nothing else.
 */
export function quietWhenIdle<
  T extends { handler: unknown; api: object; $context: Promise<object> },
>(auth: T, ownStorages: readonly AsyncLocalStorage<unknown>[] = []): T {
  let inFlight = 0;
  const settled = () => {
    inFlight -= 1;
    // Turning the storages off only saves time: should it ever fail, they simply stay on.
    if (inFlight === 0) disableStorages(ownStorages, () => inFlight === 0).catch(() => {});
  };
  const counted = <F extends (...args: never[]) => unknown>(fn: F): F =>
    new Proxy(fn, {
      apply(target, thisArg, args) {
        inFlight += 1;
        let result: unknown;
        try {
          result = Reflect.apply(target, thisArg, args);
        } catch (error) {
          settled();
          throw error;
        }
        if (result instanceof Promise) {
          return result.finally(settled);
        }
        settled();
        return result;
      },
    });
  /** `object` with each of its methods counted (wrapped once each). */
  const countingMethods = <O extends object>(object: O): O => {
    const wrappers = new Map<PropertyKey, unknown>();
    return new Proxy(object, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        let wrapped = wrappers.get(property);
        if (!wrapped) {
          wrapped = counted(value as (...args: never[]) => unknown);
          wrappers.set(property, wrapped);
        }
        return wrapped;
      },
    });
  };
  const api = countingMethods(auth.api);
  const handler =
    typeof auth.handler === 'function'
      ? counted(auth.handler as (...args: never[]) => unknown)
      : auth.handler;
  const context = auth.$context.then((ctx) => {
    const adapter: unknown = Reflect.get(ctx, 'internalAdapter');
    if (typeof adapter !== 'object' || adapter === null) return ctx;
    const internalAdapter = countingMethods(adapter);
    return new Proxy(ctx, {
      get(target, property) {
        if (property === 'internalAdapter') return internalAdapter;
        return Reflect.get(target, property, target);
      },
    });
  });
  return new Proxy(auth, {
    get(target, property) {
      if (property === 'api') return api;
      if (property === 'handler') return handler;
      if (property === '$context') return context;
      return Reflect.get(target, property, target);
    },
  });
}

let storages: Promise<AsyncLocalStorage<unknown>[]> | undefined;

/** Better Auth's storages (the getters make them if its first call has not), looked up once. */
function betterAuthStorages(): Promise<AsyncLocalStorage<unknown>[]> {
  storages ??= Promise.all([
    getRequestStateAsyncLocalStorage(),
    getCurrentAuthContextAsyncLocalStorage(),
    getCurrentDBAdapterAsyncLocalStorage(),
  ]) as Promise<AsyncLocalStorage<unknown>[]>;
  return storages;
}

async function disableStorages(
  own: readonly AsyncLocalStorage<unknown>[],
  stillIdle: () => boolean,
): Promise<void> {
  const all = [...(await betterAuthStorages()), ...own];
  // A call may have started while the storages were looked up.
  if (!stillIdle()) return;
  for (const storage of all) storage.disable();
}
