import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test.use({ locale: 'zh-CN' });

/** The demo member's number, as the start banner prints it. */
const PHONE = '+8613800138000';

/** The development outbox stands in for the member's phone. */
async function latestSms(request: APIRequestContext, to: string): Promise<string> {
  const response = await request.get('/api/dev/outbox');
  const { messages } = (await response.json()) as {
    messages: { channel: string; to: string; code: string }[];
  };
  const message = messages.find(
    (candidate) => candidate.channel === 'sms' && candidate.to === to && Boolean(candidate.code),
  );
  if (!message) throw new Error(`no SMS was sent to ${to}`);
  return message.code;
}

async function signInBySms(page: Page) {
  await page.goto('/sign-in');
  await page.getByRole('radio', { name: '短信' }).check();
  // Typed the way people write it; the app sends E.164.
  await page.getByLabel('手机号码').fill('138 0013 8000');
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByText('6 位验证码已通过短信发出')).toBeVisible();
  await page.getByLabel('验证码').fill(await latestSms(page.request, PHONE));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的账户' })).toBeVisible();
}

test('a member signs in with a code sent by SMS', async ({ page }, testInfo) => {
  await page.goto('/sign-in');
  await page.getByRole('radio', { name: '短信' }).check();
  // Not a mainland mobile number: refused on the spot, nothing is sent.
  await page.getByLabel('手机号码').fill('12345');
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByLabel('手机号码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('请输入中国大陆手机号码')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('sign-in-sms-zh-CN.png'), fullPage: true });
  await expectNoAxeViolations(page);

  await signInBySms(page);
  await expect(page.getByText('张伟')).toBeVisible();
});

test('a member adds a passkey, signs out, and signs in again with the passkey alone', async ({
  page,
}, testInfo) => {
  // Chromium's virtual authenticator stands in for the phone's fingerprint sensor.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });

  await signInBySms(page);
  await expect(page.getByText('您还没有添加通行密钥。')).toBeVisible();
  await page.getByRole('button', { name: '添加通行密钥' }).click();
  await expect(page.getByText('通行密钥已添加。')).toBeVisible();
  const passkeys = page.getByRole('region', { name: '通行密钥', exact: true });
  await expect(passkeys.getByRole('listitem')).toHaveCount(1);
  await expect(passkeys.getByRole('listitem')).toContainText('Android 上的通行密钥');
  await page.screenshot({
    path: testInfo.outputPath('account-passkeys-zh-CN.png'),
    fullPage: true,
  });
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/$/);

  // No email, number or code: the passkey alone.
  await page.goto('/sign-in');
  await page.getByRole('button', { name: '用通行密钥登录' }).click();
  await expect(page.getByRole('heading', { name: '我的账户' })).toBeVisible();
  await expect(page.getByText('张伟')).toBeVisible();

  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Passkeys' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove passkey/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('account-passkeys-en.png'), fullPage: true });

  // Removed, it is gone from the list.
  await page.getByRole('button', { name: /^Remove passkey/ }).click();
  await expect(page.getByText('Passkey removed.')).toBeVisible();
  await expect(page.getByText('You have not added a passkey yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/sign-in');
  await page.getByRole('radio', { name: 'SMS' }).check();
  await page.screenshot({ path: testInfo.outputPath('sign-in-en.png'), fullPage: true });
});
