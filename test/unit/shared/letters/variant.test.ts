// Which letter a referrer may be sent, and whether it may go by post (issue 13).
import { describe, expect, it } from 'vitest';
import { compareAddresses, normaliseAddress } from '../../../../shared/letters/address';
import {
  VARIANT_RULES,
  letterEligibility,
  type EligibilityInput,
  type LetterHouseholdMember,
} from '../../../../shared/letters/variant';
import type { LetterEligibility } from '../../../../shared/letters/types';
import type { AddressInput } from '../../../../shared/validation/fields';
import type { ReferrerInput } from '../../../../shared/validation/referrer';

const CHILD_HOME: AddressInput = {
  line1: '10 High Street',
  town: 'Northtown',
  postcode: 'NT1 4CC',
};
const SCHOOL: AddressInput = {
  line1: 'Oak Primary School',
  line2: 'Oak Lane',
  postcode: 'NT2 3BB',
};
const ELSEWHERE: AddressInput = { line1: '3 Mill Lane', town: 'Northtown', postcode: 'NT3 9ZZ' };

function professional(over: Record<string, unknown> = {}): ReferrerInput {
  return {
    kind: 'professional',
    name: 'Priya Shah',
    role: 'Designated safeguarding lead',
    agencyName: 'Oak Primary School',
    agencyType: 'school',
    address: SCHOOL,
    wantsFeedback: true,
    feedbackMethod: 'letter',
    ...over,
  };
}

function member(over: Record<string, unknown> = {}): ReferrerInput {
  return {
    kind: 'public',
    name: 'Pat Neighbour',
    relationship: 'acquaintance',
    address: ELSEWHERE,
    wantsFeedback: true,
    feedbackMethod: 'letter',
    ...over,
  };
}

function input(referrer: ReferrerInput, over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    referrer,
    childAddresses: [CHILD_HOME],
    householdMembers: [],
    kind: 'outcome',
    familyTold: 'yes',
    ...over,
  };
}

function letter(e: LetterEligibility): Extract<LetterEligibility, { kind: 'letter' }> {
  if (e.kind !== 'letter') throw new Error(`expected a letter, got none: ${e.reasons[0]?.text}`);
  return e;
}

describe('variant rules', () => {
  it('every rule carries its reason and a source', () => {
    for (const rule of VARIANT_RULES) {
      expect(rule.reason.length).toBeGreaterThan(10);
      expect(rule.source).toMatch(/Working Together|Information sharing|procedures/);
    }
  });

  it('offers no letter to an anonymous referrer', () => {
    const e = letterEligibility(
      input({
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: true,
        wantsFeedback: false,
        feedbackMethod: 'none',
      }),
    );
    expect(e.kind).toBe('none');
    expect(e.reasons[0]?.text).toMatch(/anonymous/);
  });

  it('offers no letter to a referrer who did not want feedback', () => {
    const e = letterEligibility(
      input(professional({ wantsFeedback: false, feedbackMethod: 'none' })),
    );
    expect(e.kind).toBe('none');
    expect(e.reasons[0]?.text).toBe('The referrer did not want feedback.');
  });

  it('writes to a professional as a professional', () => {
    const e = letter(letterEligibility(input(professional())));
    expect(e.variant).toBe('professional');
    expect(e.needsSafeContact).toBe(false);
    expect(e.postalAllowed).toBe(true);
    expect(e.cautions).toEqual([]);
    expect(e.reasons[0]?.source).toMatch(/Working Together 2018/);
  });

  it('writes to a member of the public with general assurance', () => {
    const e = letter(letterEligibility(input(member())));
    expect(e.variant).toBe('public');
    expect(e.postalAllowed).toBe(true);
  });

  it('a family member without parental responsibility is a member of the public', () => {
    const e = letter(letterEligibility(input(member({ relationship: 'family-member' }))));
    expect(e.variant).toBe('public');
  });

  it('a parent with parental responsibility is the family', () => {
    const e = letter(
      letterEligibility(
        input(member({ relationship: 'family-member', parentalResponsibility: true })),
      ),
    );
    expect(e.variant).toBe('family');
    expect(e.needsSafeContact).toBe(false);
  });

  it('the child who referred themselves is the family, and safe contact must be agreed', () => {
    const e = letter(
      letterEligibility(input(member({ relationship: 'self', address: CHILD_HOME }))),
    );
    expect(e.variant).toBe('family');
    expect(e.needsSafeContact).toBe(true);
    expect(e.cautions.join(' ')).toMatch(/safe to contact them/);
    // Their home is the household they told us about: never by post there.
    expect(e.postalAllowed).toBe(false);
  });

  it('flags a referrer who asked for confidentiality', () => {
    const e = letter(letterEligibility(input(professional({ confidential: true }))));
    expect(e.cautions.join(' ')).toMatch(/asked for confidentiality/);
    const plain = letter(letterEligibility(input(professional({ confidential: false }))));
    expect(plain.cautions.join(' ')).not.toMatch(/confidentiality/);
  });

  it('never sends the family an outcome letter the decision withheld from them', () => {
    const parent = member({ relationship: 'family-member', parentalResponsibility: true });
    expect(letterEligibility(input(parent, { familyTold: 'withheld' })).kind).toBe('none');
    expect(letterEligibility(input(parent, { familyTold: 'not-decided' })).kind).toBe('none');
    const notYet = letter(letterEligibility(input(parent, { familyTold: 'not-yet' })));
    expect(notYet.cautions.join(' ')).toMatch(/not been told/);
    // The acknowledgement says only that we received it.
    expect(
      letterEligibility(input(parent, { kind: 'acknowledgement', familyTold: 'withheld' })).kind,
    ).toBe('letter');
    // A professional's letter never discloses family details, so it is not held back.
    expect(letterEligibility(input(professional(), { familyTold: 'withheld' })).kind).toBe(
      'letter',
    );
  });
});

