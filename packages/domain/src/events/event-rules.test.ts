import { describe, expect, it } from 'vitest';
import {
  canWithdraw,
  capacityTooSmall,
  eventReminderAt,
  eventTimesProblem,
  formatEventSpan,
  formatEventTime,
  fromBeijingDateTimeLocal,
  signUpRefusal,
  toBeijingDateTimeLocal,
  type EventForSignUp,
} from './event-rules';
import { ZSaveEventInput } from './event';

const NOW = new Date('2026-12-01T02:00:00Z');
const HOUR = 3600 * 1000;
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

const open: EventForSignUp = {
  state: 'PUBLISHED',
  startsAt: later(72),
  signUpDeadline: later(48),
  capacity: 3,
};

describe('signing up', () => {
  it('is open for a published event before its deadline while there is room', () => {
    expect(signUpRefusal(open, 2, NOW)).toBeNull();
    expect(signUpRefusal({ ...open, capacity: null }, 10_000, NOW)).toBeNull();
  });

  it('is refused when the capacity is reached', () => {
    expect(signUpRefusal(open, 3, NOW)).toBe('FULL');
    expect(signUpRefusal(open, 4, NOW)).toBe('FULL');
  });

  it('closes at the sign-up deadline, and at the start when there is none', () => {
    expect(signUpRefusal(open, 0, later(48))).toBe('CLOSED');
    expect(signUpRefusal({ ...open, signUpDeadline: null }, 0, later(71))).toBeNull();
    expect(signUpRefusal({ ...open, signUpDeadline: null }, 0, later(72))).toBe('CLOSED');
  });

  it('is refused for a cancelled event, a draft and an event that has started', () => {
    expect(signUpRefusal({ ...open, state: 'CANCELLED' }, 0, NOW)).toBe('CANCELLED');
    expect(signUpRefusal({ ...open, state: 'DRAFT' }, 0, NOW)).toBe('NOT_OPEN');
    expect(signUpRefusal({ ...open, signUpDeadline: null }, 0, later(80))).toBe('CLOSED');
  });

  it('lets a member withdraw until the start, not from a cancelled event', () => {
    expect(canWithdraw(open, later(60))).toBe(true);
    expect(canWithdraw(open, later(72))).toBe(false);
    expect(canWithdraw({ ...open, state: 'CANCELLED' }, NOW)).toBe(false);
  });
});

describe('event times', () => {
  it('must end after they start, and close sign-up by the start', () => {
    const startsAt = later(24);
    expect(eventTimesProblem({ startsAt, endsAt: later(26), signUpDeadline: null })).toBeNull();
    expect(eventTimesProblem({ startsAt, endsAt: startsAt, signUpDeadline: null })).toEqual({
      path: 'endsAt',
      message: 'validation.eventEndsBeforeStart',
    });
    expect(
      eventTimesProblem({ startsAt, endsAt: later(26), signUpDeadline: later(25) }),
    ).toMatchObject({ path: 'signUpDeadline' });
  });

  it('reminds a day before the start', () => {
    expect(eventReminderAt(later(72)).toISOString()).toBe(later(48).toISOString());
  });

  it('keeps a capacity at or above the members signed up', () => {
    expect(capacityTooSmall(2, 3)).toBe(true);
    expect(capacityTooSmall(3, 3)).toBe(false);
    expect(capacityTooSmall(null, 3)).toBe(false);
  });

  it('reads and writes datetime-local values in Beijing time, whatever the browser’s zone', () => {
    expect(toBeijingDateTimeLocal(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01T01:30');
    expect(fromBeijingDateTimeLocal('2027-01-01T01:30')?.toISOString()).toBe(
      '2026-12-31T17:30:00.000Z',
    );
    expect(fromBeijingDateTimeLocal('2026-02-30T09:00')).toBeNull();
    expect(fromBeijingDateTimeLocal('2026-02-10 09:00')).toBeNull();
    expect(formatEventTime(new Date('2026-12-31T17:30:00Z'), 'zh-CN')).toContain('2027');
  });

  it('writes the date once for an event within one Beijing day', () => {
    const start = new Date('2026-11-27T07:00:00Z'); // 15:00 in Beijing
    const sameDay = new Date('2026-11-27T09:00:00Z');
    // 02:00 the next day in Beijing, though still the 27th in UTC.
    const nextDay = new Date('2026-11-27T18:00:00Z');
    expect(formatEventSpan(start, sameDay, 'zh-CN')).toBe('2026年11月27日 15:00–17:00');
    expect(formatEventSpan(start, sameDay, 'en')).toBe('Nov 27, 2026, 3:00 PM – 5:00 PM');
    expect(formatEventSpan(start, nextDay, 'zh-CN')).toBe(
      '2026年11月27日 15:00 至 2026年11月28日 02:00',
    );
    expect(formatEventSpan(start, nextDay, 'en')).toBe(
      'Nov 27, 2026, 3:00 PM to Nov 28, 2026, 2:00 AM',
    );
  });
});

describe('the save contract', () => {
  // The contract compares a new event's start with the clock.
  const later = (hours: number) => new Date(Date.now() + hours * HOUR);
  const valid = {
    title: '职工篮球赛',
    kind: 'SPORTS',
    orgUnitId: '00000000-0000-4000-8000-000000000001',
    startsAt: later(24),
    endsAt: later(27),
    place: '市体育馆',
  } as const;

  it('accepts a place or an online link, and refuses neither', () => {
    expect(ZSaveEventInput.safeParse(valid).success).toBe(true);
    expect(
      ZSaveEventInput.safeParse({ ...valid, place: null, onlineUrl: 'https://meeting.example/1' })
        .success,
    ).toBe(true);
    const neither = ZSaveEventInput.safeParse({ ...valid, place: ' ' });
    expect(neither.error?.issues).toEqual([
      expect.objectContaining({ path: ['place'], message: 'validation.eventPlaceRequired' }),
    ]);
  });

  it('refuses an end before the start and links that are not web addresses', () => {
    const backwards = ZSaveEventInput.safeParse({ ...valid, endsAt: later(23) });
    expect(backwards.error?.issues[0]).toMatchObject({
      path: ['endsAt'],
      message: 'validation.eventEndsBeforeStart',
    });
    expect(ZSaveEventInput.safeParse({ ...valid, onlineUrl: 'javascript:alert(1)' }).success).toBe(
      false,
    );
  });

  it('refuses a new event that starts in the past', () => {
    const past = ZSaveEventInput.safeParse({ ...valid, startsAt: later(-2), endsAt: later(-1) });
    expect(past.error?.issues[0]).toMatchObject({
      path: ['startsAt'],
      message: 'validation.eventStartsInPast',
    });
  });

  it('needs the version it was based on to edit', () => {
    expect(
      ZSaveEventInput.safeParse({ ...valid, id: '00000000-0000-4000-8000-000000000002' }).success,
    ).toBe(false);
  });
});
