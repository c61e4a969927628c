// The only place the test helpers read the environment.

/** A PostgreSQL server URL for integration tests (e.g. postgresql://root@127.0.0.1:5432/test). */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
