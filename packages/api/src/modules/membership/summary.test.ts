import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keepsOneShape } from '../../testing/hidden-class';
import { toSummary } from './membership.service';

const row = (i: number) => ({
  id: randomUUID(),
  memberNumber: i % 3 ? `M${i}` : null,
  name: `成员${i}`,
  status: 'ACTIVE' as const,
  orgUnitId: randomUUID(),
  orgUnit: { name: '滨江大学工会' },
  employer: i % 2 ? { name: '滨江大学' } : null,
  phone: null,
  idLast4: '1234',
  needsPlacement: false,
  appliedAt: new Date('2026-01-01T00:00:00Z'),
  joinedAt: null,
  version: 1,
  // Lists select the sort key too; a summary leaves it out.
  sortName: `cheng2 yuan2\u0001成员${i}`,
});

describe('member summary', () => {
  it('names the unit and the employer, and leaves out the sort key', () => {
    const source = row(1);
    expect(toSummary(source)).toStrictEqual({
      id: source.id,
      memberNumber: 'M1',
      name: '成员1',
      status: 'ACTIVE',
      orgUnitId: source.orgUnitId,
      orgUnitName: '滨江大学工会',
      employerName: '滨江大学',
      phone: null,
      idLast4: '1234',
      needsPlacement: false,
      appliedAt: new Date('2026-01-01T00:00:00Z'),
      joinedAt: null,
      version: 1,
    });
    expect(toSummary(row(2)).employerName).toBeNull();
  });

  it('gives every row of a page one hidden class', () => {
    expect(keepsOneShape((i) => toSummary(row(i)))).toBe(true);
  });
});
