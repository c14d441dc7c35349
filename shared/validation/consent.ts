// Consent and the information-sharing log (domain §2.6: record each decision to share or not to
// share, with what, with whom, why and on what lawful basis; record consent as given / refused /
// not sought, with the reason). "Information sharing: advice for practitioners" (DfE, 2018,
// revised 2024) is explicit that consent is not needed where a child is at risk of harm.

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

/**
 * Lawful bases for sharing personal data. UK GDPR Article 6(1) (a) consent, (c) legal
 * obligation, (d) vital interests, (e) public task, (f) legitimate interests; and, for special
 * category data shared without consent, DPA 2018 Schedule 8 paragraph 4 "safeguarding of
 * children and of individuals at risk". `other` needs details.
 */
export const LAWFUL_BASES = [
  'consent',
  'public-task',
  'vital-interests',
  'legal-obligation',
  'legitimate-interests',
  'safeguarding-without-consent',
  'other',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];
export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, string> = {
  consent: 'Consent (UK GDPR Art 6(1)(a))',
  'public-task': 'Public task (UK GDPR Art 6(1)(e))',
  'vital-interests': 'Vital interests (UK GDPR Art 6(1)(d))',
  'legal-obligation': 'Legal obligation (UK GDPR Art 6(1)(c))',
  'legitimate-interests': 'Legitimate interests (UK GDPR Art 6(1)(f))',
  'safeguarding-without-consent':
    'Safeguarding of children, without consent (DPA 2018 Sch 8 para 4)',
  other: 'Other (give details)',
};

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
  };
  const lawfulBasis = z.enum(LAWFUL_BASES, { error: 'Select the lawful basis for sharing' });
  const lawfulBasisDetails = optionalText({
    max: SHORT_TEXT_MAX,
    label: 'Lawful basis details',
  });
  return z
    .discriminatedUnion(
      'decision',
      [
        z.strictObject({
          decision: z.literal('shared'),
          ...common,
          lawfulBasis,
          lawfulBasisDetails,
        }),
        // Not sharing needs no lawful basis, but one can be noted (e.g. consent refused).
        z.strictObject({
          decision: z.literal('not-shared'),
          ...common,
          lawfulBasis: lawfulBasis.optional(),
          lawfulBasisDetails,
        }),
      ],
      { error: 'Select whether the information was shared' },
    )
    .superRefine((entry, rc) => {
      if (entry.lawfulBasis === 'other' && !entry.lawfulBasisDetails) {
        rc.addIssue({
          code: 'custom',
          path: ['lawfulBasisDetails'],
          message: 'Enter the lawful basis',
        });
      }
    });
});

export type InformationSharingEntryInput = z.infer<
  ReturnType<typeof informationSharingEntrySchema>
>;
