// EXPLAIN (ANALYZE) of a statement, summarised on one line: the plan's shape with the indexes
// it uses, the execution time and the buffers touched.
import type pg from 'pg';
import type { Statement } from './member-sql';

function field(value: unknown, key: string | number): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** A plan node as "Node Type index-or-table ← children". */
function shape(node: unknown): string {
  const type = field(node, 'Node Type');
  const name = field(node, 'Index Name') ?? field(node, 'Relation Name');
  const label = `${typeof type === 'string' ? type : '?'}${typeof name === 'string' ? ` ${name}` : ''}`;
  const plans = field(node, 'Plans');
  const children = Array.isArray(plans) ? plans.map(shape) : [];
  if (children.length === 0) return label;
  return `${label} ← ${children.length === 1 ? children[0] : `(${children.join(', ')})`}`;
}

export async function planSummary(client: pg.ClientBase, statement: Statement): Promise<string> {
  const result = await client.query<{ 'QUERY PLAN': unknown }>({
    text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
    values: statement.values,
  });
  const root = field(result.rows[0]?.['QUERY PLAN'], 0);
  const plan = field(root, 'Plan');
  const time = Number(field(root, 'Execution Time'));
  const hit = Number(field(plan, 'Shared Hit Blocks') ?? 0);
  const read = Number(field(plan, 'Shared Read Blocks') ?? 0);
  return `${shape(plan)} — ${time.toFixed(1)} ms, ${hit + read} buffers`;
}
