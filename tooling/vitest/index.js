// Shared test layout: `*.test.ts` are pure unit tests, `*.int.test.ts` talk to a real
// database (PGlite by default, PostgreSQL too when TEST_DATABASE_URL is set).
export const unitInclude = ['**/src/**/*.test.{ts,tsx}'];
export const integrationInclude = ['**/src/**/*.int.test.ts'];
export const exclude = ['**/node_modules/**', '**/dist/**', '**/*.int.test.ts'];
