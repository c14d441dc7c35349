// Correcting a saved referral goes through the form: inputToForm then validateForm must give the
// saved referral back exactly, or a correction would silently drop what the form does not show.

import { describe, expect, it } from 'vitest';
import { inputToForm } from '../../../renderer/src/features/intake/form-from-record';
import { validateForm } from '../../../renderer/src/features/intake/form-input';
import { sexOptions } from '../../../renderer/src/features/intake/form-model';
import { referralSchema, type ReferralInput } from '../../../shared/validation';
import { referralInput } from '../../helpers/store-fixtures';

const TODAY = '2026-11-24';

/** Every optional field filled, so nothing can hide behind "undefined both ways". */
function everything(over: Partial<ReferralInput> = {}): ReferralInput {
  return referralInput({
    receivedAt: '2026-11-23T16:45:00.000Z',
    referrer: {
      kind: 'professional',
      directoryId: 'dir-1',
      name: 'Priya Shah',
      role: 'Designated safeguarding lead',
      agencyName: 'Northgate Primary School',
      agencyType: 'school',
      phone: '0113 496 0000',
      email: 'dsl@northgate.example.org',
      address: {
        line1: '1 School Lane',
        line2: 'Northgate',
        town: 'Harbourton',
        postcode: 'LS1 4AB',
      },
      wantsFeedback: true,
      feedbackMethod: 'letter',
    },
    children: [
      {
        status: 'born',
        personId: 'p-aiden',
        givenNames: 'Aiden',
        familyName: 'Smyth',
        otherNames: 'AJ',
        dateOfBirth: '2015-06-14',
        gender: 'M',
        nhsNumber: '9434765919',
        address: {
          line1: '12 Harbour Row',
          line2: 'Flat 2',
          town: 'Harbourton',
          postcode: 'LS1 4AB',
        },
        school: 'Northgate Primary School',
        gp: 'Quay Surgery',
        firstLanguage: 'Polish',
        interpreterNeeded: true,
        disability: 'yes',
        disabilityDetails: 'Hearing impairment',
        ethnicity: 'WOTH',
      },
      {
        status: 'unborn',
        personId: 'p-baby',
        familyName: 'Smyth',
        expectedDateOfBirth: '2027-02-01',
        gender: 'U',
        motherPersonId: 'p-mum',
        motherName: 'Leanne Smyth',
        interpreterNeeded: false,
      },
    ],
    householdMembers: [
      {
        personId: 'p-mum',
        givenNames: 'Leanne',
        familyName: 'Smyth',
        relationship: 'Mother of Aiden',
        dateOfBirth: '1990-03-02',
        parentalResponsibility: true,
        livesInHousehold: true,
        notes: 'Works nights',
      },
    ],
    consent: {
      status: 'given',
      givenBy: 'Leanne Smyth',
      date: '2026-11-23',
      scope: 'Speak to school and GP',
    },
    informationSharing: [
      {
        decision: 'shared',
        date: '2026-11-23',
        what: 'The referral',
        withWhom: 'Quay Surgery',
        why: 'Health history',
        recordedBy: 'Dana Wilson',
        article6Basis: 'legal-obligation',
        specialCategory: 'art9-2g-safeguarding',
        criminalOffenceData: 'sch1-para18',
        lawfulBasisDetails: 'Section 47 enquiry',
      },
    ],
    ...over,
  });
}

function roundTrip(input: ReferralInput): void {
  const expected = referralSchema({ today: TODAY }).parse(input);
  const result = validateForm(inputToForm(expected), TODAY, { isNewRecord: false });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect({ ...result.referral, receivedAt: Date.parse(result.referral.receivedAt) }).toEqual({
    ...expected,
    receivedAt: Date.parse(expected.receivedAt),
  });
}

