import { describe, expect, it } from 'vitest';
import {
  ARTICLE6_BASES,
  ARTICLE6_BASIS_LABELS,
  CRIMINAL_OFFENCE_DATA_CONDITIONS,
  CRIMINAL_OFFENCE_DATA_LABELS,
  DEFAULT_ARTICLE6_BASIS,
  LEGACY_LAWFUL_BASES,
  LEGACY_LAWFUL_BASIS_LABELS,
  SPECIAL_CATEGORY_CONDITIONS,
  SPECIAL_CATEGORY_LABELS,
  consentSchema,
  fieldErrorsFromZod,
  householdMemberSchema,
  informationSharingEntrySchema,
  lawfulBasisSummary,
  legacyLawfulBasisText,
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

describe('informationSharingEntrySchema: the lawful basis in its parts', () => {
  const schema = informationSharingEntrySchema(ctx);
  const entry = {
    decision: 'shared',
    date: '2025-06-13',
    what: 'Referral details',
    withWhom: 'School nurse',
    why: 'To check attendance at health appointments',
    article6Basis: 'public-task',
    specialCategory: 'art9-2g-safeguarding',
    criminalOffenceData: 'none',
    recordedBy: 'duty-1',
  };
  const without = (...keys: string[]): Record<string, unknown> =>
    Object.fromEntries(Object.entries(entry).filter(([k]) => !keys.includes(k)));

  it('accepts a decision to share with all three parts', () => {
    expect(errors(schema.safeParse(entry))).toEqual({});
  });

  it.each([...ARTICLE6_BASES])('accepts the Article 6 basis %s', (article6Basis) => {
    expect(errors(schema.safeParse({ ...entry, article6Basis }))).toEqual({});
  });

  it.each([...SPECIAL_CATEGORY_CONDITIONS])('accepts the special category answer %s', (c) => {
    expect(errors(schema.safeParse({ ...entry, specialCategory: c }))).toEqual({});
  });

  it.each([...CRIMINAL_OFFENCE_DATA_CONDITIONS])('accepts the criminal offence answer %s', (c) => {
    expect(errors(schema.safeParse({ ...entry, criminalOffenceData: c }))).toEqual({});
  });

  it('needs every part when shared, and shows every missing part at once', () => {
    expect(
      errors(
        schema.safeParse({
          ...without('article6Basis', 'specialCategory', 'criminalOffenceData', 'date'),
        }),
      ),
    ).toEqual({
      date: 'Enter the date of the decision',
      article6Basis: 'Select the lawful basis for sharing (UK GDPR Article 6)',
      specialCategory: 'Select whether special category data was shared, and under which condition',
      criminalOffenceData:
        'Select whether criminal offence data was shared, and under which condition',
    });
    expect(errors(schema.safeParse(without('specialCategory')))).toEqual({
      specialCategory: 'Select whether special category data was shared, and under which condition',
    });
  });

  it('needs no basis when not shared, but keeps one noted', () => {
    const notShared = {
      ...without('article6Basis', 'specialCategory', 'criminalOffenceData'),
      decision: 'not-shared',
    };
    expect(errors(schema.safeParse(notShared))).toEqual({});
    expect(errors(schema.safeParse({ ...notShared, article6Basis: 'consent' }))).toEqual({});
  });

  it('does not offer legitimate interests: public authorities cannot rely on Art 6(1)(f)', () => {
    expect(ARTICLE6_BASES).not.toContain('legitimate-interests');
    expect(errors(schema.safeParse({ ...entry, article6Basis: 'legitimate-interests' }))).toEqual({
      article6Basis: 'Select the lawful basis for sharing (UK GDPR Article 6)',
    });
  });

  it('rejects values that are not on the lists', () => {
    expect(
      errors(
        schema.safeParse({
          ...entry,
          article6Basis: 'because',
          specialCategory: 'sch8-para4',
          criminalOffenceData: 'yes',
        }),
      ),
    ).toEqual({
      article6Basis: 'Select the lawful basis for sharing (UK GDPR Article 6)',
      specialCategory: 'Select whether special category data was shared, and under which condition',
      criminalOffenceData:
        'Select whether criminal offence data was shared, and under which condition',
    });
  });

  it('labels each part in plain English with its citation', () => {
    expect(ARTICLE6_BASIS_LABELS).toEqual({
      'public-task': 'Public task (UK GDPR Art 6(1)(e))',
      'legal-obligation': 'Legal obligation (UK GDPR Art 6(1)(c))',
      'vital-interests': 'Vital interests (UK GDPR Art 6(1)(d))',
      consent: 'Consent (UK GDPR Art 6(1)(a))',
    });
    expect(DEFAULT_ARTICLE6_BASIS).toBe('public-task');
    expect(SPECIAL_CATEGORY_LABELS).toEqual({
      none: 'No special category data shared',
      'art9-2g-safeguarding':
        'Safeguarding of children (UK GDPR Art 9(2)(g) with DPA 2018 Sch 1 Pt 2 para 18)',
      'art9-2c-vital-interests':
        'Vital interests, where consent cannot be given (UK GDPR Art 9(2)(c))',
      'art9-2a-explicit-consent': 'Explicit consent (UK GDPR Art 9(2)(a))',
    });
    expect(CRIMINAL_OFFENCE_DATA_LABELS).toEqual({
      none: 'No criminal offence data shared',
      'sch1-para18':
        'Safeguarding of children (UK GDPR Art 10 with DPA 2018 s10(5) and Sch 1 Pt 2 para 18)',
    });
    const all = [
      ...Object.values(ARTICLE6_BASIS_LABELS),
      ...Object.values(SPECIAL_CATEGORY_LABELS),
      ...Object.values(CRIMINAL_OFFENCE_DATA_LABELS),
      ...Object.values(LEGACY_LAWFUL_BASIS_LABELS),
    ];
    // DPA 2018 Schedule 8 is law-enforcement processing, not a council's safeguarding.
    expect(all.filter((l) => /Sch(edule)? 8/.test(l))).toEqual([]);
  });

  it('requires what, with whom and why', () => {
    expect(errors(schema.safeParse({ ...entry, what: '', withWhom: '', why: '' }))).toEqual({
      what: 'Enter what information was (or was not) shared',
      withWhom: 'Enter who the information was (or would have been) shared with',
      why: 'Enter why you decided this',
    });
  });
});

describe('informationSharingEntrySchema: entries recorded before the split', () => {
  const schema = informationSharingEntrySchema(ctx);
  const legacy = {
    decision: 'shared',
    date: '2025-06-13',
    what: 'Referral details',
    withWhom: 'Police (MASH)',
    why: 'Possible assault on a child',
    lawfulBasis: 'safeguarding-without-consent',
    recordedBy: 'duty-1',
  };

  it.each([...LEGACY_LAWFUL_BASES])(
    'keeps a shared entry with the old basis %s, so a correction does not fail on it',
    (lawfulBasis) => {
      const input = { ...legacy, lawfulBasis, lawfulBasisDetails: 'Section 47 enquiry' };
      const r = schema.safeParse(input);
      expect(errors(r)).toEqual({});
      expect(r.data).toEqual(input);
    },
  );

  it('still needs details for the old "other" basis', () => {
    expect(errors(schema.safeParse({ ...legacy, lawfulBasis: 'other' }))).toEqual({
      lawfulBasisDetails: 'Enter the lawful basis',
    });
  });

  it('once a part is chosen, needs the others too', () => {
    expect(errors(schema.safeParse({ ...legacy, article6Basis: 'public-task' }))).toEqual({
      specialCategory: 'Select whether special category data was shared, and under which condition',
      criminalOffenceData:
        'Select whether criminal offence data was shared, and under which condition',
    });
    expect(
      errors(
        schema.safeParse({
          ...legacy,
          article6Basis: 'public-task',
          specialCategory: 'art9-2g-safeguarding',
          criminalOffenceData: 'sch1-para18',
        }),
      ),
    ).toEqual({});
  });

  it('rejects an old basis Front Door never recorded', () => {
    expect(errors(schema.safeParse({ ...legacy, lawfulBasis: 'because' }))).toEqual({
      lawfulBasis: 'This lawful basis is not one Front Door recorded',
    });
  });
});

describe('lawfulBasisSummary', () => {
  const base = {
    decision: 'shared' as const,
    date: '2025-06-13',
    what: 'Referral details',
    withWhom: 'Police (MASH)',
    why: 'Possible assault on a child',
    recordedBy: 'duty-1',
  };

  it('lists the parts recorded', () => {
    expect(
      lawfulBasisSummary({
        ...base,
        article6Basis: 'public-task',
        specialCategory: 'art9-2g-safeguarding',
        criminalOffenceData: 'none',
      }),
    ).toBe(
      'Public task (UK GDPR Art 6(1)(e)) · Special category data: Safeguarding of children (UK GDPR Art 9(2)(g) with DPA 2018 Sch 1 Pt 2 para 18) · No criminal offence data shared',
    );
  });

  it('shows an old basis as recorded before the split, without its wrong citation', () => {
    expect(lawfulBasisSummary({ ...base, lawfulBasis: 'safeguarding-without-consent' })).toBe(
      'Recorded before the lawful basis was split into its parts: Safeguarding of children, without consent',
    );
    expect(legacyLawfulBasisText('legitimate-interests')).toBe(
      'Recorded before the lawful basis was split into its parts: Legitimate interests (UK GDPR Art 6(1)(f))',
    );
  });

  it('is undefined when nothing was recorded', () => {
    expect(lawfulBasisSummary({ ...base, decision: 'not-shared' })).toBeUndefined();
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
