import type { JobRunner } from './jobs/runner';
import { describe, expect, it } from 'vitest';
import { appRouter } from './router';
import { baseProcedure, router, type ProcedureMeta } from './trpc';
import type { Database } from '@unionhall/db';
import type { Auth } from './auth/auth';
import { createContext } from './context';
import { createCardSigner, generateCardSigningKey } from './crypto/card-signer';
import { createFieldCipher, generateDataKeys } from './crypto/field-cipher';
import { createMemoryStorage } from './storage/memory';
import { silentLogger } from './testing/harness';

/**
 * Deny by default: every procedure in the router declares who may call it. This walks the
 * router itself, so procedures added later are covered without anyone editing this test.
 */
describe('procedure policies', () => {
  // At run time `_def.procedures` is a flat record of path → procedure; its static type also
  // admits nested routers, so read each entry's meta through a guard.
  const procedures = Object.entries(appRouter._def.procedures as Record<string, unknown>).map(
    ([path, procedure]) => [path, metaOf(procedure)] as const,
  );

  it('finds the procedures', () => {
    expect(procedures.length).toBeGreaterThan(0);
  });

  it.each(procedures)('%s declares a policy', (path, meta) => {
    expect(meta, path).toMatchObject({ policy: { audience: expect.any(String) } });
  });

  it('puts each procedure under the namespace of its audience', () => {
    for (const [path, meta] of procedures) {
      expect(path.split('.')[0], path).toBe(meta?.policy?.audience);
    }
  });

  it('refuses to run a procedure that declares no policy', async () => {
    const unguarded = router({ secret: baseProcedure.query(() => 'leaked') });
    // The policy check runs before anything touches the database.
    const db = {} as Database;
    const caller = unguarded.createCaller(
      createContext(
        {
          db,
          logger: silentLogger,
          auth: {} as Auth,
          cipher: createFieldCipher(generateDataKeys()),
          cardSigner: createCardSigner(generateCardSigningKey()),
          jobs: {} as JobRunner,
          storage: createMemoryStorage(),
        },
        { requestId: 'r', locale: 'en' },
      ),
    );
    await expect(caller.secret()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

function metaOf(procedure: unknown): ProcedureMeta | undefined {
  if (typeof procedure !== 'function' && (typeof procedure !== 'object' || procedure === null))
    return undefined;
  const def: unknown = Reflect.get(procedure, '_def');
  if (typeof def !== 'object' || def === null) return undefined;
  const meta: unknown = Reflect.get(def, 'meta');
  return typeof meta === 'object' && meta !== null ? (meta as ProcedureMeta) : undefined;
}
