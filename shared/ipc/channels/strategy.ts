// Strategy discussion channels (issue 12): schedule, change, confirm, cancel, invitees, minutes.
// Spread into the contract (shared/ipc/contract.ts); the same schemas drive the forms.
import * as z from 'zod';
import type * as Strategy from '../../domain/strategy';
import type { UserRole } from '../../domain/types';
import { S47_TYPES } from '../../progress/events';
import {
  amendmentSchema,
  inviteeSchema,
  minutesDraftSchema,
  minutesFinalSchema,
  reasonSchema,
  rescheduleSchema,
  scheduleSchema,
} from '../../strategy';
import { SHORT_TEXT_MAX, optionalText } from '../../validation/fields';
import { channel, result } from '../define';

const id = z.string().trim().min(1, 'Missing record id').max(100, 'Record id is too long');
const version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Duty workers and managers arrange discussions; chairs run them. Reading is the same roles. */
const STRATEGY: readonly UserRole[] = ['duty-worker', 'manager', 'chair'];
/** A minute-taker opens the discussions they write up and saves the draft; the chair finalises. */
const MINUTING: readonly UserRole[] = [...STRATEGY, 'minute-taker'];

export const strategyChannels = {
  'strategy:schedule': channel({
    summary:
      'Schedule a strategy discussion from a decision, after emergency action, or on new information',
    access: STRATEGY,
    input: scheduleSchema,
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:update': channel({
    summary: 'Change the time, place, chair, minute-taker or children of a strategy discussion',
    access: STRATEGY,
    input: rescheduleSchema,
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:cancel': channel({
    summary: 'Cancel a strategy discussion, with the reason',
    access: STRATEGY,
    input: z
      .strictObject({ id, version, reason: reasonSchema('Say why the discussion is cancelled') })
      .strict(),
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:confirm': channel({
    summary:
      'Confirm a strategy discussion once every required role has an invitee, or record why not',
    access: STRATEGY,
    input: z.strictObject({
      id,
      version,
      missingRolesReason: optionalText({
        max: SHORT_TEXT_MAX,
        multiline: true,
        label: 'Why the discussion goes ahead without them',
      }),
    }),
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:mark-held': channel({
    summary: 'Record that a strategy discussion took place, with its section 47 decision if known',
    access: STRATEGY,
    input: z.strictObject({
      id,
      version,
      decision: z
        .strictObject({
          s47: z.enum(['yes', 'no'], { error: 'Say whether a section 47 enquiry is to start' }),
          s47Type: z
            .enum(S47_TYPES, { error: 'Say whether the enquiry is joint with the police' })
            .optional(),
        })
        .optional(),
    }),
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:add-invitee': channel({
    summary: 'Invite someone from the directory, or add them on the spot (and to the directory)',
    access: STRATEGY,
    input: z.strictObject({ id, version, invitee: inviteeSchema }),
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:remove-invitee': channel({
    summary: 'Take an invitee off a strategy discussion (kept in its record)',
    access: STRATEGY,
    input: z.strictObject({
      id,
      version,
      inviteeId: id,
      reason: optionalText({ max: SHORT_TEXT_MAX, multiline: true, label: 'Reason' }),
    }),
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:get': channel({
    summary: 'A strategy discussion with its invitees, required roles, history and minutes',
    access: MINUTING,
    input: z.strictObject({ id }),
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:list-mine': channel({
    summary:
      "My strategy discussions as chair (a minute-taker: the team's whose minutes are not final)",
    access: MINUTING,
    input: z.strictObject({}),
    result: result<Strategy.MyStrategyDiscussions>(),
  }),
  'strategy:list-for-referral': channel({
    summary: "A referral's strategy discussions, in order",
    access: STRATEGY,
    input: z.strictObject({ referralId: id }),
    result: result<Strategy.StrategyListItem[]>(),
  }),
  'strategy:save-minutes': channel({
    summary: 'Save the draft minutes (autosave); returns the new draft version',
    access: MINUTING,
    input: z.strictObject({
      id,
      /** The draft's version as last saved; null for the first save. */
      minutesVersion: version.nullable(),
      minutes: minutesDraftSchema,
    }),
    result: result<Strategy.MinutesVersionRecord>(),
  }),
  'strategy:finalise-minutes': channel({
    summary: 'The chair finalises the minutes; they are locked from then on',
    access: STRATEGY,
    input: z.strictObject({ id, minutesVersion: version, minutes: minutesFinalSchema }),
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
  'strategy:amend-minutes': channel({
    summary: 'Start an amendment to finalised minutes: a new version saying what changed and why',
    access: STRATEGY,
    input: z.strictObject({ id, version, amendment: amendmentSchema }),
    result: result<Strategy.StrategyDiscussionRecord>(),
  }),
};
