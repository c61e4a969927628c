import { defineConfig } from 'vitest/config';

// One run over the whole monorepo. `*.test.ts` are pure unit tests; `*.int.test.ts` use a
// real database: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set.
// The watchdog turns a stuck test process into a failed file instead of a silent hang.
const setupFiles = ['tooling/vitest/watchdog.js'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles,
          include: [
            'packages/*/src/**/*.test.{ts,tsx}',
            'apps/*/src/**/*.test.{ts,tsx}',
            'tooling/*/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
        },
      },
      {
        test: {
          name: 'integration',
          setupFiles,
          include: ['packages/*/src/**/*.int.test.ts', 'apps/*/src/**/*.int.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
