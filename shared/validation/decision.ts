// The decision on the type of response (domain §2.1), as a zod schema shared by the decision form
// and the IPC layer. Shape only: rules that depend on the edition or local policy (manager sign-off,
// lead practitioner, seeing the child) live in shared/checklist `checkDecisionComplete`.

import { z } from 'zod';
import { londonDate, londonTime } from '../calendar/clocks';
import { RESPONSE_TYPES } from '../domain/types';
import { formatUkDate } from './formats';

/** Minimum length of the written rationale (a local quality bar, not a statutory figure). */
export const RATIONALE_MIN_LENGTH = 20;

export const TEXT_LIMITS = {
  id: 64,
  name: 120,
  short: 200,
  reference: 64,
  medium: 2000,
  long: 10_000,
} as const;

/**
 * True when the text holds a control character other than tab, line feed or carriage return
 * (a textarea on Windows may deliver CRLF). C1 controls (U+0080–U+009F) are rejected too.
 * Written as a loop because a regex literal with control characters trips `no-control-regex`.
 */
export function hasForbiddenControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

const CONTROL_MESSAGE = 'Remove hidden control characters (they can come from pasting)';

/** Trimmed free text with a length limit and no control characters. Empty string allowed. */
function text(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((v) => !hasForbiddenControlChars(v), CONTROL_MESSAGE);
}

/** Required free text: trimmed, at least one character, with the given "Enter …" message. */
function requiredText(max: number, label: string, emptyMessage: string) {
  return z
    .string(emptyMessage)
    .trim()
    .min(1, emptyMessage)
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((v) => !hasForbiddenControlChars(v), CONTROL_MESSAGE);
}

const isoInstant = (message: string) => z.iso.datetime({ offset: true, error: message });

/** Answers to the decision checklist (shared/checklist). */
export const ANSWER_VALUES = ['yes', 'no', 'unknown'] as const;
export const answerValueSchema = z.enum(ANSWER_VALUES, 'Answer yes, no or not known');
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** Checklist question ids are stable kebab-case data keys. */
export const questionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Unknown checklist question')
  .max(TEXT_LIMITS.id);

export const answersSchema = z.record(questionIdSchema, answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

export const responseTypeSchema = z.enum(RESPONSE_TYPES, 'Select the type of response');

// ---------------------------------------------------------------------------------------------
// Police notification. WT 2013 ch.1 (and every edition since): where a crime has or may have been
// committed, discuss it with the police at the earliest opportunity. Domain §2.1: record who was
// told, when, and the police reference.
// ---------------------------------------------------------------------------------------------

const policeNotificationObject = z
  .object({
    notified: z.boolean('Say whether the police have been told'),
    officerName: text(TEXT_LIMITS.name, 'Officer name').optional(),
    rankOrRole: text(TEXT_LIMITS.short, 'Rank or role').optional(),
    forceOrTeam: text(TEXT_LIMITS.short, 'Police force or team').optional(),
    notifiedAt: isoInstant('Enter a valid date and time when the police were told').optional(),
    reference: text(TEXT_LIMITS.reference, 'Police reference number').optional(),
    /** The police have not yet given a reference: not a blocker, but a follow-up to add it. */
    referenceAwaited: z.boolean().optional(),
  })
  .strict();

export const policeNotificationSchema = policeNotificationObject.superRefine((p, ctx) => {
  if (!p.notified) return;
  if (!p.officerName) {
    ctx.addIssue({
      code: 'custom',
      path: ['officerName'],
      message: 'Enter the name of the police officer you told',
    });
  }
  if (!p.notifiedAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['notifiedAt'],
      message: 'Enter the date and time you told the police',
    });
  }
  if (!p.reference && p.referenceAwaited !== true) {
    ctx.addIssue({
      code: 'custom',
      path: ['reference'],
      message: 'Enter the police reference number, or say it is awaited',
    });
  }
});
export type PoliceNotification = z.infer<typeof policeNotificationSchema>;

