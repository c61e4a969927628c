import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test.describe('member home in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('has no WCAG 2 A/AA violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '滨江市总工会' })).toBeVisible();
    await expect(page.getByText('华兴钢铁有限公司工会')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('has no WCAG 2 A/AA violations while showing search results', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('搜索组织').fill('物流');
    await expect(page.getByRole('status').filter({ hasText: '找到' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('member home in English', () => {
  test.use({ locale: 'en' });

  test('has no WCAG 2 A/AA violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2, name: 'Organization' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page);
  });
});
