import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { randomCreditCode } from './support/employers';
import { applyToJoin, randomGivenName, randomMobile } from './support/members';

const percent = (locale: string, value: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);

/** Approves an application through the API with the officer's session, as the console does. */
async function approve(page: Page, id: string) {
  const response = await page.request.post('/trpc/officer.membership.changeStatus', {
    data: { json: { id, action: 'APPROVE', expectedVersion: 1 } },
  });
  expect(response.ok()).toBe(true);
}

/** Picks a unit in a unit select by its name (the options are indented by depth). */
async function selectUnit(page: Page, label: string, name: string) {
  const select = page.getByRole('dialog').getByLabel(label);
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value ?? '');
}

test.describe('in English', () => {
  test.use({ locale: 'en' });

  test('an officer finds an employer’s density, creates one (catching a credit-code typo), links it, adds a workplace and sees the density follow the workforce', async ({
    page,
    baseURL,
  }, testInfo) => {
    await page.goto('/admin/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Employers' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Employers' })).toBeVisible();

    // The demo steel group: its active members and their share of its 1,280 workers.
    await page.getByRole('searchbox', { name: 'Search' }).fill('华兴钢铁');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/q=%E5%8D%8E/);
    const steel = page.getByRole('row', { name: /华兴钢铁集团有限公司/ });
    await expect(steel).toBeVisible();
    const cells = steel.getByRole('cell');
    await expect(cells.nth(2)).toHaveText('1,280');
    const active = Number((await cells.nth(3).textContent())?.replace(/,/g, ''));
    expect(active).toBeGreaterThan(0);
    await expect(cells.nth(4)).toHaveText(percent('en', Math.round((active / 1280) * 1000) / 1000));
    await page.screenshot({ path: testInfo.outputPath('employers-en.png'), fullPage: true });
    await expectNoAxeViolations(page);

    // Create an employer: a wrong check character is caught before anything is saved.
    const name = `星辰${randomGivenName()}科技有限公司`;
    const code = randomCreditCode();
    await page.getByRole('button', { name: 'Create employer' }).click();
    const create = page.getByRole('dialog', { name: 'Create employer' });
    await create.getByLabel('Name').fill(name);
    const codeField = create.getByLabel('Unified social credit code');
    await codeField.fill(code.wrongCheck.toLowerCase());
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(create).toContainText('check character');
    await page.screenshot({ path: testInfo.outputPath('employer-create-en.png') });
    await expectNoAxeViolations(page);
    await codeField.fill(code.valid);
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(create).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText(`${name} created.`)).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: code.valid })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Unknown' })).toBeVisible();
    const employerId = /employers\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(employerId).not.toBe('');

    // A workplace.
    await page.getByRole('textbox', { name: 'Workplace name' }).fill('东区研发中心');
    await page.getByRole('button', { name: 'Add workplace' }).click();
    await expect(page.getByText('Workplace 东区研发中心 added.')).toBeVisible();
    const workplaces = page.getByRole('region', { name: 'Workplaces' }).getByRole('listitem');
    await expect(workplaces).toContainText(['东区研发中心']);

    // Renamed, with its address: edited in place of its line.
    await page.getByRole('button', { name: 'Edit workplace 东区研发中心' }).click();
    const editWorkplace = page.getByRole('form', { name: 'Edit workplace 东区研发中心' });
    await editWorkplace.getByRole('textbox', { name: 'Workplace name' }).fill('东区研发中心二期');
    await editWorkplace
      .getByRole('textbox', { name: 'Workplace address' })
      .fill('滨江区江南大道 1 号');
    await editWorkplace.getByRole('button', { name: 'Save workplace' }).click();
    await expect(page.getByText('Workplace 东区研发中心二期 saved.')).toBeVisible();
    await expect(workplaces).toContainText(['东区研发中心二期 · 滨江区江南大道 1 号']);
    await expectNoAxeViolations(page);

    // One worker joins and is approved.
    const worker = await applyToJoin(String(baseURL), {
      name: `欧阳${randomGivenName()}`,
      phone: randomMobile(),
      employerId,
    });
    await approve(page, worker.id);

    // Link it to the school union and record the workforce: the density appears...
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit employer' });
    await selectUnit(page, 'Union unit', '滨江市第一中学工会');
    await edit.getByLabel('Workforce size').fill('200');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByText(`${name} saved.`)).toBeVisible();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByRole('definition').first()).toHaveText('滨江市第一中学工会');
    await expect(
      details.getByRole('definition').filter({ hasText: percent('en', 0.005) }),
    ).toBeVisible();

    // ...and follows a corrected workforce size.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await edit.getByLabel('Workforce size').fill('4');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(
      details.getByRole('definition').filter({ hasText: percent('en', 0.25) }),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('employer-en.png'), fullPage: true });
    await expectNoAxeViolations(page);

    // Its members: the member list filtered by this employer.
    await page.getByRole('link', { name: 'Members employed here' }).click();
    await expect(page).toHaveURL(new RegExp(`employer=${employerId}`));
    await expect(page.getByText(`Showing the members employed by ${name}.`)).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('link', { name: worker.name })).toBeVisible();

    // The same credit code twice is refused on the field.
    await page.goto('/admin/employers');
    await page.getByRole('button', { name: 'Create employer' }).click();
    await create.getByLabel('Name').fill(`${name}（重复）`);
    await create.getByLabel('Unified social credit code').fill(code.valid);
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(create).toContainText('Another employer already has this credit code.');
  });
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the organizing targets: employers with no union yet', async ({ page }, testInfo) => {
    await page.goto('/admin/employers');
    await expect(page.getByRole('heading', { level: 1, name: '用人单位' })).toBeVisible();
    await expect(page.getByRole('row', { name: /华兴钢铁集团有限公司/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('employers-zh-CN.png'), fullPage: true });

    await page.getByRole('checkbox', { name: '尚未建会（组建目标）' }).check();
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(page).toHaveURL(/noUnion=1/);
    const machinery = page.getByRole('row', { name: /滨江机械制造有限公司/ });
    await expect(machinery).toBeVisible();
    await expect(machinery).toContainText('尚未建会');
    await expect(page.getByRole('row', { name: /华兴钢铁集团有限公司/ })).toHaveCount(0);
    await page.screenshot({
      path: testInfo.outputPath('employers-no-union-zh-CN.png'),
      fullPage: true,
    });
    await expectNoAxeViolations(page);

    await machinery.getByRole('link', { name: '滨江机械制造有限公司' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: '滨江机械制造有限公司' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: '编辑', exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('employer-zh-CN.png'), fullPage: true });
    await expectNoAxeViolations(page);
  });
});
