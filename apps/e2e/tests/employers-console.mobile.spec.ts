import { expect, test, type Page } from '@playwright/test';
import { OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';

/** How far the page is wider than the phone (0 when nothing sticks out). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const TEXTS = {
  'zh-CN': { cards: '用人单位列表', density: '入会率', edit: '编辑用人单位', editButton: '编辑' },
  en: { cards: 'Employers', density: 'Union density', edit: 'Edit employer', editButton: 'Edit' },
} as const;

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`on a phone, ${locale}`, () => {
    test.use({ locale, storageState: OFFICER_STATE });
    const text = TEXTS[locale];

    test('the employer list shows cards and an employer page fits the screen', async ({
      page,
    }, testInfo) => {
      await page.goto('/admin/employers');
      const cards = page.getByRole('list', { name: text.cards }).getByRole('listitem');
      await expect(cards.first()).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
      const steel = cards.filter({ hasText: '华兴钢铁集团有限公司' });
      await expect(steel).toContainText(text.density);
      await expect(steel).toContainText('%');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({
        // The first screen: the whole list is many screens tall.
        path: testInfo.outputPath(`employers-phone-${locale}.png`),
      });
      await expectNoAxeViolations(page);

      await steel.getByRole('link', { name: '华兴钢铁集团有限公司' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: '华兴钢铁集团有限公司' }),
      ).toBeVisible();
      await expect(page.getByText('炼钢厂区')).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: testInfo.outputPath(`employer-phone-${locale}.png`),
        fullPage: true,
      });
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: text.editButton, exact: true }).click();
      await expect(page.getByRole('dialog', { name: text.edit })).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`employer-edit-phone-${locale}.png`) });
      await expectNoAxeViolations(page);
    });
  });
}
