// Correcting a saved referral goes through the form: inputToForm then validateForm must give the
// saved referral back exactly, or a correction would silently drop what the form does not show.

import { describe, expect, it } from 'vitest';
import { inputToForm } from '../../../renderer/src/features/intake/form-from-record';
import { validateForm } from '../../../renderer/src/features/intake/form-input';
import {
  sexOptions,
  withFormDefaults,
  type ReferralForm,
} from '../../../renderer/src/features/intake/form-model';
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

describe('the facts the letter rules need (issue 13), through the form and back', () => {
  const away = {
    givenNames: 'Dean',
    familyName: 'Smyth',
    relationship: 'Father of Aiden',
    parentalResponsibility: true,
    livesInHousehold: false,
    allegedHarm: true,
    address: { line1: '9 Dock Road', town: 'Harbourton', postcode: 'LS2 7EW' },
  };

  it('keeps a confidential professional and a household member alleged to have caused harm', () => {
    const base = everything();
    roundTrip(
      everything({
        referrer: { ...base.referrer, confidential: true } as ReferralInput['referrer'],
        householdMembers: [...base.householdMembers, away],
      }),
    );
  });

  it('keeps a family member with parental responsibility, and a child who referred themselves', () => {
    const pub = {
      kind: 'public' as const,
      name: 'Jo Smyth',
      phone: '07700 900123',
      wantsFeedback: true,
      feedbackMethod: 'phone' as const,
      confidential: true,
    };
    for (const parentalResponsibility of [true, false]) {
      roundTrip(
        everything({ referrer: { ...pub, relationship: 'family-member', parentalResponsibility } }),
      );
    }
    roundTrip(
      everything({
        referrer: { ...pub, relationship: 'self', safeContact: 'Text after school, not at home' },
      }),
    );
  });

  it('does not send an answer the form no longer shows', () => {
    const form = inputToForm(
      referralSchema({ today: TODAY }).parse(
        everything({
          referrer: {
            kind: 'public',
            name: 'Jo Smyth',
            relationship: 'family-member',
            parentalResponsibility: true,
            phone: '07700 900123',
            wantsFeedback: true,
            feedbackMethod: 'phone',
          },
          householdMembers: [away],
        }),
      ),
    );
    // The worker changes the relationship and says the father lives with the child after all.
    form.referrer.relationship = 'acquaintance';
    form.referrer.safeContact = 'Typed while "self" was chosen';
    const member = form.householdMembers[0];
    if (!member) throw new Error('fixture');
    member.livesInHousehold = 'yes';
    const result = validateForm(form, TODAY, { isNewRecord: false });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.referral.referrer).not.toHaveProperty('parentalResponsibility');
    expect(result.referral.referrer).not.toHaveProperty('safeContact');
    expect(result.referral.householdMembers[0]).not.toHaveProperty('address');
    expect(result.referral.householdMembers[0]).toMatchObject({ allegedHarm: true });
  });

  it('a saved draft reopens with them; a draft saved before them opens with them blank', () => {
    const form = inputToForm(
      referralSchema({ today: TODAY }).parse(
        everything({
          referrer: {
            kind: 'public',
            name: 'Aiden Smyth',
            relationship: 'self',
            safeContact: 'Through the school nurse',
            confidential: true,
            wantsFeedback: false,
            feedbackMethod: 'none',
          },
          householdMembers: [away],
        }),
      ),
    );
    // Drafts are stored as JSON and read back through withFormDefaults.
    const reopened = withFormDefaults(JSON.parse(JSON.stringify(form)) as Partial<ReferralForm>);
    expect(reopened).toEqual(form);
    expect(reopened.referrer).toMatchObject({
      confidential: true,
      safeContact: 'Through the school nurse',
    });
    expect(reopened.householdMembers[0]).toMatchObject({
      allegedHarm: true,
      address: { line1: '9 Dock Road', line2: '', town: 'Harbourton', postcode: 'LS2 7EW' },
    });

    const old = JSON.parse(JSON.stringify(form)) as {
      referrer: Record<string, unknown>;
      householdMembers: Record<string, unknown>[];
    };
    delete old.referrer.confidential;
    delete old.referrer.parentalResponsibility;
    delete old.referrer.safeContact;
    for (const m of old.householdMembers) {
      delete m.allegedHarm;
      delete m.address;
    }
    const restored = withFormDefaults(old as unknown as Partial<ReferralForm>);
    expect(restored.referrer).toMatchObject({
      confidential: false,
      parentalResponsibility: '',
      safeContact: '',
    });
    expect(restored.householdMembers[0]).toMatchObject({
      allegedHarm: false,
      address: { line1: '', line2: '', town: '', postcode: '' },
    });
    expect(validateForm(restored, TODAY, { isNewRecord: false }).ok).toBe(true);
  });
});
