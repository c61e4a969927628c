import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isEmptyMigrationSql,
  migrationFolderName,
  readMigrationList,
  writeMigration,
} from './migrations';
import { defaultDataDir, repoRoot } from './paths';

describe('migrationFolderName', () => {
  it('prefixes a UTC timestamp and snake-cases the name', () => {
    expect(migrationFolderName('Add members!', new Date('2024-01-31T23:59:58Z'))).toBe(
      '20240131235958_add_members',
    );
  });

  it('rejects a name with no letters or digits', () => {
    expect(() => migrationFolderName('--')).toThrow(/no letters or digits/);
  });
});

describe('isEmptyMigrationSql', () => {
  it('treats blank and comment-only output as empty', () => {
    expect(isEmptyMigrationSql('')).toBe(true);
    expect(isEmptyMigrationSql('-- This is an empty migration.\n\n')).toBe(true);
    expect(isEmptyMigrationSql('-- CreateTable\nCREATE TABLE "x" ();\n')).toBe(false);
  });
});

describe('writeMigration and readMigrationList', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the standard Prisma layout and reads it back in order', async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'uh-migrations-')), 'migrations');
    await writeMigration('second', 'SELECT 2;', {
      migrationsDir: dir,
      now: new Date('2024-02-01T00:00:00Z'),
    });
    await writeMigration('first', 'SELECT 1;', {
      migrationsDir: dir,
      now: new Date('2024-01-01T00:00:00Z'),
    });

    expect((await readdir(dir)).sort()).toEqual([
      '20240101000000_first',
      '20240201000000_second',
      'migration_lock.toml',
    ]);
    expect(await readFile(join(dir, 'migration_lock.toml'), 'utf8')).toContain(
      'provider = "postgresql"',
    );

    const list = await readMigrationList(dir);
    expect(list.migrationDirectories.map((m) => m.path)).toEqual([
      '20240101000000_first',
      '20240201000000_second',
    ]);
    expect(list.migrationDirectories[0]?.migrationFile.content).toEqual({
      tag: 'ok',
      value: 'SELECT 1;\n',
    });
  });

  it('refuses to overwrite an existing migration', async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'uh-migrations-')), 'migrations');
    const now = new Date('2024-01-01T00:00:00Z');
    await writeMigration('same', 'SELECT 1;', { migrationsDir: dir, now });
    await expect(writeMigration('same', 'SELECT 2;', { migrationsDir: dir, now })).rejects.toThrow(
      /EEXIST/,
    );
  });
});

describe('defaultDataDir', () => {
  it('is <repo root>/.data/pglite', () => {
    expect(defaultDataDir()).toBe(join(repoRoot, '.data', 'pglite'));
    expect(defaultDataDir('/srv/unionhall')).toBe('/srv/unionhall/.data/pglite');
  });
});
