import { expect, test } from '@playwright/test';
import { OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';

// An officer on a phone: the session from officer.setup.ts.
test.use({ locale: 'zh-CN', storageState: OFFICER_STATE });

test('on a phone, tokens are cards and the key dialog fits, without WCAG 2 A/AA violations', async ({
  page,
}, testInfo) => {
  await page.goto('/admin/tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API 令牌' })).toBeVisible();

  await page.getByRole('button', { name: '创建令牌' }).click();
  const dialog = page.getByRole('dialog', { name: '创建 API 令牌' });
  await dialog.getByRole('textbox', { name: '名称' }).fill('手机创建的令牌');
  await dialog.getByLabel('适用组织').selectOption({ label: '滨江市总工会 / 滨江市教育工会' });
  await dialog.getByRole('button', { name: '创建令牌' }).click();
  await expect(dialog.getByText('关闭此窗口后将无法再次查看')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('key-shown-phone-zh.png') });
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: '我已保存密钥' }).click();

  const cards = page.getByRole('list', { name: 'API 令牌，最新的在前' }).getByRole('listitem');
  await expect(cards.first()).toContainText('手机创建的令牌');
  await expect(cards.first()).toContainText('从未使用');
  await expect(page.getByRole('table')).toHaveCount(0);

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('list-phone-zh.png'), fullPage: true });

  // English on the phone too: the language switch keeps the page.
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('list-phone-en.png'), fullPage: true });
});
