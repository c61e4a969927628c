import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { OFFICER_STATE } from '../playwright.config';

// An officer on a phone: the session from officer.setup.ts.
test.use({ locale: 'en', storageState: OFFICER_STATE });

test('on a phone the Access page fits the screen, without WCAG 2 A/AA violations', async ({
  page,
}) => {
  await page.goto('/admin/access');
  await expect(page.getByRole('heading', { level: 1, name: 'Access' })).toBeVisible();
  await expect(page.locator('.officer', { hasText: 'admin@binjiang.demo' })).toContainText(
    'Federation administrator',
  );
  const unit = page.getByLabel('Unit', { exact: true });
  const option = unit.locator('option', { hasText: '(BJ-EDU)' });
  await unit.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  await expect(page.getByRole('list', { name: /^Access to / })).toContainText('Inherited from');

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});
