import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { renameUnit } from './support/console';
import { OFFICER_STATE } from '../playwright.config';

// An officer on a phone: the session from officer.setup.ts.
test.use({ locale: 'zh-CN', storageState: OFFICER_STATE });

test('on a phone the audit log shows one card per change, without WCAG 2 A/AA violations', async ({
  page,
}) => {
  // Renamed and renamed back, so the tree ends as it started.
  await page.goto('/admin/');
  await renameUnit(page, '云帆科技有限公司工会', '云帆科技工会');
  await renameUnit(page, '云帆科技工会', '云帆科技有限公司工会');

  await page.goto('/admin/audit?action=org.unit.rename');
  const cards = page.getByRole('list', { name: '审计记录，最新的在前' }).getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  const newest = cards.first();
  await expect(newest.getByRole('heading', { name: '重命名组织' })).toBeVisible();
  await expect(newest).toContainText(/名称：云帆科技工会\s*→[^]*云帆科技有限公司工会/);

  // Nothing on the page is wider than the phone.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await expectNoAxeViolations(page);
});
