// The allow-list: nothing withheld reaches any letter (issue 13), and the facts a letter uses.
import { describe, expect, it } from 'vitest';
import { joinNames, letterDateText, letterFactsFor } from '../../../../shared/letters/facts';
import { renderLetter } from '../../../../shared/letters/templates';
import {
  LETTER_OUTCOMES,
  LETTER_VARIANTS,
  type LetterOutcome,
} from '../../../../shared/letters/types';
import type { ReferrerInput } from '../../../../shared/validation/referrer';
import { MARKERS, ORGANISATION, PROFESSIONAL, PUBLIC, referralFixture } from './letter-fixture';

const CHILDREN = [
  { givenNames: 'Zoë', familyName: 'Ó Súilleabháin', dateOfBirth: '2016-04-03' },
  { givenNames: 'Łukasz', familyName: 'Wiśniewski', dateOfBirth: '2019-08-12' },
];

describe('letterFactsFor', () => {
  it('never lets a withheld field reach any letter, for every outcome and variant', () => {
    const r = referralFixture(CHILDREN, PROFESSIONAL);
    let letters = 0;
    for (const variant of LETTER_VARIANTS) {
      for (const outcome of [null, ...LETTER_OUTCOMES] as (LetterOutcome | null)[]) {
        const facts = letterFactsFor({
          referral: r,
          organisation: ORGANISATION,
          outcome,
          letterDate: '2026-12-01',
          edition: 2023,
          variant,
        });
        const content = renderLetter(
          {},
          facts,
          outcome === null ? 'acknowledgement' : 'outcome',
          variant,
        );
        const everything = JSON.stringify(content);
        for (const [field, marker] of Object.entries(MARKERS)) {
          expect(
            everything,
            `${field} in ${variant} ${outcome ?? 'acknowledgement'}`,
          ).not.toContain(marker);
        }
        letters += 1;
      }
    }
    expect(letters).toBe(LETTER_VARIANTS.length * (LETTER_OUTCOMES.length + 1));
  });

  it('identifies the children minimally: name and date of birth, but no date of birth to the public', () => {
    const r = referralFixture(CHILDREN, PUBLIC);
    const base = {
      referral: r,
      organisation: ORGANISATION,
      outcome: null,
      letterDate: '2026-12-01',
      edition: 2023,
    };
    const pro = letterFactsFor({ ...base, variant: 'professional' });
    expect(pro.children).toEqual([
      { name: 'Zoë Ó Súilleabháin', dateOfBirth: '3 April 2016' },
      { name: 'Łukasz Wiśniewski', dateOfBirth: '12 August 2019' },
    ]);
    expect(pro.childNames).toBe('Zoë Ó Súilleabháin and Łukasz Wiśniewski');
    const pub = letterFactsFor({ ...base, variant: 'public' });
    expect(pub.children.map((c) => c.dateOfBirth)).toEqual([null, null]);
    expect(JSON.stringify(renderLetter({}, pub, 'acknowledgement', 'public'))).not.toMatch(
      /2016|2019/,
    );
  });

  it('addresses a professional by role and organisation, from their own address', () => {
    const f = letterFactsFor({
      referral: referralFixture(CHILDREN, PROFESSIONAL),
      organisation: ORGANISATION,
      outcome: 'early-help',
      letterDate: '2026-12-01',
      edition: 2018,
      variant: 'professional',
    });
    expect(f.recipient).toEqual({
      name: 'Priya Shah',
      roleAndOrganisation: 'Designated safeguarding lead, Oak Primary School',
      addressLines: ['Oak Primary School', 'Oak Lane', 'Northtown', 'NT2 3BB'],
      email: 'p.shah@oak.sch.uk',
      salutation: 'Dear Priya Shah',
    });
    expect(f.receivedDate).toBe('30 November 2026');
    expect(f.letterDate).toBe('1 December 2026');
    expect(f.outcomeLabel).toBe('Early help');
    expect(f.contactName).toBe('Sam Okafor');
    expect(f.edition).toBe('2018');
    expect(f.organisation.addressLines).toEqual([
      'County Hall',
      'Market Street',
      'Northtown',
      'NT1 1AA',
    ]);
    expect(f.organisation.signatory).toBe('Jo Bloggs');
  });

  it('names the team, not a practitioner, to a member of the public', () => {
    const f = letterFactsFor({
      referral: referralFixture(CHILDREN, PUBLIC),
      organisation: ORGANISATION,
      outcome: 'nfa',
      letterDate: '2026-12-01',
      edition: 2023,
      variant: 'public',
    });
    expect(f.contactName).toBe('the duty team');
  });

  it('says "the child you told us about" when no name is known, never a third party’s name', () => {
    const r = referralFixture([{ givenNames: '', familyName: '' }], PROFESSIONAL);
    const f = letterFactsFor({
      referral: r,
      organisation: ORGANISATION,
      outcome: null,
      letterDate: '2026-12-01',
      edition: 2023,
      variant: 'professional',
    });
    expect(f.children).toEqual([]);
    expect(f.childNames).toBe('the child you told us about');
    const two = referralFixture(
      [
        { givenNames: 'Amy', familyName: 'Smith' },
        { givenNames: '', familyName: '' },
      ],
      PROFESSIONAL,
    );
    expect(
      letterFactsFor({
        referral: two,
        organisation: ORGANISATION,
        outcome: null,
        letterDate: '2026-12-01',
        edition: 2023,
        variant: 'family',
      }).childNames,
    ).toBe('Amy Smith and another child');
  });

  it('falls back sensibly where the settings leave the letterhead blank', () => {
    const referrer: ReferrerInput = {
      ...PUBLIC,
      address: undefined,
      email: 'pat@example.org',
    } as ReferrerInput;
    const f = letterFactsFor({
      referral: referralFixture(CHILDREN, referrer),
      organisation: {
        name: 'Council',
        address: '1 Civic Way, Town',
        phone: '01234 567890',
        email: 'a@b.org',
        marking: '',
      },
      outcome: null,
      letterDate: '2026-12-01',
      edition: 2010,
      variant: 'public',
    });
    expect(f.recipient.addressLines).toEqual([]);
    expect(f.recipient.email).toBe('pat@example.org');
    expect(f.organisation.addressLines).toEqual(['1 Civic Way', 'Town']);
    expect(f.organisation.contactLine).toBe('01234 567890 · a@b.org');
    expect(f.organisation.signatory).toBe('Council');
    expect(f.organisation.signatoryRole).toBe('');
  });

  it('writes dates and lists of names as a letter does', () => {
    expect(letterDateText('2027-01-09')).toBe('9 January 2027');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
