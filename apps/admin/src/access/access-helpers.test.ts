import type { TOrgUnit } from '@unionhall/domain';
import { describe, expect, it } from 'vitest';
import { isSelf, unitOptions } from './access-helpers';

const at = new Date('2026-01-01T00:00:00Z');
const unit = (id: string, parentId: string | null, name: string, depth: number): TOrgUnit => ({
  id,
  parentId,
  kind: depth === 0 ? 'FEDERATION' : 'UNION',
  name,
  code: id.toUpperCase(),
  depth,
  version: 1,
  createdAt: at,
  updatedAt: at,
});

describe('unitOptions', () => {
  const units = [
    unit('b', 'root', 'B union', 1),
    unit('root', null, 'Root', 0),
    unit('a', 'root', 'A union', 1),
  ];

  it('lists parents before children, indented by level', () => {
    expect(unitOptions(units, 'en')).toEqual([
      { value: 'root', label: 'Root (ROOT)' },
      { value: 'a', label: '\u00a0\u00a0A union (A)' },
      { value: 'b', label: '\u00a0\u00a0B union (B)' },
    ]);
  });

  it('leaves out units the filter refuses but keeps their children', () => {
    expect(
      unitOptions(units, 'en', (candidate) => candidate.id !== 'root').map((o) => o.value),
    ).toEqual(['a', 'b']);
  });
});

describe('isSelf', () => {
  it('compares emails without regard to case, and is false when signed out', () => {
    expect(isSelf('Wang@Example.org', 'wang@example.org')).toBe(true);
    expect(isSelf('li@example.org', 'wang@example.org')).toBe(false);
    expect(isSelf('li@example.org', undefined)).toBe(false);
  });
});
