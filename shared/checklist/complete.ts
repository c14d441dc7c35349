// Is a decision ready to be recorded? Policy-dependent completeness (the zod schema in
// shared/validation/decision checks shape). Messages follow the GOV.UK error pattern.

import { editionLabel } from '../policy/editions';
import type { ResolvedPolicy } from '../policy/types';
import type { DecisionDraft } from '../validation/decision';
import { RATIONALE_MIN_LENGTH } from '../validation/decision';
import { isAccepted } from './follow-ups';

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
    decision.recommendedResponse !== undefined &&
    decision.chosenResponse !== decision.recommendedResponse &&
    blank(decision.differsReason)
  ) {
    add('differsReason', 'Explain why you chose a different response');
  }

  // WT 2013 ch.1 onward (domain §2.1): police told where a crime may have been committed; record
  // who, when and the reference.
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
      if (blank(p.reference)) {
        add('policeNotification.reference', 'Enter the police reference number');
      }
    }
  }

  // Domain §2.1: the family is informed unless that would jeopardise a police investigation or put
  // the child at risk of significant harm — record which and why.
  if (decision.familyInformed === undefined) {
    add('familyInformed', 'Say whether the family has been told about the decision');
  } else if (decision.familyInformed === 'no-withheld') {
    if (decision.familyWithheldReason === undefined) {
      add('familyWithheldReason', 'Select why the family has not been told');
    }
    if (blank(decision.familyWithheldExplanation)) {
      add('familyWithheldExplanation', 'Explain why the family has not been told');
    }
  }

  // Domain §2.1: see the child as soon as possible where further assessment is needed.
  if (isAccepted(decision.chosenResponse) && blank(decision.seeingChildPlan)) {
    add(
      'seeingChildPlan',
      `Record who will see the child and by when (local standard: within ${policy.seeChildWithinHours} hours)`,
    );
  }

  // WT 2023 ch.3: a lead practitioner is named once a referral is accepted.
  if (
    policy.caseHolderTerm === 'lead practitioner' &&
    isAccepted(decision.chosenResponse) &&
    blank(decision.leadPractitioner)
  ) {
    add('leadPractitioner', 'Name the lead practitioner for this child');
  }

  // WT 2013/2015 ch.1: "in discussion with their manager"; WT 2018 ch.1 removed it, but local policy
  // may keep it (domain §2.2).
  if (
    policy.managerSignOff === 'required' &&
    (blank(context.signOff?.by) || blank(context.signOff?.at))
  ) {
    const source = policy.sources.managerSignOff;
    add(
      'signOff',
      source.kind === 'local'
        ? 'Your local policy requires a manager to sign off this decision'
        : `${editionLabel(policy.edition)} requires the decision to be made in discussion with a manager: ask a manager to sign it off`,
    );
  }

  return { complete: missing.length === 0, missing };
}
