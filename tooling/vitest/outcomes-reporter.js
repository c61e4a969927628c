// A vitest reporter for `pnpm test`'s summary: it writes the tests that failed and the tests
// that passed only on a retry (with their first error line) to the JSON file named by
// VITEST_OUTCOMES_FILE, so that the last lines of a run, which are all CI's log keeps,
// say which tests they were.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/** The first line of an error that says what went wrong. */
function firstLine(error) {
  const text = String(error?.message ?? error ?? '').trim();
  return text.split('\n')[0].slice(0, 300);
}

export default class OutcomesReporter {
  failed = [];
  flaky = [];

  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestCaseResult(testCase) {
    const result = testCase.result();
    const diagnostic = testCase.diagnostic();
    const entry = {
      project: testCase.project.name,
      file: relative(this.root ?? process.cwd(), testCase.module.moduleId),
      name: testCase.fullName,
    };
    if (result.state === 'failed') {
      this.failed.push({ ...entry, error: firstLine(result.errors?.[0]) });
    } else if (result.state === 'passed' && diagnostic?.flaky) {
      // The failed attempt's error stays with the result: say why it needed the retry.
      this.flaky.push({
        ...entry,
        retries: diagnostic.retryCount,
        error: firstLine(result.errors?.[0]),
      });
    }
  }

  onTestRunEnd(testModules, unhandledErrors) {
    const file = process.env.VITEST_OUTCOMES_FILE;
    if (!file) return;
    // A file that failed before its tests ran (an import error, a crashed process) has no
    // test cases to report: name the file instead.
    const failedModules = testModules
      .filter((module) => module.state() === 'failed' && module.errors().length > 0)
      .map((module) => ({
        project: module.project.name,
        file: relative(this.root ?? process.cwd(), module.moduleId),
        name: '(the file itself)',
        error: firstLine(module.errors()[0]),
      }));
    const unhandled = unhandledErrors.map((error) => ({
      project: '',
      file: '',
      name: '(unhandled error)',
      error: firstLine(error),
    }));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify(
        { failed: [...this.failed, ...failedModules, ...unhandled], flaky: this.flaky },
        null,
        2,
      ),
    );
  }
}
