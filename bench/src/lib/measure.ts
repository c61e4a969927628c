import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadOptions, type LoadResult } from './load';
import { startProcess, type RunningProcess } from './processes';
import type { BenchContext } from './types';

/** Enough concurrent connections to keep one server core busy all the time. */
export const SATURATING_CONNECTIONS = 64;

export interface Server {
  base: string;
  pid: number | undefined;
  /** Whatever the server printed after its port on the READY line. */
  extra: string[];
  process: RunningProcess;
}

/** Starts a server script (it prints `READY <port> …`), runs `fn`, always stops it. */
export async function withServer<T>(
  script: string,
  env: Record<string, string>,
  fn: (server: Server) => Promise<T>,
): Promise<T> {
  const process = await startProcess(script, env);
  try {
    const [port, ...extra] = process.ready.split(' ');
    if (!port || !/^\d+$/.test(port))
      throw new Error(`${script} printed no port: ${process.ready}`);
    return await fn({ base: `http://127.0.0.1:${port}`, pid: process.child.pid, extra, process });
  } finally {
    await process.stop();
  }
}

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { stdio: ['ignore', 'pipe', 'ignore'] })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used, in ms; undefined where /proc is missing. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The command may contain spaces and parentheses: fields are counted after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface Measured extends LoadResult {
  /**
   * Server CPU time per answered request, in µs. Unlike req/s it barely depends on how much
   * of the core other processes on the machine took during the run.
   */
  cpuUsPerRequest?: number;
}

/**
 * A short unmeasured run first (the JIT optimizes the hot path, pools fill), then the measured
 * run of ctx.durationSeconds. Answers that are not 2xx make the figure meaningless: refused.
 * `serverPid` adds the server's CPU time per request.
 */
export async function measure(
  ctx: BenchContext,
  options: Omit<LoadOptions, 'durationSeconds'>,
  serverPid?: number,
): Promise<Measured> {
  await runLoad({ ...options, durationSeconds: ctx.quick ? 1 : 3 });
  const before = cpuMs(serverPid);
  const result = await runLoad({ ...options, durationSeconds: ctx.durationSeconds });
  const after = cpuMs(serverPid);
  // A wrong answer voids the figure; a few timeouts on a busy machine do not (they are
  // reported), but more than 1% of the requests lost voids it too.
  const lost = (result.errors ?? 0) + (result.timeouts ?? 0);
  if ((result.non2xx ?? result.failures) > 0 || lost > result.requests / 100) {
    throw new Error(
      `${result.failures} of ${result.requests} requests to ${options.url} failed (${result.non2xx ?? '?'} non-2xx, ${result.errors ?? '?'} errors, ${result.timeouts ?? '?'} timeouts)`,
    );
  }
  if (lost > 0) {
    ctx.log(`${lost} of ${result.requests} requests timed out or failed to connect (under 1%)`);
  }
  const cpuUsPerRequest =
    before !== undefined && after !== undefined && result.requests > 0
      ? ((after - before) * 1000) / result.requests
      : undefined;
  return { ...result, ...(cpuUsPerRequest === undefined ? {} : { cpuUsPerRequest }) };
}

export interface RequestShape {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** Sends one request to `url` and fails unless it answers 200 with `expected` as its body. */
export async function expectBody(
  url: string,
  expected: string,
  request: RequestShape = {},
): Promise<void> {
  const response = await fetch(url, request);
  const body = await response.text();
  if (response.status !== 200 || body !== expected) {
    throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
  }
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface Contender {
  name: string;
  script: string;
  env?: Record<string, string>;
  /** Path and query to load, e.g. /payload. */
  path: string;
  /** Method, headers and body (default: a plain GET). */
  request?: RequestShape;
  /** The exact body the path must answer with before any load is put on it. */
  expected: string;
  /**
   * Send the session cookie the server printed on its READY line (third word, base64url), as
   * a signed-in browser would (servers/trpc-stack.ts).
   */
  signedIn?: boolean;
}

/** The contender's request, with the session cookie of its server when it is signed in. */
function requestFor(contender: Contender, server: Server): RequestShape | undefined {
  if (!contender.signedIn) return contender.request;
  const encoded = server.extra[1];
  if (!encoded || encoded === '-')
    throw new Error(`${contender.name}: the server printed no session`);
  const cookie = Buffer.from(encoded, 'base64url').toString('utf8');
  return {
    ...contender.request,
    headers: { ...contender.request?.headers, cookie },
  };
}

export interface Best {
  rps: number;
  cpuUsPerRequest: number;
  p50Ms: number;
}

/**
 * Peak req/s of each contender under a saturating load, in alternated rounds (a, b, c, a, b,
 * c…), keeping each one's best: other work on the machine only ever slows a run down.
 */
export async function compareAtPeak(
  ctx: BenchContext,
  contenders: Contender[],
  rounds: number,
): Promise<Record<string, Best>> {
  const best: Record<string, Best> = {};
  for (let i = 0; i < rounds; i++) {
    for (const contender of contenders) {
      const result = await withServer(contender.script, contender.env ?? {}, async (server) => {
        const url = `${server.base}${contender.path}`;
        const request = requestFor(contender, server);
        await expectBody(url, contender.expected, request);
        return measure(ctx, { url, connections: SATURATING_CONNECTIONS, ...request }, server.pid);
      });
      ctx.log(
        `${contender.name}: ${Math.round(result.rps)} req/s, p50 ${result.p50Ms} ms, ${round(result.cpuUsPerRequest ?? NaN, 1)} µs CPU/req`,
      );
      const previous = best[contender.name];
      best[contender.name] = {
        rps: Math.max(previous?.rps ?? 0, result.rps),
        cpuUsPerRequest: Math.min(
          previous?.cpuUsPerRequest ?? Infinity,
          result.cpuUsPerRequest ?? NaN,
        ),
        p50Ms: Math.min(previous?.p50Ms ?? Infinity, result.p50Ms),
      };
    }
  }
  return best;
}

/** A bench server script's absolute path, from its name in src/servers. */
export function serverScript(name: string): string {
  return fileURLToPath(new URL(`../servers/${name}.ts`, import.meta.url));
}

/** Picks a result or fails loudly (a typo in a contender's name would otherwise read as 0). */
export function pick(results: Record<string, Best>, name: string): Best {
  const result = results[name];
  if (!result) throw new Error(`no result for ${name}`);
  return result;
}
