import {
  createAuth,
  createCardSigner,
  createFieldCipher,
  createInProcessRunner,
  createMemoryStorage,
  DevOutbox,
  generateCardSigningKey,
  generateDataKeys,
  type ApiDeps,
  type ApiLogger,
} from '@unionhall/api';
import type { Database } from '@unionhall/db';

/**
 * What the product's composition root builds once (apps/server/src/index.ts), built for a
 * benchmark server: Better Auth sending codes to a dev outbox, fresh data and card keys, a job
 * runner that is never started (no measured request waits on background work) and files in
 * memory. Pass the result to createApp with a config, or to createContext. Better Auth's rate
 * limits stay on (its default) unless `auth.rateLimit` is false.
 */
export function benchApiDeps<L extends ApiLogger>(
  db: Database,
  logger: L,
  auth: { baseURL: string; rateLimit?: boolean },
): ApiDeps & { logger: L } {
  return {
    db,
    logger,
    auth: createAuth({
      prisma: db.prisma,
      secret: 'unionhall-bench-secret-0123456789abcdef',
      baseURL: auth.baseURL,
      sender: new DevOutbox(),
      rateLimit: auth.rateLimit,
    }),
    cipher: createFieldCipher(generateDataKeys()),
    cardSigner: createCardSigner(generateCardSigningKey()),
    jobs: createInProcessRunner({ db, logger, catalog: { handlers: [], schedules: [] } }),
    storage: createMemoryStorage(),
  };
}
