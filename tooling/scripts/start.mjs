#!/usr/bin/env node
// `pnpm start`: build what the server serves (client, console, PWA; generated Prisma client),
// then run the server. The server runs from TypeScript source through tsx's loader, in one
// process, so Ctrl-C reaches it directly and it shuts down gracefully.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@unionhall/server...', '--output-logs=errors-only'],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
  cwd: join(root, 'apps/server'),
  stdio: 'inherit',
});
// A terminal's Ctrl-C signals the whole process group; a signal sent to this process alone
// (a supervisor, a test harness) is passed on. Either way the server decides when to exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
