import { describe, expect, it } from 'vitest';
import {
  consentSchema,
  fieldErrorsFromZod,
  householdMemberSchema,
  informationSharingEntrySchema,
} from '../../../../shared/validation';
import { ctx, householdMember } from './fixtures';

function errors(
  r: { success: true } | { success: false; error: Parameters<typeof fieldErrorsFromZod>[0] },
) {
  return r.success ? {} : fieldErrorsFromZod(r.error);
}

describe('consentSchema (domain §2.6)', () => {
  const schema = consentSchema(ctx);

  it('accepts consent given, with who and when', () => {
    expect(
      errors(schema.safeParse({ status: 'given', givenBy: 'Mother', date: '2025-06-14' })),
    ).toEqual({});
  });

  it('requires who gave consent and a date not in the future', () => {
    expect(errors(schema.safeParse({ status: 'given', givenBy: '', date: '2025-06-16' }))).toEqual({
      givenBy: 'Enter who gave consent, for example the mother',
      date: 'The date cannot be in the future',
    });
  });

  it('requires a reason when consent is refused or not sought', () => {
    expect(
      errors(schema.safeParse({ status: 'refused', refusedBy: 'Father', date: '2025-06-15' })),
    ).toEqual({
      reason: 'Enter what was said when consent was refused, and why you are going ahead',
    });
    expect(errors(schema.safeParse({ status: 'not-sought', reason: '  ' }))).toEqual({
      reason: 'Enter why consent was not sought, for example asking would place the child at risk',
    });
    expect(
      errors(schema.safeParse({ status: 'not-sought', reason: 'Would place the child at risk' })),
    ).toEqual({});
  });

  it('rejects an unknown status', () => {
    expect(errors(schema.safeParse({ status: 'maybe' }))).toEqual({
      status: 'Select whether consent was given, refused or not sought',
    });
  });
});

describe('informationSharingEntrySchema (domain §2.6)', () => {
  const schema = informationSharingEntrySchema(ctx);
  const entry = {
    decision: 'shared',
    date: '2025-06-13',
    what: 'Referral details',
    withWhom: 'School nurse',
    why: 'To check attendance at health appointments',
    lawfulBasis: 'public-task',
    recordedBy: 'duty-1',
  };

  it('accepts a decision to share', () => {
    expect(errors(schema.safeParse(entry))).toEqual({});
  });

  it('needs a lawful basis when shared, not when not shared', () => {
    const { lawfulBasis: _omit, ...noBasis } = entry;
    expect(errors(schema.safeParse(noBasis))).toEqual({
      lawfulBasis: 'Select the lawful basis for sharing',
    });
    expect(errors(schema.safeParse({ ...noBasis, decision: 'not-shared' }))).toEqual({});
  });

  it('needs details for an "other" lawful basis', () => {
    expect(errors(schema.safeParse({ ...entry, lawfulBasis: 'other' }))).toEqual({
      lawfulBasisDetails: 'Enter the lawful basis',
    });
  });

  it('requires what, with whom and why', () => {
    expect(errors(schema.safeParse({ ...entry, what: '', withWhom: '', why: '' }))).toEqual({
      what: 'Enter what information was (or was not) shared',
      withWhom: 'Enter who the information was (or would have been) shared with',
      why: 'Enter why you decided this',
    });
  });

  it('rejects an unknown lawful basis', () => {
    expect(errors(schema.safeParse({ ...entry, lawfulBasis: 'because' }))).toEqual({
      lawfulBasis: 'Select the lawful basis for sharing',
    });
  });
});

describe('householdMemberSchema', () => {
  const schema = householdMemberSchema(ctx);

  it('accepts a member, with or without a date of birth', () => {
    expect(errors(schema.safeParse(householdMember()))).toEqual({});
    const { dateOfBirth: _omit, ...noDob } = householdMember();
    expect(errors(schema.safeParse(noDob))).toEqual({});
  });

  it('rejects a future date of birth and missing yes/no answers', () => {
    const { parentalResponsibility: _omit, ...rest } = householdMember();
    expect(
      errors(schema.safeParse({ ...rest, dateOfBirth: '2030-01-01', livesInHousehold: 'yes' })),
    ).toEqual({
      dateOfBirth: 'Enter a date of birth in the past',
      parentalResponsibility: 'Select whether the person has parental responsibility',
      livesInHousehold: "Select whether the person lives in the child's household",
    });
  });

  it('rejects extra keys', () => {
    expect(errors(schema.safeParse({ ...householdMember(), role: 'admin' }))).toHaveProperty(
      '_form',
    );
  });
});