// ---------------------------------------------------------------------------------------------
// Informing the family. Domain §2.1 (WT 2013 ch.1 onward): the family is told of the action unless
// that would jeopardise a police investigation or put the child at risk of significant harm.
// ---------------------------------------------------------------------------------------------

/**
 * 'yes': the family has been or will be told; 'not-yet': they will be told, by a named person on a
 * date (the decision was made before anyone could reach them); 'no-withheld': not told, on one of
 * the two grounds the guidance allows.
 */
export const FAMILY_INFORMED_VALUES = ['yes', 'not-yet', 'no-withheld'] as const;
export type FamilyInformed = (typeof FAMILY_INFORMED_VALUES)[number];

/**
 * The only grounds for not telling the family (WT 2013 ch.1 onward; WT 2010 ch.5): telling them
 * would jeopardise a police investigation, or put the child at risk of significant harm. There is
 * no "other" ground.
 */
export const FAMILY_WITHHELD_REASONS = [
  'jeopardise-police-investigation',
  'risk-of-significant-harm',
] as const;
export type FamilyWithheldReason = (typeof FAMILY_WITHHELD_REASONS)[number];

export const FAMILY_WITHHELD_REASON_LABELS: Record<FamilyWithheldReason, string> = {
  'jeopardise-police-investigation': 'Telling the family would jeopardise a police investigation',
  'risk-of-significant-harm': 'Telling the family would put the child at risk of significant harm',
};

/** Decisions recorded before the "other" ground was removed stay readable. */
export function familyWithheldReasonLabel(reason: string): string {
  return reason in FAMILY_WITHHELD_REASON_LABELS
    ? FAMILY_WITHHELD_REASON_LABELS[reason as FamilyWithheldReason]
    : 'Another reason (recorded before only the two grounds in the guidance were allowed)';
}

/**
 * Section 17 assessments and early help are provided with the family's agreement; a section 47
 * enquiry does not need it (Children Act 1989 ss17, 47; WT 2018 ch.1).
 */
export const FAMILY_AGREEMENT_VALUES = ['agreed', 'refused', 'not-yet-asked'] as const;
export type FamilyAgreement = (typeof FAMILY_AGREEMENT_VALUES)[number];
export const FAMILY_AGREEMENT_LABELS: Record<FamilyAgreement, string> = {
  agreed: 'The family has agreed',
  refused: 'The family has refused',
  'not-yet-asked': 'Not yet asked (the worker will ask when they contact the family)',
};

/** WT 2023 ch.3: the lead practitioner may be a non-social-worker for child in need work only. */
export const LEAD_PRACTITIONER_ROLES = ['social-worker', 'other-practitioner'] as const;
export type LeadPractitionerRole = (typeof LEAD_PRACTITIONER_ROLES)[number];
export const LEAD_PRACTITIONER_ROLE_LABELS: Record<LeadPractitionerRole, string> = {
  'social-worker': 'A social worker',
  'other-practitioner': 'Another practitioner (child in need work only)',
};

const isoDateOnly = (message: string) => z.iso.date({ error: message });

// ---------------------------------------------------------------------------------------------
// The decision record.
// ---------------------------------------------------------------------------------------------

