import { expect, test, type Page } from '@playwright/test';

/** The console starts in the browser's language; these officers read Chinese. */
test.use({ locale: 'zh-CN' });

const unitRow = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('an officer sees the demo union and switches the console to English', async ({ page }) => {
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();
  await expect(unitRow(page, '滨江市总工会')).toBeVisible();
  await expect(unitRow(page, '滨江市教育工会')).toBeVisible();

  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Organization' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Organization' })).toBeVisible();
});

test('an officer creates, renames and moves a unit', async ({ page }) => {
  await page.goto('/admin/');
  const parent = unitRow(page, '滨江市教育工会');
  await parent.getByRole('button', { name: '添加下级组织' }).click();

  const create = page.getByRole('dialog', { name: '添加下级组织' });
  await expect(create).toBeVisible();
  // Empty fields are refused with a message beside each field, in Chinese.
  await create.getByRole('button', { name: '添加', exact: true }).click();
  await expect(create.getByLabel('名称')).toHaveAttribute('aria-invalid', 'true');

  await create.getByLabel('组织类型').selectOption('GRASSROOTS');
  await create.getByLabel('名称').fill('滨江职业技术学院工会');
  await create.getByLabel('组织代码').fill('bj-voc');
  await create.getByRole('button', { name: '添加', exact: true }).click();
  await expect(create).toBeHidden();
  const created = unitRow(page, '滨江职业技术学院工会');
  await expect(created).toBeVisible();
  await expect(created).toContainText('BJ-VOC');

  await created.getByRole('button', { name: '重命名' }).click();
  const rename = page.getByRole('dialog', { name: '重命名组织' });
  await rename.getByLabel('新名称').fill('滨江职业学院工会');
  await rename.getByRole('button', { name: '保存名称' }).click();
  await expect(rename).toBeHidden();
  await expect(unitRow(page, '滨江职业学院工会')).toBeVisible();
  await expect(unitRow(page, '滨江职业技术学院工会')).toHaveCount(0);

  await unitRow(page, '滨江职业学院工会').getByRole('button', { name: '移动' }).click();
  const move = page.getByRole('dialog', { name: '移动组织' });
  const target = move.getByLabel('新的上级组织');
  const option = target.locator('option', { hasText: '滨江高新区总工会' });
  await target.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  await move.getByRole('button', { name: '移动到此处' }).click();
  await expect(move).toBeHidden();

  // The unit now hangs under the high-tech zone federation, and the change survives a reload.
  await page.reload();
  await page.getByRole('button', { name: '全部展开' }).click();
  const zone = unitRow(page, '滨江高新区总工会');
  await expect(
    zone.locator('xpath=..').getByRole('group', { name: '滨江职业学院工会' }),
  ).toBeVisible();
});

test('a duplicate unit code is refused with the server’s message in the user’s language', async ({
  page,
}) => {
  await page.goto('/admin/');
  await page.getByLabel('语言').selectOption('en');
  await unitRow(page, '滨江市教育工会').getByRole('button', { name: 'Add sub-unit' }).click();
  const create = page.getByRole('dialog', { name: 'Add sub-unit' });
  await create.getByLabel('Kind of unit').selectOption('GRASSROOTS');
  await create.getByLabel('Name').fill('Another school union');
  await create.getByLabel('Unit code').fill('HX-STEEL');
  await create.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(create.getByRole('alert')).toContainText('This unit code is already in use.');
});
