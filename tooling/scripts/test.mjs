#!/usr/bin/env node
// `pnpm test`: everything, in the order that fails fastest, with one summary line at the end.
// Lint and typecheck count as one check each; vitest and Playwright count their tests.
// Every step runs even if an earlier one failed, so one run shows all that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = [];

function run(name, command, args, env = {}) {
  process.stdout.write(`\n━━ ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const ok = result.status === 0;
  process.stdout.write(
    `━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s\n`,
  );
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Static checks.
const lintOk = run('lint', 'pnpm', ['exec', 'eslint', '--max-warnings=0', '.']);
results.push({ name: 'lint', passed: lintOk ? 1 : 0, failed: lintOk ? 0 : 1 });

const formatOk = run('format', 'pnpm', ['exec', 'prettier', '--check', '--log-level=warn', '.']);
results.push({ name: 'format', passed: formatOk ? 1 : 0, failed: formatOk ? 0 : 1 });

const typecheckOk = run('typecheck', 'pnpm', [
  'exec',
  'turbo',
  'run',
  'typecheck',
  '--output-logs=errors-only',
]);
results.push({ name: 'typecheck', passed: typecheckOk ? 1 : 0, failed: typecheckOk ? 0 : 1 });

// 2. Unit and integration tests (PGlite; PostgreSQL too when TEST_DATABASE_URL is set).
const vitestReport = join(reports, 'vitest.json');
const vitestOk = run('unit + integration', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  results.push({
    name: `vitest${process.env.TEST_DATABASE_URL ? ' (PGlite + PostgreSQL)' : ' (PGlite)'}`,
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1),
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  });
} else {
  results.push({ name: 'vitest', passed: 0, failed: 1 });
}

// 3. End to end in Chromium against the built apps.
const buildOk = run('build', 'pnpm', [
  'exec',
  'turbo',
  'run',
  'build',
  '--output-logs=errors-only',
]);
results.push({ name: 'build', passed: buildOk ? 1 : 0, failed: buildOk ? 0 : 1 });
if (buildOk) {
  // Bundle budgets (sizes are deterministic, so they may fail the run; timings never do).
  const sizeOk = run('bundle size', 'node', ['tooling/scripts/bundle-size.mjs']);
  results.push({ name: 'bundle size', passed: sizeOk ? 1 : 0, failed: sizeOk ? 0 : 1 });

  const playwrightReport = join(reports, 'playwright.json');
  const e2eOk = run('e2e', 'pnpm', ['--filter', '@unionhall/e2e', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
  });
  const playwright = existsSync(playwrightReport) ? readJson(playwrightReport) : null;
  if (playwright?.stats) {
    const { expected, unexpected, flaky, skipped } = playwright.stats;
    results.push({
      name: 'playwright (Chromium)',
      passed: expected + flaky,
      failed: unexpected + (e2eOk || unexpected > 0 ? 0 : 1),
      skipped,
    });
  } else {
    results.push({ name: 'playwright', passed: 0, failed: 1 });
  }
}

// Summary.
const total = results.reduce(
  (sum, row) => ({
    passed: sum.passed + row.passed,
    failed: sum.failed + row.failed,
    skipped: sum.skipped + (row.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
process.stdout.write('\n');
for (const row of results) {
  const mark = row.failed ? '✗' : '✓';
  process.stdout.write(
    `  ${mark} ${row.name.padEnd(34)} ${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ''}\n`,
  );
}
process.stdout.write(
  `\nTotal: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`,
);
process.exit(total.failed === 0 ? 0 : 1);
