import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

test('an integrator reads the org tree with @unionhall/client from a plain Node script', async ({
  baseURL,
}) => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'packages/client/examples/read-tree.mjs'), String(baseURL)],
    { cwd: root },
  );
  const result = JSON.parse(stdout) as { root: string; units: number; createdAtIsDate: boolean };
  expect(result.root).toBe('滨江市总工会');
  expect(result.units).toBeGreaterThanOrEqual(10);
  expect(result.createdAtIsDate).toBe(true);
});

test('the API answers a signed-in officer’s bad input with a structured, translated error', async ({
  request,
}) => {
  const response = await request.post('/trpc/officer.org.create', {
    data: { json: { parentId: 'x', kind: 'UNION', name: '', code: '' } },
    headers: { 'x-unionhall-locale': 'en' },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as {
    error: { json: { message: string; data: { appCode: string } } };
  };
  expect(body.error.json.data.appCode).toBe('VALIDATION_FAILED');
  expect(body.error.json.message).toBe('Some fields are not valid. Please check them.');
});

test('the API answers a signed-out caller of an officer procedure with a structured 401', async ({
  playwright,
  baseURL,
}) => {
  // A context without the project's officer session (it would otherwise inherit it).
  const anonymous = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const response = await anonymous.post('/trpc/officer.org.create', {
    data: { json: { parentId: 'x', kind: 'UNION', name: '', code: '' } },
    headers: { 'x-unionhall-locale': 'en' },
  });
  expect(response.status()).toBe(401);
  const body = (await response.json()) as {
    error: { json: { message: string; data: { appCode: string } } };
  };
  expect(body.error.json.data.appCode).toBe('UNAUTHENTICATED');
  expect(body.error.json.message).toBe('Please sign in.');
  await anonymous.dispose();
});
