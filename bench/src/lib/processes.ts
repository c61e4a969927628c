import { spawn, spawnSync, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';

const canPin =
  availableParallelism() >= 2 && spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;

/** Cores: the server under test runs on core 0, the load generator on core 1 (when both exist). */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

/** A command line, pinned to one core with taskset when the machine has two or more. */
export function pinned(core: number, command: string, args: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
}

/**
 * Runs `node --import tsx <script>` on the load generator's core, writes `input` to its stdin as
 * JSON and resolves with the JSON it prints: a load generator or client in a process of its own,
 * so it never shares a core with the server it measures. `what` names it in errors.
 */
export function runOnLoadCore<T>(script: string, input: unknown, what: string): Promise<T> {
  const [command, args] = pinned(LOAD_CORE, process.execPath, ['--import', 'tsx', script]);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with ${code}`));
      resolve(JSON.parse(out) as T);
    });
    child.stdin.end(JSON.stringify(input));
  });
}

export interface RunningProcess {
  child: ChildProcess;
  /** What the process printed after READY, e.g. its port. */
  ready: string;
  stop: () => Promise<void>;
}

/**
 * Starts `node --import tsx <script>` pinned to a core and waits until it prints a line
 * `READY <anything>`. Its other output goes to the bench log only on failure.
 */
export async function startProcess(
  script: string,
  env: Record<string, string> = {},
  core = SERVER_CORE,
): Promise<RunningProcess> {
  // BENCH_PROFILE_DIR=<dir>: each server writes a V8 CPU profile there when it stops (open it
  // in Chrome DevTools' Performance panel), to find where a missed target's time goes.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const [command, args] = pinned(core, process.execPath, [...profile, '--import', 'tsx', script]);
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcessByStdio<null, Readable, Readable>;
  const output: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const ready = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('READY')) resolve(line.slice('READY'.length).trim());
      else output.push(line + '\n');
    });
    child.once('exit', (code) =>
      reject(new Error(`${script} exited (${code}) before READY:\n${output.join('')}`)),
    );
  });
  return {
    child,
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