describe('a saved referral through the form and back', () => {
  it('keeps every field, shown or not (professional, born and unborn, consent given)', () => {
    roundTrip(everything());
  });

  it('keeps a member of the public, refused consent and a not-shared decision', () => {
    roundTrip(
      everything({
        referrer: {
          kind: 'public',
          name: 'Sam Neighbour',
          relationship: 'acquaintance',
          relationshipDetails: 'Lives next door',
          phone: '07700 900123',
          wantsFeedback: true,
          feedbackMethod: 'phone',
        },
        consent: {
          status: 'refused',
          refusedBy: 'Leanne Smyth',
          date: '2026-11-22',
          reason: 'Mother refused; going ahead because of the injury',
        },
        informationSharing: [
          {
            decision: 'not-shared',
            date: '2026-11-23',
            what: 'Address',
            withWhom: 'The father',
            why: 'Risk to mother',
            recordedBy: 'Dana Wilson',
          },
        ],
      }),
    );
  });

  it('keeps codes recorded before 2024-25 and a lawful basis from before the split', () => {
    const [born, unborn] = everything().children;
    if (born?.status !== 'born' || unborn?.status !== 'unborn') throw new Error('fixture');
    for (const gender of ['0', '1', '2', '9'] as const) {
      const legacy = everything({
        children: [
          { ...born, gender },
          { ...unborn, gender: '0' },
        ],
        informationSharing: [
          {
            decision: 'shared',
            date: '2026-11-23',
            what: 'The referral',
            withWhom: 'Harbour Police CAIT',
            why: 'Possible assault',
            recordedBy: 'Dana Wilson',
            lawfulBasis: 'safeguarding-without-consent',
          },
          {
            decision: 'shared',
            date: '2026-11-23',
            what: 'Address',
            withWhom: 'Housing',
            why: 'Rehousing',
            recordedBy: 'Dana Wilson',
            lawfulBasis: 'other',
            lawfulBasisDetails: 'Housing Act 1996',
          },
        ],
      });
      const form = inputToForm(legacy);
      // The form shows the stored code (as an extra option) rather than changing it.
      expect(form.children[0]?.gender).toBe(gender);
      expect(sexOptions(gender).map((o) => o.value)).toEqual(['M', 'F', 'U', gender]);
      // No Art 6 basis is filled in for the worker on an entry recorded before the split.
      expect(form.informationSharing[0]).toMatchObject({
        article6Basis: '',
        lawfulBasis: 'safeguarding-without-consent',
      });
      roundTrip(legacy);
    }
  });

  it('keeps an anonymous referrer and consent not sought', () => {
    roundTrip(
      everything({
        referrer: {
          kind: 'anonymous',
          toldAnonymityCannotBeGuaranteed: true,
          wantsFeedback: false,
          feedbackMethod: 'none',
        },
        consent: { status: 'not-sought', reason: 'Would put the child at risk' },
      }),
    );
  });

  it('keeps which 01:30 it was on the night the clocks go back', () => {
    for (const receivedAt of ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']) {
      const form = inputToForm(everything({ receivedAt }));
      expect(form.received).toMatchObject({ date: '25/10/2026', time: '01:30' });
      expect(form.received.dstChoice).toBe(
        receivedAt.startsWith('2026-10-25T00') ? 'earlier' : 'later',
      );
      roundTrip(everything({ receivedAt }));
    }
  });
});

describe('the sex options', () => {
  it('offer Male, Female and Not known for a new entry', () => {
    expect(sexOptions('')).toEqual([
      { value: 'M', label: 'Male' },
      { value: 'F', label: 'Female' },
      { value: 'U', label: 'Not known' },
    ]);
    expect(sexOptions('F')).toEqual(sexOptions(''));
  });

  it('add a stored legacy code, labelled as such, and nothing that is not a census code', () => {
    expect(sexOptions('9').at(-1)).toEqual({
      value: '9',
      label: 'Indeterminate (census gender code 9, used before 2024-25)',
    });
    expect(sexOptions('X')).toEqual(sexOptions(''));
  });
});
