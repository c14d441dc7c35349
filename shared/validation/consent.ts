// Consent and the information-sharing log. "Information sharing: advice for practitioners
// providing safeguarding services" (DfE, 2018, revised May 2024): record each decision to share
// or not to share, with what, with whom, why and on what lawful basis; record consent as given,
// refused or not sought, with the reason. The 2024 advice is explicit that consent is not needed
// to share where a child is at risk of harm.

import * as z from 'zod';
import {
  NAME_MAX,
  SHORT_TEXT_MAX,
  type ValidationContext,
  optionalText,
  pastOrTodayDate,
  requiredText,
  memoByToday,
} from './fields';

export const CONSENT_STATUSES = ['given', 'refused', 'not-sought'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  given: 'Consent given',
  refused: 'Consent refused',
  'not-sought': 'Consent not sought',
};

export const consentSchema = memoByToday((ctx: ValidationContext) => {
  const date = pastOrTodayDate(ctx, {
    required: 'Enter the date',
    future: 'The date cannot be in the future',
  });
  return z.discriminatedUnion(
    'status',
    [
      z.strictObject({
        status: z.literal('given'),
        givenBy: requiredText({
          max: NAME_MAX,
          label: 'Who gave consent',
          required: 'Enter who gave consent, for example the mother',
        }),
        date,
        /** What the consent covers, if limited. */
        scope: optionalText({ max: SHORT_TEXT_MAX, multiline: true, label: 'What consent covers' }),
      }),
      z.strictObject({
        status: z.literal('refused'),
        refusedBy: requiredText({
          max: NAME_MAX,
          label: 'Who refused consent',
          required: 'Enter who refused consent',
        }),
        date,
        reason: requiredText({
          max: SHORT_TEXT_MAX,
          multiline: true,
          label: 'Reason',
          required: 'Enter what was said when consent was refused, and why you are going ahead',
        }),
      }),
      z.strictObject({
        status: z.literal('not-sought'),
        reason: requiredText({
          max: SHORT_TEXT_MAX,
          multiline: true,
          label: 'Reason',
          required:
            'Enter why consent was not sought, for example asking would place the child at risk',
        }),
      }),
    ],
    { error: 'Select whether consent was given, refused or not sought' },
  );
});

export type ConsentInput = z.infer<ReturnType<typeof consentSchema>>;

// ---------------------------------------------------------------------------------------------
// Lawful basis for sharing. A decision to share personal data needs a basis under UK GDPR
// Article 6; special category data (health, ethnicity, sex life and the rest of Art 9(1)) also
// needs an Article 9 condition; criminal offence data needs Article 10 authority (DPA 2018 s10(5)
// and Schedule 1). The ICO's data sharing code of practice asks for each to be identified, so
// each is recorded separately.
// ---------------------------------------------------------------------------------------------

/**
 * UK GDPR Art 6(1) bases a local authority can rely on. Public task (6(1)(e)) is the usual one
 * for a council safeguarding children (Children Act 1989 s17 and s47, Children Act 2004 s11).
 * Legitimate interests is deliberately absent: UK GDPR Art 6(1) says point (f) "shall not apply
 * to processing carried out by public authorities in the performance of their tasks".
 */
export const ARTICLE6_BASES = [
  'public-task',
  'legal-obligation',
  'vital-interests',
  'consent',
] as const;
export type Article6Basis = (typeof ARTICLE6_BASES)[number];
export const ARTICLE6_BASIS_LABELS: Record<Article6Basis, string> = {
  'public-task': 'Public task (UK GDPR Art 6(1)(e))',
  'legal-obligation': 'Legal obligation (UK GDPR Art 6(1)(c))',
  'vital-interests': 'Vital interests (UK GDPR Art 6(1)(d))',
  consent: 'Consent (UK GDPR Art 6(1)(a))',
};
/** The form's default: the basis a local authority normally shares under. */
export const DEFAULT_ARTICLE6_BASIS: Article6Basis = 'public-task';

/**
 * Whether special category data (UK GDPR Art 9(1)) was shared, and under which Art 9(2)
 * condition. DPA 2018 Sch 1 Pt 2 para 18 ("safeguarding of children and of individuals at
 * risk") is the substantial public interest condition under Art 9(2)(g) for sharing without
 * consent where consent cannot be given, cannot reasonably be obtained, or asking would put the
 * child's protection at risk.
 */
