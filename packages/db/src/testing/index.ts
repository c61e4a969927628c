// Test helpers: a migrated, throw-away database per test file, on PGlite always and on
// PostgreSQL too when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../database';
import type { Database } from '../database';
import { migrate } from '../migrations';
import { testDatabaseUrl } from './test-env';

export type TestDatabaseTarget = 'pglite' | 'postgres';
export type TestDatabase = Database & {
  dispose(): Promise<void>;
  /** The connection URL on PostgreSQL (for tools that open their own connections, e.g. pg-boss). */
  url?: string;
};

/** ['pglite'], plus 'postgres' when TEST_DATABASE_URL is set. */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  return testDatabaseUrl === undefined ? ['pglite'] : ['pglite', 'postgres'];
}

function requireServerUrl(): string {
  if (testDatabaseUrl === undefined) {
    throw new Error(
      'The postgres test target needs TEST_DATABASE_URL (e.g. postgresql://root@127.0.0.1:5432/test).',
    );
  }
  return testDatabaseUrl;
}

async function withAdminClient<T>(
  serverUrl: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function isObjectInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '55006';
}

/**
 * CREATE DATABASE copies template1 and fails with 55006 while another session is connected to
 * it, which parallel workers can briefly cause; retry a few times.
 */
async function createDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`CREATE DATABASE "${name}"`);
      return;
    } catch (error) {
      if (!isObjectInUse(error) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const serverUrl = requireServerUrl();
  // Random names keep parallel workers (and leftovers of crashed runs) apart.
  const name = `uh_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => createDatabase(client, name));
  const drop = () =>
    withAdminClient(serverUrl, async (client) => {
      // FORCE (PostgreSQL 13+) ends sessions a failed test may have left open.
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  let db: Database | undefined;
  try {
    db = await openDatabase({ url: withDatabaseName(serverUrl, name), poolMax: 5 });
    await migrate(db);
  } catch (error) {
    await db?.close();
    await drop();
    throw error;
  }
  const opened = db;
  return Object.assign(opened, {
    url: withDatabaseName(serverUrl, name),
    dispose: async () => {
      await opened.close();
      await drop();
    },
  });
}

/**
 * A fresh, migrated database. pglite: in memory. postgres: a new database uh_test_<random> on
 * the TEST_DATABASE_URL server, dropped by dispose(). Always call dispose() (e.g. in afterAll).
 */
export async function createTestDatabase(target: TestDatabaseTarget): Promise<TestDatabase> {
  if (target === 'postgres') return createPostgresTestDatabase();
  const db = await openDatabase({});
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return Object.assign(db, { dispose: () => db.close() });
}
