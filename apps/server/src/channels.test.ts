import { ChannelNotConfiguredError, DevOutbox, generateVapidKeys } from '@unionhall/api';
import { describe, expect, it } from 'vitest';
import { buildChannels } from './channels';

const vapid = generateVapidKeys('mailto:push@union.example');
const message = { to: 'member@example.org', subject: 's', text: 't', html: '<p>t</p>' };

describe('the notification channels the server composes', () => {
  it('in development, keeps what no provider carries in the dev outbox', async () => {
    const outbox = new DevOutbox();
    const built = buildChannels({ vapid, sendPush: false, outbox });
    expect(built.adapters).toEqual({ email: 'dev outbox', sms: 'dev outbox', push: 'dev outbox' });
    await built.channels.email.send(message);
    await built.channels.sms.send({ to: '+8613800138000', text: 'hi' });
    expect(outbox.list().map((entry) => entry.channel)).toEqual(['sms', 'email']);
  });

  it('uses SMTP, an SMS provider and web push once they are configured', () => {
    const built = buildChannels({
      vapid,
      sendPush: true,
      smtp: { url: 'smtp://127.0.0.1:2525', from: 'no-reply@union.example' },
      smsWebhook: { url: 'https://sms.union.example/send', token: 'token-0123456789abcdef' },
      outbox: new DevOutbox(),
    });
    expect(built.adapters).toEqual({ email: 'SMTP', sms: 'SMS webhook', push: 'web push' });
    built.close();
  });

  it('in production, refuses to send on a channel it was not given a provider for', async () => {
    const built = buildChannels({ vapid, sendPush: true });
    expect(built.adapters).toEqual({
      email: 'not configured',
      sms: 'not configured',
      push: 'web push',
    });
    await expect(built.channels.email.send(message)).rejects.toBeInstanceOf(
      ChannelNotConfiguredError,
    );
    await expect(
      built.channels.sms.send({ to: '+8613800138000', text: 'hi' }),
    ).rejects.toBeInstanceOf(ChannelNotConfiguredError);
  });
});
