import { defineConfig } from 'prisma/config';

// Used by `prisma generate` (and by the standard Prisma CLI, for anyone who has its native
// engines). Migrations here run through the WASM schema engine: see src/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
