import { describe, expect, it } from 'vitest';
import {
  DRAFT_KEY,
  SUBMITTED_KEY,
  discardDraft,
  loadDraft,
  loadSubmitted,
  markSubmitted,
  saveDraft,
  toApplyInput,
  type DraftStorage,
} from './join-draft';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const FIRST_ID = '11111111-1111-4111-8111-111111111111';
const SECOND_ID = '22222222-2222-4222-8222-222222222222';

describe('the application draft', () => {
  it('keeps its id across reloads, so a retried submission is the same application', () => {
    const storage = new MemoryStorage();
    const draft = loadDraft(storage, () => FIRST_ID);
    saveDraft({ ...draft, name: '李娜', step: 2 }, storage);

    const reloaded = loadDraft(storage, () => SECOND_ID);
    expect(reloaded.id).toBe(FIRST_ID);
    expect(reloaded).toMatchObject({ name: '李娜', step: 2 });
  });

  it('starts a new draft with a new id once the old one is discarded', () => {
    const storage = new MemoryStorage();
    saveDraft(
      loadDraft(storage, () => FIRST_ID),
      storage,
    );
    discardDraft(storage);
    expect(loadDraft(storage, () => SECOND_ID).id).toBe(SECOND_ID);
  });

  it('drops a corrupt or id-less copy instead of resuming it', () => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, '{not json');
    expect(loadDraft(storage, () => SECOND_ID).id).toBe(SECOND_ID);
    storage.setItem(DRAFT_KEY, JSON.stringify({ id: 'not-a-uuid', name: 'x' }));
    expect(loadDraft(storage, () => SECOND_ID)).toMatchObject({ id: SECOND_ID, name: '' });
  });

  it('keeps the usable fields of an older copy and defaults the rest', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      DRAFT_KEY,
      JSON.stringify({ id: FIRST_ID, name: '王芳', idType: 'DRIVING_LICENCE', step: 'two' }),
    );
    expect(loadDraft(storage)).toMatchObject({
      id: FIRST_ID,
      name: '王芳',
      idType: 'RESIDENT_ID',
      step: 0,
      consentVersion: null,
    });
  });

  it('forgets the personal data once submitted and remembers only where to sign in', () => {
    const storage = new MemoryStorage();
    saveDraft({ ...loadDraft(storage, () => FIRST_ID), idNumber: '11010519491231002X' }, storage);
    markSubmitted({ id: FIRST_ID, email: 'li.na@example.com' }, storage);

    expect(storage.getItem(DRAFT_KEY)).toBeNull();
    expect(storage.getItem(SUBMITTED_KEY)).not.toContain('11010519491231002X');
    expect(loadSubmitted(storage)).toEqual({ id: FIRST_ID, email: 'li.na@example.com' });
  });

  it('sends optional texts only when filled in', () => {
    const draft = { ...loadDraft(new MemoryStorage(), () => FIRST_ID), employerName: '  ' };
    const input = toApplyInput({ ...draft, jobTitle: ' 仓管员 ' }, '2026-11');
    expect(input).not.toHaveProperty('employerName');
    expect(input).toMatchObject({ id: FIRST_ID, jobTitle: '仓管员', consentVersion: '2026-11' });
  });
});