describe('safe contact', () => {
  const perpetrator = (over: Partial<LetterHouseholdMember> = {}): LetterHouseholdMember => ({
    livesInHousehold: false,
    allegedHarm: true,
    address: { line1: 'Flat 2, 7 Station Rd', postcode: 'NT5 1AB' },
    ...over,
  });

  it('stops post to the alleged perpetrator’s address, written differently', () => {
    const referrer = member({ address: { line1: '7 station road flat 2', postcode: 'nt51ab' } });
    const e = letter(letterEligibility(input(referrer, { householdMembers: [perpetrator()] })));
    expect(e.postalAllowed).toBe(false);
    expect(e.cautions.join(' ')).toMatch(/alleged to have harmed/);
  });

  it('stops post to the child’s household for a professional or a member of the public', () => {
    const atHome = { line1: '10 HIGH ST.', postcode: 'nt1 4cc' };
    expect(letter(letterEligibility(input(member({ address: atHome })))).postalAllowed).toBe(false);
    expect(letter(letterEligibility(input(professional({ address: atHome })))).postalAllowed).toBe(
      false,
    );
    const neighbour = { line1: '12 High Street', postcode: 'NT1 4CC' };
    expect(letter(letterEligibility(input(member({ address: neighbour })))).postalAllowed).toBe(
      true,
    );
  });

  it('stops post to a household member’s separate address where they live in the household', () => {
    const e = letter(
      letterEligibility(
        input(member(), {
          childAddresses: [undefined],
          householdMembers: [{ livesInHousehold: true, address: ELSEWHERE }],
        }),
      ),
    );
    expect(e.postalAllowed).toBe(false);
  });

  it('lets the family be written to at home unless an alleged perpetrator lives there', () => {
    const parent = member({
      relationship: 'family-member',
      parentalResponsibility: true,
      address: CHILD_HOME,
    });
    expect(letter(letterEligibility(input(parent))).postalAllowed).toBe(true);
    const withPerpetrator = letter(
      letterEligibility(
        input(parent, {
          householdMembers: [{ livesInHousehold: true, allegedHarm: true }],
        }),
      ),
    );
    expect(withPerpetrator.postalAllowed).toBe(false);
    expect(withPerpetrator.cautions.join(' ')).toMatch(/alleged to have harmed/);
  });

  it('fails safe: an alleged perpetrator whose address is not known stops post', () => {
    const e = letter(
      letterEligibility(
        input(professional(), { householdMembers: [perpetrator({ address: undefined })] }),
      ),
    );
    expect(e.postalAllowed).toBe(false);
    expect(e.cautions.join(' ')).toMatch(/cannot be checked/);
  });

  it('fails safe: with no child address a member of the public is not written to by post', () => {
    const e = letter(letterEligibility(input(member(), { childAddresses: [undefined] })));
    expect(e.postalAllowed).toBe(false);
    expect(e.cautions.join(' ')).toMatch(/child’s address is not recorded/);
    // A professional writes from their organisation's address.
    expect(
      letter(letterEligibility(input(professional(), { childAddresses: [undefined] })))
        .postalAllowed,
    ).toBe(true);
  });

  it('no postal address for the referrer: post is not possible', () => {
    const e = letter(
      letterEligibility(input(professional({ address: undefined, email: 'p@oak.sch.uk' }))),
    );
    expect(e.postalAllowed).toBe(false);
    expect(e.cautions.join(' ')).toMatch(/No postal address/);
  });

  it('a postcode typed wrongly with every other detail the same is treated as the same home', () => {
    const e = letter(
      letterEligibility(
        input(member({ address: { line1: '10 High Street', postcode: 'NT1 4CD' } })),
      ),
    );
    expect(e.postalAllowed).toBe(false);
    expect(e.cautions.join(' ')).toMatch(/too alike/);
  });
});

