import { describe, expect, it } from 'vitest';
import { CHINA_STATUTORY_CALENDAR } from './china-holidays';
import {
  addCalendarDays,
  addWorkingDays,
  beijingDate,
  buildWorkingCalendar,
  calendarCovers,
  deadlineFor,
  isWorkingDay,
} from './working-calendar';

const china = buildWorkingCalendar(CHINA_STATUTORY_CALENDAR);

describe('the working-day calendar', () => {
  it('knows weekdays, weekends, holidays and make-up working days', () => {
    expect(isWorkingDay(china, '2026-11-23')).toBe(true); // a Monday
    expect(isWorkingDay(china, '2026-11-22')).toBe(false); // a Sunday
    expect(isWorkingDay(china, '2026-10-05')).toBe(false); // National Day, a Monday
    expect(isWorkingDay(china, '2026-10-10')).toBe(true); // make-up Saturday
    expect(isWorkingDay(china, '2026-01-04')).toBe(true); // make-up Sunday after New Year
  });

  it('holds 2026 as published: 33 days off and 6 make-up working days', () => {
    const year = CHINA_STATUTORY_CALENDAR.filter((day) => day.date.startsWith('2026-'));
    expect(year.filter((day) => day.kind === 'holiday')).toHaveLength(33);
    expect(year.filter((day) => day.kind === 'workday')).toHaveLength(6);
    for (const day of year.filter((entry) => entry.kind === 'workday')) {
      // Make-up days are weekends by definition.
      expect([0, 6]).toContain(new Date(`${day.date}T00:00:00Z`).getUTCDay());
    }
  });

  it('counts working days across the Spring Festival, make-up Saturday included', () => {
    // Friday 13 February 2026: Saturday the 14th is worked, the 15th–23rd are off.
    expect(addWorkingDays(china, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(china, '2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays(china, '2026-02-13', 3)).toBe('2026-02-25');
  });

  it('counts across the year boundary into a New Year holiday and its make-up Sunday', () => {
    expect(addWorkingDays(china, '2025-12-31', 1)).toBe('2026-01-04');
    expect(addWorkingDays(china, '2025-12-31', 2)).toBe('2026-01-05');
  });

  it('moves a calendar-day period that ends on a rest day to the next working day', () => {
    // 15 days from 20 September 2026 end on 5 October, inside the National Day week.
    expect(deadlineFor(china, '2026-09-20', { amount: 15, unit: 'calendar_days' })).toBe(
      '2026-10-08',
    );
    // Ending on a make-up Saturday: that Saturday is a working day, so it stands.
    expect(deadlineFor(china, '2026-09-30', { amount: 10, unit: 'calendar_days' })).toBe(
      '2026-10-10',
    );
    // Ending on an ordinary Sunday: Monday.
    expect(deadlineFor(china, '2026-11-08', { amount: 14, unit: 'calendar_days' })).toBe(
      '2026-11-23',
    );
  });

  it('adds agreed extensions after the limit, each in its own unit', () => {
    // Labour dispute mediation: 15 days, extended by agreement.
    expect(
      deadlineFor(china, '2026-04-01', { amount: 15, unit: 'calendar_days' }, [
        { amount: 5, unit: 'working_days' },
      ]),
    ).toBe('2026-04-23');
  });

  it('counts weekends only for a year whose schedule is not loaded, and says so', () => {
    expect(calendarCovers(china, '2026-12-20', '2026-12-31')).toBe(true);
    expect(calendarCovers(china, '2026-12-20', '2027-01-10')).toBe(false);
    expect(isWorkingDay(china, '2027-01-01')).toBe(true); // unknown: a Friday like any other
  });

  it('handles leap days and Beijing dates whatever the server clock', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    // 17:00 UTC is already the next morning in Beijing.
    expect(beijingDate(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
    expect(beijingDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });
});
