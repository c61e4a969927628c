// `pnpm bench [--only p1,p4] [--quick]`: runs the benchmarks side by side in one run, prints a
// table and writes bench/results/latest.json as {metrics, ratios, env}. Never part of `pnpm test`.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCHMARKS } from './benchmarks/index';
import type { BenchContext, BenchResult, Target } from './lib/types';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: process.env.BENCH_QUICK === '1' },
    out: { type: 'string' },
  },
});

const only = values.only?.split(',').map((id) => id.trim().toLowerCase());
const selected = BENCHMARKS.filter((bench) => !only || only.includes(bench.id));
if (selected.length === 0) {
  process.stderr.write(
    `No benchmark matches --only ${values.only}. Known: ${BENCHMARKS.map((b) => b.id).join(', ')}\n`,
  );
  process.exit(2);
}

const ctx: BenchContext = {
  postgresAdminUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres',
  quick: values.quick ?? false,
  durationSeconds: values.quick ? 3 : Number(process.env.BENCH_SECONDS ?? 10),
  log: (message) => process.stdout.write(`  · ${message}\n`),
};

function git(command: string): string | undefined {
  try {
    return execSync(`git ${command}`, { cwd: here, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

function verdict(target: Target, metrics: Record<string, number>, ratios: Record<string, number>) {
  const value = ratios[target.name] ?? metrics[target.name];
  if (value === undefined) return { value, ok: false };
  return { value, ok: target.op === '>=' ? value >= target.value : value <= target.value };
}

const metrics: Record<string, number> = {};
const ratios: Record<string, number> = {};
const rows: string[][] = [];
const failures: string[] = [];

for (const bench of selected) {
  process.stdout.write(`\n▶ ${bench.id.toUpperCase()} ${bench.title}\n`);
  const started = Date.now();
  let result: BenchResult;
  try {
    result = await bench.run(ctx);
  } catch (error) {
    failures.push(bench.id);
    process.stdout.write(`  ✗ failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    continue;
  }
  Object.assign(metrics, result.metrics);
  Object.assign(ratios, result.ratios);
  for (const note of result.notes ?? []) process.stdout.write(`  ${note}\n`);
  for (const [name, value] of Object.entries({ ...result.metrics, ...result.ratios })) {
    const target = result.targets?.find((t) => t.name === name);
    const check = target ? verdict(target, result.metrics, result.ratios) : undefined;
    rows.push([
      bench.id,
      name,
      format(value),
      target ? `${target.op} ${target.value}${target.label ? ` (${target.label})` : ''}` : '',
      check ? (check.ok ? 'met' : 'MISSED') : '',
    ]);
  }
  process.stdout.write(`  done in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

const header = ['bench', 'figure', 'value', 'target', ''];
const widths = header.map((_, i) =>
  Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)),
);
const line = (row: string[]) =>
  row
    .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
    .join('  ');
process.stdout.write(`\n${line(header)}\n`);
process.stdout.write(`${widths.map((w) => '─'.repeat(w)).join('  ')}\n`);
for (const row of rows) process.stdout.write(`${line(row)}\n`);

const env = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  commit: git('rev-parse --short HEAD'),
  quick: ctx.quick,
  loadSecondsPerRun: ctx.durationSeconds,
  only: only ?? 'all',
};

// A partial or quick run never overwrites the committed full results.
const out =
  values.out ?? join(here, '..', 'results', only || ctx.quick ? 'partial.json' : 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ metrics, ratios, env }, null, 2)}\n`);
process.stdout.write(`\nwrote ${out}\n`);
if (failures.length) {
  process.stdout.write(`benchmarks that failed: ${failures.join(', ')}\n`);
  process.exit(1);
}
