// One client sending requests one after another on one kept-alive connection, as a browser tab
// sends its tRPC batches: prints {p50Ms, p95Ms, requests} for the options on stdin. node:http
// with Nagle off, so a request leaves in one go (autocannon with one connection measured TCP's
// delayed acknowledgements, about 20 ms a request whatever it carried).
import http from 'node:http';
import type { LatencyOptions, LatencyResult } from './latency';

let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const options = JSON.parse(input) as LatencyOptions;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const url = new URL(options.url);

function once(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(options.body ? { 'content-length': Buffer.byteLength(options.body) } : {}),
        },
        agent,
      },
      (response) => {
        response.resume();
        response.once('end', () => {
          if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    request.once('socket', (socket) => socket.setNoDelay(true));
    request.once('error', reject);
    request.end(options.body);
  });
}

for (let i = 0; i < options.warmup; i++) await once();
const times: number[] = [];
for (let i = 0; i < options.requests; i++) times.push(await once());
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
const result: LatencyResult = { p50Ms: at(0.5), p95Ms: at(0.95), requests: times.length };
agent.destroy();
process.stdout.write(JSON.stringify(result));
