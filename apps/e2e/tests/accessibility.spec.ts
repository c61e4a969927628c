import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { renameUnit } from './support/console';

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

  test('the Audit log page has no WCAG 2 A/AA violations, with records and filtered empty', async ({
    page,
  }) => {
    // Renamed and renamed back, so the log has rows and the tree ends as it started.
    await page.goto('/admin/');
    await renameUnit(page, '新材料产业园联合工会', '新材料产业园工会');
    await renameUnit(page, '新材料产业园工会', '新材料产业园联合工会');

    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
    await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
    await expectNoAxeViolations(page);

    // A reversed date range shows its message beside the field; an empty result says so.
    await page.getByLabel('开始日期').fill('2030-01-02');
    await page.getByLabel('结束日期').fill('2030-01-01');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(page.getByLabel('结束日期')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await page.getByLabel('结束日期').fill('2030-01-03');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(page.getByText('没有符合筛选条件的记录。')).toBeVisible();
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

  test('the Audit log page has no WCAG 2 A/AA violations', async ({ page }) => {
    await page.goto('/admin/');
    await renameUnit(page, '新材料产业园联合工会', 'New Materials Park Union', 'en');
    await renameUnit(page, 'New Materials Park Union', '新材料产业园联合工会', 'en');

    await page.goto('/admin/audit?action=org.unit.rename');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('table').locator('tbody tr').first()).toContainText('Renamed unit');
    await expectNoAxeViolations(page);
  });
});
