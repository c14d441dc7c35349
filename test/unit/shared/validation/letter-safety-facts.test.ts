// The facts the referrer-letter rules need, captured at intake (issue 13 "Safe for the kind of
// referrer"): a confidential referrer, a family member's parental responsibility, how a child who
// referred themselves can safely be contacted, and who in the household is alleged to have caused
// harm and where they live. All optional: everything saved before them must stay valid.
import { describe, expect, it } from 'vitest';
import {
  SHORT_TEXT_MAX,
  fieldErrorsFromZod,
  householdMemberSchema,
  referralSchema,
  referrerSchema,
} from '../../../../shared/validation';
import { ctx, householdMember, professionalReferrer, referral } from './fixtures';

function referrerErrors(input: unknown): Record<string, string> {
  const r = referrerSchema.safeParse(input);
  return r.success ? {} : fieldErrorsFromZod(r.error);
}

function memberErrors(input: unknown): Record<string, string> {
  const r = householdMemberSchema(ctx).safeParse(input);
  return r.success ? {} : fieldErrorsFromZod(r.error);
}

function publicReferrer(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'public',
    name: 'Jo Aunt',
    relationship: 'family-member',
    phone: '01632 960 002',
    wantsFeedback: true,
    feedbackMethod: 'phone',
    ...over,
  };
}

const CONTROL =
  'Remove hidden control characters from this text (they can come from copying and pasting)';

describe('a referral saved before these facts existed', () => {
  it('is still valid and gains none of them', () => {
    const parsed = referralSchema(ctx).parse(referral());
    expect(parsed.referrer).not.toHaveProperty('confidential');
    expect(parsed.householdMembers[0]).not.toHaveProperty('allegedHarm');
    expect(parsed.householdMembers[0]).not.toHaveProperty('address');
    expect(referrerErrors(publicReferrer())).toEqual({});
    expect(referrerErrors(publicReferrer({ relationship: 'self' }))).toEqual({});
    expect(memberErrors(householdMember())).toEqual({});
  });
});

describe('confidential', () => {
  it('is kept for a professional and a member of the public, true or false', () => {
    for (const confidential of [true, false]) {
      expect(referrerSchema.parse({ ...professionalReferrer(), confidential })).toMatchObject({
        confidential,
      });
      expect(referrerSchema.parse(publicReferrer({ confidential }))).toMatchObject({
        confidential,
      });
    }
  });

  it('must be a yes or no, and an anonymous referrer has no identity to keep', () => {
    expect(referrerErrors({ ...professionalReferrer(), confidential: 'yes' })).toHaveProperty(
      'confidential',
    );
    expect(
      referrerErrors({
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: true,
        wantsFeedback: false,
        feedbackMethod: 'none',
        confidential: true,
      }),
    ).toHaveProperty('_form');
  });
});

