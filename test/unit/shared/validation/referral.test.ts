import { describe, expect, it } from 'vitest';
import {
  FORM_ERROR_KEY,
  NARRATIVE_MAX,
  fieldErrorsFromZod,
  referralSchema,
} from '../../../../shared/validation';
import { bornChild, ctx, referral, unbornChild } from './fixtures';

function errorsFor(input: unknown): Record<string, string> {
  const r = referralSchema(ctx).safeParse(input);
  return r.success ? {} : fieldErrorsFromZod(r.error);
}

describe('referralSchema', () => {
  it('accepts a complete referral and normalises it', () => {
    const r = referralSchema(ctx).parse(referral());
    expect(r.assessmentFactors).toEqual(['18C', '3B']);
    expect(r.concern).not.toContain('\r');
    expect(r.children).toHaveLength(1);
  });

  it('accepts several children, born and unborn, in one referral', () => {
    expect(
      errorsFor({ ...referral(), children: [bornChild(), bornChild(), unbornChild()] }),
    ).toEqual({});
  });

  it('needs between 1 and 20 children', () => {
    expect(errorsFor({ ...referral(), children: [] })).toEqual({
      children: 'Add at least one child',
    });
    expect(errorsFor({ ...referral(), children: Array.from({ length: 21 }, bornChild) })).toEqual({
      children: 'A referral can have at most 20 children – split it into two referrals',
    });
  });

  it('reports nested errors with dotted paths for the error summary', () => {
    const second = { ...bornChild(), dateOfBirth: '2026-01-01' };
    expect(errorsFor({ ...referral(), children: [bornChild(), second] })).toEqual({
      'children.1.dateOfBirth': 'Enter a date of birth in the past',
    });
  });

  it('requires the concern, and rejects a 100 KB narrative', () => {
    expect(errorsFor({ ...referral(), concern: ' \n ' })).toEqual({
      concern: 'Enter what the referrer is worried about',
    });
    expect(errorsFor({ ...referral(), concern: 'x'.repeat(100 * 1024) })).toEqual({
      concern: 'The concern must be 50,000 characters or fewer',
    });
    expect(errorsFor({ ...referral(), concern: 'x'.repeat(NARRATIVE_MAX) })).toEqual({});
  });

  it('allows tabs and newlines in the narrative but not other control characters', () => {
    expect(errorsFor({ ...referral(), concern: 'Line one\n\tLine two' })).toEqual({});
    expect(errorsFor({ ...referral(), concern: 'Bell\u0007' })).toEqual({
      concern:
        'Remove hidden control characters from this text (they can come from copying and pasting)',
    });
    expect(errorsFor({ ...referral(), concern: 'C1\u009b' })).toHaveProperty('concern');
  });

  it('needs a received instant with an offset', () => {
    expect(errorsFor({ ...referral(), receivedAt: '2025-06-13T09:30:00Z' })).toEqual({});
    expect(errorsFor({ ...referral(), receivedAt: '2025-06-13T09:30:00' })).toEqual({
      receivedAt: 'Enter the date and time the referral was received',
    });
    expect(errorsFor({ ...referral(), receivedAt: '13/06/2025' })).toHaveProperty('receivedAt');
  });

  it('rejects an unknown channel', () => {
    expect(errorsFor({ ...referral(), channel: 'fax' })).toEqual({
      channel: 'Select how the referral was received',
    });
  });

  it('needs a reason when the parents are not aware or do not agree', () => {
    const { parentsReason: _omit, ...rest } = referral();
    expect(errorsFor(rest)).toEqual({
      parentsReason: 'Enter why the parents have not been told about the referral',
    });
    expect(errorsFor({ ...rest, parentsAware: 'yes', parentsAgree: 'no' })).toEqual({
      parentsReason: 'Enter why the parents do not agree with the referral',
    });
    expect(errorsFor({ ...rest, parentsAware: 'yes', parentsAgree: 'unknown' })).toEqual({});
  });

  it('checks the shape of census codes only', () => {
    expect(errorsFor({ ...referral(), assessmentFactors: ['16A', 'abuse'] })).toEqual({
      'assessmentFactors.1': 'Assessment factor codes look like 16A or 21',
    });
    expect(errorsFor({ ...referral(), referralSourceCode: '' })).toEqual({
      referralSourceCode: 'Select the referral source',
    });
  });

  it('rejects extra keys at every level (the IPC layer relies on it)', () => {
    expect(errorsFor({ ...referral(), status: 'closed' })).toHaveProperty(FORM_ERROR_KEY);
    const withExtraReferrer = {
      ...referral(),
      referrer: { ...(referral().referrer as object), x: 1 },
    };
    expect(errorsFor(withExtraReferrer)).toHaveProperty('referrer');
    const withExtraShare = {
      ...referral(),
      informationSharing: [{ ...(referral().informationSharing as object[])[0], sharedVia: 'fax' }],
    };
    expect(errorsFor(withExtraShare)).toHaveProperty('informationSharing.0');
  });

  it('rejects wrong types without throwing', () => {
    expect(errorsFor(null)).toHaveProperty(FORM_ERROR_KEY);
    expect(errorsFor({ ...referral(), children: 'Amy' })).toEqual({
      children: 'Add at least one child',
    });
    expect(errorsFor({ ...referral(), immediateProtectionMayBeNeeded: 'false' })).toEqual({
      immediateProtectionMayBeNeeded: 'Select whether the child may need immediate protection',
    });
  });
});

describe('today-dependent schema factories', () => {
  it('build once per today and rebuild when the date changes', () => {
    const a = referralSchema({ today: '2025-06-15' });
    expect(referralSchema({ today: '2025-06-15' })).toBe(a);
    const b = referralSchema({ today: '2025-06-16' });
    expect(b).not.toBe(a);
    // The new day is really used: a child born on 16/06 is now in the past.
    const input = { ...referral(), children: [{ ...bornChild(), dateOfBirth: '2025-06-16' }] };
    expect(a.safeParse(input).success).toBe(false);
    expect(b.safeParse(input).success).toBe(true);
  });
});
