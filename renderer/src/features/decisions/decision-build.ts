// Form → decision: everything missing or wrong (shared/checklist checkDecisionComplete plus the
// schema), in the order of the page, or the validated decision ready to record. Split from
// ./decision-model, whose rules (which sections apply, the recommendation) it follows.

import {
  QUESTION_IDS,
  askedQuestions,
  checkDecisionComplete,
  type QuestionId,
} from '../../../../shared/checklist';
import { londonDate } from '../../../../shared/calendar';
import type { Edition } from '../../../../shared/domain/types';
import type { ResolvedPolicy } from '../../../../shared/policy/types';
import {
  decisionSchema,
  type Decision,
  type DecisionDraft,
} from '../../../../shared/validation/decision';
import { parseTypedDate } from '../../../../shared/validation/typed-dates';
import {
  crimeSuspected,
  needsFamilyAgreement,
  needsLeadPractitioner,
  needsSeeingPlan,
  readDateTime,
  recommendationFor,
  type DecisionForm,
} from './decision-model';

const trimmed = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

export type BuildContext = {
  edition: Edition;
  policy: ResolvedPolicy;
  decidedBy: string;
  now: Date;
};

export type BuildResult = {
  /** Field path → message, in form order (GOV.UK: one message per field). */
  errors: Record<string, string>;
  /** The decision to send, when there is nothing missing. */
  decision: Decision | null;
  draft: DecisionDraft;
};

/** Form → decision: everything missing or wrong, or the validated decision ready to record. */
export function buildDecision(form: DecisionForm, ctx: BuildContext): BuildResult {
  const errors: Record<string, string> = {};
  const add = (field: string, message: string): void => {
    errors[field] ??= message;
  };
  const recommendation = recommendationFor(ctx.edition, form);
  // Only the questions asked go with the decision (no stale answer to a hidden question).
  const asked = new Set(askedQuestions(ctx.edition, form.answers).map((q) => q.id));
  const answers = Object.fromEntries(
    Object.entries(form.answers).filter(([id]) => asked.has(id as never)),
  );
  const draft: DecisionDraft = {
    answers,
    rationale: form.rationale.trim(),
    decidedBy: ctx.decidedBy,
    decidedAt: ctx.now.toISOString(),
  };
  if (recommendation.kind === 'recommended') {
    draft.recommendedResponse = recommendation.response;
  }
  if (form.chosenResponse !== '') draft.chosenResponse = form.chosenResponse;
  if (
    form.chosenResponse !== '' &&
    recommendation.kind === 'recommended' &&
    form.chosenResponse !== recommendation.response
  ) {
    const reason = trimmed(form.differsReason);
    if (reason !== undefined) draft.differsReason = reason;
  }

  const crime = crimeSuspected(form);
  if (crime !== undefined) draft.crimeSuspected = crime;
  if (crime === true) {
    const p = form.police;
    const notified: NonNullable<DecisionDraft['policeNotification']> = { notified: true };
    const officer = trimmed(p.officerName);
    if (officer !== undefined) notified.officerName = officer;
    const rank = trimmed(p.rankOrRole);
    if (rank !== undefined) notified.rankOrRole = rank;
    const force = trimmed(p.forceOrTeam);
    if (force !== undefined) notified.forceOrTeam = force;
    const ref = trimmed(p.reference);
    if (ref !== undefined) notified.reference = ref;
    else if (p.referenceAwaited) notified.referenceAwaited = true;
    const when = readDateTime(p.notifiedAt, ctx.now, 'past', 'you told the police');
    if (when.kind === 'ok') {
      if (Date.parse(when.instant) > ctx.now.getTime() + 60_000) {
        add(
          'policeNotification.notifiedAt',
          'The time you told the police cannot be in the future',
        );
      } else {
        notified.notifiedAt = when.instant;
      }
    } else if (when.kind !== 'blank') {
      add('policeNotification.notifiedAt', when.message);
    }
    draft.policeNotification = notified;
    if (force === undefined) {
      add('policeNotification.forceOrTeam', 'Enter the police force or team you told');
    }
  }

  if (form.familyInformed !== '') draft.familyInformed = form.familyInformed;
  if (form.familyInformed === 'no-withheld') {
    if (form.familyWithheldReason !== '') draft.familyWithheldReason = form.familyWithheldReason;
    const why = trimmed(form.familyWithheldExplanation);
    if (why !== undefined) draft.familyWithheldExplanation = why;
  }
  if (form.familyInformed === 'not-yet') {
    const by = trimmed(form.familyToBeToldBy);
    if (by !== undefined) draft.familyToBeToldBy = by;
    const on = form.familyToBeToldOn.trim();
    if (on !== '') {
      const today = londonDate(ctx.now.toISOString());
      const typed = parseTypedDate(on, { today, twoDigitYears: 'future' });
      if (!typed.ok) {
        add('familyToBeToldOn', typed.error);
      } else if (typed.date < today) {
        add('familyToBeToldOn', 'The date the family will be told cannot be in the past');
      } else {
        draft.familyToBeToldOn = typed.date;
      }
    }
  }
  if (needsFamilyAgreement(form) && form.familyAgreement !== '') {
    draft.familyAgreement = form.familyAgreement;
  }

  if (needsSeeingPlan(form)) {
    const plan = trimmed(form.seeingChildPlan);
    if (plan !== undefined) draft.seeingChildPlan = plan;
    const by = readDateTime(form.seeChildBy, ctx.now, 'future', 'to see the child by');
    if (by.kind === 'ok') draft.seeChildBy = by.instant;
    else if (by.kind !== 'blank') add('seeChildBy', by.message);
  }
  if (needsLeadPractitioner(ctx.policy, form)) {
    const lead = trimmed(form.leadPractitioner);
    if (lead !== undefined) draft.leadPractitioner = lead;
    const by = trimmed(form.leadPractitionerAllocatedBy);
    if (by !== undefined) draft.leadPractitionerAllocatedBy = by;
    if (form.leadPractitionerRole !== '') draft.leadPractitionerRole = form.leadPractitionerRole;
  }

  const onBehalfOf = trimmed(form.onBehalfOf);
  if (onBehalfOf !== undefined) draft.onBehalfOf = onBehalfOf;

  // Policy completeness; a required manager sign-off is the next step, not a missing field.
  // (The crime question is the checklist's own; its message is beside that question.)
  for (const m of checkDecisionComplete(draft, ctx.policy).missing) {
    if (m.field !== 'signOff' && m.field !== 'crimeSuspected') add(m.field, m.message);
  }

  let decision: Decision | null = null;
  const parsed = decisionSchema.safeParse(draft);
  if (parsed.success) {
    decision = parsed.data;
  } else {
    for (const issue of parsed.error.issues) add(issue.path.join('.'), issue.message);
  }
  const ordered = orderErrors(errors);
  return { errors: ordered, decision: Object.keys(ordered).length === 0 ? decision : null, draft };
}