describe('address comparison', () => {
  it('normalises postcodes, case, punctuation, spacing and street words', () => {
    const a = normaliseAddress({ line1: 'Flat 2, 10 High St', postcode: 'sw1a1aa' });
    expect(a.postcode).toBe('SW1A 1AA');
    expect([...a.numbers].sort()).toEqual(['10', '2']);
    expect([...a.words].sort()).toEqual(['high', 'street']);
    expect(normaliseAddress({ line1: '10 A Café Rd' }).numbers.has('10a')).toBe(true);
    expect(normaliseAddress({ line1: '10 A Café Rd' }).words.has('cafe')).toBe(true);
  });

  it.each([
    [
      { line1: 'Flat 2, 10 High St', postcode: 'sw1a1aa' },
      { line1: '10 high street flat 2', postcode: 'SW1A 1AA' },
      'same',
    ],
    [
      { line1: '10 High Street', postcode: 'SW1A 1AA' },
      { line1: 'Flat 2, 10 High Street', postcode: 'SW1A1AA' },
      'same',
    ],
    [
      { line1: '14 Church Rd', postcode: 'NT1 1AA' },
      { line1: '14 church road', line2: 'Northtown' },
      'same',
    ],
    [{ line1: '22 Park Ave.' }, { line1: '22, PARK AVENUE' }, 'same'],
    [{ postcode: 'NT1 1AA' }, { line1: '5 Any Road', postcode: 'nt1 1aa' }, 'same'],
    [
      { line1: '10 High Street', postcode: 'SW1A 1AA' },
      { line1: '12 High Street', postcode: 'SW1A 1AA' },
      'different',
    ],
    [
      { line1: 'Flat 2, 10 High St', postcode: 'SW1A 1AA' },
      { line1: 'Flat 3, 10 High St', postcode: 'SW1A 1AA' },
      'different',
    ],
    [
      { line1: '10 High Street', postcode: 'SW1A 1AA' },
      { line1: '10 High Street', postcode: 'EC1A 1BB', town: 'Other' },
      'unsure',
    ],
    [
      { line1: '10 High Street', postcode: 'SW1A 1AA' },
      { line1: '3 Mill Lane', postcode: 'EC1A 1BB' },
      'different',
    ],
    [{ line1: 'Rose Cottage' }, { line1: 'Rose Cottage, Mill Lane' }, 'unsure'],
    [{ line1: '5 Rose Close' }, { line1: '5 Mill Lane' }, 'different'],
    [{}, { line1: '5 Mill Lane' }, 'unsure'],
  ] as const)('%j vs %j → %s', (a, b, expected) => {
    expect(compareAddresses(a, b)).toBe(expected);
    expect(compareAddresses(b, a)).toBe(expected);
  });
});
