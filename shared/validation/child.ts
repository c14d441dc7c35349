// The child (or unborn baby) a referral is about. CIN census: the child's sex (Gender before
// 2024-25); an unborn child has an expected date of birth instead of a date of birth.

import * as z from 'zod';
import type { IsoDate } from '../domain/types';
import {
  NAME_MAX,
  SHORT_TEXT_MAX,
  type ValidationContext,
  addressSchema,
  checkContext,
  isoDate,
  optionalId,
  optionalNhsNumber,
  optionalText,
  pastOrTodayDate,
  yesNoUnknown,
  memoByToday,
  everyTime,
} from './fields';
import { addMonthsIso, formatUkDate } from './formats';
import { GENDER, GENDER_CODES, SEX_CODES, isSexCode, type SexCode } from '../codes/sex';

/**
 * The codes a child's `gender` field may hold. CIN census 2024-25 specification: Sex (M, F, U)
 * replaces Gender (0, 1, 2, 9). New entries are M, F or U; the Gender codes stay accepted so that
 * records saved before the change remain valid and can be corrected without being changed.
 * The field keeps its name `gender` so stored records and their links do not need migrating.
 */
export const CHILD_SEX_CODES = [...SEX_CODES, ...GENDER_CODES] as const;
export type ChildSexCode = (typeof CHILD_SEX_CODES)[number];

/** What the form offers for a new entry (census Sex from 2024-25). */
export const SEX_LABELS: Record<SexCode, string> = {
  M: 'Male',
  F: 'Female',
  U: 'Not known',
};

/**
 * Words for any stored code: the Sex label, or for a Gender code recorded before 2024-25 its
 * label with the old code, so the worker can see it was not chosen from today's list.
 */
export function childSexLabel(code: string): string {
  if (isSexCode(code)) return SEX_LABELS[code];
  const legacy = GENDER.find((g) => g.code === code);
  return legacy ? `${legacy.label} (census gender code ${code}, used before 2024-25)` : code;
}

/** Census Sex for an unborn child is U; records made before 2024-25 hold Gender 0. */
const UNBORN_SEX_CODES = ['U', '0'] as const;

/**
 * How far ahead an expected date of birth may be: a pregnancy is about 9 months from conception
 * and rarely known of before ~4 weeks, so 10 months catches year typos without refusing a very
 * early pre-birth referral.
 */
export const EXPECTED_DOB_MAX_MONTHS_AHEAD = 10;
/**
 * How far in the past an expected date of birth may be. Babies are often born up to two weeks
 * late (to 42 weeks) and the record may not yet show the birth, so one month of grace; beyond
 * that the baby should be recorded as born.
 */
export const EXPECTED_DOB_MAX_MONTHS_PAST = 1;

function commonFields() {
  return {
    /** Set when the child has been matched to an existing record (domain §7 search first). */
    personId: optionalId('Child record'),
    address: addressSchema.optional(),
    school: optionalText({ max: NAME_MAX, label: 'School or nursery' }),
    gp: optionalText({ max: NAME_MAX, label: 'GP practice' }),
    firstLanguage: optionalText({ max: NAME_MAX, label: 'First language' }),
    // "Not known" where the worker cannot know yet (an anonymous caller may not say).
    interpreterNeeded: z.union([z.boolean(), z.literal('unknown')], {
      error: 'Select whether an interpreter is needed',
    }),
  };
}

/** The oldest "about N" a worker can give for a child whose date of birth is not known. */
export const APPROXIMATE_AGE_MAX = 25;

/**
 * A born child. At the front door the name or date of birth is often not known ("a boy called
 * Tyler, about 6"): each may be marked "not known", and an approximate age given instead of a date
 * of birth. Unknown details never block saving a referral and are never invented.
 */
export const bornChildSchema = memoByToday((ctx: ValidationContext) => {
  return z
    .strictObject({
      status: z.literal('born'),
      ...commonFields(),
      givenNames: optionalText({ max: NAME_MAX, label: 'Given names' }),
      givenNamesNotKnown: z.boolean().optional(),
      familyName: optionalText({ max: NAME_MAX, label: 'Family name' }),
      familyNameNotKnown: z.boolean().optional(),
      /** Other names or aliases ("also known as"), as one line. */
      otherNames: optionalText({ max: SHORT_TEXT_MAX, label: 'Other names' }),
      dateOfBirth: pastOrTodayDate(ctx, {
        required: "Enter the child's date of birth",
        future: 'Enter a date of birth in the past',
      }).optional(),
      dateOfBirthNotKnown: z.boolean().optional(),
      /** "About N years old" at the time of the referral, where the date of birth is not known. */
      approximateAge: z
        .number({ error: 'Enter the approximate age as a whole number of years' })
        .int('Enter the approximate age as a whole number of years')
        .min(0, 'Enter an age of 0 (under one) or more')
        .max(APPROXIMATE_AGE_MAX, `Enter an age up to ${String(APPROXIMATE_AGE_MAX)}`)
        .optional(),
      // Children are under 18, but an 18-year-old can still be referred (care leavers, a wrongly
      // typed year being corrected later), so age is never a hard stop here.
      gender: z.enum(CHILD_SEX_CODES, { error: "Select the child's sex" }),
      nhsNumber: optionalNhsNumber(),
      /** Whether the child has a disability; "not known" is common at the front door. */
      disability: yesNoUnknown('Select whether the child has a disability'),
      disabilityDetails: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'Disability details',
      }),
      /** Census ethnicity code or the family's own description. */
      ethnicity: optionalText({ max: NAME_MAX, label: 'Ethnicity' }),
    })
    .check(
      everyTime<BornChildShape>((c, rc) => {
        const issue = (path: string, message: string) => {
          rc.addIssue({ code: 'custom', path: [path], message });
        };
        if (!c.givenNames && c.givenNamesNotKnown !== true) {
          issue('givenNames', 'Enter the child’s first name, or choose “Not known”');
        }
        if (c.givenNames && c.givenNamesNotKnown === true) {
          issue('givenNames', 'You gave a first name and chose “Not known”: clear one of them');
        }
        if (!c.familyName && c.familyNameNotKnown !== true) {
          issue('familyName', 'Enter the child’s last name, or choose “Not known”');
        }
        if (c.familyName && c.familyNameNotKnown === true) {
          issue('familyName', 'You gave a last name and chose “Not known”: clear one of them');
        }
        if (!c.dateOfBirth && c.dateOfBirthNotKnown !== true) {
          issue('dateOfBirth', 'Enter the child’s date of birth, or choose “Not known”');
        }
        if (c.dateOfBirth && c.dateOfBirthNotKnown === true) {
          issue('dateOfBirth', 'You gave a date of birth and chose “Not known”: clear one of them');
        }
        if (c.approximateAge !== undefined && c.dateOfBirth) {
          issue(
            'approximateAge',
            'Give an approximate age only when the date of birth is not known',
          );
        }
      }),
    );
});

