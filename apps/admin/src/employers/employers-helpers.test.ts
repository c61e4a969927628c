import { ZEmployerInput } from '@unionhall/domain';
import { describe, expect, it } from 'vitest';
import {
  densityBarWidth,
  draftToInput,
  employerDraft,
  employerFiltersToInput,
  readEmployerFilters,
  writeEmployerFilters,
} from './employers-helpers';

const UNIT = '0b6e2f4c-1f0a-4c59-9c1e-2f1d1c9a7b3e';

describe('employer filters in the URL', () => {
  it('round-trip, leaving empty filters out', () => {
    const filters = { query: '钢铁', unitId: UNIT, withoutUnion: false };
    const params = writeEmployerFilters(filters);
    expect(params.toString()).toBe(`q=%E9%92%A2%E9%93%81&unit=${UNIT}`);
    expect(readEmployerFilters(params)).toEqual(filters);
    expect(writeEmployerFilters({ query: ' ', unitId: '', withoutUnion: true }).toString()).toBe(
      'noUnion=1',
    );
  });

  it('drop values the API would refuse', () => {
    const params = new URLSearchParams({ q: 'x'.repeat(51), unit: 'nope', noUnion: 'yes' });
    expect(readEmployerFilters(params)).toEqual({ query: '', unitId: '', withoutUnion: false });
  });

  it('become a list query in which "no union yet" wins over a unit', () => {
    expect(employerFiltersToInput({ query: ' 机械 ', unitId: UNIT, withoutUnion: true })).toEqual({
      query: '机械',
      withoutUnion: true,
      limit: 25,
    });
    expect(employerFiltersToInput({ query: '', unitId: UNIT, withoutUnion: false })).toEqual({
      orgUnitId: UNIT,
      limit: 25,
    });
  });
});

describe('the employer form', () => {
  it('sends cleared fields as null and the workforce as a number', () => {
    const input = draftToInput({
      name: '星辰科技有限公司',
      creditCode: ' ',
      orgUnitId: '',
      workforceSize: '1,200',
      address: '',
    });
    expect(input).toEqual({
      name: '星辰科技有限公司',
      creditCode: null,
      orgUnitId: null,
      workforceSize: 1200,
      address: null,
    });
    expect(ZEmployerInput.safeParse(input).success).toBe(true);
  });

  it('lets the schema refuse a workforce that is not a whole number, on that field', () => {
    const input = draftToInput({ ...employerDraft(null), name: '星辰科技', workforceSize: '12.5' });
    const result = ZEmployerInput.safeParse(input);
    expect(result.error?.issues[0]?.path).toEqual(['workforceSize']);
  });

  it('starts from the employer being edited', () => {
    expect(
      employerDraft({
        id: UNIT,
        name: '华兴',
        creditCode: null,
        orgUnitId: UNIT,
        orgUnitName: '机械工会',
        workforceSize: 0,
        address: null,
        activeMembers: 0,
        density: null,
        version: 1,
      }),
    ).toEqual({ name: '华兴', creditCode: '', orgUnitId: UNIT, workforceSize: '0', address: '' });
  });
});

describe('densityBarWidth', () => {
  it('is the share in percent, capped at a full bar', () => {
    expect(densityBarWidth(0.3456)).toBe(34.6);
    expect(densityBarWidth(1.4)).toBe(100);
    expect(densityBarWidth(0)).toBe(0);
  });
});
