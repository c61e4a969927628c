import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { createUnionhallClient, isUnionhallApiError } from '@unionhall/client';
import { expectNoAxeViolations } from './support/axe';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The client's example script, as an integrator runs it, with the token in its environment. */
async function runExample(url: string, token: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'packages/client/examples/list-units-with-token.mjs'), url],
    { cwd: root, env: { ...process.env, UNIONHALL_TOKEN: token } },
  ).catch((error: unknown) => {
    // The script exits 1 after printing a refused call: keep what it printed.
    const stdout: unknown = typeof error === 'object' && error ? Reflect.get(error, 'stdout') : '';
    return { stdout: String(stdout) };
  });
  return JSON.parse(stdout);
}

const EDU_UNIT = '滨江市总工会 / 滨江市教育工会';

/** Creates a token for BJ-EDU with org.read alone, through the console; returns the shown key. */
async function createToken(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API token' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('combobox', { name: 'Unit' }).selectOption({ label: EDU_UNIT });
  await expect(
    dialog.getByRole('checkbox', { name: 'Read the organization structure' }),
  ).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Read the audit log' })).not.toBeChecked();
  await dialog.getByRole('combobox', { name: 'Valid for' }).selectOption({ label: '30 days' });
  await dialog.getByRole('button', { name: 'Create token' }).click();

  await expect(dialog.getByText('It will not be shown again')).toBeVisible();
  const key = await dialog.getByLabel('API key').inputValue();
  expect(key).toMatch(/^uh_/);
  return key;
}

test.describe('API tokens in English', () => {
  test.use({ locale: 'en', permissions: ['clipboard-read', 'clipboard-write'] });

  test('an admin issues a token, an integrator reads its subtree with it, revoking ends it', async ({
    page,
    baseURL,
  }, testInfo) => {
    const name = `HR sync ${Date.now() % 100000}`;
    await page.goto('/admin/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'API tokens' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();

    const key = await createToken(page, name);
    const dialog = page.getByRole('dialog', { name: 'Create API token' });
    await dialog.getByRole('button', { name: 'Copy key' }).click();
    await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('key-shown-en.png') });
    await dialog.getByRole('button', { name: 'I have saved the key' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Never used');
    await expect(row).toContainText('Read the organization structure');
    await expect(row).toContainText(`Key starts with ${key.slice(0, 6)}`);
    await expect(row).not.toContainText(key.slice(6, 20));

    // The integrator's side: a plain Node client with the key from the screen.
    const client = createUnionhallClient({ url: String(baseURL), token: key, locale: 'en' });
    const units = await client.officer.org.list.query();
    expect(units.map((unit) => unit.code).sort()).toEqual(['BJ-EDU', 'BJ-NO1-HS', 'BJ-UNIV']);
    // A scope it lacks is refused.
    await expect(
      client.officer.audit.find.query({}).catch((error: unknown) => {
        throw isUnionhallApiError(error) ? new Error(error.data?.code) : error;
      }),
    ).rejects.toThrow('FORBIDDEN');
    expect(await runExample(String(baseURL), key)).toEqual({
      codes: ['BJ-EDU', 'BJ-NO1-HS', 'BJ-UNIV'],
    });

    await page.reload();
    await expect(row).not.toContainText('Never used');
    await expect(row.getByRole('cell').nth(5)).toHaveText('now');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('list-en.png'), fullPage: true });

    await row.getByRole('button', { name: `Revoke “${name}”` }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke API token' });
    await expect(confirm).toContainText('refused from their next request');
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await expect(page.getByText(`Revoked the token “${name}”.`)).toBeVisible();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

    const refused = await client.officer.org.list.query().catch((error: unknown) => error);
    expect(isUnionhallApiError(refused)).toBe(true);
    expect(isUnionhallApiError(refused) ? refused.data?.code : null).toBe('UNAUTHORIZED');
    expect(isUnionhallApiError(refused) ? refused.data?.httpStatus : null).toBe(401);
    expect(await runExample(String(baseURL), key)).toMatchObject({ error: 'UNAUTHORIZED' });
  });
});

test.describe('API tokens in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the page and its create dialog read in Chinese, without WCAG 2 A/AA violations', async ({
    page,
  }, testInfo) => {
    await page.goto('/admin/tokens');
    await expect(page.getByRole('heading', { level: 1, name: 'API 令牌' })).toBeVisible();
    await page.getByRole('button', { name: '创建令牌' }).click();
    const dialog = page.getByRole('dialog', { name: '创建 API 令牌' });
    await dialog.getByRole('textbox', { name: '名称' }).fill('人事系统同步');
    await dialog.getByLabel('适用组织').selectOption({ label: EDU_UNIT });
    await dialog.getByRole('checkbox', { name: '查看审计日志' }).check();
    await dialog.getByRole('button', { name: '创建令牌' }).click();
    await expect(dialog.getByText('关闭此窗口后将无法再次查看')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('key-shown-zh.png') });
    await dialog.getByRole('button', { name: '我已保存密钥' }).click();

    await expect(page.getByRole('row').filter({ hasText: '人事系统同步' })).toContainText(
      '查看审计日志',
    );
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('list-zh.png'), fullPage: true });

    await page.getByRole('button', { name: '创建令牌' }).click();
    await dialog.getByRole('checkbox', { name: '查看组织架构' }).uncheck();
    await dialog.getByRole('button', { name: '创建令牌' }).click();
    await expect(dialog.getByText('请至少勾选一项权限')).toBeVisible();
    await expect(dialog.getByText('请选择组织').last()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('create-zh.png') });
  });
});
