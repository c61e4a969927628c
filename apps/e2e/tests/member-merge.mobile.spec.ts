import { expect, test, type Page } from '@playwright/test';
import { OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { applyToJoin, randomGivenName, randomMobile } from './support/members';

/** How far the page is wider than the phone (0 when nothing sticks out). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const TITLES = { 'zh-CN': '比较并合并记录', en: 'Compare and merge records' } as const;

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`on a phone, ${locale}`, () => {
    test.use({ locale, storageState: OFFICER_STATE });

    test('the merge screen stacks the two records and fits the screen', async ({
      page,
      baseURL,
    }, testInfo) => {
      const phone = randomMobile();
      const first = await applyToJoin(String(baseURL), { name: `慕容${randomGivenName()}`, phone });
      const second = await applyToJoin(String(baseURL), {
        name: `慕容${randomGivenName()}`,
        phone,
      });
      await page.goto(`/admin/members/${first.id}/merge/${second.id}`);
      await expect(page.getByRole('heading', { level: 1, name: TITLES[locale] })).toBeVisible();
      expect(await overflow(page)).toBe(0);
      await page.screenshot({
        path: testInfo.outputPath(`merge-phone-${locale}.png`),
        fullPage: true,
      });
      await expectNoAxeViolations(page);
    });
  });
}
