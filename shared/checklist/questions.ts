// The decision checklist as data, per edition (domain §2.1, §7: "a checklist tied to the local
// threshold wording"). Questions follow the statutory thresholds: significant harm (Children Act
// 1989 s47), child in need (s17), immediate protection (s44 / s46), early help.

import type { Edition, ResponseType } from '../domain/types';
import type { AnswerValue } from '../validation/decision';

export const QUESTION_IDS = [
  'immediate-danger',
  'needs-protection-now',
  'significant-harm',
  'crime-suspected',
  'child-in-need',
  'early-help-needs',
  'family-consents-early-help',
  'advice-sufficient',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export type ChecklistQuestion = {
  id: QuestionId;
  /** The question as the worker reads it. */
  text: string;
  /** A short phrase used in "Because you answered yes to …". */
  short: string;
  help: string;
  answerType: 'yes-no-unknown';
  /** Where the threshold wording comes from. */
  source: string;
};

/** One condition: the question's answer is one of these values (unanswered never matches). */
export type ChecklistCondition = { question: QuestionId; is: readonly AnswerValue[] };

export type ChecklistRule = {
  id: string;
  response: ResponseType;
  /** All conditions must hold. Rules are tried in order; the first match wins. */
  when: readonly ChecklistCondition[];
  /** Extra sentence shown under the reasons, if any. */
  note?: string;
};

export type Checklist = {
  edition: Edition;
  questions: readonly ChecklistQuestion[];
  rules: readonly ChecklistRule[];
  /** Reason shown when no rule matches and the recommendation falls back to no further action. */
  fallbackReason: string;
};

type Wording = {
  earlyHelp: string;
  earlyHelpHelp: string;
  guidance: string;
};

const WORDING: Record<Edition, Wording> = {
  // WT 2010 ch.5 predates "early help"; families were helped through the Common Assessment
  // Framework (CAF) and targeted services.
  2010: {
    earlyHelp: 'a Common Assessment Framework (CAF) or other universal or targeted services',
    earlyHelpHelp:
      'A CAF or targeted service led by another agency, with the family’s agreement, instead of children’s social care.',
    guidance: 'WT 2010 ch.5',
  },
  2013: {
    earlyHelp: 'early help',
    earlyHelpHelp:
      'Early help services (WT 2013 ch.1): support as soon as a problem emerges, with the family’s agreement.',
    guidance: 'WT 2013 ch.1',
  },
  2015: {
    earlyHelp: 'early help',
    earlyHelpHelp:
      'Early help services (WT 2015 ch.1): support as soon as a problem emerges, with the family’s agreement.',
    guidance: 'WT 2015 ch.1',
  },
  2018: {
    earlyHelp: 'early help',
    earlyHelpHelp:
      'Early help services (WT 2018 ch.1): support as soon as a problem emerges, with the family’s agreement.',
    guidance: 'WT 2018 ch.1',
  },
  // WT 2023 ch.2–3 speaks of early help and (in the reforms) "family help".
  2023: {
    earlyHelp: 'early help (family help)',
    earlyHelpHelp:
      'Early help / family help (WT 2023 ch.3): support from a lead practitioner, with the family’s agreement.',
    guidance: 'WT 2023 ch.3',
  },
};

function questionsFor(edition: Edition): ChecklistQuestion[] {
  const w = WORDING[edition];
  const q = (
    id: QuestionId,
    text: string,
    short: string,
    help: string,
    source: string,
  ): ChecklistQuestion => ({ id, text, short, help, answerType: 'yes-no-unknown', source });
  return [
    q(
      'immediate-danger',
      'Is the child in immediate danger, now or in the next few hours?',
      'the child is in immediate danger',
      'For example a baby with an unexplained injury, a young child left alone, or a threat to harm the child today.',
      `${w.guidance}: immediate protection`,
    ),
    q(
      'needs-protection-now',
      'Does the child need to be made safe before a strategy discussion can be held (police protection or an Emergency Protection Order)?',
      'the child needs to be made safe now',
      'Police protection (Children Act 1989 s46) lasts at most 72 hours; an Emergency Protection Order (s44) up to 8 days. Where there is time, apply for an EPO. Hold a strategy discussion as soon as possible afterwards.',
      `${w.guidance}: immediate protection; Children Act 1989 ss44, 46`,
    ),
    q(
      'significant-harm',
      'Is there reasonable cause to suspect the child is suffering, or is likely to suffer, significant harm?',
      'reasonable cause to suspect significant harm',
      'This is the threshold for a strategy discussion and a possible section 47 enquiry. Use your local threshold document for examples.',
      `${w.guidance}: strategy discussion; Children Act 1989 s47`,
    ),
    q(
      'crime-suspected',
      'Has a crime been committed, or may one have been?',
      'a crime has or may have been committed',
      'If yes, talk to the police at the earliest opportunity and record who you told, when, and the police reference number.',
      `${w.guidance}: discuss with the police where a crime may have been committed`,
    ),
    q(
      'child-in-need',
      'Without services from the local authority, is the child unlikely to reach or keep a reasonable standard of health or development, or likely to have it significantly impaired — or is the child disabled?',
      'the child may be a child in need',
      'This is the definition of a child in need (Children Act 1989 s17(10)). If yes, or you are not sure, a section 17 assessment finds out what help is needed.',
      `${w.guidance}: assessment of a child in need; Children Act 1989 s17`,
    ),
    q(
      'early-help-needs',
      `Does the family have needs that ${w.earlyHelp} could meet?`,
      `the family has needs ${w.earlyHelp} could meet`,
      w.earlyHelpHelp,
      `${w.guidance}: early help`,
    ),
    q(
      'family-consents-early-help',
      `Has the family agreed to ${w.earlyHelp}?`,
      `the family agrees to ${w.earlyHelp}`,
      'Early help is voluntary: it needs the family’s agreement. If they refuse, consider whether the needs are higher than they seemed.',
      `${w.guidance}: early help is provided with the family’s consent`,
    ),
    q(
      'advice-sufficient',
      'Would information, advice or signposting to the referrer or family be enough?',
      'information and advice would be enough',
      'For example pointing the family to universal services, or advising the referrer how to keep monitoring.',
      `${w.guidance}: no further action, with information, advice or signposting`,
    ),
  ];
}

/** The rules are the same in every edition; the words of the questions change. */
const RULES: readonly ChecklistRule[] = [
  {
    id: 'emergency',
    response: 'emergency-action',
    when: [
      { question: 'immediate-danger', is: ['yes'] },
      { question: 'needs-protection-now', is: ['yes'] },
    ],
    note: 'Hold a strategy discussion as soon as possible after emergency action.',
  },
  {
    id: 'significant-harm',
    response: 'strategy-discussion',
    when: [{ question: 'significant-harm', is: ['yes'] }],
  },
  {
    id: 'immediate-danger-without-protection',
    response: 'strategy-discussion',
    when: [{ question: 'immediate-danger', is: ['yes'] }],
    note: 'Immediate danger means a strategy discussion today, even if the child does not need to be removed.',
  },
  {
    id: 'harm-unknown',
    response: 's17-assessment',
    when: [{ question: 'significant-harm', is: ['unknown'] }],
    note: 'An assessment gathers what you need to know. If concern about significant harm grows, hold a strategy discussion at once.',
  },
  {
    id: 'child-in-need',
    response: 's17-assessment',
    when: [{ question: 'child-in-need', is: ['yes', 'unknown'] }],
  },
  {
    id: 'early-help',
    response: 'early-help',
    when: [
      { question: 'early-help-needs', is: ['yes'] },
      { question: 'family-consents-early-help', is: ['yes'] },
    ],
  },
  {
    id: 'early-help-without-consent',
    response: 'information-advice',
    when: [{ question: 'early-help-needs', is: ['yes'] }],
    note: 'Without the family’s agreement early help cannot start: give information and advice, and think again about whether the needs are higher.',
  },
  {
    id: 'advice',
    response: 'information-advice',
    when: [{ question: 'advice-sufficient', is: ['yes'] }],
  },
];

function build(edition: Edition): Checklist {
  return {
    edition,
    questions: questionsFor(edition),
    rules: RULES,
    fallbackReason:
      'None of your answers point to harm, need or a service the family has agreed to, so the recommendation is no further action.',
  };
}

export const CHECKLISTS: Readonly<Record<Edition, Checklist>> = {
  2010: build(2010),
  2013: build(2013),
  2015: build(2015),
  2018: build(2018),
  2023: build(2023),
};

export function checklistFor(edition: Edition): Checklist {
  return CHECKLISTS[edition];
}
