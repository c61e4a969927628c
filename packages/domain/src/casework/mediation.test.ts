import { describe, expect, it } from 'vitest';
import {
  mediationApplies,
  mediationFollowUpState,
  mediationNeedsEscalation,
  ZMediationAgreementInput,
  ZMediationSessionInput,
} from './mediation';

describe('mediation rules', () => {
  it('applies to mediation cases and to any case in a mediation stage', () => {
    expect(mediationApplies('MEDIATION', 'intake')).toBe(true);
    expect(mediationApplies('WORKPLACE_PROBLEM', 'mediation')).toBe(true);
    expect(mediationApplies('WORKPLACE_PROBLEM', 'negotiation')).toBe(false);
    expect(mediationApplies('SUGGESTION', 'intake')).toBe(false);
  });

  it('is overdue only once the whole pay-by day has passed', () => {
    const agreement = { payBy: '2026-03-31' };
    expect(mediationFollowUpState(null, null, '2026-04-01')).toBe('NO_AGREEMENT');
    expect(mediationFollowUpState(agreement, null, '2026-03-30')).toBe('PENDING');
    expect(mediationFollowUpState(agreement, null, '2026-03-31')).toBe('PENDING');
    expect(mediationFollowUpState(agreement, null, '2026-04-01')).toBe('OVERDUE');
    expect(mediationFollowUpState(agreement, { honoured: true }, '2026-05-01')).toBe('HONOURED');
    expect(mediationFollowUpState(agreement, { honoured: false }, '2026-03-01')).toBe(
      'NOT_HONOURED',
    );
  });

  it('escalates a broken or overdue agreement, nothing else', () => {
    expect(mediationNeedsEscalation('OVERDUE')).toBe(true);
    expect(mediationNeedsEscalation('NOT_HONOURED')).toBe(true);
    expect(mediationNeedsEscalation('PENDING')).toBe(false);
    expect(mediationNeedsEscalation('HONOURED')).toBe(false);
    expect(mediationNeedsEscalation('NO_AGREEMENT')).toBe(false);
  });

  it('takes money as text with at most two decimals', () => {
    const base = {
      caseId: '0b9c8a3e-4d2f-4a1b-9c3d-5e6f7a8b9c0d',
      expectedVersion: 1,
      terms: '公司于月底前补发三个月工资。',
      payBy: '2026-03-31',
    };
    expect(ZMediationAgreementInput.parse({ ...base, backWages: '12000.50' }).backWages).toBe(
      '12000.50',
    );
    expect(ZMediationAgreementInput.parse(base).backWages).toBeNull();
    expect(ZMediationAgreementInput.safeParse({ ...base, backWages: '1.005' }).success).toBe(false);
    expect(ZMediationAgreementInput.safeParse({ ...base, backWages: '-3' }).success).toBe(false);
    expect(ZMediationAgreementInput.safeParse({ ...base, payBy: '2026-02-30' }).success).toBe(
      false,
    );
  });

  it('needs at least one attendee and no control characters in a place', () => {
    const base = {
      caseId: '0b9c8a3e-4d2f-4a1b-9c3d-5e6f7a8b9c0d',
      heldOn: '2026-03-02',
      place: '区总工会调解室',
      attendees: ['李老师', '人事处张处长'],
      notes: '双方同意分期补发。',
    };
    expect(ZMediationSessionInput.safeParse(base).success).toBe(true);
    expect(ZMediationSessionInput.safeParse({ ...base, attendees: [] }).success).toBe(false);
    expect(ZMediationSessionInput.safeParse({ ...base, place: 'a\u0007b' }).success).toBe(false);
  });
});
