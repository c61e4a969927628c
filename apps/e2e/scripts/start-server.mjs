// Starts the real server for the end-to-end suite on a fresh embedded database, so every run
// begins from the demo data exactly as a new user's first `pnpm start` does. The test command
// has built the apps already, so this skips the build.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'unionhall-e2e-'));
const child = spawn(process.execPath, [join(root, 'tooling/scripts/start.mjs'), '--no-build'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOG_PRETTY: 'false',
    // The suite signs the same officers in many times a minute from one address; the limits
    // themselves are tested at the HTTP level (apps/server/src/*.int.test.ts).
    AUTH_RATE_LIMIT: 'false',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
