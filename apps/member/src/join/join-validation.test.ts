import { CURRENT_CONSENT_VERSION, residentIdCheckCharacter } from '@unionhall/domain';
import type { ClientIssue } from '@unionhall/ui';
import { describe, expect, it } from 'vitest';
import { newDraft } from './join-draft';
import { firstStepWithError, stepOfField, validateStep, type StepTexts } from './join-validation';

const texts: StepTexts = {
  chooseUnit: 'choose unit',
  chooseRegion: 'choose region',
  employerRequired: 'employer required',
  consentRequired: 'consent required',
  email: 'email example',
};
/** Keeps the raw message keys, so the tests see which rule fired. */
const raw = (issues: readonly ClientIssue[]) =>
  Object.fromEntries(issues.map((issue) => [issue.path.join('.'), issue.message]));

const draft = newDraft(() => '11111111-1111-4111-8111-111111111111');
const first17 = '11010519491231002';
const validId = `${first17}${residentIdCheckCharacter(first17)}`;
const wrongCheck = `${first17}${residentIdCheckCharacter(first17) === '1' ? '2' : '1'}`;

describe('validateStep', () => {
  it('explains a wrong resident ID check digit with the domain rule', () => {
    const errors = validateStep(
      'about',
      { ...draft, name: '李娜', idNumber: wrongCheck },
      raw,
      texts,
    );
    expect(errors).toEqual({ 'idDocument.number': 'validation.residentIdCheckDigit' });
    expect(
      validateStep('about', { ...draft, name: '李娜', idNumber: validId }, raw, texts),
    ).toEqual({});
  });

  it('asks for a unit, and for the employer when it has no union', () => {
    expect(validateStep('work', draft, raw, texts)).toEqual({ orgUnitId: 'choose unit' });
    expect(validateStep('work', { ...draft, employerHasNoUnion: true }, raw, texts)).toEqual({
      orgUnitId: 'choose region',
      employerName: 'employer required',
    });
  });

  it('replaces the terse message for a malformed email', () => {
    const errors = validateStep(
      'contact',
      { ...draft, phone: '13800138000', email: 'li.na@' },
      raw,
      texts,
    );
    expect(errors).toEqual({ email: 'email example' });
  });

  it('needs the current consent version ticked', () => {
    expect(validateStep('consent', { ...draft, consentVersion: '2020-01' }, raw, texts)).toEqual({
      consentVersion: 'consent required',
    });
    expect(
      validateStep('consent', { ...draft, consentVersion: CURRENT_CONSENT_VERSION }, raw, texts),
    ).toEqual({});
  });
});

describe('stepOfField', () => {
  it('sends an API issue back to the step that asks for it', () => {
    expect(stepOfField('idDocument.number')).toBe(0);
    expect(stepOfField('email')).toBe(1);
    expect(stepOfField('employerName')).toBe(2);
    expect(stepOfField('somethingElse')).toBe(4);
    expect(firstStepWithError(['employerName', 'email'])).toBe(1);
    expect(firstStepWithError([])).toBeNull();
  });
});