describe("a member of the public's parental responsibility and safe contact", () => {
  it('keeps parental responsibility for a family member, answered or not', () => {
    expect(referrerSchema.parse(publicReferrer({ parentalResponsibility: true }))).toMatchObject({
      parentalResponsibility: true,
    });
    expect(referrerSchema.parse(publicReferrer({ parentalResponsibility: false }))).toMatchObject({
      parentalResponsibility: false,
    });
  });

  it('refuses parental responsibility for anyone but a family member', () => {
    for (const relationship of ['acquaintance', 'self', 'other']) {
      expect(
        referrerErrors(publicReferrer({ relationship, parentalResponsibility: true })),
      ).toEqual({
        parentalResponsibility:
          'Parental responsibility is recorded only for a referrer who is a family member',
      });
    }
  });

  it('keeps a safe way to contact a child who referred themselves, trimmed', () => {
    expect(
      referrerSchema.parse(
        publicReferrer({ relationship: 'self', safeContact: '  Text after 4pm, not at home  ' }),
      ),
    ).toMatchObject({ safeContact: 'Text after 4pm, not at home' });
  });

  it('refuses a safe contact for anyone but the child themself', () => {
    expect(referrerErrors(publicReferrer({ safeContact: 'By phone' }))).toEqual({
      safeContact:
        'A safe way to make contact is recorded only for a child who referred themselves',
    });
  });

  it(`limits the safe contact to ${String(SHORT_TEXT_MAX)} characters`, () => {
    const self = (safeContact: string) => publicReferrer({ relationship: 'self', safeContact });
    expect(referrerErrors(self('a'.repeat(SHORT_TEXT_MAX)))).toEqual({});
    expect(referrerErrors(self('a'.repeat(SHORT_TEXT_MAX + 1)))).toEqual({
      safeContact: 'How it is safe to contact them must be 2,000 characters or fewer',
    });
  });

  it('refuses hostile text: control characters, line breaks, broken characters', () => {
    const self = (safeContact: string) => publicReferrer({ relationship: 'self', safeContact });
    expect(referrerErrors(self('Call\u0000me'))).toEqual({ safeContact: CONTROL });
    expect(referrerErrors(self('Call me\r\nBcc: x@example.org'))).toEqual({ safeContact: CONTROL });
    expect(referrerErrors(self('Phone \uD83D only'))).toHaveProperty('safeContact');
    // Markup and quotes are only text: kept exactly, for the letter and page to escape.
    const markup = '<script>alert("x")</script> & \u2019school\u2019';
    expect(referrerSchema.parse(self(markup))).toMatchObject({ safeContact: markup });
    expect(referrerErrors(self(42 as unknown as string))).toEqual({
      safeContact: 'How it is safe to contact them: enter text',
    });
  });
});

describe('a household member alleged to have caused harm, and their address', () => {
  it('keeps alleged harm and an address for someone who lives elsewhere', () => {
    const parsed = householdMemberSchema(ctx).parse({
      ...householdMember(),
      relationship: 'Father',
      livesInHousehold: false,
      allegedHarm: true,
      address: { line1: '9 Dock Road', town: 'Harbourton', postcode: 'ls1 4ab' },
    });
    expect(parsed).toMatchObject({
      allegedHarm: true,
      address: { line1: '9 Dock Road', town: 'Harbourton', postcode: 'LS1 4AB' },
    });
  });

  it('keeps alleged harm for someone in the household', () => {
    expect(memberErrors({ ...householdMember(), allegedHarm: true })).toEqual({});
    expect(memberErrors({ ...householdMember(), allegedHarm: 'true' })).toHaveProperty(
      'allegedHarm',
    );
  });

  it('refuses a second address for someone who lives with the child', () => {
    expect(
      memberErrors({
        ...householdMember(),
        address: { line1: '9 Dock Road', postcode: 'LS1 4AB' },
      }),
    ).toEqual({
      address: "An address is recorded only for someone who does not live in the child's household",
    });
  });

  it('checks the address like any other: postcode, hostile text, no extra keys', () => {
    const away = (address: Record<string, unknown>) => ({
      ...householdMember(),
      livesInHousehold: false,
      address,
    });
    expect(memberErrors(away({ postcode: 'not a postcode' }))).toHaveProperty('address.postcode');
    expect(memberErrors(away({ line1: 'Flat 2\n9 Dock Road' }))).toEqual({
      'address.line1': CONTROL,
    });
    expect(memberErrors(away({ line1: '9 Dock Road', country: 'UK' }))).toHaveProperty('address');
  });

  it('carries both through the whole referral', () => {
    const input = referral();
    input.householdMembers = [
      householdMember(),
      {
        ...householdMember(),
        givenNames: 'Dean',
        relationship: 'Father',
        livesInHousehold: false,
        allegedHarm: true,
        address: { line1: '9 Dock Road', postcode: 'LS1 4AB' },
      },
    ];
    const parsed = referralSchema(ctx).parse(input);
    expect(parsed.householdMembers[1]).toMatchObject({
      allegedHarm: true,
      address: { line1: '9 Dock Road', postcode: 'LS1 4AB' },
    });
  });
});
