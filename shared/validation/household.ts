// A person in the child's household or family network. Parental responsibility matters for
// consent and for who must be told of the decision (domain §2.1, §2.6).

import * as z from 'zod';
import {
  NAME_MAX,
  NOTES_MAX,
  SHORT_TEXT_MAX,
  type ValidationContext,
  addressSchema,
  optionalId,
  optionalText,
  pastOrTodayDate,
  requiredBoolean,
  requiredText,
  memoByToday,
} from './fields';

export const householdMemberSchema = memoByToday((ctx: ValidationContext) => {
  return z
    .strictObject({
      /** Set when matched to an existing person record. */
      personId: optionalId('Person record'),
      givenNames: requiredText({
        max: NAME_MAX,
        label: 'Given names',
        required: "Enter the person's first name",
      }),
      familyName: requiredText({
        max: NAME_MAX,
        label: 'Family name',
        required: "Enter the person's last name",
      }),
      /** Free text because one referral may cover several children: "Mother of Amy and Ben". */
      relationship: requiredText({
        max: SHORT_TEXT_MAX,
        label: 'Relationship',
        required: 'Enter how the person is related to the child, for example mother or lodger',
      }),
      dateOfBirth: pastOrTodayDate(ctx, {
        required: "Enter the person's date of birth",
        future: 'Enter a date of birth in the past',
      }).optional(),
      parentalResponsibility: requiredBoolean(
        'Select whether the person has parental responsibility',
      ),
      livesInHousehold: requiredBoolean("Select whether the person lives in the child's household"),
      /**
       * Alleged to have caused the harm. No letter may go to an address that matches this person's
       * (issue 13 "Safe contact"); only `true` means alleged, and older records stay valid.
       */
      allegedHarm: z.boolean().optional(),
      /**
       * Where someone who does not live with the child lives, if known (the child's own address
       * covers those who do), so letters can be kept away from it (issue 13 "Safe contact").
       */
      address: addressSchema.optional(),
      notes: optionalText({ max: NOTES_MAX, multiline: true, label: 'Notes' }),
    })
    .superRefine((m, rc) => {
      // Someone who lives with the child lives at the child's address; a second address for them
      // would be one the form never shows, so it is not kept.
      if (m.address !== undefined && m.livesInHousehold) {
        rc.addIssue({
          code: 'custom',
          path: ['address'],
          message:
            "An address is recorded only for someone who does not live in the child's household",
        });
      }
    });
});

export type HouseholdMemberInput = z.infer<ReturnType<typeof householdMemberSchema>>;
