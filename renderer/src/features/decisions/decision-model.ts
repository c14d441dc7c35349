// The decision checklist form as plain data, and its pure rules: the live recommendation, which
// sections apply, and the form filled back from a saved draft or a returned decision (turning it
// into a decision is ./decision-build). Dates and times are read by the one shared
// parseLondonDateTime. Kept free of React so it can be tested alone.

import * as z from 'zod';
import { londonDate, londonInstant, londonTime } from '../../../../shared/calendar';
import { seeChildLaterThanStandard, seeChildStandardDueAt } from '../../../../shared/checklist';
import { editionLabel } from '../../../../shared/policy';
import {
  isAccepted,
  isChildProtection,
  recommendResponse,
  stepsDownFromSafety,
  type Recommendation,
} from '../../../../shared/checklist';
import { RESPONSE_TYPES, type Edition, type ResponseType } from '../../../../shared/domain/types';
import type { ResolvedPolicy } from '../../../../shared/policy/types';
import {
  ANSWER_VALUES,
  FAMILY_AGREEMENT_VALUES,
  FAMILY_WITHHELD_REASONS,
  LEAD_PRACTITIONER_ROLES,
  type AnswerValue,
  type Decision,
  type FamilyAgreement,
  type FamilyWithheldReason,
  type LeadPractitionerRole,
} from '../../../../shared/validation/decision';
import { formatUkDate } from '../../../../shared/validation/formats';
import {
  parseLondonDateTime,
  type ClockChangeChoice,
  type DateTimeText,
  type ParsedDateTime,
  type TwoDigitYears,
} from '../../../../shared/validation/typed-dates';

export type { DateTimeText };

export function emptyDateTime(): DateTimeText {
  return { date: '', time: '', choice: '' };
}

export type DecisionForm = {
  answers: Record<string, AnswerValue>;
  chosenResponse: ResponseType | '';
  differsReason: string;
  rationale: string;
  police: {
    officerName: string;
    rankOrRole: string;
    forceOrTeam: string;
    notifiedAt: DateTimeText;
    reference: string;
    /** The police have not given a reference yet. */
    referenceAwaited: boolean;
  };
  familyInformed: '' | 'yes' | 'not-yet' | 'no-withheld';
  familyWithheldReason: FamilyWithheldReason | '';
  familyWithheldExplanation: string;
  familyToBeToldBy: string;
  /** DD/MM/YYYY as typed. */
  familyToBeToldOn: string;
  familyAgreement: FamilyAgreement | '';
  seeingChildPlan: string;
  seeChildBy: DateTimeText;
  leadPractitioner: string;
  leadPractitionerAllocatedBy: string;
  leadPractitionerRole: LeadPractitionerRole | '';
  /** Someone else made this decision (a manager on the phone); the signed-in user records it. */
  onBehalfOf: string;
};

/**
 * The fields each section of the screen reads. A section is given only these (usePick), so it
 * re-renders when one of them changes and TypeScript refuses a read of any other field.
 */
export const RESPONSE_FIELDS = [
  'chosenResponse',
  'differsReason',
  'rationale',
  'familyAgreement',
] as const;
export const POLICE_FIELDS = ['answers', 'police'] as const;
export const FAMILY_FIELDS = [
  'familyInformed',
  'familyToBeToldBy',
  'familyToBeToldOn',
  'familyWithheldReason',
  'familyWithheldExplanation',
] as const;
export const SEEING_FIELDS = [
  'chosenResponse',
  'seeingChildPlan',
  'seeChildBy',
  'leadPractitioner',
  'leadPractitionerAllocatedBy',
  'leadPractitionerRole',
] as const;
export type FieldsOf<L extends readonly (keyof DecisionForm)[]> = Pick<DecisionForm, L[number]>;

export function emptyDecisionForm(): DecisionForm {
  return {
    answers: {},
    chosenResponse: '',
    differsReason: '',
    rationale: '',
    police: {
      officerName: '',
      rankOrRole: '',
      forceOrTeam: '',
      notifiedAt: emptyDateTime(),
      reference: '',
      referenceAwaited: false,
    },
    familyInformed: '',
    familyWithheldReason: '',
    familyWithheldExplanation: '',
    familyToBeToldBy: '',
    familyToBeToldOn: '',
    familyAgreement: '',
    seeingChildPlan: '',
    seeChildBy: emptyDateTime(),
    leadPractitioner: '',
    leadPractitionerAllocatedBy: '',
    leadPractitionerRole: '',
    onBehalfOf: '',
  };
}

// A saved draft is read back defensively: anything that does not fit is dropped, never trusted.
// A draft saved before the clock-change choice existed has no `choice`: none is needed to read it.
const str = z.string().max(10_000).catch('');
const CHOICES = ['', 'earlier', 'later'] as const satisfies readonly ClockChangeChoice[];
const dateTime = z
  .object({ date: str, time: str, choice: z.enum(CHOICES).optional().catch('') })
  .catch(emptyDateTime());
