import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { applyToJoin, randomGivenName, randomMobile } from './support/members';

/** Two applications with the same phone: the second person may be the first one again. */
async function twoApplicationsSharingAPhone(baseURL: string) {
  const phone = randomMobile();
  const first = await applyToJoin(baseURL, { name: `欧阳${randomGivenName()}`, phone });
  const second = await applyToJoin(baseURL, { name: `司马${randomGivenName()}`, phone });
  return { phone, first, second };
}

async function search(page: Page, label: string, button: string, text: string) {
  await page.getByRole('searchbox', { name: label }).fill(text);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test.describe('in English', () => {
  test.use({ locale: 'en' });

  test('an officer reviews applications: duplicate warning, reject with a reason, approve, reveal the ID, search', async ({
    page,
    baseURL,
  }, testInfo) => {
    const { phone, first, second } = await twoApplicationsSharingAPhone(String(baseURL));

    // The queue: the Applications view, narrowed to this run's phone number.
    await page.goto('/admin/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Members' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Member views' })
      .getByRole('link', { name: 'Applications' })
      .click();
    await expect(page).toHaveURL(/status=APPLICANT/);
    await search(page, 'Search', 'Search', phone.slice(-8));
    await expect(page).toHaveURL(new RegExp(`q=${phone.slice(-8)}`));
    const table = page.getByRole('table', { name: 'Applications, longest waiting first' });
    // Longest waiting first: the first application heads the queue.
    await expect(table.getByRole('rowheader').first()).toContainText(first.name);
    for (const person of [first, second]) {
      const row = table.getByRole('row').filter({ hasText: person.name });
      await expect(row).toContainText('Applicant');
      await expect(row).toContainText(`ending ${phone.slice(-4)}`);
      await expect(row).not.toContainText(phone);
    }
    await page.screenshot({ path: testInfo.outputPath('members-queue-en.png'), fullPage: true });
    await expectNoAxeViolations(page);

    // The first application: the other one is flagged as a possible duplicate.
    await table.getByRole('link', { name: first.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
    const warning = page.getByRole('alert').filter({
      hasText: 'This may be a duplicate of an existing record',
    });
    await expect(warning).toContainText(second.name);
    await expect(warning).toContainText('Same phone');
    await page.screenshot({ path: testInfo.outputPath('member-applicant-en.png'), fullPage: true });
    await expectNoAxeViolations(page);

    // Rejecting needs a reason, which the applicant will read.
    await page.getByRole('button', { name: 'Reject' }).click();
    const reject = page.getByRole('dialog', { name: 'Reject' });
    await expect(reject).toContainText('The applicant sees this reason in the member app');
    await reject.getByRole('button', { name: 'Reject' }).click();
    await expect(reject.getByText('Give a reason')).toBeVisible();
    await reject.getByLabel('Reason').fill('Applied twice; the other application stands.');
    await reject.getByRole('button', { name: 'Reject' }).click();
    await expect(reject).toBeHidden();
    await expect(page.getByText('Done: Reject. Status now: Rejected.')).toBeVisible();
    const history = page.getByRole('list', { name: 'Status changes, oldest first' });
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await expect(history.getByRole('listitem').last()).toContainText(
      'Applied twice; the other application stands.',
    );
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

    // The second application: approved without a reason, it gets a member number.
    await page.getByRole('link', { name: second.name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: second.name })).toBeVisible();
    await page.getByRole('button', { name: 'Approve' }).click();
    const approve = page.getByRole('dialog', { name: 'Approve' });
    await expect(approve.getByRole('textbox')).toHaveCount(0);
    await approve.getByRole('button', { name: 'Approve' }).click();
    await expect(approve).toBeHidden();
    const approved = page.getByText(/^Approved\. Member number (\d{10})\.$/);
    await expect(approved).toBeVisible();
    const memberNumber = /(\d{10})/.exec((await approved.textContent()) ?? '')?.[1] ?? '';
    expect(memberNumber).toMatch(/^\d{10}$/);
    await expect(page.getByRole('definition').filter({ hasText: memberNumber })).toBeVisible();
    await expect(page.locator('.uh-badge').first()).toHaveText('Active');

    // The full ID number, on request; the view lands in the audit log.
    await expect(page.getByText(second.idNumber)).toHaveCount(0);
    await expect(page.getByText('Each view is recorded in the audit log.')).toBeVisible();
    await page.getByRole('button', { name: 'Show ID number' }).click();
    await expect(page.getByText(second.idNumber)).toBeVisible();
    await expect(page.getByText('This view has been recorded in the audit log.')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('member-approved-en.png'), fullPage: true });
    const audit = await page.request.post('/trpc/officer.audit.find', {
      data: { json: { action: 'member.id-document.read', targetId: second.id } },
    });
    expect(audit.ok()).toBe(true);
    const body = (await audit.json()) as {
      result: { data: { json: { items: Array<{ actorType: string; targetId: string }> } } };
    };
    expect(body.result.data.json.items).toEqual([
      expect.objectContaining({ actorType: 'OFFICER', targetId: second.id }),
    ]);

    // The member list: by a fragment of a Chinese name, and by phone digits.
    await page.getByRole('link', { name: 'Back to members' }).click();
    await search(page, 'Search', 'Search', second.name.slice(2));
    const byName = page.getByRole('table', { name: 'Members, by name' });
    const row = byName.getByRole('row').filter({ hasText: second.name });
    await expect(row).toContainText(memberNumber);
    await expect(row).toContainText('Active');
    await expect(row).toContainText('滨江市第一中学工会');
    await search(page, 'Search', 'Search', phone.slice(3, 9));
    await expect(byName.getByRole('row').filter({ hasText: first.name })).toContainText('Rejected');
    await expect(byName.getByRole('row').filter({ hasText: second.name })).toContainText('Active');
    await expectNoAxeViolations(page);
  });
});

test('the member list is in Chinese name order: 李 before 王 before 张', async ({
  page,
  baseURL,
}) => {
  // One given name for the three, so a search finds them together; the surnames decide.
  const given = `${randomGivenName()}${randomGivenName().charAt(0)}`;
  const names = [`张${given}`, `王${given}`, `李${given}`];
  for (const name of names) await applyToJoin(String(baseURL), { name, phone: randomMobile() });
  await page.goto(`/admin/members?q=${encodeURIComponent(given)}`);
  const table = page.getByRole('table', { name: /Members, by name|会员列表，按姓名排序/ });
  await expect(table.getByRole('rowheader').filter({ hasText: names[0] })).not.toHaveCount(0);
  const shown = (await table.getByRole('rowheader').allTextContents())
    .map((text) => text.trim())
    .filter((text) => names.includes(text));
  expect(shown).toEqual([`李${given}`, `王${given}`, `张${given}`]);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the queue and an application read in Chinese, with the duplicate warning', async ({
    page,
    baseURL,
  }, testInfo) => {
    const { phone, first, second } = await twoApplicationsSharingAPhone(String(baseURL));
    await page.goto(`/admin/members?status=APPLICANT&q=${phone.slice(-8)}`);
    await expect(
      page.getByRole('navigation', { name: '会员视图' }).getByRole('link', { name: '入会申请' }),
    ).toHaveAttribute('aria-current', 'page');
    const table = page.getByRole('table', { name: '入会申请，等待最久的在前' });
    await expect(table.getByRole('row').filter({ hasText: first.name })).toContainText('申请中');
    await expect(table.getByRole('row').filter({ hasText: second.name })).toContainText(
      `尾号 ${phone.slice(-4)}`,
    );
    await page.screenshot({ path: testInfo.outputPath('members-queue-zh.png'), fullPage: true });

    await table.getByRole('link', { name: second.name }).click();
    const warning = page.getByRole('alert').filter({ hasText: '可能与已有记录重复' });
    await expect(warning).toContainText(first.name);
    await expect(warning).toContainText('手机号相同');
    await expect(page.getByRole('button', { name: '批准入会' })).toBeVisible();
    await expect(page.getByRole('button', { name: '不予批准' })).toBeVisible();
    await expect(page.getByRole('button', { name: '显示完整证件号' })).toBeVisible();
    await page.getByRole('button', { name: '不予批准' }).click();
    await expect(page.getByRole('dialog', { name: '不予批准' })).toContainText(
      '申请人会在会员应用中看到这个原因',
    );
    await page.screenshot({ path: testInfo.outputPath('member-reject-zh.png'), fullPage: true });
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.screenshot({ path: testInfo.outputPath('member-applicant-zh.png'), fullPage: true });
    await expectNoAxeViolations(page);
  });
});