const decisionFields = {
  referralId: z.string().trim().min(1).max(TEXT_LIMITS.id).optional(),
  answers: answersSchema,
  recommendedResponse: responseTypeSchema,
  chosenResponse: responseTypeSchema,
  /** Why the worker chose a response other than the checklist's recommendation. */
  differsReason: text(TEXT_LIMITS.medium, 'The reason for a different response').optional(),
  // Domain §2.1: decisions are recorded with their rationale; who decided and when.
  rationale: z
    .string('Enter the reasons for your decision')
    .trim()
    .min(1, 'Enter the reasons for your decision')
    .min(
      RATIONALE_MIN_LENGTH,
      `Give fuller reasons for your decision (at least ${RATIONALE_MIN_LENGTH} characters)`,
    )
    .max(TEXT_LIMITS.long, `Reasons must be ${TEXT_LIMITS.long} characters or fewer`)
    .refine((v) => !hasForbiddenControlChars(v), CONTROL_MESSAGE),
  crimeSuspected: z.boolean('Say whether a crime has or may have been committed'),
  policeNotification: policeNotificationSchema.optional(),
  familyInformed: z.enum(FAMILY_INFORMED_VALUES, 'Say whether the family has been told'),
  familyWithheldReason: z
    .enum(FAMILY_WITHHELD_REASONS, 'Select why the family has not been told')
    .optional(),
  familyWithheldExplanation: text(TEXT_LIMITS.medium, 'The explanation').optional(),
  /** Who will tell the family, where they have not been told yet. */
  familyToBeToldBy: text(TEXT_LIMITS.name, 'Who will tell the family').optional(),
  /** When the family will be told by. */
  familyToBeToldOn: isoDateOnly('Enter a real date, for example 27/03/2026').optional(),
  /** Section 17 and early help only: whether the family has agreed. */
  familyAgreement: z.enum(FAMILY_AGREEMENT_VALUES, 'Say whether the family has agreed').optional(),
  /** How and by when the child will be seen (domain §2.1: as soon as possible; local standard). */
  seeingChildPlan: text(TEXT_LIMITS.medium, 'The plan for seeing the child').optional(),
  /** When the child should be seen by, if a time has been set. */
  seeChildBy: isoInstant('Enter a valid date and time to see the child by').optional(),
  /** WT 2023 ch.3: a lead practitioner is named once a referral is accepted. */
  leadPractitioner: text(TEXT_LIMITS.name, 'Lead practitioner name').optional(),
  /** The social-work-qualified manager or practice supervisor who named them (WT 2023 ch.3). */
  leadPractitionerAllocatedBy: text(TEXT_LIMITS.name, 'Who named the lead practitioner').optional(),
  leadPractitionerRole: z
    .enum(LEAD_PRACTITIONER_ROLES, 'Say whether the lead practitioner is a social worker')
    .optional(),
  /** Who recorded it. The main process always replaces it with the signed-in user's name. */
  decidedBy: requiredText(TEXT_LIMITS.name, 'Decided by', 'Enter who made the decision'),
  /** Where the signed-in user records a decision someone else made (a manager on the phone). */
  onBehalfOf: text(TEXT_LIMITS.name, 'Who made the decision').optional(),
  decidedAt: isoInstant('Enter a valid date and time of the decision'),
};

const decisionObject = z.object(decisionFields).strict();

type DecisionShape = z.infer<typeof decisionObject>;

/** Consistency rules that hold whatever the edition or local policy. */
function refineDecision(d: Partial<DecisionShape>, ctx: z.RefinementCtx): void {
  if (
    d.chosenResponse !== undefined &&
    d.recommendedResponse !== undefined &&
    d.chosenResponse !== d.recommendedResponse &&
    !d.differsReason
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['differsReason'],
      message: 'Explain why you chose a different response',
    });
  }
  if (d.familyInformed === 'no-withheld') {
    if (d.familyWithheldReason === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['familyWithheldReason'],
        message: 'Select why the family has not been told',
      });
    }
    if (!d.familyWithheldExplanation) {
      ctx.addIssue({
        code: 'custom',
        path: ['familyWithheldExplanation'],
        message: 'Explain why the family has not been told',
      });
    }
  }
  if (d.familyInformed === 'not-yet') {
    if (!d.familyToBeToldBy) {
      ctx.addIssue({
        code: 'custom',
        path: ['familyToBeToldBy'],
        message: 'Enter who will tell the family',
      });
    }
    if (!d.familyToBeToldOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['familyToBeToldOn'],
        message: 'Enter when the family will be told',
      });
    }
  }
  // The checklist's crime question and the police section are one answer: "not known" whether a
  // crime may have been committed is treated as "may have been" (discuss with the police).
  const crimeAnswer = d.answers?.['crime-suspected'];
  if (crimeAnswer !== undefined && d.crimeSuspected !== undefined) {
    if (d.crimeSuspected !== (crimeAnswer !== 'no')) {
      ctx.addIssue({
        code: 'custom',
        path: ['crimeSuspected'],
        message: 'The police answer must match your answer to the crime question in the checklist',
      });
    }
  }
  // "See the child by" is a plan made at the decision: it cannot be before it.
  if (d.seeChildBy !== undefined && d.decidedAt !== undefined) {
    if (Date.parse(d.seeChildBy) < Date.parse(d.decidedAt) - 60_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['seeChildBy'],
        message: 'The time to see the child by cannot be before the decision',
      });
    }
  }
}

