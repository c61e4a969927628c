import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/** The console starts in the browser's language; each test chooses the one it checks. */
const unitRow = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test.describe('console in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the Organization page has no WCAG 2 A/AA violations', async ({ page }) => {
    await page.goto('/admin/');
    await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();
    await expect(unitRow(page, '滨江市教育工会')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the Add sub-unit dialog has no WCAG 2 A/AA violations, with and without errors', async ({
    page,
  }) => {
    await page.goto('/admin/');
    await unitRow(page, '滨江市教育工会').getByRole('button', { name: '添加下级组织' }).click();
    const dialog = page.getByRole('dialog', { name: '添加下级组织' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);

    // The refused form shows messages beside the fields: those must be readable too.
    await dialog.getByRole('button', { name: '添加', exact: true }).click();
    await expect(dialog.getByLabel('名称')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });
});

test.describe('console in English', () => {
  test.use({ locale: 'en' });

  test('the Organization page has no WCAG 2 A/AA violations', async ({ page }) => {
    await page.goto('/admin/');
    await expect(page.getByRole('heading', { level: 1, name: 'Organization' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(unitRow(page, '滨江市教育工会')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the Add sub-unit dialog has no WCAG 2 A/AA violations', async ({ page }) => {
    await page.goto('/admin/');
    await unitRow(page, '滨江市教育工会').getByRole('button', { name: 'Add sub-unit' }).click();
    await expect(page.getByRole('dialog', { name: 'Add sub-unit' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
