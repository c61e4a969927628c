import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { expect, test as setup } from '@playwright/test';
import { OFFICER_STATE } from '../playwright.config';
import { DEMO_ADMIN, DEMO_PASSWORD, totpFor, TOTP_SECRET_FILE } from './support/officer';

setup.use({ locale: 'zh-CN' });

/**
 * The demo federation admin's first sign-in, as an officer does it: password, then TOTP
 * enrolment with the key shown on the page. The console specs reuse the session.
 */
setup('the federation admin signs in and enrols an authenticator', async ({ page }) => {
  await page.goto('/admin/');
  await page.getByLabel('邮箱').fill(DEMO_ADMIN);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page.getByRole('heading', { name: '设置两步登录' })).toBeVisible();
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('img', { name: '身份验证器二维码' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await expect(page.getByRole('listitem')).toHaveCount(10);
  await page.getByLabel('动态验证码').fill(totpFor(secret).generate());
  await page.getByRole('button', { name: '确认并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();

  // Specs choose their own language; the session is what they share.
  await page.evaluate(() => localStorage.clear());
  await mkdir(dirname(TOTP_SECRET_FILE), { recursive: true });
  await writeFile(TOTP_SECRET_FILE, secret);
  await page.context().storageState({ path: OFFICER_STATE });
});
