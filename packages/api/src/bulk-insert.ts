import type { Prisma } from '@unionhall/db';

type Tx = Prisma.TransactionClient;

/** A column of a bulk insert: its SQL type, as jsonb_to_recordset reads it from JSON. */
export type BulkColumns = Readonly<Record<string, string>>;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Inserts many rows with one statement whose text does not depend on the rows: they travel as
 * one JSON parameter, read back with jsonb_to_recordset. Prisma compiles a query plan for each
 * distinct createMany shape (the row count, which values are null, the lengths of list
 * values) and keeps up to 1,000 of them; a plan for a thousand rows weighs megabytes, so a
 * bulk path that writes batch after batch (member import) kept hundreds of megabytes alive.
 * This statement has one plan, whatever the rows.
 *
 * `table` and `columns` are names written in our code, never input; `rows` carry the values,
 * keyed by column name (snake_case, as in the database), with dates as ISO strings.
 */
export async function insertRows(
  tx: Tx,
  table: string,
  columns: BulkColumns,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns).map(quoted).join(', ');
  const types = Object.entries(columns)
    .map(([name, type]) => `${quoted(name)} ${type}`)
    .join(', ');
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quoted(table)} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`,
    JSON.stringify(rows),
  );
}
