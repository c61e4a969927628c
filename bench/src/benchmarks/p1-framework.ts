import { PAYLOAD, PAYLOAD_BYTES } from '../lib/payload';
import { compareAtPeak, pick, round, SATURATING_CONNECTIONS, serverScript } from '../lib/measure';
import type { Benchmark } from '../lib/types';

/** P1: a bare Hono route against raw node:http, both answering the same 1 KB of JSON. */
export const p1Framework: Benchmark = {
  id: 'p1',
  title: `framework: bare Hono route vs raw node:http (${PAYLOAD_BYTES} B JSON)`,
  async run(ctx) {
    const rounds = ctx.quick ? 1 : 2;
    const expected = JSON.stringify(PAYLOAD);
    const results = await compareAtPeak(
      ctx,
      [
        { name: 'node:http', script: serverScript('p1-node'), path: '/payload', expected },
        { name: 'hono', script: serverScript('p1-hono'), path: '/payload', expected },
      ],
      rounds,
    );
    const node = pick(results, 'node:http');
    const hono = pick(results, 'hono');
    return {
      metrics: {
        'p1.node_http_rps': round(node.rps, 0),
        'p1.hono_rps': round(hono.rps, 0),
        'p1.node_http_cpu_us_per_req': round(node.cpuUsPerRequest, 1),
        'p1.hono_cpu_us_per_req': round(hono.cpuUsPerRequest, 1),
      },
      ratios: {
        'p1.hono_vs_node_rps': round(hono.rps / node.rps),
        // The same comparison from server CPU time per request: steadier on a busy machine.
        'p1.hono_vs_node_cpu_efficiency': round(node.cpuUsPerRequest / hono.cpuUsPerRequest),
      },
      targets: [{ name: 'p1.hono_vs_node_rps', op: '>=', value: 0.8 }],
      notes: [
        `${SATURATING_CONNECTIONS} connections; server pinned to one core, autocannon to the other; best of ${rounds} alternated round(s).`,
      ],
    };
  },
};
