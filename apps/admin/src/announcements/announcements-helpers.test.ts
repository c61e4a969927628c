import { describe, expect, it } from 'vitest';
import { audienceOf, fromDateTimeLocal, sizeInKb, toDateTimeLocal } from './announcements-helpers';

describe('announcement helpers', () => {
  it('round-trips a moment through a datetime-local value', () => {
    const moment = new Date(2026, 11, 24, 9, 5);
    expect(toDateTimeLocal(moment)).toBe('2026-12-24T09:05');
    expect(fromDateTimeLocal('2026-12-24T09:05')?.getTime()).toBe(moment.getTime());
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('tomorrow')).toBeNull();
  });

  it('words the audience', () => {
    expect(audienceOf({ audience: 'UNIT', orgUnitName: '教育工会', segmentName: null })).toEqual({
      key: 'audienceUnit',
      unit: '教育工会',
      segment: '',
    });
    expect(
      audienceOf({ audience: 'SEGMENT', orgUnitName: '教育工会', segmentName: '青年' }).key,
    ).toBe('audienceSegment');
    expect(
      audienceOf({ audience: 'SEGMENT', orgUnitName: '教育工会', segmentName: null }).key,
    ).toBe('audienceSegmentGone');
  });

  it('rounds file sizes to kilobytes', () => {
    expect(sizeInKb(10)).toBe(1);
    expect(sizeInKb(5 * 1024 * 1024)).toBe(5120);
  });
});
