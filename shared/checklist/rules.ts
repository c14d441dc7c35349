// The checklist's rule tables as data, each rule with its source. The safety table is tried first
// and fails safe: a strategy discussion (with a manager consulted now) wherever a safety answer is
// "not known", never a lower response. Only when all three safety answers are "no" do the needs
// rules (child in need, early help, advice) apply. Rules are the same in every edition; the words
// of the questions change.

import type { ResponseType } from '../domain/types';
import type { AnswerValue } from '../validation/decision';
import type { QuestionId, SafetyQuestionId } from './questions';

/** One condition: the question's answer is one of these values (unanswered never matches). */
export type ChecklistCondition = { question: QuestionId; is: readonly AnswerValue[] };

export type ChecklistRule = {
  id: string;
  response: ResponseType;
  /** All conditions must hold. Rules are tried in order; the first match wins. */
  when: readonly ChecklistCondition[];
  /** Extra sentence shown under the reasons, if any. */
  note?: string;
  /** Consult a manager now, before the decision is recorded. */
  consultManager?: boolean;
  /** Where the rule comes from. */
  source: string;
};

const CHILD_PROTECTION_PROCEDURES =
  'Local child protection procedures: where there is doubt about significant harm, hold a strategy discussion (at least consult a manager)';

/**
 * The safety table (immediate danger, needs protection now, significant harm). Every combination
 * of the three answers is covered: the last rule needs all three "no", and every other combination
 * matches one of the rules above it (tested for every edition).
 */
export const SAFETY_RULES: readonly ChecklistRule[] = [
  {
    id: 'protection-needed',
    response: 'emergency-action',
    when: [{ question: 'needs-protection-now', is: ['yes'] }],
    note: 'Make the child safe now (police protection or an Emergency Protection Order; where there is time, an EPO). Hold a strategy discussion as soon as possible afterwards.',
    source: 'Children Act 1989 ss44, 46; Working Together: immediate protection',
  },
  {
    id: 'protection-not-known',
    response: 'strategy-discussion',
    when: [{ question: 'needs-protection-now', is: ['unknown'] }],
    consultManager: true,
    note: 'You do not know whether the child needs to be made safe now: consult a manager now about immediate protection, and hold a strategy discussion today.',
    source: CHILD_PROTECTION_PROCEDURES,
  },
  {
    id: 'immediate-danger',
    response: 'strategy-discussion',
    when: [{ question: 'immediate-danger', is: ['yes'] }],
    consultManager: true,
    note: 'Immediate danger means a strategy discussion today. If the child cannot be kept safe until then, take emergency action.',
    source: 'Working Together: immediate protection and strategy discussion; Children Act 1989 s47',
  },
  {
    id: 'danger-not-known',
    response: 'strategy-discussion',
    when: [{ question: 'immediate-danger', is: ['unknown'] }],
    consultManager: true,
    note: 'You do not know whether the child is in immediate danger: consult a manager now, and hold a strategy discussion today.',
    source: CHILD_PROTECTION_PROCEDURES,
  },
  {
    id: 'significant-harm',
    response: 'strategy-discussion',
    when: [{ question: 'significant-harm', is: ['yes'] }],
    source:
      'Working Together: a strategy discussion wherever there is reasonable cause to suspect significant harm; Children Act 1989 s47',
  },
  {
    id: 'harm-not-known',
    response: 'strategy-discussion',
    when: [{ question: 'significant-harm', is: ['unknown'] }],
    consultManager: true,
    note: 'You are not sure whether there is reasonable cause to suspect significant harm: consult a manager now. Doubt leads to a strategy discussion, not to a lower response.',
    source: CHILD_PROTECTION_PROCEDURES,
  },
];

/** The needs rules: tried only when every safety answer is "no". */
export const NEEDS_RULES: readonly ChecklistRule[] = [
  {
    id: 'homeless-16-17',
    response: 's17-assessment',
    when: [{ question: 'homeless-16-17', is: ['yes', 'unknown'] }],
    note: 'Assess as a possible child in need and consider accommodation under section 20.',
    source:
      'Children Act 1989 ss17, 20; R (G) v Southwark [2009] UKHL 26; joint guidance on homeless 16 and 17 year olds (2018)',
  },
  {
    id: 'child-in-need',
    response: 's17-assessment',
    when: [{ question: 'child-in-need', is: ['yes', 'unknown'] }],
    source: 'Children Act 1989 s17(10); Working Together: assessment of a child in need',
  },
  {
    id: 'young-carer',
    response: 's17-assessment',
    when: [{ question: 'young-carer', is: ['yes'] }],
    note: 'Offer a young carer’s needs assessment (Children Act 1989 s17ZA).',
    source: 'Children Act 1989 s17ZA',
  },
  {
    id: 'early-help',
    response: 'early-help',
    when: [
      { question: 'early-help-needs', is: ['yes'] },
      { question: 'family-consents-early-help', is: ['yes'] },
    ],
    source: 'Working Together: early help, with the family’s agreement',
  },
  {
    id: 'early-help-without-consent',
    response: 'information-advice',
    when: [{ question: 'early-help-needs', is: ['yes'] }],
    note: 'Without the family’s agreement early help cannot start: give information and advice, and think again about whether the needs are higher.',
    source: 'Working Together: early help is voluntary',
  },
  {
    id: 'advice',
    response: 'information-advice',
    when: [{ question: 'advice-sufficient', is: ['yes'] }],
    source: 'Working Together: no further action, with information, advice or signposting',
  },
];

/** Reason shown when no needs rule matches (only reachable with every safety answer "no"). */
export const NFA_FALLBACK =
  'You answered no to each safety question, and none of your answers point to a need or a service the family has agreed to, so the recommendation is no further action.';

/**
 * Questions that must be answered before anything is recommended. The safety questions always;
 * once all three are "no", the child-in-need question too, because it decides between an
 * assessment and no further action.
 */
export const NEEDED_BEFORE_NO_ACTION: readonly QuestionId[] = ['child-in-need'];

/** Answers that contradict each other: pointed out, never used to lower the recommendation. */
export type Contradiction = {
  id: string;
  when: readonly { question: SafetyQuestionId; is: AnswerValue }[];
  message: string;
};

export const CONTRADICTIONS: readonly Contradiction[] = [
  {
    id: 'protection-without-danger',
    when: [
      { question: 'needs-protection-now', is: 'yes' },
      { question: 'immediate-danger', is: 'no' },
    ],
    message:
      'You answered that the child needs to be made safe now, but is not in immediate danger. Check both answers: a child who must be protected before a strategy discussion is in immediate danger.',
  },
  {
    id: 'protection-without-harm',
    when: [
      { question: 'needs-protection-now', is: 'yes' },
      { question: 'significant-harm', is: 'no' },
    ],
    message:
      'You answered that the child needs to be made safe now, but that there is no reasonable cause to suspect significant harm. Emergency protection is only for a child at risk of significant harm: check both answers.',
  },
  {
    id: 'danger-without-harm',
    when: [
      { question: 'immediate-danger', is: 'yes' },
      { question: 'significant-harm', is: 'no' },
    ],
    message:
      'You answered that the child is in immediate danger, but that there is no reasonable cause to suspect significant harm. Check both answers.',
  },
];

/** Order of responses from least to most intervention, for "stepping down" checks. */
export const RESPONSE_RANK: Record<ResponseType, number> = {
  nfa: 0,
  'information-advice': 1,
  'early-help': 2,
  's17-assessment': 3,
  'strategy-discussion': 4,
  'emergency-action': 5,
};
