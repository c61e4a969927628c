import { fileURLToPath } from 'node:url';
import { runOnLoadCore } from './processes';

export interface LoadOptions {
  url: string;
  /** Concurrent connections. */
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Pipelining factor (1 = none). */
  pipelining?: number;
  /**
   * Requests to cycle through (autocannon's `requests`), e.g. different search terms.
   * Each entry may set path, method, headers, body.
   */
  requests?: { path?: string; method?: string; headers?: Record<string, string>; body?: string }[];
  /** Cap the request rate (req/s over all connections), for latency at a fixed load. */
  overallRate?: number;
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Non-2xx answers plus connection errors and timeouts. */
  failures: number;
  /** The parts of `failures`, to tell a refusal from a timeout. */
  non2xx?: number;
  errors?: number;
  timeouts?: number;
  requests: number;
}

const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/**
 * Runs autocannon in its own process on its own core, so the load generator does not share
 * a CPU with the server it measures.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return runOnLoadCore<LoadResult>(worker, options, 'load generator');
}
