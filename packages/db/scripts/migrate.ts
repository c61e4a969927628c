// `pnpm db:migrate`: applies prisma/migrations to DATABASE_URL when set, else to the PGlite
// database in DATA_DIR/pglite (DATA_DIR defaults to <repo root>/.data), as the server does.
import { join } from 'node:path';
import { defaultDataDir, migrate, openDatabase } from '../src/index';

const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR ? join(process.env.DATA_DIR, 'pglite') : defaultDataDir();

const db = await openDatabase(url ? { url } : { dataDir });
try {
  console.log(
    url
      ? `Migrating PostgreSQL (${new URL(url).host}${new URL(url).pathname})`
      : `Migrating PGlite at ${dataDir}`,
  );
  const { applied } = await migrate(db);
  console.log(
    applied.length === 0
      ? 'Already up to date.'
      : `Applied:\n${applied.map((name) => `  ${name}`).join('\n')}`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.close();
}
