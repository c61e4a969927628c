import { describe, expect, it } from 'vitest';
import {
  closingStage,
  isOverdue,
  moveStage,
  previousWorkingDay,
  reminderDue,
  stageDeadline,
  weekOf,
} from './case-rules';
import { DEFAULT_CASE_TYPES, ZCaseTypeDefinition, type TCaseTypeDefinition } from './case-type';
import { ZCreateCaseInput, ZSubmitCaseInput } from './case';
import { CHINA_STATUTORY_CALENDAR } from './china-holidays';
import { buildWorkingCalendar } from './working-calendar';

const china = buildWorkingCalendar(CHINA_STATUTORY_CALENDAR);

function typeOf(code: string): TCaseTypeDefinition {
  const type = DEFAULT_CASE_TYPES.find((candidate) => candidate.code === code);
  if (!type) throw new Error(`no default type ${code}`);
  return type;
}

/** A moment given in Beijing time (UTC+8), as officers and members read the clock. */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe('stage deadlines around National Day 2026', () => {
  // 1–7 October are off; Sunday 20 September and Saturday 10 October are make-up working days.
  const intake = { limit: { amount: 2, unit: 'working_days' as const } };

  it('skips the whole holiday when counting working days', () => {
    expect(stageDeadline(china, intake, beijing('2026-09-30T09:00:00'))).toBe('2026-10-09');
  });

  it('lands on the make-up Saturday when that is the nth working day', () => {
    const three = { limit: { amount: 3, unit: 'working_days' as const } };
    expect(stageDeadline(china, three, beijing('2026-09-30T09:00:00'))).toBe('2026-10-10');
  });

  it('counts from the Beijing day the case entered the stage, not the UTC one', () => {
    // 00:30 on 1 October in Beijing is still 30 September in UTC.
    const enteredAt = new Date('2026-09-30T16:30:00Z');
    expect(stageDeadline(china, { limit: { amount: 1, unit: 'working_days' } }, enteredAt)).toBe(
      '2026-10-08',
    );
    const dayBefore = new Date('2026-09-30T15:30:00Z');
    expect(stageDeadline(china, { limit: { amount: 1, unit: 'working_days' } }, dayBefore)).toBe(
      '2026-10-08',
    );
    // From Tuesday 29 September (Beijing) one working day is the 30th.
    expect(
      stageDeadline(
        china,
        { limit: { amount: 1, unit: 'working_days' } },
        new Date('2026-09-29T15:59:00Z'),
      ),
    ).toBe('2026-09-30');
  });

  it('moves a calendar-day limit that ends inside the holiday to the first working day after', () => {
    // Mediation: 15 calendar days from 16 September end on 1 October, a holiday.
    const mediation = { limit: { amount: 15, unit: 'calendar_days' as const } };
    expect(stageDeadline(china, mediation, beijing('2026-09-16T10:00:00'))).toBe('2026-10-08');
  });

  it('keeps a calendar-day limit that ends on a make-up working Sunday', () => {
    const mediation = { limit: { amount: 15, unit: 'calendar_days' as const } };
    expect(stageDeadline(china, mediation, beijing('2026-09-05T10:00:00'))).toBe('2026-09-20');
  });

  it('adds agreed extensions after the stage limit', () => {
    expect(
      stageDeadline(china, intake, beijing('2026-09-30T09:00:00'), [
        { amount: 5, unit: 'working_days' },
      ]),
    ).toBe('2026-10-15');
    expect(
      stageDeadline(china, intake, beijing('2026-09-30T09:00:00'), [
        { amount: 3, unit: 'working_days' },
        { amount: 7, unit: 'calendar_days' },
      ]),
    ).toBe('2026-10-20');
  });

  it('has no deadline in a terminal stage', () => {
    expect(stageDeadline(china, { limit: null }, beijing('2026-09-30T09:00:00'))).toBeNull();
  });

  it('counts across the Spring Festival and its two make-up Saturdays', () => {
    // Friday 13 February: the 14th is worked, 15–23 are off, the 28th is worked.
    expect(
      stageDeadline(
        china,
        { limit: { amount: 10, unit: 'working_days' } },
        beijing('2026-02-13T09:00:00'),
      ),
    ).toBe('2026-03-05');
  });
});

