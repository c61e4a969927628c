import { randomUUID } from 'node:crypto';
import {
  devices,
  expect,
  request as requestFactory,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from '@playwright/test';
import { baseURL, OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import {
  call,
  latestCode,
  randomGivenName,
  randomMobile,
  randomResidentId,
} from './support/members';

/** The consent version the server expects (see support/members.ts). */
const CONSENT_VERSION = '2026-11';

async function unitId(request: APIRequestContext, code: string): Promise<string> {
  const tree = (await call(request, 'public.org.tree')) as { id: string; code: string }[];
  const unit = tree.find((candidate) => candidate.code === code);
  if (!unit) throw new Error(`demo unit ${code} is missing`);
  return unit.id;
}

/** Someone applies through the public API (as the join form does). */
async function apply(
  request: APIRequestContext,
  person: { name: string; unitCode: string; employerHasNoUnion?: boolean },
) {
  const id = randomUUID();
  const email = `requests-${id.slice(0, 8)}@example.org`;
  await call(request, 'public.membership.applyToJoin', {
    id,
    name: person.name,
    idDocument: { type: 'RESIDENT_ID', number: randomResidentId() },
    phone: randomMobile(),
    email,
    orgUnitId: await unitId(request, person.unitCode),
    jobTitle: '教师',
    ...(person.employerHasNoUnion
      ? { employerHasNoUnion: true, employerName: '滨江云启科技有限公司' }
      : {}),
    consentVersion: CONSENT_VERSION,
  });
  return { id, email, name: person.name };
}

/**
 * A member of the first middle school (approved by the demo admin) signed in by email code in
 * a request context of their own, so their cookies never mix with the officer's.
 */
async function signedInMember(officer: APIRequestContext, name: string) {
  const member = await apply(officer, { name, unitCode: 'BJ-NO1-HS' });
  await call(officer, 'officer.membership.changeStatus', {
    id: member.id,
    action: 'APPROVE',
    expectedVersion: 1,
  });
  const api = await requestFactory.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const sent = await api.post('/api/auth/email-otp/send-verification-otp', {
    data: { email: member.email, type: 'sign-in' },
  });
  expect(sent.ok()).toBe(true);
  const code = await latestCode(api, member.email);
  const signedIn = await api.post('/api/auth/sign-in/email-otp', {
    data: { email: member.email, otp: code },
  });
  expect(signedIn.ok()).toBe(true);
  return { ...member, api };
}

/** How far the page is wider than the screen (0 when nothing sticks out). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** A member with a pending change request and a pending transfer, and a pool applicant. */
async function requestsToReview(officer: APIRequestContext) {
  const member = await signedInMember(officer, `孙${randomGivenName()}`);
  await call(member.api, 'member.profile.requestChange', {
    jobTitle: '教研组长',
    note: '今年起担任数学教研组长。',
  });
  await call(member.api, 'member.profile.requestTransfer', {
    toOrgUnitId: await unitId(officer, 'HX-STEEL'),
    reason: '调到华兴钢铁子弟学校工作',
  });
  const waiting = await apply(officer, {
    name: `韩${randomGivenName()}`,
    unitCode: 'BJ-FTU',
    employerHasNoUnion: true,
  });
  return { member, waiting };
}

test.describe('in English', () => {
  test.use({ locale: 'en' });

  test('an officer approves a change, declines a transfer with a reason and places a holding-pool applicant', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const { member, waiting } = await requestsToReview(page.request);

    await page.goto('/admin/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Requests' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();

    // The queue is worked from the longest waiting: a request made later comes after it.
    const later = await signedInMember(page.request, `孟${randomGivenName()}`);
    await call(later.api, 'member.profile.requestChange', { jobTitle: '年级组长' });
    await page.reload();
    const cards = page.locator('ol.requests-list > li');
    await expect(cards.filter({ hasText: later.name })).toHaveCount(1);
    const texts = await cards.allTextContents();
    const order = [member.name, later.name].map((name) =>
      texts.findIndex((text) => text.includes(name)),
    );
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[0]).toBeLessThan(order[1] ?? -1);

    // Change requests: what the member proposes beside what the record says now.
    const change = page.getByRole('listitem').filter({ hasText: member.name });
    await expect(change).toContainText('Pending');
    const compare = change.getByRole('table', { name: `What ${member.name} asks to change` });
    const jobRow = compare.getByRole('row', { name: /Job title/ });
    await expect(jobRow.getByRole('cell').first()).toHaveText('教师');
    await expect(jobRow.getByRole('cell').last()).toHaveText('教研组长');
    await expect(change).toContainText('今年起担任数学教研组长。');
    await shoot(page, 'requests-changes-desktop-en');
    await expectNoAxeViolations(page);

    await change.getByRole('button', { name: 'Approve change' }).click();
    const approve = page.getByRole('dialog', { name: 'Approve change' });
    await approve.getByRole('button', { name: 'Approve change' }).click();
    await expect(approve).toBeHidden();
    await expect(page.getByText(`Approved the change for ${member.name}.`)).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: member.name })).toHaveCount(0);

    // Deciding it again (another officer's stale screen) is refused in the user's language.
    const again = await page.request.post('/trpc/officer.memberRequests.decideChange', {
      headers: { 'x-unionhall-locale': 'en' },
      data: {
        json: {
          id: ((await call(member.api, 'member.profile.changeRequests')) as { id: string }[])[0]
            ?.id,
          approve: false,
          reason: 'late',
        },
      },
    });
    expect(again.status()).toBe(409);

    // The approved view keeps it, and the member page shows the new job title.
    await page
      .getByRole('navigation', { name: 'State' })
      .getByRole('link', { name: 'Approved' })
      .click();
    const approved = page.getByRole('listitem').filter({ hasText: member.name });
    await expect(approved).toContainText('Approved');
    await approved.getByRole('link', { name: member.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: member.name })).toBeVisible();
    await expect(page.getByText('教研组长')).toBeVisible();

    // Transfers: the incoming one is declined with a reason, which the member then reads.
    await page.goto('/admin/requests');
    await page
      .getByRole('navigation', { name: 'Kinds of request' })
      .getByRole('link', { name: 'Transfers' })
      .click();
    const transfer = page.getByRole('listitem').filter({ hasText: member.name });
    await expect(transfer).toContainText('调到华兴钢铁子弟学校工作');
    await expect(transfer).toContainText('华兴钢铁有限公司工会');
    await shoot(page, 'requests-transfers-desktop-en');
    await expectNoAxeViolations(page);
    await transfer.getByRole('button', { name: 'Decline' }).click();
    const decline = page.getByRole('dialog', { name: 'Decline' });
    await decline.getByRole('button', { name: 'Decline' }).click();
    await expect(decline.getByText('Give a reason')).toBeVisible();
    await decline.getByLabel('Reason').fill('The steel works school has no vacancy this term.');
    await decline.getByRole('button', { name: 'Decline' }).click();
    await expect(decline).toBeHidden();
    await expect(page.getByText(`Declined the transfer of ${member.name}.`)).toBeVisible();
    const mine = (await call(member.api, 'member.profile.transfers')) as {
      state: string;
      decisionReason: string | null;
    }[];
    expect(mine[0]).toMatchObject({
      state: 'REJECTED',
      decisionReason: 'The steel works school has no vacancy this term.',
    });
    // Outgoing, rejected: the member's own unit follows it too.
    await page
      .getByRole('navigation', { name: 'Direction' })
      .getByRole('link', { name: 'Outgoing' })
      .click();
    await page
      .getByRole('navigation', { name: 'State' })
      .getByRole('link', { name: 'Rejected' })
      .click();
    await expect(page.getByRole('listitem').filter({ hasText: member.name })).toContainText(
      'The steel works school has no vacancy this term.',
    );

    // The holding pool: placed in a grassroots union, the applicant leaves the pool.
    await page
      .getByRole('navigation', { name: 'Kinds of request' })
      .getByRole('link', { name: 'Holding pool' })
      .click();
    const pooled = page
      .getByRole('list', { name: 'Applicants waiting for a unit' })
      .getByRole('listitem')
      .filter({ hasText: waiting.name });
    await expect(pooled).toContainText('滨江市总工会');
    await expect(pooled).toContainText('滨江云启科技有限公司');
    await shoot(page, 'requests-pool-desktop-en');
    await expectNoAxeViolations(page);
    await pooled.getByRole('button', { name: 'Place in a unit' }).click();
    const place = page.getByRole('dialog', { name: `Place ${waiting.name} in a unit` });
    await place.getByRole('button', { name: 'Place', exact: true }).click();
    await expect(place.getByText('Choose the unit to place them in.')).toBeVisible();
    // Only grassroots unions and branches are offered.
    await expect(place.getByRole('option', { name: '滨江市教育工会' })).toHaveCount(0);
    await place.getByLabel('Unit').selectOption({ label: '滨江市第一中学工会' });
    await place.getByRole('button', { name: 'Place', exact: true }).click();
    await expect(place).toBeHidden();
    await expect(page.getByText(`Placed ${waiting.name} in 滨江市第一中学工会.`)).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: waiting.name })).toHaveCount(0);

    await page.goto(`/admin/members/${waiting.id}`);
    await expect(page.getByRole('heading', { level: 1, name: waiting.name })).toBeVisible();
    await expect(page.getByText('滨江市第一中学工会').first()).toBeVisible();
    const history = page.getByRole('list', { name: 'Status changes, oldest first' });
    await expect(history.getByRole('listitem').last()).toContainText('Placed in a unit');
  });
});

