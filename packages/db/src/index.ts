// Public API of @unionhall/db: the Prisma client and model types, plus how to open, migrate and
// check a database (PGlite embedded, or PostgreSQL).
export * from './generated/prisma/client';
export { openDatabase } from './database';
export type { Database, OpenDatabaseOptions } from './database';
export {
  diffSchemaAgainstMigrations,
  isEmptyMigrationSql,
  migrate,
  migrationFolderName,
  readMigrationList,
  writeMigration,
} from './migrations';
export type { MigrationPaths } from './migrations';
export { DatabaseTimeoutError, isConnectionError } from './errors';
export { defaultDataDir, migrationsDir, repoRoot, schemaPath } from './paths';
export { DEMO_ORG_TREE, seedDemoData } from './seed/demo-data';
export {
  appendAuditEvent,
  auditHash,
  AUDIT_GENESIS_HASH,
  canonicalJson,
  verifyAuditChain,
} from './audit';
export type { AuditChainReport, AuditEventInput } from './audit';
