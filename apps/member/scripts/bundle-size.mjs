// Reports what a phone downloads before the member app first renders (the entry script, its
// preloaded chunks and the stylesheet, gzipped) and fails when it passes the budget. Run after
// `vite build`: `pnpm --filter @unionhall/member size`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// Kilobytes of 1,000 bytes, as Vite prints them; the stricter reading of "170 KB".
const BUDGET_BYTES = 170 * 1000;
const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
  (match) => match[1],
);
let total = 0;
for (const asset of assets) {
  const size = gzipSync(readFileSync(join(dist, asset))).length;
  total += size;
  console.log(`${(size / 1000).toFixed(1).padStart(7)} kB  ${asset}`);
}
console.log(
  `${(total / 1000).toFixed(1).padStart(7)} kB  initial download, gzip (budget ${BUDGET_BYTES / 1000} kB)`,
);
if (total > BUDGET_BYTES) {
  console.error('The member app’s first download is over budget: load more of it on demand.');
  process.exit(1);
}
