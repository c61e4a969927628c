import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { applyToJoin, randomGivenName, randomMobile } from './support/members';

/** Two applications with the same phone: the same person, applying twice. */
async function twoApplicationsSharingAPhone(baseURL: string) {
  const phone = randomMobile();
  const first = await applyToJoin(baseURL, { name: `上官${randomGivenName()}`, phone });
  const second = await applyToJoin(baseURL, { name: `上官${randomGivenName()}`, phone });
  return { first, second };
}

/** The field's group of radio buttons on the merge screen (its legend starts with the label). */
const fieldGroup = (page: Page, label: string) =>
  page.getByRole('group', { name: new RegExp(`^${label}`) });

test.describe('in English', () => {
  test.use({ locale: 'en' });

  test('an officer compares two records, merges them field by field, and both histories stay', async ({
    page,
    baseURL,
  }, testInfo) => {
    const { first, second } = await twoApplicationsSharingAPhone(String(baseURL));

    await page.goto(`/admin/members/${first.id}`);
    await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
    const warning = page.getByRole('alert').filter({
      hasText: 'This may be a duplicate of an existing record',
    });
    await warning.getByRole('link', { name: `Compare and merge with ${second.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/members/${first.id}/merge/${second.id}$`));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Compare and merge records' }),
    ).toBeVisible();

    // Defaults keep this record's values; differing fields are marked.
    const name = fieldGroup(page, 'Name');
    await expect(name).toContainText('Differs');
    await expect(
      name.getByRole('radio', { name: new RegExp(`Record kept.*${first.name}`) }),
    ).toBeChecked();
    await expect(fieldGroup(page, 'Phone')).not.toContainText('Differs');
    await expect(fieldGroup(page, 'ID document')).toContainText(
      `ending ${second.idNumber.slice(-4)}`,
    );
    await page.screenshot({ path: testInfo.outputPath('merge-en.png'), fullPage: true });
    await expectNoAxeViolations(page);

    // Name and ID document from the other record; email stays this record's.
    await name.getByRole('radio', { name: /Record merged away/ }).check();
    await fieldGroup(page, 'ID document')
      .getByRole('radio', { name: /Record merged away/ })
      .check();
    await page.getByRole('button', { name: 'Review the merge' }).click();
    const confirm = page.getByRole('dialog', { name: 'Merge these records?' });
    await expect(confirm).toContainText(`“${second.name}” will be merged into “${first.name}”`);
    await expect(confirm).toContainText(second.name);
    await page.screenshot({ path: testInfo.outputPath('merge-confirm-en.png') });
    await confirm.getByRole('button', { name: 'Merge records' }).click();

    // The survivor: same record, the chosen values.
    await expect(page).toHaveURL(new RegExp(`/members/${first.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: second.name })).toBeVisible();
    await expect(page.getByText(`ending ${second.idNumber.slice(-4)}`)).toBeVisible();
    await expect(page.getByText(`e2e-${first.id}@example.org`)).toBeVisible();

    // Its timeline has both records' history: two applications, the merge on each side.
    const timeline = page.getByRole('list', { name: 'Everything about this member, newest first' });
    await expect(timeline).toContainText('Merged with another record');
    await expect(timeline).toContainText('Merged into another record');
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Applied to join' })).toHaveCount(
      2,
    );
    await expect(
      timeline.getByRole('listitem').filter({ hasText: 'On a merged record' }).first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('member-after-merge-en.png'),
      fullPage: true,
    });
    await expectNoAxeViolations(page);

    // The other record is history now, and leads to the record that carries the member on.
    await page.goto(`/admin/members/${second.id}`);
    await expect(page.getByRole('heading', { level: 1, name: second.name })).toBeVisible();
    await expect(page.locator('.member-page__title')).toContainText('Merged');
    await expect(page.getByRole('link', { name: /Compare and merge/ })).toHaveCount(0);
    const merged = page.getByRole('status').filter({
      hasText: 'This record was merged into another one',
    });
    await expect(merged).toContainText(`The member’s record is now ${second.name}’s`);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('merged-record-en.png') });
    await merged.getByRole('link', { name: `Open the record of ${second.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/members/${first.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: second.name })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'merged into another' })).toHaveCount(
      0,
    );
  });
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the merge screen and the timeline read in Chinese', async ({ page, baseURL }, testInfo) => {
    const { first, second } = await twoApplicationsSharingAPhone(String(baseURL));
    await page.goto(`/admin/members/${first.id}`);
    await expect(page.getByRole('heading', { level: 2, name: '动态' })).toBeVisible();
    await page.getByRole('link', { name: `与${second.name}比较并合并` }).click();
    await expect(page.getByRole('heading', { level: 1, name: '比较并合并记录' })).toBeVisible();
    await expect(fieldGroup(page, '姓名')).toContainText('不同');
    await page.screenshot({ path: testInfo.outputPath('merge-zh-CN.png'), fullPage: true });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '核对合并' }).click();
    const confirm = page.getByRole('dialog', { name: '确认合并这两条记录？' });
    await expect(confirm).toContainText('不取用被合并记录的任何值');
    await confirm.getByRole('button', { name: '合并记录' }).click();
    await expect(page).toHaveURL(new RegExp(`/members/${first.id}$`));

    await page.goto(`/admin/members/${second.id}`);
    const merged = page.getByRole('status').filter({ hasText: '此记录已并入另一条记录' });
    await expect(merged).toContainText(`该会员现以${first.name}的记录为准`);
    await page.screenshot({ path: testInfo.outputPath('merged-record-zh-CN.png') });
    await merged.getByRole('link', { name: `打开${first.name}的记录` }).click();
    await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
  });
});
