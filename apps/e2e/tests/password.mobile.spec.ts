import { expect, test } from '@playwright/test';
import { OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';

test.describe('My account on a phone', () => {
  // The shared admin session; this test only looks, so the session stays as it was.
  test.use({ locale: 'en', storageState: OFFICER_STATE });

  test('fits the screen and has no WCAG 2 A/AA violations', async ({ page }) => {
    await page.goto('/admin/account');
    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Where you are signed in' }).getByText('This device'),
    ).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('password reset on a phone, signed out', () => {
  test.use({ locale: 'zh-CN' });

  test('the request and reset pages work signed out and have no WCAG 2 A/AA violations', async ({
    page,
  }) => {
    await page.goto('/admin/');
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await expect(page.getByRole('heading', { name: '重设密码' })).toBeVisible();
    await expectNoAxeViolations(page);

    // A link without a valid token says so and offers a new one.
    await page.goto('/admin/reset-password?token=not-a-real-token');
    await page.getByLabel(/^新密码\s*\*?$/).fill('a new passphrase 2026');
    await page.getByLabel('再次输入新密码').fill('a new passphrase 2026');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await expect(page.getByRole('alert')).toContainText('此链接无效或已过期');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '重新申请重设链接' }).click();
    await expect(page.getByRole('heading', { name: '重设密码' })).toBeVisible();
  });
});
