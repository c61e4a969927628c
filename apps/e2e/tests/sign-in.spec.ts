import { expect, test } from '@playwright/test';
import { adminCode, DEMO_ADMIN, DEMO_CHAIR, DEMO_PASSWORD, totpFor } from './support/officer';

// Signed out: these specs start without the shared officer session.
test.use({ locale: 'zh-CN', storageState: { cookies: [], origins: [] } });

test('an enrolled officer signs in with password and authenticator code, then signs out', async ({
  page,
}) => {
  await page.goto('/admin/');
  await page.getByLabel('邮箱').fill(DEMO_ADMIN);
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('邮箱、密码或验证码不正确');

  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('动态验证码').fill('000000');
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('alert')).toContainText('验证码不正确');
  await page.getByLabel('动态验证码').fill(await adminCode());
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();
  await expect(page.getByText('王敏')).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '干部登录' })).toBeVisible();
  // The old session is gone, not just hidden: a reload still asks to sign in.
  await page.reload();
  await expect(page.getByRole('heading', { name: '干部登录' })).toBeVisible();
  const api = await page.request.post('/trpc/officer.org.list', { data: {} });
  expect(api.status()).toBe(401);
});

test('the chair of one union sees only that union’s units, read-only', async ({ page }) => {
  await page.goto('/admin/');
  await page.getByLabel('邮箱').fill(DEMO_CHAIR);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '设置两步登录' })).toBeVisible();
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '继续' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  await page.getByLabel('动态验证码').fill(totpFor(secret).generate());
  await page.getByRole('button', { name: '确认并继续' }).click();

  await expect(page.getByRole('group', { name: '滨江市教育工会', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: '滨江市第一中学工会', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: '滨江市总工会', exact: true })).toHaveCount(0);
  await expect(page.getByRole('group', { name: '华兴钢铁有限公司工会', exact: true })).toHaveCount(
    0,
  );
  // A chair reads and audits but does not manage: no change buttons, History links stay.
  const union = page.getByRole('group', { name: '滨江市教育工会', exact: true });
  await expect(union.getByRole('link', { name: '历史记录' })).toBeVisible();
  await expect(page.getByRole('button', { name: '重命名' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '移动' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '添加下级' })).toHaveCount(0);
});

test('at an address the server does not trust, sign-in says so instead of blaming the account', async ({
  page,
  baseURL,
}) => {
  // The server is set up as localhost; the same server by its IP is another origin.
  const untrusted = (baseURL ?? '').replace('localhost', '127.0.0.1');
  await page.goto(`${untrusted}/admin/`);
  await page.getByLabel('邮箱').fill(DEMO_ADMIN);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('不能从这个网址登录');
  await expect(page.getByRole('alert')).not.toContainText('停用');
});