test.describe('when someone else got there first', () => {
  test.use({ locale: 'en' });

  /** Changes a member's status through the API, as another officer's console would. */
  async function changeStatus(
    page: Page,
    input: { id: string; action: string; reason?: string; expectedVersion: number },
  ) {
    const response = await page.request.post('/trpc/officer.membership.changeStatus', {
      data: { json: input },
    });
    expect(response.ok()).toBe(true);
  }

  test('a stale page says so in the user’s language, reloads, and the retry works', async ({
    page,
    baseURL,
  }) => {
    const person = await applyToJoin(String(baseURL), {
      name: `东方${randomGivenName()}`,
      phone: randomMobile(),
    });

    // An application approved elsewhere while this page still offers Reject.
    await page.goto(`/admin/members/${person.id}`);
    await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
    await changeStatus(page, { id: person.id, action: 'APPROVE', expectedVersion: 1 });
    await page.getByRole('button', { name: 'Reject' }).click();
    const reject = page.getByRole('dialog', { name: 'Reject' });
    await reject.getByLabel('Reason').fill('Incomplete documents');
    await reject.getByRole('button', { name: 'Reject' }).click();
    await expect(reject).toContainText(
      'This change is not possible from the member’s current status.',
    );
    await reject.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Suspend' })).toBeVisible();

    // Suspended elsewhere (version 2 → 3) while this page still shows the active member.
    await changeStatus(page, {
      id: person.id,
      action: 'SUSPEND',
      reason: 'Under review',
      expectedVersion: 2,
    });
    await page.getByRole('button', { name: 'Record resignation' }).click();
    const resign = page.getByRole('dialog', { name: 'Record resignation' });
    await resign.getByLabel('Reason').fill('Moved away');
    await resign.getByRole('button', { name: 'Record resignation' }).click();
    await expect(resign).toContainText('Someone else changed this member meanwhile');
    await expect(page.locator('.member-page__title .uh-badge')).toHaveText('Suspended');
    // The reloaded version goes with the second try.
    await resign.getByRole('button', { name: 'Record resignation' }).click();
    await expect(resign).toBeHidden();
    await expect(page.getByText('Done: Record resignation. Status now: Resigned.')).toBeVisible();
  });
});