/** The fields the cross-field check reads (any may be missing while the form is incomplete). */
type BornChildShape = {
  givenNames?: string | undefined;
  givenNamesNotKnown?: boolean | undefined;
  familyName?: string | undefined;
  familyNameNotKnown?: boolean | undefined;
  dateOfBirth?: string | undefined;
  dateOfBirthNotKnown?: boolean | undefined;
  approximateAge?: number | undefined;
};

export const unbornChildSchema = memoByToday((ctx: ValidationContext) => {
  const today = checkContext(ctx);
  const earliest = addMonthsIso(today, -EXPECTED_DOB_MAX_MONTHS_PAST);
  const latest = addMonthsIso(today, EXPECTED_DOB_MAX_MONTHS_AHEAD);
  return z.strictObject({
    status: z.literal('unborn'),
    ...commonFields(),
    // Names are usually not chosen yet: displayChildName() falls back to "Unborn baby of …".
    givenNames: optionalText({ max: NAME_MAX, label: 'Given names' }),
    familyName: optionalText({ max: NAME_MAX, label: 'Family name' }),
    expectedDateOfBirth: isoDate({ required: 'Enter the expected date of birth' })
      .refine((v) => v >= earliest, {
        error: `Expected date of birth must be after ${formatUkDate(earliest)} – if the baby has been born, record the child as born`,
        abort: true,
      })
      .refine((v) => v <= latest, {
        error: `Expected date of birth must be before ${formatUkDate(latest)} – check the year`,
      }),
    // CIN census: an unborn child's sex is U (not known); Gender 0 before 2024-25. Defaulted so
    // the form need not ask.
    gender: z
      .enum(UNBORN_SEX_CODES, { error: "An unborn baby's sex is recorded as U (not known)" })
      .default('U'),
    /** The mother's record, if she is known to the system. */
    motherPersonId: optionalId("Mother's record"),
    motherName: optionalText({ max: NAME_MAX, label: "Mother's name" }),
  });
});

/** A child: born (date of birth) or unborn (expected date of birth), discriminated on `status`. */
export const childSchema = memoByToday((ctx: ValidationContext) => {
  return z.discriminatedUnion('status', [bornChildSchema(ctx), unbornChildSchema(ctx)], {
    error: 'Select whether the child is born or unborn',
  });
});

export type BornChildInput = z.infer<ReturnType<typeof bornChildSchema>>;
export type UnbornChildInput = z.infer<ReturnType<typeof unbornChildSchema>>;
export type ChildInput = z.infer<ReturnType<typeof childSchema>>;

/**
 * Name to show for a child: "Given Family", or for an unborn baby without names
 * "Unborn baby of <mother>" / "Unborn baby (due 01/02/2026)".
 */
export function displayChildName(child: ChildInput): string {
  const name = [child.givenNames, child.familyName].filter((p) => p !== undefined && p !== '');
  if (child.status === 'born') {
    // "Tyler (last name not known)": say what is missing rather than leave a gap.
    if (child.givenNames && !child.familyName) return `${child.givenNames} (last name not known)`;
    if (!child.givenNames && child.familyName) return `${child.familyName} (first name not known)`;
    if (name.length === 0) return 'Child (name not known)';
    return name.join(' ');
  }
  if (name.length > 0) return name.join(' ');
  if (child.motherName) return `Unborn baby of ${child.motherName}`;
  return `Unborn baby (due ${formatUkDate(child.expectedDateOfBirth)})`;
}

/**
 * The date used for age and matching: date of birth, or expected date of birth if unborn; null
 * when the date of birth is not known.
 */
export function childBirthDate(child: ChildInput): IsoDate | null {
  return child.status === 'born' ? (child.dateOfBirth ?? null) : child.expectedDateOfBirth;
}

/**
 * The year a child of "about N" at `onDate` was most likely born: N full years before, so about
 * 6 on 30/11/2026 → 2020. Matching allows a year either side (shared/matching).
 */
export function estimatedBirthYear(approximateAge: number, onDate: IsoDate): number {
  return Number(onDate.slice(0, 4)) - approximateAge;
}

/** "about 6", "about 1", "under 1 (about)" for display. */
export function approximateAgeText(age: number): string {
  return age === 0 ? 'under 1 (approximate)' : `about ${String(age)}`;
}
