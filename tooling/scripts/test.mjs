#!/usr/bin/env node
// `pnpm test`: everything, in the order that fails fastest, with one summary line at the end.
// Lint and typecheck count as one check each; vitest and Playwright count their tests.
// Every step runs even if an earlier one failed, so one run shows all that is wrong.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = [];
/** Tests to name in the summary: those that failed, and those that passed only on a retry. */
const named = { failed: [], flaky: [] };
/** The names of the steps stopped for going over their limit. */
const timedOutSteps = new Set();

/** Stops a step's process group: the step and everything it started. */
function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Runs one step in its own process group, so that a step over its time limit is stopped with
 * everything it started: a hung step fails the run in minutes instead of using up CI's time.
 */
function run(name, command, args, { env = {}, limitMinutes = 20 } = {}) {
  process.stdout.write(`\n━━ ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      detached: true,
    });
    // Its own group is out of reach of the terminal's Ctrl-C: pass stops on.
    const stop = (signal) => {
      killGroup(child);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const timer = setTimeout(() => {
      timedOutSteps.add(name);
      process.stdout.write(`\n━━ ${name}: over its limit of ${limitMinutes} min, stopping it\n`);
      killGroup(child);
    }, limitMinutes * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      const timedOut = timedOutSteps.has(name);
      const ok = code === 0 && !timedOut;
      const why = timedOut ? 'timed out' : `exit ${code ?? signal}`;
      process.stdout.write(`━━ ${name}: ${ok ? 'ok' : `FAILED (${why})`} in ${seconds}s\n`);
      resolve(ok);
    });
  });
}

/** Every test in a Playwright JSON report, with its spec. */
function* playwrightTests(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) yield { spec, test };
    }
    yield* playwrightTests(suite.suites ?? []);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Static checks.
const lintOk = await run('lint', 'pnpm', ['exec', 'eslint', '--max-warnings=0', '.']);
results.push({ name: 'lint', passed: lintOk ? 1 : 0, failed: lintOk ? 0 : 1 });

const formatOk = await run('format', 'pnpm', [
  'exec',
  'prettier',
  '--check',
  '--log-level=warn',
  '.',
]);
results.push({ name: 'format', passed: formatOk ? 1 : 0, failed: formatOk ? 0 : 1 });

const typecheckOk = await run('typecheck', 'pnpm', [
  'exec',
  'turbo',
  'run',
  'typecheck',
  '--output-logs=errors-only',
]);
results.push({ name: 'typecheck', passed: typecheckOk ? 1 : 0, failed: typecheckOk ? 0 : 1 });

// 2. Unit and integration tests (PGlite; PostgreSQL too when TEST_DATABASE_URL is set).
const vitestReport = join(reports, 'vitest.json');
const vitestOutcomes = join(reports, 'vitest-outcomes.json');
// A failed test is tried once more, as Playwright does; a test that passes only then counts
// as passed, and the summary names it so that the flake is seen and can be fixed.
const vitestArgs = [
  'exec',
  'vitest',
  'run',
  '--retry=1',
  '--reporter=default',
  '--reporter=json',
  '--reporter=./tooling/vitest/outcomes-reporter.js',
  `--outputFile.json=${vitestReport}`,
];
const vitestEnv = { VITEST_OUTCOMES_FILE: vitestOutcomes };
/** Stacks written by the test watchdog (tooling/vitest/watchdog.js) for stuck test processes. */
const stuckReports = () => readdirSync(reports).filter((name) => name.startsWith('stuck-'));
let vitestOk = await run('unit + integration', 'pnpm', vitestArgs, {
  env: vitestEnv,
  limitMinutes: 30,
});
let vitestNote = '';
if (!vitestOk && (stuckReports().length > 0 || timedOutSteps.has('unit + integration'))) {
  // A stuck process is a bug to find (its stack is printed above and kept in reports/), but
  // one that is rare enough not to cost the whole run: run the suite once more, and say so.
  vitestNote = `, after a re-run: ${stuckReports().length > 0 ? `a test process was stuck (reports/${stuckReports()[0]})` : 'the first run timed out'}`;
  vitestOk = await run('unit + integration, again', 'pnpm', vitestArgs, {
    env: vitestEnv,
    limitMinutes: 30,
  });
}
const vitest = readJson(vitestReport);
const outcomes = readJson(vitestOutcomes);
for (const test of outcomes?.failed ?? []) {
  named.failed.push(`vitest ${test.project} ${test.file} › ${test.name}: ${test.error}`);
}
for (const test of outcomes?.flaky ?? []) {
  named.flaky.push(
    `vitest ${test.project} ${test.file} › ${test.name}${test.error ? `: ${test.error}` : ''}`,
  );
}
if (vitest) {
  results.push({
    name: `vitest${process.env.TEST_DATABASE_URL ? ' (PGlite + PostgreSQL)' : ' (PGlite)'}${vitestNote}`,
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1),
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  });
} else {
  results.push({ name: 'vitest', passed: 0, failed: 1 });
}

// 3. End to end in Chromium against the built apps.
const buildOk = await run('build', 'pnpm', [
  'exec',
  'turbo',
  'run',
  'build',
  '--output-logs=errors-only',
]);
results.push({ name: 'build', passed: buildOk ? 1 : 0, failed: buildOk ? 0 : 1 });
if (buildOk) {
  // Bundle budgets (sizes are deterministic, so they may fail the run; timings never do).
  const sizeOk = await run('bundle size', 'node', ['tooling/scripts/bundle-size.mjs']);
  results.push({ name: 'bundle size', passed: sizeOk ? 1 : 0, failed: sizeOk ? 0 : 1 });

  const playwrightReport = join(reports, 'playwright.json');
  const e2eOk = await run('e2e', 'pnpm', ['--filter', '@unionhall/e2e', 'test'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
    limitMinutes: 30,
  });
  const playwright = existsSync(playwrightReport) ? readJson(playwrightReport) : null;
  for (const { spec, test } of playwrightTests(playwright?.suites ?? [])) {
    const title = `playwright [${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}`;
    if (test.status === 'unexpected') named.failed.push(title);
    if (test.status === 'flaky') named.flaky.push(title);
  }
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
const listed = 15;
for (const [heading, tests] of [
  ['Failed', named.failed],
  ['Passed only on a retry (flaky)', named.flaky],
]) {
  if (tests.length === 0) continue;
  process.stdout.write(`${heading}:\n`);
  for (const test of tests.slice(0, listed)) process.stdout.write(`  - ${test}\n`);
  if (tests.length > listed) process.stdout.write(`  … and ${tests.length - listed} more\n`);
  process.stdout.write('\n');
}
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
