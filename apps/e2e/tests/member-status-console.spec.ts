import { randomUUID } from 'node:crypto';
import { expect, request as requestFactory, test, type APIRequestContext } from '@playwright/test';
import { baseURL } from '../playwright.config';
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

/**
 * A new member of the first middle school, approved by the signed-in officer (`officer`), so
 * the spec works on a record no other spec touches.
 */
async function activeMember(officer: APIRequestContext, name: string) {
  const id = randomUUID();
  const email = `status-${id.slice(0, 8)}@example.org`;
  await call(officer, 'public.membership.applyToJoin', {
    id,
    name,
    idDocument: { type: 'RESIDENT_ID', number: randomResidentId() },
    phone: randomMobile(),
    email,
    orgUnitId: await unitId(officer, 'BJ-NO1-HS'),
    jobTitle: '教师',
    consentVersion: CONSENT_VERSION,
  });
  await call(officer, 'officer.membership.changeStatus', {
    id,
    action: 'APPROVE',
    expectedVersion: 1,
  });
  return { id, email, name };
}

/** The member signed in by email code, in a request context of their own. */
async function signIn(email: string) {
  const api = await requestFactory.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const sent = await api.post('/api/auth/email-otp/send-verification-otp', {
    data: { email, type: 'sign-in' },
  });
  expect(sent.ok()).toBe(true);
  const code = await latestCode(api, email);
  const signedIn = await api.post('/api/auth/sign-in/email-otp', { data: { email, otp: code } });
  expect(signedIn.ok()).toBe(true);
  return api;
}

test.describe('in English', () => {
  test.use({ locale: 'en' });

  test('an officer accepts a transfer: the member page shows the new unit and the transfer', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const member = await activeMember(page.request, `邓${randomGivenName()}`);
    const api = await signIn(member.email);
    await call(api, 'member.profile.requestTransfer', {
      toOrgUnitId: await unitId(page.request, 'HX-STEEL'),
      reason: '调到华兴钢铁子弟学校任教',
    });
    await api.dispose();

    await page.goto('/admin/requests');
    await page
      .getByRole('navigation', { name: 'Kinds of request' })
      .getByRole('link', { name: 'Transfers' })
      .click();
    const transfer = page.getByRole('listitem').filter({ hasText: member.name });
    await expect(transfer).toContainText('调到华兴钢铁子弟学校任教');
    await transfer.getByRole('button', { name: 'Accept' }).click();
    const accept = page.getByRole('dialog', { name: 'Accept' });
    await expect(accept).toContainText(`Accepting moves ${member.name} to 华兴钢铁有限公司工会.`);
    await accept.getByRole('button', { name: 'Accept' }).click();
    await expect(accept).toBeHidden();
    await expect(page.getByText(`Accepted the transfer of ${member.name}.`)).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: member.name })).toHaveCount(0);

    await page.goto(`/admin/members/${member.id}`);
    await expect(page.getByRole('heading', { level: 1, name: member.name })).toBeVisible();
    const profile = page.getByRole('region', { name: 'Profile' });
    await expect(profile).toContainText('华兴钢铁有限公司工会');
    await expect(profile).not.toContainText('滨江市第一中学工会');
    const history = page.getByRole('list', { name: 'Status changes, oldest first' });
    const moved = history.getByRole('listitem').last();
    await expect(moved).toContainText('Transferred to another unit');
    await expect(moved).toContainText('滨江市第一中学工会 → 华兴钢铁有限公司工会');
    await expect(moved).toContainText('Active');
  });

  test('an officer lapses a member, then reinstates them, each with a reason', async ({ page }) => {
    test.setTimeout(60_000);
    const member = await activeMember(page.request, `邱${randomGivenName()}`);
    await page.goto(`/admin/members/${member.id}`);
    await expect(page.getByRole('heading', { level: 1, name: member.name })).toBeVisible();
    const actions = page.getByRole('region', { name: 'Change status' });

    await actions.getByRole('button', { name: 'Mark as lapsed' }).click();
    const lapse = page.getByRole('dialog', { name: 'Mark as lapsed' });
    await lapse.getByRole('button', { name: 'Mark as lapsed' }).click();
    await expect(lapse.getByText('Give a reason')).toBeVisible();
    await lapse.getByLabel('Reason').fill('Dues unpaid for six months');
    await lapse.getByRole('button', { name: 'Mark as lapsed' }).click();
    await expect(lapse).toBeHidden();
    await expect(page.getByText('Done: Mark as lapsed. Status now: Lapsed.')).toBeVisible();
    // A lapsed member can be reinstated, no longer lapsed again.
    await expect(actions.getByRole('button', { name: 'Mark as lapsed' })).toHaveCount(0);

    await actions.getByRole('button', { name: 'Reinstate' }).click();
    const reinstate = page.getByRole('dialog', { name: 'Reinstate' });
    await reinstate.getByLabel('Reason').fill('Dues paid up in full');
    await reinstate.getByRole('button', { name: 'Reinstate' }).click();
    await expect(reinstate).toBeHidden();
    await expect(page.getByText('Done: Reinstate. Status now: Active.')).toBeVisible();

    const history = page.getByRole('list', { name: 'Status changes, oldest first' });
    const entries = history.getByRole('listitem');
    await expect(entries).toHaveCount(4);
    await expect(entries.nth(2)).toContainText('Lapsed');
    await expect(entries.nth(2)).toContainText('Active → Lapsed');
    await expect(entries.nth(2)).toContainText('Dues unpaid for six months');
    await expect(entries.nth(3)).toContainText('Reinstated');
    await expect(entries.nth(3)).toContainText('Lapsed → Active');
    await expect(entries.nth(3)).toContainText('Dues paid up in full');
  });
});
