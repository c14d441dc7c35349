// A referral as captured at the front door (domain §2.1, §2.5, §2.6, §3). Census code rules
// (which assessment factors exist in which year, "21 must stand alone", which ReferralSource
// codes are valid) are checked in shared/codes; here only their shape is checked.

import * as z from 'zod';
import { childSchema } from './child';
import { consentSchema, informationSharingEntrySchema } from './consent';
import {
  NARRATIVE_MAX,
  SHORT_TEXT_MAX,
  type ValidationContext,
  isoInstant,
  optionalText,
  requiredBoolean,
  requiredText,
  yesNoUnknown,
  memoByToday,
  everyTime,
} from './fields';
import { householdMemberSchema } from './household';
import { referrerSchema } from './referrer';

export const REFERRAL_CHANNELS = [
  'phone',
  'email',
  'portal',
  'letter',
  'in-person',
  'police-notification',
  'other',
] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];
export const REFERRAL_CHANNEL_LABELS: Record<ReferralChannel, string> = {
  phone: 'Phone call',
  email: 'Email',
  portal: 'Online portal',
  letter: 'Letter',
  'in-person': 'In person',
  'police-notification': 'Police notification',
  other: 'Other',
};

/** Most children in one referral (a large sibling group); more is almost certainly an error. */
export const MAX_CHILDREN_PER_REFERRAL = 20;
export const MAX_HOUSEHOLD_MEMBERS = 50;
export const MAX_INFORMATION_SHARING_ENTRIES = 200;
export const MAX_ASSESSMENT_FACTORS = 40;

/** Census code shape only: 1–2 digits and an optional letter ("1A", "16A", "20", "9"). */
const CENSUS_CODE_RE = /^\d{1,2}[A-Z]?$/;

function censusCode(message: string) {
  return z
    .string({ error: message })
    .trim()
    .overwrite((v) => v.toUpperCase())
    .regex(CENSUS_CODE_RE, { error: message });
}

export const referralSchema = memoByToday((ctx: ValidationContext) => {
  return z
    .strictObject({
      /** When the front door received it: the one-working-day clock starts here (domain §2.1). */
      receivedAt: isoInstant('Enter the date and time the referral was received'),
      channel: z.enum(REFERRAL_CHANNELS, { error: 'Select how the referral was received' }),
      referrer: referrerSchema,
      children: z
        .array(childSchema(ctx), { error: 'Add at least one child' })
        .min(1, { error: 'Add at least one child' })
        .max(MAX_CHILDREN_PER_REFERRAL, {
          error: `A referral can have at most ${MAX_CHILDREN_PER_REFERRAL} children – split it into two referrals`,
        }),
      householdMembers: z
        .array(householdMemberSchema(ctx), { error: 'Household members must be a list' })
        .max(MAX_HOUSEHOLD_MEMBERS, {
          error: `A referral can have at most ${MAX_HOUSEHOLD_MEMBERS} household members`,
        }),
      concern: requiredText({
        max: NARRATIVE_MAX,
        multiline: true,
        label: 'The concern',
        required: 'Enter what the referrer is worried about',
      }),
      assessmentFactors: z
        .array(censusCode('Assessment factor codes look like 16A or 21'), {
          error: 'Assessment factors must be a list',
        })
        .max(MAX_ASSESSMENT_FACTORS, { error: 'Too many assessment factors' }),
      currentWhereabouts: requiredText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: "Child's whereabouts",
        required: "Enter where the child is now, or 'not known'",
      }),
      immediateProtectionMayBeNeeded: requiredBoolean(
        'Select whether the child may need immediate protection',
      ),
      parentsAware: yesNoUnknown('Select whether the parents know about the referral'),
      parentsAgree: yesNoUnknown('Select whether the parents agree with the referral'),
      /** Why the parents were not told, or why they disagree; required when either is "no". */
      parentsReason: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'Reason',
      }),
      consent: consentSchema(ctx),
      informationSharing: z
        .array(informationSharingEntrySchema(ctx), {
          error: 'Information sharing entries must be a list',
        })
        .max(MAX_INFORMATION_SHARING_ENTRIES, { error: 'Too many information sharing entries' }),
      /** Census ReferralSource (domain §3), e.g. "2A" for a school. */
      referralSourceCode: censusCode('Select the referral source'),
    })
    .check(
      // Runs even when other fields failed, so the reason is asked for in the same round.
      everyTime<{ parentsAware?: string; parentsAgree?: string; parentsReason?: string }>(
        (r, rc) => {
          if ((r.parentsAware === 'no' || r.parentsAgree === 'no') && !r.parentsReason) {
            rc.addIssue({
              code: 'custom',
              path: ['parentsReason'],
              message:
                r.parentsAware === 'no'
                  ? 'Enter why the parents have not been told about the referral'
                  : 'Enter why the parents do not agree with the referral',
            });
          }
        },
      ),
    );
});

export type ReferralInput = z.infer<ReturnType<typeof referralSchema>>;
