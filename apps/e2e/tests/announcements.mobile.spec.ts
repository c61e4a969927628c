import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { baseURL, OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { call, latestCode, residentId } from './support/members';

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Whether the image has loaded (decoded with real pixels), not just been placed. */
async function imageLoaded(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((node) => node instanceof HTMLImageElement && node.complete && node.naturalWidth > 0);
}

test.use({ locale: 'en-US' });

test('an officer publishes an announcement with an image; a member reads it on the phone, offline too', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const officer = await browser.newContext({
    storageState: OFFICER_STATE,
    locale: 'en-US',
    baseURL,
    viewport: { width: 1280, height: 900 },
    isMobile: false,
    hasTouch: false,
  });
  const officerApi = officer.request;

  // A member of the first middle school's union, with an account (applies, is approved).
  const tree = (await call(officerApi, 'public.org.tree')) as { id: string; code: string }[];
  const school = tree.find((unit) => unit.code === 'BJ-NO1-HS');
  if (!school) throw new Error('demo unit BJ-NO1-HS missing');
  const memberId = randomUUID();
  const email = `news.${memberId.slice(0, 8)}@example.org`;
  await call(officerApi, 'public.membership.applyToJoin', {
    id: memberId,
    name: '王芳',
    idDocument: { type: 'RESIDENT_ID', number: residentId('19880808') },
    phone: '13900139001',
    email,
    orgUnitId: school.id,
    consentVersion: '2026-11',
  });
  await call(officerApi, 'officer.membership.changeStatus', {
    id: memberId,
    action: 'APPROVE',
    expectedVersion: 1,
  });

  // The officer writes the announcement in the console.
  const title = `Sports day ${memberId.slice(0, 6)}`;
  const console = await officer.newPage();
  await console.goto('/admin/');
  await console
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Announcements' })
    .click();
  await expect(console.getByRole('heading', { name: 'Announcements', level: 1 })).toBeVisible();
  await console.getByRole('link', { name: 'Write an announcement' }).click();
  await expect(console.getByRole('heading', { name: 'Write an announcement' })).toBeVisible();
  await console.getByLabel('Title').fill(title);
  await console.getByLabel('Send to').selectOption(school.id);
  const body = console.getByRole('textbox', { name: 'Text', exact: true });
  await body.click();
  await console.keyboard.type('All teachers are welcome on the sports ground at 9:00.');
  await expect(
    console.getByText('then save the draft: images and files can be added'),
  ).toBeVisible();
  await console.getByRole('button', { name: 'Save draft' }).click();
  await expect(console.getByText('Draft saved.')).toBeVisible();
  await expect(console.getByTestId('announcement-state')).toHaveText('Draft');

  // An image in the text, uploaded and checked by its content on the server.
  await body.click();
  await console.keyboard.press('End');
  await console.keyboard.press('Enter');
  const png = await readFile(join(process.cwd(), '../member/public/icons/icon-192.png'));
  await console
    .getByTestId('editor-image-input')
    .setInputFiles({ name: 'sports-ground.png', mimeType: 'image/png', buffer: png });
  await expect(body.locator('img')).toHaveAttribute('src', /\/api\/files\/announcements\//);
  await expect.poll(() => imageLoaded(console, '.rte__content img')).toBe(true);
  await expect(console.getByRole('link', { name: 'sports-ground.png' })).toBeVisible();
  await console.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(console.getByText('Saved.')).toBeVisible();
  await expectNoAxeViolations(console);
  await shoot(console, 'announcement-editor-desktop-en');

  await console.getByRole('button', { name: 'Publish now' }).click();
  const confirm = console.getByRole('dialog', { name: 'Publish now' });
  await expect(confirm).toContainText('All members of 滨江市第一中学工会');
  await confirm.getByRole('button', { name: 'Publish' }).click();
  await expect(console.getByText('The announcement is published.')).toBeVisible();
  await expect(console.getByTestId('announcement-state')).toHaveText('Published');
  // The background work tells the school's members; the reach shows them.
  const reach = console.getByTestId('announcement-reach');
  await expect(reach).not.toContainText('Being sent');
  await expect(reach).toContainText(/Delivered\s*[1-9]/);

  // The member signs in on the phone and finds it in union news.
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await page.getByLabel('Code').fill(await latestCode(page.request, email));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  // The service worker takes control first, so the image it fetches is kept for offline use.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.goto('/');
  await page.getByRole('link', { name: 'Read union news' }).click();
  await expect(page.getByRole('heading', { name: 'Union news', level: 1 })).toBeVisible();
  const item = page.getByTestId('news-item').filter({ hasText: title });
  await expect(item).toContainText('New');
  await expect(item).toContainText('All teachers are welcome');
  await expectNoAxeViolations(page);
  await shoot(page, 'news-list-phone-en');

  await item.getByRole('link').click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByTestId('news-body')).toContainText('All teachers are welcome');
  await expect.poll(() => imageLoaded(page, '[data-testid="news-body"] img')).toBe(true);
  await expectNoAxeViolations(page);
  await shoot(page, 'news-item-phone-en');

  // Opening it counts as opened in the officer's reach.
  await expect
    .poll(async () => {
      await console.reload();
      return console.getByTestId('announcement-reach').innerText();
    })
    .toMatch(/Opened\s*1/);
  await shoot(console, 'announcement-reach-desktop-en');

  // Offline, the phone still shows it, image included, and the list.
  await page.goto('/news');
  await expect(item).not.toContainText('New');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('You are offline. This is what was last loaded.')).toBeVisible();
  await expect(item).toBeVisible();
  await item.getByRole('link').click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByTestId('news-body')).toContainText('All teachers are welcome');
  await expect.poll(() => imageLoaded(page, '[data-testid="news-body"] img')).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect.poll(() => imageLoaded(page, '[data-testid="news-body"] img')).toBe(true);
  await shoot(page, 'news-item-phone-en-offline');
  await context.setOffline(false);

  // The fan-out also told them in their notification centre (with the decision on their
  // application), under union news; the notice opens the announcement.
  await page.goto('/');
  await page.getByRole('link', { name: 'Notifications, 2 unread' }).click();
  const notice = page
    .getByTestId('notification-list')
    .getByRole('listitem')
    .filter({ hasText: title });
  await expect(notice).toContainText(`滨江市第一中学工会: ${title}`);
  await expect(notice).toContainText('Union news');
  await expect(notice).toContainText('All teachers are welcome on the sports ground');
  await shoot(page, 'notification-announcement-phone-en');
  await notice.getByRole('link').click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  // In Chinese too.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('link', { name: '← 返回通知公告' })).toBeVisible();
  await page.getByRole('link', { name: '← 返回通知公告' }).click();
  await expect(page.getByRole('heading', { name: '通知公告', level: 1 })).toBeVisible();
  await shoot(page, 'news-list-phone-zh');

  // Withdrawn, it leaves the member's list.
  await console.getByRole('button', { name: 'Withdraw' }).click();
  await console
    .getByRole('dialog', { name: 'Withdraw the announcement' })
    .getByRole('button', { name: 'Withdraw' })
    .click();
  await expect(console.getByText('The announcement is withdrawn.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '通知公告', level: 1 })).toBeVisible();
  await expect(page.getByTestId('news-item').filter({ hasText: title })).toHaveCount(0);
  await officer.close();
});