/** A decision as recorded. Rejects unknown keys. */
export const decisionSchema = decisionObject.superRefine(refineDecision);
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;

/**
 * A decision in progress (autosaved draft): every field optional and the rationale may be short,
 * but each present field keeps its type, length and character rules. Use `checkDecisionComplete`
 * to list what is still needed.
 */
export const decisionDraftSchema = z
  .object({
    ...decisionFields,
    rationale: text(TEXT_LIMITS.long, 'Reasons'),
    decidedBy: text(TEXT_LIMITS.name, 'Decided by'),
  })
  .partial()
  .strict();
export type DecisionDraft = z.infer<typeof decisionDraftSchema>;

// ---------------------------------------------------------------------------------------------
// Dates against the referral and the present. Checked in the main process (it alone knows when
// the referral was received); a year typed wrongly (0001, 2099) is the usual cause.
// ---------------------------------------------------------------------------------------------

/** Clock difference tolerated between the screen and the main process. */
export const DECISION_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * How far ahead a plan recorded with a decision may be (seeing the child, telling the family).
 * Every plan in the guidance is counted in hours or working days, so a year is already far beyond
 * any real one: later than that is a mistyped year.
 */
export const DECISION_PLAN_MAX_DAYS_AHEAD = 366;

const DAY_MS = 86_400_000;

export type DecisionDateBounds = {
  /** The main process's now. */
  now: Date;
  /** When the referral was received (nothing in the decision happened before it). */
  receivedAt: string;
};

/**
 * Field errors for decision dates outside what can be true: things that happened (the decision,
 * telling the police) fall between the referral's receipt and now; plans (see the child by, tell
 * the family by) fall between the decision and a year ahead.
 */
export function decisionDateErrors(
  d: Pick<Decision, 'decidedAt' | 'seeChildBy' | 'familyToBeToldOn' | 'policeNotification'>,
  bounds: DecisionDateBounds,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const now = bounds.now.getTime();
  const received = Date.parse(bounds.receivedAt);
  const receivedText = `${londonTime(bounds.receivedAt).slice(0, 5)} on ${formatUkDate(londonDate(bounds.receivedAt))}`;
  const latestPlan = now + DECISION_PLAN_MAX_DAYS_AHEAD * DAY_MS;
  const happened = (field: string, value: string | undefined, what: string) => {
    if (value === undefined) return;
    const t = Date.parse(value);
    if (t < received - DECISION_CLOCK_SKEW_MS) {
      errors[field] =
        `${what} cannot be before the referral was received (${receivedText}): check the date`;
    } else if (t > now + DECISION_CLOCK_SKEW_MS) {
      errors[field] = `${what} cannot be in the future: check the date`;
    }
  };
  happened('decidedAt', d.decidedAt, 'The decision');
  happened('policeNotification.notifiedAt', d.policeNotification?.notifiedAt, 'Telling the police');
  if (d.seeChildBy !== undefined && Date.parse(d.seeChildBy) > latestPlan) {
    errors.seeChildBy = 'The time to see the child by is more than a year ahead: check the year';
  }
  if (d.familyToBeToldOn !== undefined) {
    const decidedOn =
      errors.decidedAt === undefined
        ? londonDate(d.decidedAt)
        : londonDate(bounds.now.toISOString());
    if (d.familyToBeToldOn < decidedOn) {
      errors.familyToBeToldOn = `The date to tell the family by cannot be before the decision (${formatUkDate(decidedOn)})`;
    } else if (Date.parse(`${d.familyToBeToldOn}T00:00:00Z`) > latestPlan) {
      errors.familyToBeToldOn =
        'The date to tell the family by is more than a year ahead: check the year';
    }
  }
  return errors;
}