describe('overdue, reminders and the week', () => {
  it('is overdue only once the deadline’s day is over in Beijing', () => {
    expect(isOverdue('2026-10-09', new Date('2026-10-09T15:59:00Z'))).toBe(false);
    expect(isOverdue('2026-10-09', new Date('2026-10-09T16:00:00Z'))).toBe(true);
    expect(isOverdue(null, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('reminds on the working day before the deadline, reaching back over the holiday', () => {
    // Thursday 8 October: the working day before is Wednesday 30 September.
    expect(previousWorkingDay(china, '2026-10-08')).toBe('2026-09-30');
    expect(reminderDue(china, '2026-10-08', '2026-09-29')).toBe(false);
    expect(reminderDue(china, '2026-10-08', '2026-09-30')).toBe(true);
    expect(reminderDue(china, '2026-10-08', '2026-10-04')).toBe(true);
    expect(reminderDue(china, '2026-10-08', '2026-10-09')).toBe(false);
    // Monday 12 October: the working day before is the make-up Saturday.
    expect(previousWorkingDay(china, '2026-10-12')).toBe('2026-10-10');
  });

  it('takes Monday to Sunday as the week', () => {
    expect(weekOf('2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
});

describe('the stage machine', () => {
  const rights = typeOf('RIGHTS');

  it('moves to the next stage, or forward to a named one', () => {
    expect(moveStage(rights, 'intake')).toMatchObject({
      ok: true,
      stage: { key: 'investigation' },
    });
    expect(moveStage(rights, 'negotiation', 'arbitration')).toMatchObject({
      ok: true,
      stage: { key: 'arbitration' },
    });
    expect(moveStage(rights, 'resolution')).toMatchObject({ ok: true, stage: { key: 'closed' } });
  });

  it('never moves backwards, sideways, to an unknown stage or out of a terminal one', () => {
    expect(moveStage(rights, 'negotiation', 'intake')).toEqual({
      ok: false,
      reason: 'not_forward',
    });
    expect(moveStage(rights, 'negotiation', 'negotiation')).toEqual({
      ok: false,
      reason: 'not_forward',
    });
    expect(moveStage(rights, 'intake', 'court')).toEqual({ ok: false, reason: 'unknown_stage' });
    expect(moveStage(rights, 'closed')).toEqual({ ok: false, reason: 'terminal' });
    expect(moveStage(rights, 'nowhere')).toEqual({ ok: false, reason: 'unknown_stage' });
  });

  it('closes into the next terminal stage', () => {
    expect(closingStage(rights, 'negotiation')?.key).toBe('closed');
    expect(closingStage(rights, 'closed')?.key).toBe('closed');
  });
});

describe('case types', () => {
  it('accepts every default type, and each kind has exactly one default', () => {
    for (const type of DEFAULT_CASE_TYPES) expect(ZCaseTypeDefinition.parse(type)).toEqual(type);
    const kinds = DEFAULT_CASE_TYPES.flatMap((type) => type.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toHaveLength(4);
  });

  it('refuses repeated keys, a terminal first stage, an open last stage, limits on terminals', () => {
    const base = typeOf('LEGAL');
    const [intake, answer, closed] = base.stages;
    if (!intake || !answer || !closed) throw new Error('LEGAL has three stages');
    const refuses = (stages: unknown[]) =>
      ZCaseTypeDefinition.safeParse({ ...base, stages }).success;
    expect(refuses([intake, intake, closed])).toBe(false);
    expect(refuses([closed, answer, closed])).toBe(false);
    expect(refuses([intake, answer])).toBe(false);
    expect(refuses([intake, { ...closed, limit: { amount: 1, unit: 'working_days' } }])).toBe(
      false,
    );
    expect(refuses([intake, { ...answer, limit: null }, closed])).toBe(false);
    expect(refuses([intake, answer, closed])).toBe(true);
  });
});

describe('request contracts', () => {
  const id = '00000000-0000-4000-8000-000000000001';

  it('wants a topic for a problem at work and none otherwise', () => {
    const base = { id, title: '拖欠工资', narrative: '三个月没发工资' };
    expect(ZSubmitCaseInput.safeParse({ ...base, kind: 'WORKPLACE_PROBLEM' }).success).toBe(false);
    expect(
      ZSubmitCaseInput.parse({ ...base, kind: 'WORKPLACE_PROBLEM', topic: 'WAGES_UNPAID' }),
    ).toMatchObject({ topic: 'WAGES_UNPAID', confidential: false, shareNameWithEmployer: false });
    expect(
      ZSubmitCaseInput.safeParse({ ...base, kind: 'SUGGESTION', topic: 'SAFETY' }).success,
    ).toBe(false);
    expect(ZSubmitCaseInput.parse({ ...base, kind: 'SUGGESTION' }).topic).toBeNull();
  });

  it('keeps line breaks in a narrative but refuses other control characters', () => {
    const base = { id, kind: 'LEGAL_CONSULTATION', title: '合同问题' };
    expect(ZSubmitCaseInput.safeParse({ ...base, narrative: '第一行\n第二行' }).success).toBe(true);
    expect(ZSubmitCaseInput.safeParse({ ...base, narrative: 'a\u0007b' }).success).toBe(false);
    expect(
      ZSubmitCaseInput.safeParse({ ...base, title: '标题\n换行', narrative: 'x' }).success,
    ).toBe(false);
  });

  it('opens hotline cases unless told otherwise, never as the member app', () => {
    const base = { id, memberId: id, kind: 'MEDIATION', title: '调解', narrative: '请求调解' };
    expect(ZCreateCaseInput.parse(base).channel).toBe('HOTLINE');
    expect(ZCreateCaseInput.safeParse({ ...base, channel: 'MEMBER_APP' }).success).toBe(false);
  });
});
