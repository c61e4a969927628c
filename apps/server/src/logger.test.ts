import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger, logDestination } from './logger';

const lines = async (file: string) =>
  (await readFile(file, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { msg: string });

describe('log destination', () => {
  it('holds lines back to write them together, and writes them within a second', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'uh-log-')), 'app.log');
    const logger = createLogger({
      level: 'info',
      pretty: false,
      destination: logDestination(file),
    });
    logger.info('first');
    logger.info('second');
    // Buffered: nothing reaches the file at once...
    expect(await lines(file)).toStrictEqual([]);
    // ...and the flush timer writes it soon after.
    await expect
      .poll(async () => (await lines(file)).map((line) => line.msg), { timeout: 3000 })
      .toStrictEqual(['first', 'second']);
  });

  it('writes what is buffered when the process exits', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'uh-log-')), 'app.log');
    const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
    const script = `
      const { createLogger, logDestination } = await import(${JSON.stringify(logger)});
      const { openSync } = await import('node:fs');
      // A descriptor, as standard output is in production.
      const fd = openSync(${JSON.stringify(file)}, 'a');
      const log = createLogger({ level: 'info', pretty: false, destination: logDestination(fd) });
      log.info('last words');
      process.exit(0);
    `;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect((await lines(file)).map((line) => line.msg)).toStrictEqual(['last words']);
  });
});
