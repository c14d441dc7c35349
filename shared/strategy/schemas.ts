// Zod schemas for scheduling a strategy discussion and for its invitees: one schema for the form
// and the IPC layer (architecture §1), messages in en-GB beside each field (GOV.UK pattern).
import * as z from 'zod';
import { ROLE_IDS } from '../domain/types';
import {
  NAME_MAX,
  SHORT_TEXT_MAX,
  everyTime,
  isoInstant,
  optionalEmail,
  optionalId,
  optionalText,
  requiredText,
} from '../validation/fields';
import { EMERGENCY_MEASURES, SENIORITIES, STRATEGY_FORMATS, type StrategyFormat } from './types';

/** The longest a discussion may be booked for: a longer slot is a typing slip (a day for an hour). */
export const MAX_MEETING_HOURS = 8;

const recordId = (label: string) =>
  z
    .string({ error: `${label} is missing` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label} is not a valid reference` });

export const triggerSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('decision'), decisionId: recordId('The decision') }),
    z.strictObject({
      kind: z.literal('emergency-action'),
      decisionId: recordId('The decision'),
      // Children Act 1989 s46 (police protection, at most 72 hours) or s44 (EPO).
      measure: z.enum(EMERGENCY_MEASURES, {
        error: 'Select police protection or an Emergency Protection Order',
      }),
      takenAt: isoInstant('Enter the date and time the child was protected'),
    }),
    z.strictObject({
      kind: z.literal('new-information'),
      summary: requiredText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'What the new information is',
        required: 'Say what new information led to this discussion',
      }),
    }),
  ],
  { error: 'Select what led to this discussion' },
);
export type TriggerInput = z.infer<typeof triggerSchema>;

const location = optionalText({ max: SHORT_TEXT_MAX, multiline: true, label: 'Location' });
const joinLink = optionalText({ max: SHORT_TEXT_MAX, label: 'Joining details' });

/** Time and place: shared by scheduling and rescheduling. */
export const slotFields = {
  startsAt: isoInstant('Enter the date and time the discussion starts'),
  endsAt: isoInstant('Enter the time the discussion ends'),
  format: z.enum(STRATEGY_FORMATS, { error: 'Select in person, video call or telephone' }),
  location,
  joinLink,
};

type SlotShape = {
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  format?: StrategyFormat | undefined;
  location?: string | undefined;
  joinLink?: string | undefined;
};

/** End after start and not longer than a working day; where or how to join. */
function checkSlot(s: SlotShape, ctx: z.RefinementCtx): void {
  if (typeof s.startsAt === 'string' && typeof s.endsAt === 'string') {
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    if (!Number.isNaN(start) && !Number.isNaN(end)) {
      if (end <= start) {
        ctx.addIssue({
          code: 'custom',
          path: ['endsAt'],
          message: 'End the discussion after it starts',
        });
      } else if (end - start > MAX_MEETING_HOURS * 3_600_000) {
        ctx.addIssue({
          code: 'custom',
          path: ['endsAt'],
          message: `A discussion can be booked for at most ${String(MAX_MEETING_HOURS)} hours – check the end time`,
        });
      }
    }
  }
  if (s.format === 'in-person' && !s.location) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: 'Enter where the meeting is' });
  }
  if (s.format === 'video' && !s.joinLink) {
    ctx.addIssue({
      code: 'custom',
      path: ['joinLink'],
      message: 'Enter the joining link or meeting details for the video call',
    });
  }
}

/** A child discussed: one on the referral, or another child in contact with the alleged abuser. */
export const discussedChildSchema = z
  .strictObject({
    /** The child's row on the referral (ReferralChildRecord.id). */
    referralChildId: optionalId('Child on the referral'),
    /** A child not on the referral (domain §2.4: others in contact with the alleged perpetrator). */
    name: optionalText({ max: NAME_MAX, label: "Child's name" }),
    // WT 2018 ch.1: the fostering service is involved if the child is looked after.
    lookedAfter: z.boolean({ error: 'Say whether the child is looked after' }),
  })
  .check(
    everyTime((c, ctx) => {
      if (!c.referralChildId && !c.name) {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: "Enter the child's name, or choose a child on the referral",
        });
      }
    }),
  );
export type DiscussedChildInput = z.infer<typeof discussedChildSchema>;

/** An invitee: from the directory (directoryId) or added on the spot (and to the directory). */
export const inviteeSchema = z
  .strictObject({
    directoryId: optionalId('Directory entry'),
    name: requiredText({ max: NAME_MAX, label: 'Name', required: "Enter the invitee's name" }),
    jobTitle: optionalText({ max: NAME_MAX, label: 'Job title' }),
    agency: requiredText({
      max: NAME_MAX,
      label: 'Agency',
      required: 'Enter the agency they represent, for example the police or the GP practice',
    }),
    email: optionalEmail(),
    seniority: z.enum(SENIORITIES, {
      error: 'Say whether they can make decisions for their agency',
    }),
    /** The strategy discussion role they cover (shared/domain ROLE_IDS), or none. */
    covers: z.enum(ROLE_IDS, { error: 'Select the role they cover' }).nullable(),
    /** Added on the spot: also keep them in the directory for next time. */
    addToDirectory: z.boolean().optional(),
  })
  .check(
    everyTime((v, ctx) => {
      if (v.addToDirectory === true && v.directoryId) {
        ctx.addIssue({
          code: 'custom',
          path: ['addToDirectory'],
          message: 'This person is already in the directory',
        });
      }
    }),
  );
export type InviteeInput = z.infer<typeof inviteeSchema>;

export const MAX_INVITEES = 60;
export const MAX_CHILDREN = 30;

/** The scheduling form (and `strategy:schedule`). */
export const scheduleSchema = z
  .strictObject({
    referralId: recordId('The referral'),
    trigger: triggerSchema,
    ...slotFields,
    chairId: recordId('The chair'),
    minuteTaker: optionalText({ max: NAME_MAX, label: 'Minute-taker' }),
    children: z
      .array(discussedChildSchema)
      .min(1, 'Choose at least one child to discuss')
      .max(MAX_CHILDREN, `At most ${String(MAX_CHILDREN)} children can be listed`),
    invitees: z
      .array(inviteeSchema)
      .max(MAX_INVITEES, `At most ${String(MAX_INVITEES)} invitees`)
      .optional(),
  })
  .check(everyTime(checkSlot));
export type ScheduleInput = z.infer<typeof scheduleSchema>;

/** Changing the time or place (`strategy:update`): the reason is kept in the history. */
export const rescheduleSchema = z
  .strictObject({
    id: recordId('The discussion'),
    version: z.number().int().min(1),
    ...slotFields,
    chairId: recordId('The chair'),
    minuteTaker: optionalText({ max: NAME_MAX, label: 'Minute-taker' }),
    children: z
      .array(discussedChildSchema)
      .min(1, 'Choose at least one child to discuss')
      .max(MAX_CHILDREN, `At most ${String(MAX_CHILDREN)} children can be listed`),
    reason: optionalText({ max: SHORT_TEXT_MAX, multiline: true, label: 'Reason for the change' }),
  })
  .check(everyTime(checkSlot));
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

export const reasonSchema = (required: string) =>
  requiredText({ max: SHORT_TEXT_MAX, multiline: true, label: 'Reason', required });
