import { describe, expect, it } from 'vitest';
import { appRouter } from './router';
import { baseProcedure, router } from './trpc';
import type { Database } from '@unionhall/db';
import { createContext } from './context';
import { silentLogger } from './testing/harness';

/**
 * Deny by default: every procedure in the router declares who may call it. This walks the
 * router itself, so procedures added later are covered without anyone editing this test.
 */
describe('procedure policies', () => {
  const procedures = Object.entries(appRouter._def.procedures);

  it('finds the procedures', () => {
    expect(procedures.length).toBeGreaterThan(0);
  });

  it.each(procedures.map(([path, procedure]) => [path, procedure] as const))('%s declares a policy', (path, procedure) => {
    const meta: unknown = procedure._def.meta;
    expect(meta, path).toMatchObject({ policy: { audience: expect.any(String) } });
  });

  it('puts each procedure under the namespace of its audience', () => {
    for (const [path, procedure] of procedures) {
      const meta = procedure._def.meta;
      expect(path.split('.')[0], path).toBe(meta?.policy?.audience);
    }
  });

  it('refuses to run a procedure that declares no policy', async () => {
    const unguarded = router({ secret: baseProcedure.query(() => 'leaked') });
    // The policy check runs before anything touches the database.
    const db = {} as Database;
    const caller = unguarded.createCaller(createContext({ db, logger: silentLogger }, { requestId: 'r', locale: 'en' }));
    await expect(caller.secret()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
