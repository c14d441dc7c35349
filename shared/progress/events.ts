// What has happened on a referral since the decision: strategy discussions and what they decided,
// the section 47 enquiry and its outcome, conferences, and the assessment. These are the facts the
// statutory clocks follow (shared/calendar referral-clocks) and the census fields come from
// (S47ActualStartDate, ICPCnotRequired, DateOfInitialCPC, AssessmentActualStartDate,
// AssessmentInternalReviewDate, AssessmentAuthorisationDate). One zod schema for the form and the
// IPC layer.

import * as z from 'zod';
import { S47_OUTCOMES, S47_OUTCOME_LABELS } from '../calendar/referral-clocks';
import type { IsoInstant } from '../domain/types';
import {
  SHORT_TEXT_MAX,
  type ValidationContext,
  memoByToday,
  optionalText,
  pastOrTodayDate,
  requiredText,
} from '../validation/fields';

export { S47_OUTCOMES, S47_OUTCOME_LABELS };
export type { S47Outcome } from '../calendar/referral-clocks';

export const PROGRESS_KINDS = [
  'strategy-discussion',
  's47-started',
  's47-outcome',
  'icpc-not-required',
  'icpc-held',
  'first-core-group',
  'review-conference',
  'assessment-started',
  'internal-review',
  'initial-assessment-completed',
  'assessment-completed',
] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

export const PROGRESS_KIND_LABELS: Record<ProgressKind, string> = {
  'strategy-discussion': 'Strategy discussion held',
  's47-started': 'Section 47 enquiry started',
  's47-outcome': 'Outcome of the section 47 enquiry',
  'icpc-not-required': 'Initial child protection conference not required',
  'icpc-held': 'Initial child protection conference held',
  'first-core-group': 'First core group meeting held',
  'review-conference': 'Review child protection conference held',
  'assessment-started': 'Assessment started',
  'internal-review': 'Assessment internal review point held',
  'initial-assessment-completed': 'Initial assessment completed (2010 edition)',
  'assessment-completed': 'Assessment completed',
};

/** Kinds a referral can have at most one of (withdraw the old one to correct it). */
export const SINGLE_PROGRESS_KINDS: readonly ProgressKind[] = [
  's47-started',
  's47-outcome',
  'icpc-not-required',
  'icpc-held',
  'first-core-group',
  'assessment-started',
  'internal-review',
  'initial-assessment-completed',
  'assessment-completed',
];

export const S47_TYPES = ['single-agency', 'joint-with-police'] as const;
export type S47Type = (typeof S47_TYPES)[number];
export const S47_TYPE_LABELS: Record<S47Type, string> = {
  'single-agency': "Single-agency (children's social care)",
  'joint-with-police': 'Joint with the police',
};

export const progressEventSchema = memoByToday((ctx: ValidationContext) => {
  const date = pastOrTodayDate(ctx, {
    required: 'Enter the date it happened',
    future: 'The date cannot be in the future: record what has happened, not a plan',
  });
  const note = optionalText({ max: SHORT_TEXT_MAX, multiline: true, label: 'Note' });
  const simple = <K extends ProgressKind>(kind: K) =>
    z.strictObject({ kind: z.literal(kind), date, note });
  return z.discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('strategy-discussion'),
        date,
        // WT 2013 ch.1 onward: the strategy discussion decides whether to start s47 enquiries.
        s47: z.enum(['yes', 'no'], {
          error: 'Say whether the discussion decided to start a section 47 enquiry',
        }),
        // Asked only when an enquiry starts (shared/progress check.ts requires it then).
        s47Type: z
          .enum(S47_TYPES, { error: 'Say whether the enquiry is joint with the police' })
          .optional(),
        note,
      }),
      simple('s47-started'),
      z.strictObject({
        kind: z.literal('s47-outcome'),
        date,
        outcome: z.enum(S47_OUTCOMES, { error: 'Select the outcome of the enquiry' }),
        note,
      }),
      z.strictObject({
        kind: z.literal('icpc-not-required'),
        date,
        reason: requiredText({
          max: SHORT_TEXT_MAX,
          multiline: true,
          label: 'Reason',
          required: 'Enter why no conference is needed',
        }),
        note,
      }),
      simple('icpc-held'),
      simple('first-core-group'),
      simple('review-conference'),
      simple('assessment-started'),
      simple('internal-review'),
      simple('initial-assessment-completed'),
      simple('assessment-completed'),
    ],
    { error: 'Select what happened' },
  );
});

export type ProgressEventInput = z.infer<ReturnType<typeof progressEventSchema>>;

export type ProgressEventRecord = {
  id: string;
  event: ProgressEventInput;
  recordedAt: IsoInstant;
  recordedBy: { id: string; displayName: string } | null;
  /** Set when the entry was withdrawn (recorded in error); it stays visible, struck through. */
  withdrawn: {
    at: IsoInstant;
    by: { id: string; displayName: string } | null;
    reason: string;
  } | null;
};
