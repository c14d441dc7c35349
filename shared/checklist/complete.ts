// Is a decision ready to be recorded? Policy-dependent completeness (the zod schema in
// shared/validation/decision checks shape). The main process runs this on every decision, so a
// renderer cannot skip a safety question or send its own recommendation. Messages follow the
// GOV.UK error pattern.

import { editionLabel } from '../policy/editions';
import type { ResolvedPolicy } from '../policy/types';
import type { DecisionDraft } from '../validation/decision';
import { RATIONALE_MIN_LENGTH } from '../validation/decision';
import { isAccepted, isChildProtection } from './follow-ups';
import { askedQuestions, isSafetyQuestion } from './questions';
import { recommendResponse, stepsDownFromSafety } from './recommend';

export type MissingItem = { field: string; message: string };
export type CompletenessResult = { complete: boolean; missing: MissingItem[] };

export type CompletenessContext = {
  /** A manager's sign-off, where one has been given. */
  signOff?: { by?: string; at?: string };
};

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

export function checkDecisionComplete(
  decision: DecisionDraft,
  policy: ResolvedPolicy,
  context: CompletenessContext = {},
): CompletenessResult {
  const missing: MissingItem[] = [];
  const add = (field: string, message: string) => missing.push({ field, message });
  const answers = decision.answers ?? {};

  // Every question asked is answered ("not known" is an answer); the safety questions first.
  for (const q of askedQuestions(policy.edition, answers)) {
    if (answers[q.id] === undefined) {
      add(
        `answers.${q.id}`,
        isSafetyQuestion(q.id) ? `Answer this safety question: ${q.text}` : `Answer: ${q.text}`,
      );
    }
  }

  // The recommendation is worked out here from the answers, never taken on trust.
  const recommendation = recommendResponse(policy.edition, answers);
  if (recommendation.kind === 'recommended') {
    if (
      decision.recommendedResponse !== undefined &&
      decision.recommendedResponse !== recommendation.response
    ) {
      add(
        'recommendedResponse',
        'The recommendation shown does not match your answers: check the checklist and try again',
      );
    }
  }

  if (decision.chosenResponse === undefined) {
    add('chosenResponse', 'Select the type of response');
  }

  // Domain §2.1: decisions are recorded with their rationale.
  if (blank(decision.rationale)) {
    add('rationale', 'Enter the reasons for your decision');
  } else if ((decision.rationale ?? '').trim().length < RATIONALE_MIN_LENGTH) {
    add(
      'rationale',
      `Give fuller reasons for your decision (at least ${RATIONALE_MIN_LENGTH} characters)`,
    );
  }

  if (
    decision.chosenResponse !== undefined &&
    recommendation.kind === 'recommended' &&
    decision.chosenResponse !== recommendation.response &&
    blank(decision.differsReason)
  ) {
    add(
      'differsReason',
      stepsDownFromSafety(recommendation, decision.chosenResponse)
        ? 'Explain why you chose a lower response than the safety questions point to'
        : 'Explain why you chose a different response',
    );
  }

  // WT 2013 ch.1 onward (domain §2.1): police told where a crime may have been committed; record
  // who, when and the reference (or that the reference is awaited).
  if (decision.crimeSuspected === undefined) {
    add('crimeSuspected', 'Say whether a crime has or may have been committed');
  } else if (decision.crimeSuspected) {
    const p = decision.policeNotification;
    if (p?.notified !== true) {
      add(
        'policeNotification',
        'A crime has or may have been committed: tell the police and record who you told, when, and the police reference number',
      );
    } else {
      if (blank(p.officerName)) {
        add('policeNotification.officerName', 'Enter the name of the police officer you told');
      }
      if (blank(p.notifiedAt)) {
        add('policeNotification.notifiedAt', 'Enter the date and time you told the police');
      }
      if (blank(p.reference) && p.referenceAwaited !== true) {
        add(
          'policeNotification.reference',
          'Enter the police reference number, or say it is awaited',
        );
      }
    }
  }

  // Domain §2.1: the family is informed unless that would jeopardise a police investigation or put
  // the child at risk of significant harm — record which and why; or who will tell them, and when.
  if (decision.familyInformed === undefined) {
    add('familyInformed', 'Say whether the family has been told about the decision');
  } else if (decision.familyInformed === 'no-withheld') {
    if (decision.familyWithheldReason === undefined) {
      add('familyWithheldReason', 'Select why the family has not been told');
    }
    if (blank(decision.familyWithheldExplanation)) {
      add('familyWithheldExplanation', 'Explain why the family has not been told');
    }
  } else if (decision.familyInformed === 'not-yet') {
    if (blank(decision.familyToBeToldBy)) add('familyToBeToldBy', 'Enter who will tell the family');
    if (blank(decision.familyToBeToldOn)) {
      add('familyToBeToldOn', 'Enter when the family will be told');
    }
  }

  // Section 17 assessments and early help need the family's agreement; a s47 enquiry does not.
  const chosen = decision.chosenResponse;
  if (chosen === 's17-assessment' || chosen === 'early-help') {
    if (decision.familyAgreement === undefined) {
      add(
        'familyAgreement',
        chosen === 'early-help'
          ? 'Say whether the family has agreed to early help'
          : 'Say whether the family has agreed to the assessment',
      );
    } else if (chosen === 'early-help' && decision.familyAgreement === 'refused') {
      add(
        'familyAgreement',
        'Early help needs the family’s agreement: they have refused, so choose another response (and consider whether the needs are higher)',
      );
    }
  }

  // Domain §2.1: see the child as soon as possible where further assessment is needed.
  if (isAccepted(chosen) && blank(decision.seeingChildPlan)) {
    const standard = isChildProtection(chosen)
      ? `local standard for child protection: within ${policy.seeChildWithinHours} hours`
      : policy.seeChildInNeedWorkingDays === null
        ? 'as soon as possible'
        : `local standard for a child in need: within ${policy.seeChildInNeedWorkingDays} working days`;
    add('seeingChildPlan', `Record who will see the child and by when (${standard})`);
  }

  // WT 2023 ch.3: once a referral is accepted, a social-work-qualified manager or practice
  // supervisor names a lead practitioner; child protection work stays with a social worker.
  if (policy.caseHolderTerm === 'lead practitioner' && isAccepted(chosen)) {
    if (blank(decision.leadPractitioner)) {
      add('leadPractitioner', 'Name the lead practitioner for this child');
    }
    if (blank(decision.leadPractitionerAllocatedBy)) {
      add(
        'leadPractitionerAllocatedBy',
        'Enter the manager or practice supervisor who named the lead practitioner',
      );
    }
    if (decision.leadPractitionerRole === undefined) {
      add('leadPractitionerRole', 'Say whether the lead practitioner is a social worker');
    } else if (isChildProtection(chosen) && decision.leadPractitionerRole !== 'social-worker') {
      add(
        'leadPractitionerRole',
        'Where there is a child protection enquiry the lead practitioner must be a social worker (Working Together 2023 ch.3)',
      );
    }
  }

  // WT 2013/2015 Flowchart 1: the social worker and manager decide the next course of action; WT
  // 2018 removed the manager, but local policy may keep sign-off (domain §2.2).
  if (
    policy.managerSignOff === 'required' &&
    (blank(context.signOff?.by) || blank(context.signOff?.at))
  ) {
    const source = policy.sources.managerSignOff;
    add(
      'signOff',
      source.kind === 'edition'
        ? `${editionLabel(policy.edition)} has the social worker and their manager decide together: ask a manager to sign it off`
        : 'Your local policy requires a manager to sign off this decision',
    );
  }

  return { complete: missing.length === 0, missing };
}
