import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  activeFilterCount,
  dayAfter,
  filtersToInput,
  isReversedRange,
  orderedFields,
  parseLocalDate,
  readFilters,
  writeFilters,
} from './audit-helpers';

describe('parseLocalDate', () => {
  it('gives local midnight of a calendar day', () => {
    const date = parseLocalDate('2024-03-09');
    expect(date).toEqual(new Date(2024, 2, 9));
    expect(date?.getHours()).toBe(0);
  });

  it('refuses days that do not exist and other formats', () => {
    expect(parseLocalDate('2024-02-30')).toBeNull();
    expect(parseLocalDate('2024-13-01')).toBeNull();
    expect(parseLocalDate('2024-3-9')).toBeNull();
    expect(parseLocalDate('')).toBeNull();
  });

  it('includes the whole end day by ending at the next local midnight', () => {
    expect(dayAfter('2024-12-31')).toEqual(new Date(2025, 0, 1));
    expect(dayAfter('2024-02-28')).toEqual(new Date(2024, 1, 29));
  });
});

describe('filters in the URL', () => {
  it('round-trips and leaves out empty filters', () => {
    const filters = { action: 'org.unit.rename', from: '2024-01-01', to: '', targetId: 'abc' };
    const params = writeFilters(filters);
    expect(params.toString()).toBe('action=org.unit.rename&from=2024-01-01&targetId=abc');
    expect(readFilters(params)).toEqual(filters);
    expect(writeFilters(NO_FILTERS).toString()).toBe('');
  });

  it('drops malformed dates and over-long values from a hand-edited URL', () => {
    const params = new URLSearchParams({
      from: 'yesterday',
      to: '2024-02-31',
      targetId: 'x'.repeat(101),
    });
    expect(readFilters(params)).toEqual(NO_FILTERS);
  });

  it('counts active filters', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, action: 'org.', to: '2024-01-01' })).toBe(2);
  });
});

describe('filtersToInput', () => {
  it('asks for the first page without any filter', () => {
    expect(filtersToInput(NO_FILTERS)).toEqual({ limit: 50 });
  });

  it('turns the day range into [from midnight, the day after to)', () => {
    expect(
      filtersToInput({
        action: 'org.unit.move',
        from: '2024-05-01',
        to: '2024-05-01',
        targetId: 'u1',
      }),
    ).toEqual({
      action: 'org.unit.move',
      targetId: 'u1',
      from: new Date(2024, 4, 1),
      to: new Date(2024, 4, 2),
      limit: 50,
    });
  });

  it('notices a range that runs backwards', () => {
    expect(isReversedRange('2024-05-02', '2024-05-01')).toBe(true);
    expect(isReversedRange('2024-05-01', '2024-05-01')).toBe(false);
    expect(isReversedRange('', '2024-05-01')).toBe(false);
  });
});

describe('orderedFields', () => {
  it('lists known fields in a fixed order, then the rest', () => {
    expect(orderedFields(['zeta', 'parentId', 'name', 'alpha', 'code'])).toEqual([
      'name',
      'code',
      'parentId',
      'alpha',
      'zeta',
    ]);
  });
});
