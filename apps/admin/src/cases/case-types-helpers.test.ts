import { DEFAULT_CASE_TYPES, ZCaseTypeDefinition, type TCaseTypeEntry } from '@unionhall/domain';
import { describe, expect, it } from 'vitest';
import {
  addStage,
  definitionFieldErrors,
  draftFromEntry,
  draftToDefinition,
  moveStage,
  newTypeDraft,
} from './case-types-helpers';

const mediation = DEFAULT_CASE_TYPES.find((type) => type.code === 'MEDIATION');
if (!mediation) throw new Error('the default mediation type is missing');
const entry: TCaseTypeEntry = {
  ...mediation,
  kinds: [...mediation.kinds],
  id: '00000000-0000-4000-8000-000000000001',
  active: true,
  version: 3,
  orgUnit: { id: '00000000-0000-4000-8000-000000000002', name: '滨江市总工会' },
  inherited: true,
  effective: true,
};

describe('case type drafts', () => {
  it('round-trips a saved type into the definition the API takes', () => {
    const draft = draftFromEntry(entry);
    expect(draft.stages.every((stage) => stage.saved)).toBe(true);
    const parsed = ZCaseTypeDefinition.parse(draftToDefinition(draft));
    expect(parsed).toEqual({
      code: mediation.code,
      name: mediation.name,
      nameEn: mediation.nameEn,
      kinds: mediation.kinds,
      stages: mediation.stages,
    });
  });

  it('starts a new type valid in shape but for its code, names and kinds', () => {
    const result = ZCaseTypeDefinition.safeParse(draftToDefinition(newTypeDraft()));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['code', 'name', 'nameEn', 'kinds']));
    expect(paths?.some((path) => path.startsWith('stages'))).toBe(false);
  });

  it('adds a stage before the terminal one and reports a missing or bad day count at its field', () => {
    const draft = draftFromEntry(entry);
    const stages = addStage(draft.stages);
    expect(stages.map((stage) => stage.key)).toEqual([
      'intake',
      'mediation',
      'follow_up',
      '',
      'closed',
    ]);
    const blank = ZCaseTypeDefinition.safeParse(draftToDefinition({ ...draft, stages }));
    expect(blank.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['stages.3.key', 'stages.3.name', 'stages.3.limit.amount']),
    );
    const filled = stages.map((stage) =>
      stage.key === ''
        ? { ...stage, key: 'review', name: '复核', nameEn: 'Review', amount: '5x' }
        : stage,
    );
    const bad = ZCaseTypeDefinition.safeParse(draftToDefinition({ ...draft, stages: filled }));
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'stages.3.limit.amount',
    ]);
    const good = filled.map((stage) =>
      stage.key === 'review' ? { ...stage, amount: '5' } : stage,
    );
    const parsed = ZCaseTypeDefinition.parse(draftToDefinition({ ...draft, stages: good }));
    expect(parsed.stages[3]).toEqual({
      key: 'review',
      name: '复核',
      nameEn: 'Review',
      limit: { amount: 5, unit: 'working_days' },
      terminal: false,
    });
  });

  it('moves stages within bounds', () => {
    expect(moveStage(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStage(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStage(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStage(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('names the API’s field errors as the form does', () => {
    expect(definitionFieldErrors({ 'definition.stages.1.key': 'bad', orgUnitId: 'gone' })).toEqual({
      'stages.1.key': 'bad',
      orgUnitId: 'gone',
    });
  });
});
