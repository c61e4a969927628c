import { describe, expect, it } from 'vitest';
import { caseTone, eventMessage, stageName } from './case-helpers';

describe('case helpers', () => {
  it('names stages in the reader’s language', () => {
    expect(stageName({ name: '调解', nameEn: 'Mediation' }, 'zh-CN')).toBe('调解');
    expect(stageName({ name: '调解', nameEn: 'Mediation' }, 'en')).toBe('Mediation');
  });

  it('turns history entries into sentences', () => {
    expect(
      eventMessage(
        { type: 'STAGE_CHANGED', params: { stageName: '协商', stageNameEn: 'Negotiation' } },
        'en',
      ),
    ).toEqual({ key: 'STAGE_CHANGED', values: { stage: 'Negotiation' } });
    expect(eventMessage({ type: 'ASSIGNED', params: {} }, 'zh-CN')?.key).toBe('UNASSIGNED');
    expect(eventMessage({ type: 'ASSIGNED', params: { assigneeName: '李华' } }, 'zh-CN')).toEqual({
      key: 'ASSIGNED',
      values: { name: '李华' },
    });
    expect(eventMessage({ type: 'CALLBACK', params: { reached: 'false' } }, 'en')?.key).toBe(
      'CALLBACK_MISSED',
    );
    expect(eventMessage({ type: 'CLOSED', params: { outcome: 'WON' } }, 'en')).toEqual({
      key: 'CLOSED',
      values: { outcome: 'WON' },
    });
    expect(eventMessage({ type: 'SOMETHING_NEW', params: {} }, 'en')).toBeNull();
  });

  it('marks overdue cases before anything else', () => {
    expect(caseTone({ status: 'OPEN', overdue: true })).toBe('uh-badge--danger');
    expect(caseTone({ status: 'CLOSED', overdue: false })).toBe('uh-badge--success');
    expect(caseTone({ status: 'OPEN', overdue: false })).toBe('uh-badge--neutral');
  });
});
