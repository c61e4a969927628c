import { describe, expect, it } from 'vitest';
import { createCodeSender } from '../auth/messages';
import { DevOutbox, type DevOutboxEntry } from './dev-outbox';

const subscription = {
  endpoint: 'https://push.example.org/send/abc',
  keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) },
};

describe('the dev outbox', () => {
  it('records email, SMS and push through its channels, newest first, and reports each', async () => {
    const reported: DevOutboxEntry[] = [];
    const outbox = new DevOutbox((entry) => reported.push(entry));
    await outbox.channels.email.send({
      to: 'member@example.org',
      subject: '活动提醒',
      text: '明天见',
      html: '<p>明天见</p>',
      headers: { 'List-Unsubscribe': '<https://union.example.org/u>' },
    });
    await outbox.channels.sms.send({ to: '+8613800138000', text: '明天见' });
    const pushed = await outbox.channels.push.send({
      subscription,
      payload: JSON.stringify({ title: '活动提醒', body: '明天见', link: '/events/1' }),
      ttlSeconds: 600,
    });
    expect(pushed).toEqual({ gone: false });

    const [push, sms, email] = outbox.list();
    expect(push).toMatchObject({
      channel: 'push',
      to: subscription.endpoint,
      title: '活动提醒',
      body: '明天见',
      link: '/events/1',
      ttlSeconds: 600,
    });
    expect(sms).toMatchObject({ channel: 'sms', to: '+8613800138000', text: '明天见' });
    expect(email).toMatchObject({
      channel: 'email',
      subject: '活动提醒',
      headers: { 'List-Unsubscribe': '<https://union.example.org/u>' },
    });
    expect(email?.purpose).toBeUndefined();
    expect(reported.map((entry) => entry.channel)).toEqual(['email', 'sms', 'push']);
    expect(new Set(reported.map((entry) => entry.id)).size).toBe(3);
  });

  it('shows a code sent through the channels as a code, with its purpose', async () => {
    const outbox = new DevOutbox();
    const errors: unknown[] = [];
    const sender = createCodeSender(outbox.channels, (error) => errors.push(error));
    await sender.send({
      channel: 'sms',
      to: '+8613800138000',
      purpose: 'sign-in',
      code: '654321',
      sentAt: new Date(),
    });
    await sender.send({
      channel: 'email',
      to: 'chair@example.org',
      purpose: 'reset-password',
      link: 'https://union.example.org/admin/reset-password?token=t',
      sentAt: new Date(),
    });
    expect(errors).toEqual([]);
    expect(outbox.lastCodeFor('+8613800138000')).toBe('654321');
    expect(outbox.lastLinkFor('chair@example.org')).toBe(
      'https://union.example.org/admin/reset-password?token=t',
    );
    const [email, sms] = outbox.list();
    expect(sms).toMatchObject({ channel: 'sms', purpose: 'sign-in', code: '654321' });
    expect(sms?.channel === 'sms' ? sms.text : '').toContain('654321');
    expect(email).toMatchObject({ channel: 'email', purpose: 'reset-password' });
    expect(email?.channel === 'email' ? email.text : '').toContain('reset-password?token=t');
  });

  it('keeps only the newest messages', async () => {
    const outbox = new DevOutbox(() => {}, 2);
    for (const text of ['one', 'two', 'three']) {
      await outbox.channels.sms.send({ to: '+8613800138000', text });
    }
    expect(outbox.list().map((entry) => (entry.channel === 'sms' ? entry.text : ''))).toEqual([
      'three',
      'two',
    ]);
  });

  it('does not wait for the provider, and reports its failure without the code', async () => {
    const failures: unknown[] = [];
    const sender = createCodeSender(
      {
        email: { send: () => Promise.reject(new Error('smtp down')) },
        sms: { send: () => Promise.reject(new Error('sms down')) },
        push: { send: () => Promise.resolve({ gone: false }) },
      },
      (error, message) => failures.push({ error, message }),
    );
    await expect(
      sender.send({
        channel: 'email',
        to: 'm@example.org',
        purpose: 'sign-in',
        code: '111111',
        sentAt: new Date(),
      }),
    ).resolves.toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toEqual([
      { error: new Error('smtp down'), message: { channel: 'email', purpose: 'sign-in' } },
    ]);
  });
});
