import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/** The console starts in the browser's language; these officers read Chinese. */
test.use({ locale: 'zh-CN' });

/** Picks the option whose label ends with the unit's code: names may change, codes do not. */
async function selectUnit(select: Locator, code: string) {
  const option = select.locator('option', { hasText: `(${code})` });
  await select.selectOption({ value: (await option.getAttribute('value')) ?? '' });
}

const officerCard = (page: Page, name: string) =>
  page.getByRole('list').getByRole('listitem', { name, exact: true });

test('an admin adds an officer, grants and revokes a role, then disables the account', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = `测试干部${Date.now() % 100000}`;
  const email = `officer-${Date.now()}@e2e.test`;

  await page.goto('/admin/');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '权限管理' })
    .click();
  await expect(page).toHaveURL(/\/admin\/access$/);
  await expect(page.getByRole('heading', { level: 1, name: '权限管理' })).toBeVisible();

  // Add the officer with a first role; the temporary password is shown once.
  await page.getByRole('button', { name: '添加干部' }).click();
  const create = page.getByRole('dialog', { name: '添加干部' });
  await create.getByRole('button', { name: '创建账号' }).click();
  await expect(create.getByLabel('邮箱')).toHaveAttribute('aria-invalid', 'true');
  await create.getByLabel('邮箱').fill(email);
  await create.getByLabel('姓名').fill(name);
  await selectUnit(create.getByLabel('组织'), 'BJ-EDU');
  await create.getByLabel('初始角色').selectOption({ label: '工会主席' });
  await create.getByRole('button', { name: '创建账号' }).click();

  const created = page.getByRole('dialog', { name: '账号已创建' });
  const password = created.getByTestId('temporary-password');
  await expect(password).toHaveText(/^[A-Za-z0-9_-]{16,}$/);
  const shown = (await password.textContent()) ?? '';
  await created.getByRole('button', { name: '复制密码' }).click();
  await expect(created.getByRole('status')).toHaveText('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  await created.getByRole('button', { name: '我已记下密码' }).click();
  await expect(created).toBeHidden();
  await expect(page.getByText(shown)).toHaveCount(0);

  const card = officerCard(page, name);
  await expect(card).toContainText(email);
  await expect(card).toContainText('工会主席 · 滨江市教育工会');
  await expect(card).toContainText('尚未设置两步登录');

  // Grant a second role on a unit in another union.
  await card.getByRole('button', { name: '授予角色' }).click();
  const grant = page.getByRole('dialog', { name: '授予角色' });
  await selectUnit(grant.getByLabel('组织'), 'HX-STEEL');
  await grant.getByLabel('角色').selectOption({ label: '事务专员' });
  await grant.getByRole('button', { name: '授予', exact: true }).click();
  await expect(grant).toBeHidden();
  await expect(page.getByRole('main')).toContainText(`已授予 ${name}“事务专员”角色`);
  await expect(card).toContainText('事务专员 · 华兴钢铁有限公司工会');

  // The who-can panel shows it, in plain words, on that unit.
  await selectUnit(page.getByLabel('组织', { exact: true }), 'HX-STEEL');
  const whoCan = page.getByRole('list', { name: '华兴钢铁有限公司工会 的权限' });
  const entry = whoCan.getByRole('listitem').filter({ hasText: email });
  await expect(entry).toContainText('事务专员');
  await expect(entry).toContainText('直接授予');
  await expect(entry).toContainText('查看组织架构');
  // The demo federation admin's role reaches it from above.
  await expect(
    whoCan.getByRole('listitem').filter({ hasText: 'admin@binjiang.demo' }),
  ).toContainText('继承自 滨江市总工会');
  await expectNoAxeViolations(page);

  // Revoke it, after confirming.
  await card
    .getByRole('button', { name: `撤销 ${name} 在 华兴钢铁有限公司工会 的“事务专员”角色` })
    .click();
  const confirmRevoke = page.getByRole('dialog', { name: '撤销角色？' });
  await confirmRevoke.getByRole('button', { name: '撤销角色' }).click();
  await expect(confirmRevoke).toBeHidden();
  await expect(card).not.toContainText('事务专员');
  await expect(whoCan.getByRole('listitem').filter({ hasText: email })).toHaveCount(0);

  // Disable the account, after confirming.
  await card.getByRole('button', { name: `停用 ${name} 的账号` }).click();
  const confirmDisable = page.getByRole('dialog', { name: '停用账号？' });
  await confirmDisable.getByRole('button', { name: '停用账号' }).click();
  await expect(confirmDisable).toBeHidden();
  await expect(card).toContainText('已停用');
  await expect(card.getByRole('button', { name: '授予角色' })).toHaveCount(0);

  // Search finds the officer by email.
  await page.getByLabel('按姓名或邮箱搜索').fill(email.toUpperCase());
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page.locator('.officer')).toHaveCount(1);
  await expect(officerCard(page, name)).toBeVisible();

  await expectNoAxeViolations(page);
});

test('the admin’s own card offers no way to lock themselves out', async ({ page }) => {
  await page.goto('/admin/access');
  const own = page.locator('.officer', { hasText: 'admin@binjiang.demo' });
  await expect(own).toContainText('（您本人）');
  await expect(own).toContainText('总工会管理员 · 滨江市总工会');
  await expect(own.getByRole('button', { name: /停用/ })).toHaveCount(0);
  // Their only role that manages access cannot be revoked by themselves.
  await expect(own.getByRole('button', { name: /撤销/ })).toHaveCount(0);
});
