import pg from 'pg';
import { migrate, openDatabase } from '@unionhall/db';

export interface ScratchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** Names start with BENCH_DB_PREFIX (default "bench_"), so parallel runs can keep apart. */
const PREFIX = process.env.BENCH_DB_PREFIX ?? 'bench_';

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database on the server of `adminUrl` for one benchmark and returns its URL;
 * `drop()` removes it (connections still open are terminated first).
 */
export async function createScratchDatabase(
  adminUrl: string,
  label: string,
): Promise<ScratchDatabase> {
  const name = `${PREFIX}${label}_${process.pid}_${Date.now().toString(36)}`.toLowerCase();
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      admin(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** A scratch database with the product's schema, applied by the product's own migrate(). */
export async function createMigratedDatabase(
  adminUrl: string,
  label: string,
): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase(adminUrl, label);
  try {
    const db = await openDatabase({ url: scratch.url });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    return scratch;
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
