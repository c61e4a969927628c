import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package runs from source (exports point at src/*.ts), so its files sit at fixed places
// relative to this module.
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** packages/db/prisma/schema.prisma */
export const schemaPath = join(packageRoot, 'prisma', 'schema.prisma');

/** packages/db/prisma/migrations (standard Prisma layout). */
export const migrationsDir = join(packageRoot, 'prisma', 'migrations');

/** The monorepo root that contains this package (packages/db/../..). */
export const repoRoot = resolve(packageRoot, '..', '..');

/**
 * Where PGlite keeps its data when neither DATABASE_URL nor DATA_DIR is configured. The server
 * and `pnpm db:migrate` both call this, so they always agree on the folder.
 */
export function defaultDataDir(root: string = repoRoot): string {
  return join(root, '.data', 'pglite');
}