const PAGE_TEXTS = {
  en: {
    title: 'Requests',
    changes: 'Change requests',
    transfers: 'Transfers',
    pool: 'Holding pool',
  },
  'zh-CN': {
    title: '会员申请事项',
    changes: '信息变更',
    transfers: '组织转接',
    pool: '待安排组织',
  },
} as const;

async function officerPage(browser: Browser, locale: 'en' | 'zh-CN', phone: boolean) {
  const context = await browser.newContext({
    ...(phone ? devices['Pixel 7'] : { viewport: { width: 1280, height: 900 } }),
    storageState: OFFICER_STATE,
    locale,
    baseURL,
  });
  return context.newPage();
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the three tabs read well in ${locale}, on a desk and on a phone`, async ({
    browser,
    page,
  }) => {
    test.setTimeout(90_000);
    await requestsToReview(page.request);
    const text = PAGE_TEXTS[locale];
    for (const phone of [false, true]) {
      if (locale === 'en' && !phone) continue; // The English desktop is the test above.
      const screen = await officerPage(browser, locale, phone);
      const where = `${phone ? 'phone' : 'desktop'}-${locale}`;
      await screen.goto('/admin/requests');
      await expect(screen.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
      for (const [tab, name] of [
        ['changes', text.changes],
        ['transfers', text.transfers],
        ['pool', text.pool],
      ] as const) {
        await screen.getByRole('link', { name, exact: true }).click();
        await expect(screen.getByRole('listitem').first()).toBeVisible();
        expect(await overflow(screen)).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(screen);
        await shoot(screen, `requests-${tab}-${where}`);
      }
      await screen.context().close();
    }
  });
}
