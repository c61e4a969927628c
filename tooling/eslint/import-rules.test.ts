import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `path` and returns the rule ids that fired. */
async function rulesFiredFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'fatal');
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('allowed import directions', () => {
  it.each([
    ['apps/admin/src/x.ts', "import { openDatabase } from '@unionhall/db';\nvoid openDatabase;\n"],
    ['apps/member/src/x.ts', "import { createApp } from '@unionhall/server';\nvoid createApp;\n"],
    ['apps/admin/src/x.ts', "import { appRouter } from '@unionhall/api';\nvoid appRouter;\n"],
    [
      'packages/domain/src/x.ts',
      "import { openDatabase } from '@unionhall/db';\nvoid openDatabase;\n",
    ],
    ['packages/db/src/x.ts', "import { ZLocale } from '@unionhall/domain';\nvoid ZLocale;\n"],
    ['packages/api/src/x.ts', "import { createApp } from '@unionhall/server';\nvoid createApp;\n"],
    ['packages/api/src/x.ts', "import { x } from '../../../apps/server/src/app';\nvoid x;\n"],
    ['packages/ui/src/x.ts', "import { appRouter } from '@unionhall/api';\nvoid appRouter;\n"],
    ['packages/client/src/x.ts', "import { appRouter } from '@unionhall/api';\nvoid appRouter;\n"],
  ])('%s may not: %s', async (path, code) => {
    expect(await rulesFiredFor(path, code)).toContain(RESTRICTED);
  });

  it.each([
    [
      'apps/admin/src/x.ts',
      "import type { AppRouter } from '@unionhall/api';\nexport type R = AppRouter;\n",
    ],
    [
      'packages/client/src/x.ts',
      "import type { AppRouter } from '@unionhall/api';\nexport type R = AppRouter;\n",
    ],
    [
      'packages/api/src/x.ts',
      "import { openDatabase } from '@unionhall/db';\nvoid openDatabase;\n",
    ],
    ['apps/server/src/x.ts', "import { appRouter } from '@unionhall/api';\nvoid appRouter;\n"],
    ['packages/ui/src/x.ts', "import { ZLocale } from '@unionhall/domain';\nvoid ZLocale;\n"],
  ])('%s may: %s', async (path, code) => {
    expect(await rulesFiredFor(path, code)).not.toContain(RESTRICTED);
  });
});

describe('configuration comes from env files only', () => {
  it('refuses process.env outside env.ts', async () => {
    expect(
      await rulesFiredFor('packages/api/src/x.ts', 'export const port = process.env.PORT;\n'),
    ).toContain('no-restricted-properties');
  });

  it('allows process.env in env.ts', async () => {
    expect(
      await rulesFiredFor('apps/server/src/env.ts', 'export const port = process.env.PORT;\n'),
    ).not.toContain('no-restricted-properties');
  });
});
