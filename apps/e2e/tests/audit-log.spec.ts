import { expect, test } from '@playwright/test';
import { renameUnit, unitRow } from './support/console';

/** The console starts in the browser's language; these officers read Chinese. */
test.use({ locale: 'zh-CN' });

// A unit no other spec renames, so its history holds exactly this spec's change.
const BEFORE = '滨江大学工会';
const AFTER = '滨江大学教职工工会';

test('an officer renames a unit and reads the rename in its history', async ({ page }) => {
  await page.goto('/admin/');
  await renameUnit(page, BEFORE, AFTER);

  await unitRow(page, AFTER).getByRole('link', { name: '历史记录' }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?targetId=[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  await expect(page.getByRole('link', { name: '审计日志' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The filter names the unit it is narrowed to.
  await expect(page.getByText(`对象：${AFTER}`)).toBeVisible();

  const table = page.getByRole('table', { name: '审计记录，最新的在前' });
  const rows = table.locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText('重命名组织');
  await expect(row).toContainText('成功');
  // The target by its current name; the change from the old name to the new one.
  await expect(row.getByRole('cell', { name: AFTER, exact: true })).toBeVisible();
  await expect(row).toContainText(new RegExp(`名称：${BEFORE}\\s*→[^]*${AFTER}`));
  await expect(row).toContainText(/请求 ID [0-9a-f-]{8,}/);

  // The filtered view lives in the URL, so it survives a reload and can be shared.
  await page.reload();
  await expect(rows).toHaveCount(1);

  // Narrowing further to moves leaves nothing, and says so.
  await page.getByLabel('操作').selectOption({ label: '移动组织' });
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page).toHaveURL(/action=org\.unit\.move/);
  await expect(page.getByText('没有符合筛选条件的记录。')).toBeVisible();
  await page.goBack();
  await expect(rows).toHaveCount(1);

  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const englishRow = page
    .getByRole('table', { name: 'Audit records, newest first' })
    .locator('tbody')
    .getByRole('row');
  await expect(englishRow).toContainText('Renamed unit');
  await expect(englishRow).toContainText(new RegExp(`Name: ${BEFORE}\\s*→[^]*${AFTER}`));
  await expect(englishRow).toContainText('Success');
});

test('the audit log is reachable from the header and lists changes newest first', async ({
  page,
}) => {
  await page.goto('/admin/');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '审计日志' })
    .click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  const rows = page.getByRole('table', { name: '审计记录，最新的在前' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const times = await rows
    .locator('time')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime') ?? ''));
  expect(times.length).toBeGreaterThan(0);
  expect([...times].sort().reverse()).toEqual(times);
});
