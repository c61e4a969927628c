// `pnpm db:migrate`: applies prisma/migrations to DATABASE_URL when set, else to the PGlite
// folder DATA_DIR (default: <repo root>/.data/pglite, the same default the server uses).
import { defaultDataDir, migrate, openDatabase } from '../src/index';

const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || defaultDataDir();

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
