import { fileURLToPath } from 'node:url';
import { runOnLoadCore } from './processes';

export interface LatencyOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Unmeasured requests first (JIT, connection). */
  warmup: number;
  requests: number;
}

export interface LatencyResult {
  p50Ms: number;
  p95Ms: number;
  requests: number;
}

const worker = fileURLToPath(new URL('./latency-worker.ts', import.meta.url));

/**
 * Time per request as one client sees it, sending one request after another, from its own
 * process on the load generator's core.
 */
export function runLatency(options: LatencyOptions): Promise<LatencyResult> {
  return runOnLoadCore<LatencyResult>(worker, options, 'latency client');
}
