import { describe, expect, it } from 'vitest';
import { fieldChanges, MASKED } from './audit';

describe('fieldChanges', () => {
  it('records only the fields that changed, as before and after', () => {
    expect(
      fieldChanges(
        { name: 'A', code: 'X', version: 1 },
        { name: 'B', code: 'X', version: 2 },
        { fields: ['name', 'code', 'version'] },
      ),
    ).toEqual({ name: { before: 'A', after: 'B' }, version: { before: 1, after: 2 } });
  });

  it('treats creation and deletion as changes from and to null', () => {
    expect(fieldChanges(null, { name: 'A' }, { fields: ['name'] })).toEqual({
      name: { before: null, after: 'A' },
    });
    expect(fieldChanges({ name: 'A' }, null, { fields: ['name'] })).toEqual({
      name: { before: 'A', after: null },
    });
  });

  it('masks sensitive values but keeps the fact that they changed', () => {
    expect(
      fieldChanges(
        { nationalId: '110101199003074514' },
        { nationalId: '110101199003074515' },
        { fields: ['nationalId'], sensitive: ['nationalId'] },
      ),
    ).toEqual({ nationalId: { before: MASKED, after: MASKED } });
    expect(
      fieldChanges(
        { nationalId: null },
        { nationalId: 'x' },
        { fields: ['nationalId'], sensitive: ['nationalId'] },
      ),
    ).toEqual({
      nationalId: { before: null, after: MASKED },
    });
  });

  it('compares dates by instant and writes them as ISO strings', () => {
    const t = new Date('2026-01-01T00:00:00Z');
    expect(fieldChanges({ at: t }, { at: new Date(t.getTime()) }, { fields: ['at'] })).toEqual({});
    expect(
      fieldChanges({ at: t }, { at: new Date(t.getTime() + 1000) }, { fields: ['at'] }),
    ).toEqual({
      at: { before: '2026-01-01T00:00:00.000Z', after: '2026-01-01T00:00:01.000Z' },
    });
  });
});
