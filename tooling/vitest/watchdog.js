// A vitest setup file: turns a test process whose JavaScript thread is stuck into a failed test
// file with the stuck stack printed, instead of a run that waits forever.
//
// Vitest's test and hook timeouts are timers, so they cannot fire while the thread runs without
// yielding (a synchronous loop, a spin inside WebAssembly, a blocking wait): the worker then
// never reports back and the whole run hangs silently (it happened once in CI). A helper thread
// watches a heartbeat the test thread writes every second. When it has stopped for
// STUCK_AFTER_MS, the helper pauses the test thread through the inspector, writes its stack to
// standard error and to reports/stuck-<pid>.txt, and kills the process; vitest reports the file
// as failed and goes on with the others.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { expect } from 'vitest';

/** Longer than any hook may take (hookTimeout is 120 s), so only a stuck thread trips it. */
const STUCK_AFTER_MS = Number(process.env.TEST_WATCHDOG_MS ?? 150_000);

const REPORTS = join(dirname(fileURLToPath(import.meta.url)), '../../reports');

// The helper thread's code: plain CommonJS, evaluated as a worker.
const HELPER = `
const { workerData } = require('node:worker_threads');
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const beats = new Int32Array(workerData.heartbeat);
let last = Atomics.load(beats, 0);
let lastChange = Date.now();
const timer = setInterval(() => {
  const now = Atomics.load(beats, 0);
  if (now !== last) { last = now; lastChange = Date.now(); return; }
  if (Date.now() - lastChange < workerData.stuckAfterMs) return;
  clearInterval(timer);
  report();
}, 1000);

function finish(stack) {
  const text =
    '\\n[test watchdog] the test thread of process ' + process.pid + ' (' + workerData.file +
    ') has not run its timers for ' + Math.round((Date.now() - lastChange) / 1000) +
    ' s; its stack:\\n' + stack + '\\nThe process is killed so that the run can go on.\\n';
  writeSync(2, text);
  try {
    mkdirSync(workerData.reports, { recursive: true });
    writeFileSync(join(workerData.reports, 'stuck-' + process.pid + '.txt'), text);
  } catch {}
  process.kill(process.pid, 'SIGKILL');
}

function report() {
  const session = new Session();
  session.connectToMainThread();
  // Not in JavaScript (a blocking system call): the pause never comes.
  const noPause = setTimeout(() => finish('  (not in JavaScript: a blocking system call?)'), 10000);
  const scripts = new Map();
  session.on('Debugger.scriptParsed', ({ params }) => {
    scripts.set(params.scriptId, params.url || params.sourceMapURL || params.scriptId);
  });
  session.on('Debugger.paused', ({ params }) => {
    clearTimeout(noPause);
    const frames = params.callFrames.map((frame) =>
      '    at ' + (frame.functionName || '<anonymous>') + ' (' + (frame.url || scripts.get(frame.location.scriptId) || '?') + ':' +
      (frame.location.lineNumber + 1) + ':' + (frame.location.columnNumber + 1) + ')');
    finish(frames.join('\\n'));
  });
  session.post('Debugger.enable', () => session.post('Debugger.pause'));
}
`;

const started = Symbol.for('unionhall.testWatchdog');
if (!globalThis[started]) {
  globalThis[started] = true;
  const heartbeat = new SharedArrayBuffer(4);
  const beats = new Int32Array(heartbeat);
  setInterval(() => Atomics.add(beats, 0, 1), 1000).unref();
  const helper = new Worker(HELPER, {
    eval: true,
    workerData: {
      heartbeat,
      stuckAfterMs: STUCK_AFTER_MS,
      reports: REPORTS,
      file: expect.getState().testPath ?? 'unknown test file',
    },
  });
  helper.unref();
  mkdirSync(REPORTS, { recursive: true });
}