const draftFormSchema = z.object({
  answers: z.record(z.string().max(64), z.enum(ANSWER_VALUES)).catch({}),
  chosenResponse: z.enum([...RESPONSE_TYPES, '']).catch(''),
  differsReason: str,
  rationale: str,
  police: z
    .object({
      officerName: str,
      rankOrRole: str,
      forceOrTeam: str,
      notifiedAt: dateTime,
      reference: str,
      referenceAwaited: z.boolean().catch(false),
    })
    .catch(emptyDecisionForm().police),
  familyInformed: z.enum(['', 'yes', 'not-yet', 'no-withheld']).catch(''),
  // A draft saved when "other" was still offered comes back blank, to be chosen again.
  familyWithheldReason: z.enum([...FAMILY_WITHHELD_REASONS, '']).catch(''),
  familyWithheldExplanation: str,
  familyToBeToldBy: str,
  familyToBeToldOn: str,
  familyAgreement: z.enum([...FAMILY_AGREEMENT_VALUES, '']).catch(''),
  seeingChildPlan: str,
  seeChildBy: dateTime,
  leadPractitioner: str,
  leadPractitionerAllocatedBy: str,
  leadPractitionerRole: z.enum([...LEAD_PRACTITIONER_ROLES, '']).catch(''),
  // A draft saved before this field existed reads back blank: recorded for yourself.
  onBehalfOf: str,
});