/** The order fields appear on the page, so the error summary reads top to bottom. */
const FIELD_ORDER = [
  'answers',
  'recommendedResponse',
  'chosenResponse',
  'differsReason',
  'rationale',
  'familyAgreement',
  'crimeSuspected',
  'policeNotification',
  'policeNotification.officerName',
  'policeNotification.rankOrRole',
  'policeNotification.forceOrTeam',
  'policeNotification.notifiedAt',
  'policeNotification.reference',
  'familyInformed',
  'familyWithheldReason',
  'familyWithheldExplanation',
  'familyToBeToldBy',
  'familyToBeToldOn',
  'seeingChildPlan',
  'seeChildBy',
  'leadPractitioner',
  'leadPractitionerAllocatedBy',
  'leadPractitionerRole',
  'onBehalfOf',
];

/** Page order; checklist answers in the order the questions are asked. */
function rank(field: string): number {
  const exact = FIELD_ORDER.indexOf(field);
  const i = exact !== -1 ? exact : FIELD_ORDER.findIndex((f) => field.startsWith(`${f}.`));
  const base = i === -1 ? FIELD_ORDER.length : i;
  if (field.startsWith('answers.')) {
    const q = QUESTION_IDS.indexOf(field.slice('answers.'.length) as QuestionId);
    return base + (q === -1 ? 0.99 : q / 100);
  }
  return base;
}

export function orderErrors(errors: Record<string, string>): Record<string, string> {
  const entries = Object.entries(errors).sort((a, b) => rank(a[0]) - rank(b[0]));
  // (Array.prototype.sort is stable, so fields of equal rank keep their order.)
  return Object.fromEntries(entries);
}
