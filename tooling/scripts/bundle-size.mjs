#!/usr/bin/env node
// Checks what a first visit downloads against the budgets (issue 7, P8): the member PWA's
// initial route (HTML + CSS + JS) and the officer console's initial JS, gzip-compressed as the
// server sends them. Sizes are deterministic, so unlike timings they can fail the test run.
// Usage: node tooling/scripts/bundle-size.mjs [--json]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const BUDGETS = {
  /** Member PWA, initial route: HTML, CSS and JS. */
  member: { dist: 'apps/member/dist', base: '/', kinds: ['html', 'css', 'js'], limitKb: 170 },
  /** Officer console, initial JS. */
  admin: { dist: 'apps/admin/dist', base: '/admin/', kinds: ['js'], limitKb: 365 },
};

const gzipKb = (buffer) => gzipSync(buffer).length / 1024;

/** The files index.html makes the browser fetch before the first render. */
export function initialFiles(html) {
  const files = [];
  const tag = /<(script|link)\b([^>]*)>/g;
  for (const [, name, attributes] of html.matchAll(tag)) {
    const attribute = (key) => new RegExp(`${key}="([^"]+)"`).exec(attributes)?.[1];
    if (name === 'script' && attribute('src')) files.push({ kind: 'js', url: attribute('src') });
    if (name === 'link') {
      const rel = attribute('rel');
      if (rel === 'modulepreload') files.push({ kind: 'js', url: attribute('href') });
      if (rel === 'stylesheet') files.push({ kind: 'css', url: attribute('href') });
    }
  }
  return files;
}

export function measure(app) {
  const budget = BUDGETS[app];
  const dist = join(root, budget.dist);
  const html = readFileSync(join(dist, 'index.html'));
  const parts = { html: gzipKb(html), css: 0, js: 0 };
  for (const file of initialFiles(html.toString('utf8'))) {
    const path = file.url.startsWith(budget.base) ? file.url.slice(budget.base.length) : file.url;
    parts[file.kind] += gzipKb(readFileSync(join(dist, path)));
  }
  const counted = budget.kinds.reduce((sum, kind) => sum + parts[kind], 0);
  return { app, ...parts, counted, limitKb: budget.limitKb, ok: counted <= budget.limitKb };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = Object.keys(BUDGETS).map(measure);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const result of results) {
      const round = (kb) => kb.toFixed(1);
      process.stdout.write(
        `${result.ok ? '✓' : '✗'} ${result.app.padEnd(7)} ${round(result.counted)} KB gzip ` +
          `(budget ${result.limitKb} KB; html ${round(result.html)}, css ${round(result.css)}, js ${round(result.js)})\n`,
      );
    }
  }
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}
