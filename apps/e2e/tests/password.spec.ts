import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_CHAIR, DEMO_PASSWORD, totpFor } from './support/officer';

// Signed out: the demo chair signs in here, so the shared admin session stays untouched. The
// tests run in order and the last one puts the chair back as it was (demo password, no
// authenticator), because sign-in.spec.ts enrols the chair from scratch.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial' });

const CHANGED = 'a changed passphrase 2026';
const RESET = 'a reset passphrase for the chair';
/** The chair's authenticator key, enrolled by the first test. */
let secret = '';

async function outboxLink(page: Page, to: string): Promise<string> {
  const response = await page.request.get('/api/dev/outbox');
  const { messages } = (await response.json()) as {
    messages: { to: string; purpose: string; link?: string }[];
  };
  const link = messages.find(
    (message) => message.to === to && message.purpose === 'reset-password',
  )?.link;
  if (!link) throw new Error(`no reset link was sent to ${to}`);
  return link;
}

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('an officer changes the password on My account; other sessions end; the new one signs in', async ({
    page,
    browser,
    baseURL,
  }) => {
    await page.goto('/admin/');
    await page.getByLabel('邮箱').fill(DEMO_CHAIR);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { name: '设置两步登录' })).toBeVisible();
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '继续' }).click();
    secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await page.getByLabel('动态验证码').fill(totpFor(secret).generate());
    await page.getByRole('button', { name: '确认并继续' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();

    // A second browser signed in as the same officer: the change must end its session.
    const elsewhere = await browser.newContext({ baseURL, locale: 'zh-CN' });
    const other = await elsewhere.newPage();
    await other.goto('/admin/');
    await other.getByLabel('邮箱').fill(DEMO_CHAIR);
    await other.getByLabel('密码').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: '登录' }).click();
    await other.getByLabel('动态验证码').fill(totpFor(secret).generate());
    await other.getByRole('button', { name: '验证' }).click();
    await expect(other.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();

    await page.getByRole('link', { name: '我的账户' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '我的账户' })).toBeVisible();
    const sessions = page.getByRole('region', { name: '登录设备' });
    await expect(sessions.getByRole('listitem')).toHaveCount(2);
    await expect(sessions.getByText('当前设备')).toHaveCount(1);

    const change = page.getByRole('region', { name: '修改密码' });
    await change.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await change.getByLabel(/^新密码\s*\*?$/).fill('too short');
    await change.getByLabel('再次输入新密码').fill('too shor');
    await change.getByRole('button', { name: '修改密码' }).click();
    await expect(change.getByText('新密码至少需要 12 个字符。')).toBeVisible();
    await expect(change.getByText('两次输入的新密码不一致。')).toBeVisible();
    await expectNoAxeViolations(page);

    await change.getByLabel('当前密码').fill('not the current password');
    await change.getByLabel(/^新密码\s*\*?$/).fill(CHANGED);
    await change.getByLabel('再次输入新密码').fill(CHANGED);
    await change.getByRole('button', { name: '修改密码' }).click();
    await expect(change.getByRole('alert')).toHaveText('当前密码不正确。');

    await change.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await change.getByRole('button', { name: '修改密码' }).click();
    await expect(change.getByRole('status')).toContainText('密码已修改');
    await expect(sessions.getByRole('listitem')).toHaveCount(1);

    // This browser stays signed in; the other one is signed out, on the API and on reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '我的账户' })).toBeVisible();
    expect((await other.request.post('/trpc/officer.org.list', { data: {} })).status()).toBe(401);
    await other.reload();
    await expect(other.getByRole('heading', { name: '干部登录' })).toBeVisible();
    await elsewhere.close();

    // New recovery codes, shown once; one of them stands in for the authenticator below.
    const recovery = page.getByRole('region', { name: '恢复码' });
    await recovery.getByLabel('当前密码').fill(CHANGED);
    await recovery.getByRole('button', { name: '生成新的恢复码' }).click();
    const codes = recovery.getByRole('list', { name: '新的恢复码' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    await expectNoAxeViolations(page);
    const recoveryCode = (await codes.first().textContent()) ?? '';

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('邮箱').fill(DEMO_CHAIR);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText('邮箱、密码或验证码不正确');
    await page.getByLabel('密码').fill(CHANGED);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '改用恢复码' }).click();
    await page.getByLabel('恢复码').fill(recoveryCode);
    await page.getByRole('button', { name: '验证', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '我的账户' })).toBeVisible();
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en' });

  test('a forgotten password is reset by the emailed link, which works once', async ({ page }) => {
    await page.goto('/admin/');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Email').fill(DEMO_CHAIR);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status')).toContainText('a reset link is on its way');

    const link = new URL(await outboxLink(page, DEMO_CHAIR));
    expect(link.pathname).toBe('/admin/reset-password');
    await page.goto(`${link.pathname}${link.search}`);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel(/^New password\s*\*?$/).fill(RESET);
    await page.getByLabel('New password again').fill(`${RESET}!`);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByText('The two new passwords do not match.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('New password again').fill(RESET);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('status')).toContainText('Your new password is set.');

    // The link is spent.
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByLabel(/^New password\s*\*?$/).fill(RESET);
    await page.getByLabel('New password again').fill(RESET);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('alert')).toContainText('This link is invalid or has expired.');

    await page.getByRole('link', { name: 'Back to sign-in' }).click();
    await page.getByLabel('Email').fill(DEMO_CHAIR);
    await page.getByLabel('Password').fill(CHANGED);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('is not right');
    await page.getByLabel('Password').fill(RESET);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(totpFor(secret).generate());
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organization' })).toBeVisible();

    // Put the chair back as the demo data has it: the demo password and no authenticator.
    await page.getByRole('link', { name: 'My account' }).click();
    const change = page.getByRole('region', { name: 'Change password' });
    await change.getByLabel('Current password').fill(RESET);
    await change.getByLabel(/^New password\s*\*?$/).fill(DEMO_PASSWORD);
    await change.getByLabel('New password again').fill(DEMO_PASSWORD);
    await change.getByRole('button', { name: 'Change password' }).click();
    await expect(change.getByRole('status')).toContainText('Your password has been changed.');
    const disabled = await page.evaluate(async (password) => {
      const response = await fetch('/api/auth/two-factor/disable', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password }),
      });
      return response.status;
    }, DEMO_PASSWORD);
    expect(disabled).toBe(200);
  });
});
