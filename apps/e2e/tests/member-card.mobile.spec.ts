import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { baseURL, OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { call, latestCode, residentId } from './support/members';

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.use({ locale: 'en-US' });

test('an approved member shows the card; an officer verifies it offline and online; it works offline', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(90_000);
  // The officer works at a desk, signed in to the console.
  const officer = await browser.newContext({
    storageState: OFFICER_STATE,
    locale: 'en-US',
    baseURL,
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
  });
  const officerApi = officer.request;

  // Someone applies (the public API the join form uses) and the federation admin approves.
  const tree = (await call(officerApi, 'public.org.tree')) as { id: string; code: string }[];
  const unit = tree.find((candidate) => candidate.code === 'BJ-NO1-HS');
  if (!unit) throw new Error('demo unit BJ-NO1-HS missing');
  const id = randomUUID();
  const email = `card.${id.slice(0, 8)}@example.org`;
  await call(officerApi, 'public.membership.applyToJoin', {
    id,
    name: '刘洋',
    idDocument: { type: 'RESIDENT_ID', number: residentId('19920315') },
    phone: '13900139000',
    email,
    orgUnitId: unit.id,
    consentVersion: '2026-11',
  });
  const approved = (await call(officerApi, 'officer.membership.changeStatus', {
    id,
    action: 'APPROVE',
    expectedVersion: 1,
  })) as { memberNumber: string };
  expect(approved.memberNumber).toMatch(/^\d{10}$/);

  // The member signs in on the phone with a code.
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await page.getByLabel('Code').fill(await latestCode(page.request, email));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();

  await page.getByRole('link', { name: 'Member card' }).click();
  const card = page.getByTestId('member-card');
  await expect(card.getByRole('heading', { name: 'Member card' })).toBeVisible();
  await expect(card).toContainText('刘洋');
  await expect(card).toContainText(approved.memberNumber);
  await expect(card).toContainText('Active');
  await expect(card.getByRole('img', { name: 'QR code of your member card' })).toBeVisible();
  await page.getByRole('button', { name: 'Show code as text' }).click();
  const token = await page.getByTestId('card-token').inputValue();
  expect(token.split('.')).toHaveLength(3);
  await expectNoAxeViolations(page);
  await shoot(page, 'card-phone-en');

  // The officer checks it on the console: genuine signature, active now.
  const console = await officer.newPage();
  await console.goto('/admin/verify-card');
  await expect(console.getByRole('heading', { name: 'Verify a card' })).toBeVisible();
  await console.getByLabel('Card code').fill(token);
  await console.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(console.getByTestId('offline-result')).toHaveAttribute('data-valid', 'true');
  await expect(console.getByTestId('offline-result')).toContainText('Valid signature');
  await expect(console.getByTestId('offline-result')).toContainText('刘洋');
  await expect(console.getByTestId('online-result')).toHaveAttribute('data-status', 'ACTIVE');
  await expect(console.getByTestId('online-result')).toContainText('Genuine card');
  await expectNoAxeViolations(console);
  await shoot(console, 'verify-desktop-en');

  // An altered code fails both checks.
  const parts = token.split('.');
  const signature = parts[2] ?? '';
  const forged = `${parts[0]}.${parts[1]}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
  await console.getByLabel('Card code').fill(forged);
  await console.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(console.getByTestId('offline-result')).toHaveAttribute('data-valid', 'false');
  await expect(console.getByTestId('online-result')).toHaveAttribute('data-valid', 'false');

  // Offline the console still checks the signature with the keys it kept.
  await officer.setOffline(true);
  await console.getByLabel('Card code').fill(token);
  await console.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(console.getByTestId('offline-result')).toHaveAttribute('data-valid', 'true');
  await expect(console.getByText('You are offline: the member')).toBeVisible();
  await officer.setOffline(false);

  // The card keeps working on the phone without the network.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(card).toContainText(approved.memberNumber);
  await context.setOffline(true);
  await page.reload();
  await expect(card).toContainText('刘洋');
  await expect(card).toContainText(approved.memberNumber);
  await expect(card.getByRole('img', { name: 'QR code of your member card' })).toBeVisible();
  await expect(page.getByText('You are offline: this is the card saved')).toBeVisible();
  await shoot(page, 'card-phone-en-offline');
  await context.setOffline(false);

  // Chinese, on the phone and on the console.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(card.getByRole('heading', { name: '电子会员证' })).toBeVisible();
  await expect(card).toContainText('正常');
  await expectNoAxeViolations(page);
  await shoot(page, 'card-phone-zh');
  await console.getByLabel('Language').selectOption('zh-CN');
  await console.getByLabel('会员证代码').fill(token);
  await console.getByRole('button', { name: '核验', exact: true }).click();
  await expect(console.getByTestId('online-result')).toContainText('会员证真实有效');
  await expect(console.getByTestId('offline-result')).toContainText('签名有效');
  await shoot(console, 'verify-desktop-zh');
  await console.setViewportSize({ width: 390, height: 844 });
  await shoot(console, 'verify-phone-zh');
  await officer.close();
});
