import { expect, test, type Page } from '@playwright/test';
import { OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { applyToJoin, randomGivenName, randomMobile } from './support/members';

/** How far the page is wider than the phone (0 when nothing sticks out). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const TEXTS = {
  'zh-CN': {
    cards: '入会申请，等待最久的在前',
    applicant: '申请中',
    warning: '可能与已有记录重复',
  },
  en: {
    cards: 'Applications, longest waiting first',
    applicant: 'Applicant',
    warning: 'This may be a duplicate of an existing record',
  },
} as const;

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`on a phone, ${locale}`, () => {
    test.use({ locale, storageState: OFFICER_STATE });
    const text = TEXTS[locale];

    test('the application queue shows cards and the member page fits the screen', async ({
      page,
      baseURL,
    }, testInfo) => {
      const phone = randomMobile();
      const first = await applyToJoin(String(baseURL), { name: `诸葛${randomGivenName()}`, phone });
      const second = await applyToJoin(String(baseURL), {
        name: `上官${randomGivenName()}`,
        phone,
      });

      await page.goto(`/admin/members?status=APPLICANT&q=${phone.slice(-8)}`);
      const cards = page.getByRole('list', { name: text.cards }).getByRole('listitem');
      await expect(cards).toHaveCount(2);
      // Longest waiting first.
      await expect(cards.first()).toContainText(first.name);
      await expect(page.getByRole('table')).toHaveCount(0);
      await expect(cards.filter({ hasText: first.name })).toContainText(text.applicant);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: testInfo.outputPath(`members-queue-phone-${locale}.png`),
        fullPage: true,
      });
      await expectNoAxeViolations(page);

      await cards.filter({ hasText: second.name }).getByRole('link', { name: second.name }).click();
      await expect(page.getByRole('heading', { level: 1, name: second.name })).toBeVisible();
      await expect(page.getByRole('alert').filter({ hasText: text.warning })).toContainText(
        first.name,
      );
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: testInfo.outputPath(`member-phone-${locale}.png`),
        fullPage: true,
      });
      await expectNoAxeViolations(page);
    });
  });
}