/** A draft read from `drafts:get`, or null when it is not a decision form. */
export function formFromDraft(data: unknown): DecisionForm | null {
  const parsed = draftFormSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * A recorded decision back in the form, so a decision the manager returned is changed, not
 * retyped. Read through the same defensive schema as a draft: a value the form no longer offers
 * (an older withheld reason) comes back blank, to be chosen again.
 */
export function formFromDecision(d: Decision): DecisionForm {
  const p = d.policeNotification;
  // The checklist's crime question is the police question. A decision recorded before the
  // checklist asked it carries only `crimeSuspected`: answer the question from that, so the
  // police details come back with it.
  const answers: Record<string, AnswerValue> = { ...d.answers };
  if (answers['crime-suspected'] === undefined) {
    answers['crime-suspected'] = d.crimeSuspected ? 'yes' : 'no';
  }
  const raw: Record<keyof DecisionForm, unknown> = {
    answers,
    chosenResponse: d.chosenResponse,
    differsReason: d.differsReason ?? '',
    rationale: d.rationale,
    police: {
      officerName: p?.officerName ?? '',
      rankOrRole: p?.rankOrRole ?? '',
      forceOrTeam: p?.forceOrTeam ?? '',
      notifiedAt: p?.notifiedAt === undefined ? emptyDateTime() : dateTimeFromInstant(p.notifiedAt),
      reference: p?.reference ?? '',
      referenceAwaited: p?.referenceAwaited ?? false,
    },
    familyInformed: d.familyInformed,
    familyWithheldReason: d.familyWithheldReason ?? '',
    familyWithheldExplanation: d.familyWithheldExplanation ?? '',
    familyToBeToldBy: d.familyToBeToldBy ?? '',
    familyToBeToldOn: d.familyToBeToldOn === undefined ? '' : formatUkDate(d.familyToBeToldOn),
    familyAgreement: d.familyAgreement ?? '',
    seeingChildPlan: d.seeingChildPlan ?? '',
    seeChildBy: d.seeChildBy === undefined ? emptyDateTime() : dateTimeFromInstant(d.seeChildBy),
    leadPractitioner: d.leadPractitioner ?? '',
    leadPractitionerAllocatedBy: d.leadPractitionerAllocatedBy ?? '',
    leadPractitionerRole: d.leadPractitionerRole ?? '',
    onBehalfOf: d.onBehalfOf ?? '',
  };
  return formFromDraft(raw) ?? emptyDecisionForm();
}

/**
 * Whether the form holds anything worth a draft: a checklist answer, a choice or some text. An
 * untouched form makes no draft (issue 9: drafts on the first meaningful answer).
 */
export function hasSomethingToKeep(form: DecisionForm): boolean {
  const meaningful = (v: unknown): boolean => {
    if (typeof v === 'string') return v.trim() !== '';
    if (typeof v === 'boolean') return v;
    if (typeof v === 'object' && v !== null) return Object.values(v).some(meaningful);
    return false;
  };
  return meaningful(form);
}

export function recommendationFor(edition: Edition, form: DecisionForm): Recommendation {
  return recommendResponse(edition, form.answers);
}

/** Whether the form is asking for a lead practitioner (WT 2023 ch.3). */
export function needsLeadPractitioner(
  policy: ResolvedPolicy,
  form: Pick<DecisionForm, 'chosenResponse'>,
): boolean {
  return (
    policy.caseHolderTerm === 'lead practitioner' &&
    form.chosenResponse !== '' &&
    isAccepted(form.chosenResponse)
  );
}

export function needsSeeingPlan(form: Pick<DecisionForm, 'chosenResponse'>): boolean {
  return form.chosenResponse !== '' && isAccepted(form.chosenResponse);
}

/** The checklist's crime answer is the police question: "not known" means talk to the police. */
export function crimeSuspected(form: Pick<DecisionForm, 'answers'>): boolean | undefined {
  const a = form.answers['crime-suspected'];
  return a === undefined ? undefined : a !== 'no';
}

/** Section 17 and early help are provided with the family's agreement; s47 needs none. */
export function needsFamilyAgreement(form: Pick<DecisionForm, 'chosenResponse'>): boolean {
  return form.chosenResponse === 's17-assessment' || form.chosenResponse === 'early-help';
}

/** The chosen response is lower than a safety recommendation: a manager must agree it. */
export function stepsDown(edition: Edition, form: DecisionForm): boolean {
  return stepsDownFromSafety(
    recommendationFor(edition, form),
    form.chosenResponse === '' ? undefined : form.chosenResponse,
  );
}

/** The local standard for seeing the child, in words, for the chosen response. */
export function seeingStandard(
  policy: ResolvedPolicy,
  form: Pick<DecisionForm, 'chosenResponse'>,
): string {
  if (form.chosenResponse !== '' && isChildProtection(form.chosenResponse)) {
    return `See the child as soon as possible (local standard for child protection concerns: within ${String(policy.seeChildWithinHours)} hours).`;
  }
  return policy.seeChildInNeedWorkingDays === null
    ? 'See the child as soon as possible (no local figure is set for children in need).'
    : `See the child as soon as possible (local standard for children in need: within ${String(policy.seeChildInNeedWorkingDays)} working days).`;
}

/**
 * A typed London date and time read by the one shared parser, with today's date for two-digit
 * years: 'past' for something that happened (the police were told), 'future' for a plan.
 */
export function readDateTime(
  value: DateTimeText,
  now: Date,
  twoDigitYears: TwoDigitYears,
  what: string,
): ParsedDateTime {
  return parseLondonDateTime(value, { today: londonDate(now.toISOString()), twoDigitYears, what });
}

/**
 * An instant as the form shows it (DD/MM/YYYY and HH:mm in London). On the night the clocks go
 * back, 01:00–01:59 happens twice: the choice says which, so the time reads back exactly.
 */
export function dateTimeFromInstant(instant: string): DateTimeText {
  const date = londonDate(instant);
  const time = londonTime(instant).slice(0, 5);
  const r = londonInstant(date, time);
  let choice: ClockChangeChoice = '';
  if (r.kind === 'ambiguous') {
    const at = Date.parse(instant);
    choice =
      Math.abs(at - Date.parse(r.later)) < Math.abs(at - Date.parse(r.earlier))
        ? 'later'
        : 'earlier';
  }
  return { date: formatUkDate(date), time, choice };
}

/** Default "now" for a date/time pair, in London (with the clock-change choice if needed). */
export function nowDateTime(now: Date): DateTimeText {
  return dateTimeFromInstant(now.toISOString());
}

/**
 * The warning beside "See the child by" when a child protection decision plans to see the child
 * later than the local standard (local procedures, e.g. within 24 hours). A warning, not an
 * error: there can be good reasons, which belong in the rationale. Null when there is none.
 */
export function seeChildWarning(
  policy: ResolvedPolicy,
  form: Pick<DecisionForm, 'chosenResponse' | 'seeChildBy'>,
  now: Date,
): string | null {
  if (form.chosenResponse === '') return null;
  const by = readDateTime(form.seeChildBy, now, 'future', 'to see the child by');
  if (by.kind !== 'ok') return null;
  const decidedAt = now.toISOString();
  const planned = { chosenResponse: form.chosenResponse, seeChildBy: by.instant, decidedAt };
  if (!seeChildLaterThanStandard(planned, policy)) return null;
  const standard = seeChildStandardDueAt(decidedAt, policy);
  return `This is later than the local standard for child protection concerns: see the child within ${String(policy.seeChildWithinHours)} hours${standard === undefined ? '' : `, by ${formatUkDate(londonDate(standard))} ${londonTime(standard).slice(0, 5)}`}. You can still record it: say why in your reasons.`;
}

/** Sign-off words for the form: what local policy says about a manager agreeing this decision. */
export function signOffText(policy: ResolvedPolicy): string {
  switch (policy.managerSignOff) {
    case 'required':
      return policy.sources.managerSignOff.kind === 'edition'
        ? `${editionLabel(policy.edition)} has the social worker and their manager decide together (Flowchart 1): the decision will wait for a manager to sign it off after you record it.`
        : 'Your local policy requires a manager to sign off this decision. It will wait for sign-off after you record it.';
    case 'optional':
      return 'Manager sign-off is optional under your policy: the decision takes effect when you record it, and a manager may still review it. A response lower than the safety questions point to always waits for a manager.';
    case 'off':
      return 'No manager sign-off is needed: the decision takes effect when you record it.';
  }
}
