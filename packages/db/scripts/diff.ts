// `pnpm db:diff <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes the existing migrations to prisma/schema.prisma. Needs no database.
import { diffSchemaAgainstMigrations, isEmptyMigrationSql, writeMigration } from '../src/index';

const name = process.argv[2];
if (name === undefined || name.trim() === '') {
  console.error('Usage: pnpm db:diff <migration_name>');
  process.exit(2);
}

const sql = await diffSchemaAgainstMigrations();
if (isEmptyMigrationSql(sql)) {
  console.log('no changes');
} else {
  const folder = await writeMigration(name, sql);
  console.log(`Wrote ${folder}/migration.sql\n\n${sql}`);
  console.log(
    'Review it (add what Prisma cannot express, e.g. extensions), then run pnpm db:migrate.',
  );
}
