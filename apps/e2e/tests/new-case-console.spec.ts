import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { applyToJoin, call, randomGivenName, randomMobile } from './support/members';

/** A member of the first middle school, applied and approved through the API. */
async function activeMember(page: Page, surname: string) {
  const applicant = await applyToJoin(baseURL, {
    name: `${surname}${randomGivenName()}`,
    phone: randomMobile(),
  });
  const approved = (await call(page.request, 'officer.membership.changeStatus', {
    id: applicant.id,
    action: 'APPROVE',
    expectedVersion: 1,
  })) as { memberNumber: string };
  // Random names repeat now and then (the demo has thousands of members): the number does not.
  return { ...applicant, memberNumber: approved.memberNumber };
}

/** The officer's cases whose title is `title`, through the inbox API. */
async function casesTitled(page: Page, title: string) {
  const inbox = (await call(page.request, 'officer.cases.inbox', { limit: 100 })) as {
    items: { id: string; title: string; channel: string; member: { name: string } | null }[];
  };
  return inbox.items.filter((item) => item.title === title);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test.describe('zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('an officer opens a case for a walk-in member from the member page; bad input is explained', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const member = await activeMember(page, '郑');
    const title = `加班费未发 ${member.name}`;

    await page.goto(`/admin/members/${member.id}`);
    await page.getByRole('link', { name: '为该会员登记诉求' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '为会员登记诉求' })).toBeVisible();
    await expect(page.getByTestId('new-case-member')).toContainText(member.name);

    // Nothing filled in: each missing field says so, in Chinese, and nothing is created.
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.getByRole('combobox', { name: '类型', exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(page.getByRole('textbox', { name: '标题' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await shoot(page, 'new-case-errors-zh');

    await page.getByLabel('受理渠道').selectOption('OFFICER');
    await page
      .getByRole('combobox', { name: '类型', exact: true })
      .selectOption('WORKPLACE_PROBLEM');
    await page.getByLabel('问题类别').selectOption('WAGES_UNPAID');
    await page.getByRole('textbox', { name: '标题' }).fill(title);
    await page
      .getByRole('textbox', { name: '情况说明' })
      .fill('会员来访反映：九月起周末加班费一直未发，已向车间主任提过两次。');
    await page.getByText('会员同意在与用人单位沟通时透露其姓名').click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '登记', exact: true }).click();

    await expect(page).toHaveURL(/\/admin\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByText('会员来访反映：九月起周末加班费一直未发')).toBeVisible();
    await shoot(page, 'new-case-created-zh');
    const made = await casesTitled(page, title);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ channel: 'OFFICER', member: { name: member.name } });
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en' });

  test('an officer finds the member by name from the inbox; a double click opens one case', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const member = await activeMember(page, '冯');
    const title = `Hotline: unsafe scaffolding ${member.name}`;

    await page.goto('/admin/cases');
    await page.getByRole('link', { name: 'Open a case' }).click();
    await page.getByLabel('Member', { exact: true }).fill(member.name);
    await page
      .getByRole('listitem')
      .filter({ hasText: member.memberNumber })
      .getByRole('button', { name: `Choose ${member.name}` })
      .click();
    await expect(page.getByTestId('new-case-member')).toContainText(member.name);
    await page.getByLabel('Came in through').selectOption('HOTLINE');
    await page.getByLabel('Kind').selectOption('WORKPLACE_PROBLEM');
    await page.getByLabel('Topic').selectOption('SAFETY');
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page
      .getByRole('textbox', { name: 'What happened' })
      .fill('Caller reports scaffolding without guard rails on the east site since Monday.');
    await shoot(page, 'new-case-form-en');
    await page.getByRole('button', { name: 'Open the case' }).dblclick();

    await expect(page).toHaveURL(/\/admin\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByText('Caller reports scaffolding without guard rails')).toBeVisible();
    const made = await casesTitled(page, title);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ channel: 'HOTLINE' });
  });
});