export const SPECIAL_CATEGORY_CONDITIONS = [
  'none',
  'art9-2g-safeguarding',
  'art9-2c-vital-interests',
  'art9-2a-explicit-consent',
] as const;
export type SpecialCategoryCondition = (typeof SPECIAL_CATEGORY_CONDITIONS)[number];
export const SPECIAL_CATEGORY_LABELS: Record<SpecialCategoryCondition, string> = {
  none: 'No special category data shared',
  'art9-2g-safeguarding':
    'Safeguarding of children (UK GDPR Art 9(2)(g) with DPA 2018 Sch 1 Pt 2 para 18)',
  'art9-2c-vital-interests': 'Vital interests, where consent cannot be given (UK GDPR Art 9(2)(c))',
  'art9-2a-explicit-consent': 'Explicit consent (UK GDPR Art 9(2)(a))',
};

/**
 * Whether criminal offence data (UK GDPR Art 10: allegations, offences, convictions) was shared.
 * DPA 2018 s10(5) authorises it where a Schedule 1 condition is met; Sch 1 Pt 3 para 36 lets the
 * Part 2 conditions, here para 18 safeguarding, apply to it.
 */
export const CRIMINAL_OFFENCE_DATA_CONDITIONS = ['none', 'sch1-para18'] as const;
export type CriminalOffenceDataCondition = (typeof CRIMINAL_OFFENCE_DATA_CONDITIONS)[number];
export const CRIMINAL_OFFENCE_DATA_LABELS: Record<CriminalOffenceDataCondition, string> = {
  none: 'No criminal offence data shared',
  'sch1-para18':
    'Safeguarding of children (UK GDPR Art 10 with DPA 2018 s10(5) and Sch 1 Pt 2 para 18)',
};

/**
 * The single "lawful basis" recorded before it was split into the three parts above. Stored
 * referrals keep it, so it stays readable and a correction keeps it; it is never offered for a
 * new entry. Its old safeguarding label cited DPA 2018 Schedule 8, which covers processing for
 * law enforcement, not a council's safeguarding, so the label no longer cites it.
 */
export const LEGACY_LAWFUL_BASES = [
  'consent',
  'public-task',
  'vital-interests',
  'legal-obligation',
  'legitimate-interests',
  'safeguarding-without-consent',
  'other',
] as const;
export type LegacyLawfulBasis = (typeof LEGACY_LAWFUL_BASES)[number];
export const LEGACY_LAWFUL_BASIS_LABELS: Record<LegacyLawfulBasis, string> = {
  consent: 'Consent (UK GDPR Art 6(1)(a))',
  'public-task': 'Public task (UK GDPR Art 6(1)(e))',
  'vital-interests': 'Vital interests (UK GDPR Art 6(1)(d))',
  'legal-obligation': 'Legal obligation (UK GDPR Art 6(1)(c))',
  'legitimate-interests': 'Legitimate interests (UK GDPR Art 6(1)(f))',
  'safeguarding-without-consent': 'Safeguarding of children, without consent',
  other: 'Other',
};

/** How a legacy basis is shown: on the referral page, and (with what to do) on the form. */
export function legacyLawfulBasisText(basis: LegacyLawfulBasis): string {
  return `Recorded before the lawful basis was split into its parts: ${LEGACY_LAWFUL_BASIS_LABELS[basis]}`;
}

export const ARTICLE6_REQUIRED = 'Select the lawful basis for sharing (UK GDPR Article 6)';
export const SPECIAL_CATEGORY_REQUIRED =
  'Select whether special category data was shared, and under which condition';
export const CRIMINAL_OFFENCE_DATA_REQUIRED =
  'Select whether criminal offence data was shared, and under which condition';

