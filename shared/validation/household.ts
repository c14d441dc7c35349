// A person in the child's household or family network. Parental responsibility matters for
// consent and for who must be told of the decision (domain §2.1, §2.6).

import * as z from 'zod';
import {
  NAME_MAX,
  NOTES_MAX,
  SHORT_TEXT_MAX,
  type ValidationContext,
  optionalId,
  optionalText,
  pastOrTodayDate,
  requiredBoolean,
  requiredText,
  memoByToday,
} from './fields';

export const householdMemberSchema = memoByToday((ctx: ValidationContext) => {
  return z.strictObject({
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
    notes: optionalText({ max: NOTES_MAX, multiline: true, label: 'Notes' }),
  });
});

export type HouseholdMemberInput = z.infer<ReturnType<typeof householdMemberSchema>>;
