import { describe, expect, it } from 'vitest';
import { ZMarkNotificationsReadInput, ZNotificationLink } from './notification-center';
import {
  channelEnabled,
  defaultChannelEnabled,
  isChannelLocked,
  preferenceMatrix,
} from './preferences';

describe('notification preferences', () => {
  it('defaults: in-app and push everywhere, email and SMS where missing one costs something', () => {
    expect(defaultChannelEnabled('union_news', 'in_app')).toBe(true);
    expect(defaultChannelEnabled('union_news', 'push')).toBe(true);
    expect(defaultChannelEnabled('union_news', 'email')).toBe(false);
    expect(defaultChannelEnabled('votes', 'email')).toBe(true);
    expect(defaultChannelEnabled('votes', 'sms')).toBe(false);
    expect(defaultChannelEnabled('account', 'sms')).toBe(true);
    expect(defaultChannelEnabled('my_requests', 'sms')).toBe(true);
    expect(defaultChannelEnabled('events', 'sms')).toBe(false);
  });

  it('locks in-app everywhere and email for the account', () => {
    expect(isChannelLocked('events', 'in_app')).toBe(true);
    expect(isChannelLocked('account', 'email')).toBe(true);
    expect(isChannelLocked('account', 'sms')).toBe(false);
    expect(isChannelLocked('my_requests', 'email')).toBe(false);
  });

  it('applies stored choices, except on locked cells', () => {
    const stored = [
      { category: 'union_news', channel: 'email', enabled: true },
      { category: 'my_requests', channel: 'sms', enabled: false },
      { category: 'account', channel: 'email', enabled: false },
      { category: 'account', channel: 'in_app', enabled: false },
    ];
    expect(channelEnabled(stored, 'union_news', 'email')).toBe(true);
    expect(channelEnabled(stored, 'my_requests', 'sms')).toBe(false);
    expect(channelEnabled(stored, 'account', 'email')).toBe(true);
    expect(channelEnabled(stored, 'account', 'in_app')).toBe(true);
    expect(channelEnabled(stored, 'events', 'push')).toBe(true);
  });

  it('lists every category × channel once', () => {
    const matrix = preferenceMatrix([]);
    expect(matrix).toHaveLength(6 * 4);
    expect(new Set(matrix.map((cell) => `${cell.category}/${cell.channel}`)).size).toBe(24);
    expect(matrix.find((cell) => cell.category === 'account' && cell.channel === 'email')).toEqual({
      category: 'account',
      channel: 'email',
      enabled: true,
      locked: true,
    });
  });
});

describe('notification links and inputs', () => {
  it('accepts paths on this site only', () => {
    expect(ZNotificationLink.safeParse('/account').success).toBe(true);
    expect(ZNotificationLink.safeParse('/admin/members/1?tab=history').success).toBe(true);
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'account'])
      expect(ZNotificationLink.safeParse(bad).success, bad).toBe(false);
  });

  it('marks read by ids or all', () => {
    expect(ZMarkNotificationsReadInput.safeParse({ all: true }).success).toBe(true);
    expect(ZMarkNotificationsReadInput.safeParse({ ids: [] }).success).toBe(false);
    expect(ZMarkNotificationsReadInput.safeParse({ all: false }).success).toBe(false);
  });
});
