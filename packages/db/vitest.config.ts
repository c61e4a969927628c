import { defineConfig } from 'vitest/config';

// For `pnpm exec vitest run` inside packages/db. The repo-root config (projects unit and
// integration) is what runs these files in a full run; keep the two consistent.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
