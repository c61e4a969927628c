import { describe, expect, it } from 'vitest';
import {
  clockToMinutes,
  DEFAULT_QUIET_HOURS,
  minutesToClock,
  quietHoursEnd,
  ZUpdateNotificationSettingsInput,
} from './quiet-hours';

/** A moment given in Beijing time (UTC+8). */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe('quiet hours', () => {
  it('defers from 22:00 to 08:00 the next morning, across midnight', () => {
    expect(quietHoursEnd(beijing('2025-03-10T22:00:00'), DEFAULT_QUIET_HOURS)).toEqual(
      beijing('2025-03-11T08:00:00'),
    );
    expect(quietHoursEnd(beijing('2025-03-10T23:59:30'), DEFAULT_QUIET_HOURS)).toEqual(
      beijing('2025-03-11T08:00:00'),
    );
    expect(quietHoursEnd(beijing('2025-03-11T00:00:00'), DEFAULT_QUIET_HOURS)).toEqual(
      beijing('2025-03-11T08:00:00'),
    );
    expect(quietHoursEnd(beijing('2025-03-11T07:59:59'), DEFAULT_QUIET_HOURS)).toEqual(
      beijing('2025-03-11T08:00:00'),
    );
  });

  it('is not quiet from the end to just before the start', () => {
    expect(quietHoursEnd(beijing('2025-03-11T08:00:00'), DEFAULT_QUIET_HOURS)).toBeNull();
    expect(quietHoursEnd(beijing('2025-03-11T12:30:00'), DEFAULT_QUIET_HOURS)).toBeNull();
    expect(quietHoursEnd(beijing('2025-03-11T21:59:59'), DEFAULT_QUIET_HOURS)).toBeNull();
  });

  it('handles a period within one day', () => {
    const lunch = { start: clockToMinutes('12:00'), end: clockToMinutes('13:30') };
    expect(quietHoursEnd(beijing('2025-03-11T12:10:00'), lunch)).toEqual(
      beijing('2025-03-11T13:30:00'),
    );
    expect(quietHoursEnd(beijing('2025-03-11T13:30:00'), lunch)).toBeNull();
    expect(quietHoursEnd(beijing('2025-03-11T11:59:00'), lunch)).toBeNull();
  });

  it('works in Beijing time whatever the UTC date is', () => {
    // 15:00 UTC is 23:00 in Beijing: quiet, until 08:00 Beijing = 00:00 UTC the next day.
    expect(quietHoursEnd(new Date('2025-03-10T15:00:00Z'), DEFAULT_QUIET_HOURS)).toEqual(
      new Date('2025-03-11T00:00:00Z'),
    );
  });

  it('treats no period, or an empty one, as never quiet', () => {
    expect(quietHoursEnd(beijing('2025-03-11T23:00:00'), null)).toBeNull();
    expect(quietHoursEnd(beijing('2025-03-11T23:00:00'), { start: 600, end: 600 })).toBeNull();
  });

  it('converts clock times', () => {
    expect(clockToMinutes('22:00')).toBe(1320);
    expect(minutesToClock(480)).toBe('08:00');
    expect(minutesToClock(clockToMinutes('23:59'))).toBe('23:59');
  });

  it('refuses settings whose quiet period starts when it ends, unless it is off', () => {
    const input = (enabled: boolean) => ({
      language: 'en',
      quietHours: { enabled, start: '22:00', end: '22:00' },
      expectedVersion: 1,
    });
    expect(ZUpdateNotificationSettingsInput.safeParse(input(true)).success).toBe(false);
    expect(ZUpdateNotificationSettingsInput.safeParse(input(false)).success).toBe(true);
    expect(
      ZUpdateNotificationSettingsInput.safeParse({
        ...input(true),
        quietHours: { enabled: true, start: '24:00', end: '08:00' },
      }).success,
    ).toBe(false);
  });
});
