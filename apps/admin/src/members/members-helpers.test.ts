import { describe, expect, it } from 'vitest';
import {
  APPLICATION_FILTERS,
  consoleStatusActions,
  formatPhone,
  memberFiltersToInput,
  memberFiltersToSegment,
  phoneLast4,
  segmentToMemberFilters,
  readMemberFilters,
  unitsInTreeOrder,
  writeMemberFilters,
} from './members-helpers';

describe('member filters in the URL', () => {
  it('round-trip, leaving empty filters out', () => {
    const filters = {
      query: '李',
      unitId: '0b6e2f4c-1f0a-4c59-9c1e-2f1d1c9a7b3e',
      status: 'APPLICANT' as const,
      tag: '青年',
    };
    const params = writeMemberFilters(filters);
    expect(params.toString()).toBe(
      'q=%E6%9D%8E&unit=0b6e2f4c-1f0a-4c59-9c1e-2f1d1c9a7b3e&status=APPLICANT&tag=%E9%9D%92%E5%B9%B4',
    );
    expect(readMemberFilters(params)).toEqual(filters);
    expect(writeMemberFilters({ query: ' ', unitId: '', status: '', tag: '' }).toString()).toBe('');
  });

  it('carry the employer from an employer page into the list query', () => {
    const employerId = '5d0c3a8e-6b1f-4d2a-9f3e-7a1b2c3d4e5f';
    const filters = readMemberFilters(new URLSearchParams({ employer: employerId }));
    expect(filters).toEqual({ query: '', unitId: '', status: '', tag: '', employerId });
    expect(writeMemberFilters(filters).toString()).toBe(`employer=${employerId}`);
    expect(memberFiltersToInput(filters)).toEqual({ employerId, limit: 25 });
    expect(readMemberFilters(new URLSearchParams({ employer: 'x' })).employerId).toBeUndefined();
  });

  it('drop values the API would refuse instead of failing the page', () => {
    const params = new URLSearchParams({
      q: 'x'.repeat(51),
      unit: 'nope',
      status: 'EVIL',
      tag: 'y'.repeat(31),
    });
    expect(readMemberFilters(params)).toEqual({ query: '', unitId: '', status: '', tag: '' });
  });

  it('become a list query; Applications is the applicants’ status, oldest first', () => {
    expect(memberFiltersToInput(APPLICATION_FILTERS)).toEqual({
      status: ['APPLICANT'],
      order: 'applied',
      limit: 25,
    });
    expect(memberFiltersToInput({ query: ' 8000 ', unitId: '', status: '', tag: '' })).toEqual({
      query: '8000',
      limit: 25,
    });
  });
});

describe('segments and list filters', () => {
  it('save the list filters without the page size and apply them back', () => {
    const filters = {
      query: '',
      unitId: '0b6e2f4c-1f0a-4c59-9c1e-2f1d1c9a7b3e',
      status: 'ACTIVE' as const,
      tag: '劳模',
    };
    const saved = memberFiltersToSegment(filters);
    expect(saved).toEqual({ orgUnitId: filters.unitId, status: ['ACTIVE'], tag: '劳模' });
    expect(segmentToMemberFilters(saved)).toEqual(filters);
    expect(segmentToMemberFilters({ status: ['LAPSED', 'ACTIVE'] }).status).toBe('LAPSED');
  });
});

describe('consoleStatusActions', () => {
  it('offers the state machine’s actions except merging', () => {
    expect(consoleStatusActions('APPLICANT')).toEqual(['APPROVE', 'REJECT']);
    expect(consoleStatusActions('ACTIVE')).toEqual(['LAPSE', 'SUSPEND', 'RESIGN', 'RECORD_DEATH']);
    expect(consoleStatusActions('REJECTED')).toEqual([]);
  });
});

describe('unitsInTreeOrder', () => {
  it('puts parents before children and roots units whose parent is not visible', () => {
    const units = [
      { id: 'c', parentId: 'b', name: '乙-子' },
      { id: 'b', parentId: 'hidden', name: '乙' },
      { id: 'a', parentId: 'hidden', name: '甲' },
    ];
    expect(unitsInTreeOrder(units).map((unit) => [unit.id, unit.depth])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 1],
    ]);
  });
});

describe('phones', () => {
  it('show the last four digits and format mainland mobiles', () => {
    expect(phoneLast4('+8613800138000')).toBe('8000');
    expect(phoneLast4(null)).toBeNull();
    expect(formatPhone('+8613800138000')).toBe('138 0013 8000');
    expect(formatPhone('+4930123456')).toBe('+4930123456');
  });
});