export const informationSharingEntrySchema = memoByToday((ctx: ValidationContext) => {
  const common = {
    date: pastOrTodayDate(ctx, {
      required: 'Enter the date of the decision',
      future: 'The date of the decision cannot be in the future',
    }),
    what: requiredText({
      max: SHORT_TEXT_MAX,
      multiline: true,
      label: 'What',
      required: 'Enter what information was (or was not) shared',
    }),
    withWhom: requiredText({
      max: NAME_MAX,
      label: 'With whom',
      required: 'Enter who the information was (or would have been) shared with',
    }),
    why: requiredText({
      max: SHORT_TEXT_MAX,
      multiline: true,
      label: 'Why',
      required: 'Enter why you decided this',
    }),
    /** User id or name of the person recording the decision. */
    recordedBy: requiredText({
      max: NAME_MAX,
      label: 'Recorded by',
      required: 'Enter who recorded the decision',
    }),
    // Each part is optional here; which are required depends on the decision (below).
    article6Basis: z.enum(ARTICLE6_BASES, { error: ARTICLE6_REQUIRED }).optional(),
    specialCategory: z
      .enum(SPECIAL_CATEGORY_CONDITIONS, { error: SPECIAL_CATEGORY_REQUIRED })
      .optional(),
    criminalOffenceData: z
      .enum(CRIMINAL_OFFENCE_DATA_CONDITIONS, { error: CRIMINAL_OFFENCE_DATA_REQUIRED })
      .optional(),
    /** Stored referrals only: the basis as recorded before the split. */
    lawfulBasis: z
      .enum(LEGACY_LAWFUL_BASES, { error: 'This lawful basis is not one Front Door recorded' })
      .optional(),
    lawfulBasisDetails: optionalText({
      max: SHORT_TEXT_MAX,
      label: 'Lawful basis details',
    }),
  };
  return z
    .discriminatedUnion(
      'decision',
      [
        z.strictObject({ decision: z.literal('shared'), ...common }),
        // Not sharing needs no lawful basis, but one can be noted (e.g. consent refused).
        z.strictObject({ decision: z.literal('not-shared'), ...common }),
      ],
      { error: 'Select whether the information was shared' },
    )
    .superRefine(
      (entry, rc) => {
        const legacyOnly =
          entry.lawfulBasis !== undefined &&
          entry.article6Basis === undefined &&
          entry.specialCategory === undefined &&
          entry.criminalOffenceData === undefined;
        // A decision to share needs all three parts. An entry recorded before the split keeps
        // its single basis until someone chooses the parts, so correcting it never fails on it.
        if (entry.decision === 'shared' && !legacyOnly) {
          const required = [
            ['article6Basis', ARTICLE6_REQUIRED],
            ['specialCategory', SPECIAL_CATEGORY_REQUIRED],
            ['criminalOffenceData', CRIMINAL_OFFENCE_DATA_REQUIRED],
          ] as const;
          for (const [key, message] of required) {
            if (entry[key] === undefined) rc.addIssue({ code: 'custom', path: [key], message });
          }
        }
        if (entry.lawfulBasis === 'other' && !entry.lawfulBasisDetails) {
          rc.addIssue({
            code: 'custom',
            path: ['lawfulBasisDetails'],
            message: 'Enter the lawful basis',
          });
        }
      },
      // Run even when another field is missing, so every problem with the entry shows at once.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    );
});

export type InformationSharingEntryInput = z.infer<
  ReturnType<typeof informationSharingEntrySchema>
>;

/**
 * The lawful basis of an entry in words, for the referral page: the parts recorded, and a basis
 * recorded before the split. Undefined when none was recorded (allowed when not shared).
 */
export function lawfulBasisSummary(entry: InformationSharingEntryInput): string | undefined {
  const parts: string[] = [];
  if (entry.article6Basis !== undefined) parts.push(ARTICLE6_BASIS_LABELS[entry.article6Basis]);
  if (entry.specialCategory !== undefined) {
    parts.push(
      entry.specialCategory === 'none'
        ? SPECIAL_CATEGORY_LABELS.none
        : `Special category data: ${SPECIAL_CATEGORY_LABELS[entry.specialCategory]}`,
    );
  }
  if (entry.criminalOffenceData !== undefined) {
    parts.push(
      entry.criminalOffenceData === 'none'
        ? CRIMINAL_OFFENCE_DATA_LABELS.none
        : `Criminal offence data: ${CRIMINAL_OFFENCE_DATA_LABELS[entry.criminalOffenceData]}`,
    );
  }
  if (entry.lawfulBasis !== undefined) parts.push(legacyLawfulBasisText(entry.lawfulBasis));
  if (entry.lawfulBasisDetails) parts.push(entry.lawfulBasisDetails);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
