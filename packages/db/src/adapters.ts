// Driver adapter factories for the schema engine (migrations, diffs). The query client uses the
// stock adapters; the schema engine needs two fixes on top of them, see below.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';

/** Extensions every PGlite instance loads: later features rely on trigram search. */
export const pgliteExtensions = { pg_trgm };

/** Creates an in-memory PGlite with our extensions and waits until it accepts queries. */
export async function createMemoryPGlite(): Promise<PGlite> {
  const db = new PGlite({ extensions: pgliteExtensions });
  await db.waitReady;
  return db;
}

/**
 * Replaces an adapter's `executeScript` (which the schema engine uses to run migration files).
 * - pglite-prisma-adapter 0.7.2 calls `exec` without awaiting it: a failing migration would be
 *   recorded as applied and its error would surface as an unhandled rejection.
 * - @prisma/adapter-pg splits the script on every `;`, which breaks function bodies and string
 *   literals containing one.
 * Both drivers accept a multi-statement script in one simple-protocol call, which also runs it
 * in one implicit transaction, as Prisma's native engine does.
 */
function withScriptRunner<A extends SqlDriverAdapter>(
  adapter: A,
  run: (script: string) => Promise<unknown>,
  onDispose?: () => Promise<void>,
): A {
  const dispose = adapter.dispose.bind(adapter);
  return Object.assign(adapter, {
    executeScript: async (script: string): Promise<void> => {
      await run(script);
    },
    dispose: async (): Promise<void> => {
      await dispose();
      await onDispose?.();
    },
  });
}

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Releases what the factory opened (shadow databases, dedicated pools). */
  cleanup(): Promise<void>;
}

/**
 * Shadow databases (needed to replay migrations when diffing) are in-memory PGlites: no server
 * needed, and adapter-pg's own shadow support tries to create databases on the main server.
 */
async function connectShadow(opened: PGlite[]): Promise<SqlDriverAdapter> {
  const shadow = await createMemoryPGlite();
  opened.push(shadow);
  const adapter = await new PrismaPGlite(shadow).connect();
  return withScriptRunner(adapter, (script) => shadow.exec(script));
}

async function closeAll(dbs: PGlite[]): Promise<void> {
  const open = dbs.splice(0).filter((db) => !db.closed);
  await Promise.all(open.map((db) => db.close()));
}

/** Schema-engine factory over an open PGlite (shared with the query client). */
export function pgliteMigrationFactory(db: PGlite): MigrationAdapterFactory {
  const shadows: PGlite[] = [];
  const base = new PrismaPGlite(db);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => withScriptRunner(await base.connect(), (script) => db.exec(script)),
    connectToShadowDb: () => connectShadow(shadows),
    cleanup: () => closeAll(shadows),
  };
}

/**
 * Schema-engine factory for a PostgreSQL URL. It uses its own pool of ONE connection: the
 * engine's session state (advisory lock around migrations) must stay on a single connection,
 * which the query client's shared pool would not guarantee.
 */
export function pgMigrationFactory(url: string, connectTimeoutMs: number): MigrationAdapterFactory {
  const shadows: PGlite[] = [];
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would
  // crash the process. The next query reports the problem anyway.
  pool.on('error', () => {});
  const base = new PrismaPg(pool);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => withScriptRunner(await base.connect(), (script) => pool.query(script)),
    connectToShadowDb: () => connectShadow(shadows),
    cleanup: async () => {
      await closeAll(shadows);
      await pool.end();
    },
  };
}

/** Schema-engine factory with no real database: only the shadow is used (diffing). */
export function memoryMigrationFactory(): MigrationAdapterFactory {
  const opened: PGlite[] = [];
  return {
    provider: 'postgres',
    adapterName: 'pglite-memory',
    connect: () => connectShadow(opened),
    connectToShadowDb: () => connectShadow(opened),
    cleanup: () => closeAll(opened),
  };
}
