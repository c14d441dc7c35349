// The decision checklist as data, per edition (domain §2.1, §7: "a checklist tied to the local
// threshold wording"). Questions follow the statutory thresholds: significant harm (Children Act
// 1989 s47), child in need (s17), immediate protection (s44 / s46), early help; and the routes a
// front door must not miss (the designated officer, private fostering, young carers, homeless
// 16- and 17-year-olds, harm outside the home, an open case, the family network).

import type { Edition } from '../domain/types';

export const QUESTION_IDS = [
  'immediate-danger',
  'needs-protection-now',
  'significant-harm',
  'crime-suspected',
  'open-case',
  'allegation-against-worker',
  'harm-outside-home',
  'child-in-need',
  'homeless-16-17',
  'young-carer',
  'private-fostering',
  'early-help-needs',
  'family-consents-early-help',
  'family-network',
  'advice-sufficient',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/**
 * The safety questions. Until all three are answered there is no recommendation, and "not known"
 * on any of them leads to a strategy discussion and a manager consultation, never to a lower
 * response (local child protection procedures: where there is doubt about significant harm, hold a
 * strategy discussion).
 */
export const SAFETY_QUESTION_IDS = [
  'immediate-danger',
  'needs-protection-now',
  'significant-harm',
] as const satisfies readonly QuestionId[];
export type SafetyQuestionId = (typeof SAFETY_QUESTION_IDS)[number];

export function isSafetyQuestion(id: string): id is SafetyQuestionId {
  return (SAFETY_QUESTION_IDS as readonly string[]).includes(id);
}

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
  /** A safety question: must be answered before anything is recommended. */
  safety: boolean;
  /** Asked only when another answer makes it relevant (e.g. consent only if early help fits). */
  askedIf?: { question: QuestionId; is: readonly ('yes' | 'no' | 'unknown')[] };
};

export type Checklist = {
  edition: Edition;
  questions: readonly ChecklistQuestion[];
};

type Wording = {
  earlyHelp: string;
  earlyHelpHelp: string;
  guidance: string;
  /** Where the edition describes allegations against people who work with children. */
  lado: string;
};

const WORDING: Record<Edition, Wording> = {
  // WT 2010 ch.5 predates "early help"; families were helped through the Common Assessment
  // Framework (CAF) and targeted services.
  2010: {
    earlyHelp: 'a Common Assessment Framework (CAF) or other universal or targeted services',
    earlyHelpHelp:
      'A CAF or targeted service led by another agency, with the family’s agreement, instead of children’s social care.',
    guidance: 'WT 2010 ch.5',
    lado: 'WT 2010 Appendix 5 (managing allegations against people who work with children)',
  },
  2013: {
    earlyHelp: 'early help',
    earlyHelpHelp:
      'Early help services (WT 2013 ch.1): support as soon as a problem emerges, with the family’s agreement.',
    guidance: 'WT 2013 ch.1',
    lado: 'WT 2013 ch.2 (the designated officer for allegations)',
  },
  2015: {
    earlyHelp: 'early help',
    earlyHelpHelp:
      'Early help services (WT 2015 ch.1): support as soon as a problem emerges, with the family’s agreement.',
    guidance: 'WT 2015 ch.1',
    lado: 'WT 2015 ch.2 (the designated officer for allegations)',
  },
  2018: {
    earlyHelp: 'early help',
    earlyHelpHelp:
      'Early help services (WT 2018 ch.1): support as soon as a problem emerges, with the family’s agreement.',
    guidance: 'WT 2018 ch.1',
    lado: 'WT 2018 ch.2 (the designated officer, LADO)',
  },
  // WT 2023 ch.2–3 speaks of early help and (in the reforms) "family help".
  2023: {
    earlyHelp: 'early help (family help)',
    earlyHelpHelp:
      'Early help / family help (WT 2023 ch.3): support from a lead practitioner, with the family’s agreement.',
    guidance: 'WT 2023 ch.3',
    lado: 'WT 2023 ch.2 (the designated officer, LADO)',
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
    extra: Partial<Pick<ChecklistQuestion, 'askedIf'>> = {},
  ): ChecklistQuestion => ({
    id,
    text,
    short,
    help,
    answerType: 'yes-no-unknown',
    source,
    safety: isSafetyQuestion(id),
    ...extra,
  });
  const out: ChecklistQuestion[] = [
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
      'This is the threshold for a strategy discussion and a possible section 47 enquiry. If you are not sure, answer "Not known": doubt leads to a strategy discussion, not to a lower response.',
      `${w.guidance}: strategy discussion; Children Act 1989 s47`,
    ),
    q(
      'crime-suspected',
      'Has a crime been committed, or may one have been?',
      'a crime has or may have been committed',
      'If yes, or you cannot tell, talk to the police at the earliest opportunity and record who you told, when, and the police reference number (or that it is awaited).',
      `${w.guidance}: discuss with the police where a crime may have been committed`,
    ),
    q(
      'open-case',
      'Is the child’s case already open to children’s social care, with an allocated worker?',
      'the child’s case is already open',
      'Pass new information about an open case to the allocated worker and their manager today. It is not a new referral for the Children in Need census.',
      'CIN census guide: a referral is a request for services for a child not already receiving them; local procedures',
    ),
    q(
      'allegation-against-worker',
      'Is there an allegation about someone who works or volunteers with children (for example a teacher, foster carer, coach or youth worker)?',
      'there is an allegation about someone who works with children',
      'Tell the designated officer (LADO) within one working day, whatever else is decided for the child.',
      `${w.lado}; Keeping Children Safe in Education Part 4`,
    ),
  ];
  // WT 2018 ch.1 introduced "contextual safeguarding"; WT 2023 ch.3 "harm outside the home".
  if (edition === 2018 || edition === 2023) {
    out.push(
      q(
        'harm-outside-home',
        'Is the harm, or the risk, from outside the family home (exploitation, peers, online, places in the community)?',
        'the harm is from outside the home',
        'Plan with the partners who know the context (police, education, youth justice, community safety), and consider other children at risk in the same place or group.',
        edition === 2023
          ? 'WT 2023 ch.3: harm outside the home'
          : 'WT 2018 ch.1: contextual safeguarding (harm outside the home)',
      ),
    );
  }
  out.push(
    q(
      'child-in-need',
      'Without services from the local authority, is the child unlikely to reach or keep a reasonable standard of health or development, or likely to have it significantly impaired — or is the child disabled?',
      'the child may be a child in need',
      'This is the definition of a child in need (Children Act 1989 s17(10)). If yes, or you are not sure, a section 17 assessment finds out what help is needed.',
      `${w.guidance}: assessment of a child in need; Children Act 1989 s17`,
    ),
    q(
      'homeless-16-17',
      'Is the young person 16 or 17 and homeless, or about to become homeless?',
      'the young person is 16 or 17 and homeless',
      'Assess them as a possible child in need and consider accommodation under section 20; do not simply refer them to housing (R (G) v Southwark [2009] UKHL 26). Answer "No" for younger children.',
      'Children Act 1989 ss17, 20; joint guidance on 16 and 17 year olds who may be homeless (MHCLG and DfE, 2018)',
    ),
    q(
      'young-carer',
      'Does the child look after a family member who is ill, disabled, or misuses drugs or alcohol?',
      'the child is a young carer',
      'A young carer who may have support needs is entitled to a young carer’s needs assessment (Children Act 1989 s17ZA, in force from April 2015).',
      'Children Act 1989 s17ZA (inserted by the Children and Families Act 2014 s96)',
    ),
    q(
      'private-fostering',
      'Is the child privately fostered (under 16, or under 18 if disabled, and cared for by someone other than a parent or close relative for 28 days or more)?',
      'the child is privately fostered',
      'The local authority must visit within 7 working days of being told of the arrangement and check it is suitable.',
      'Children Act 1989 s66; Children (Private Arrangements for Fostering) Regulations 2005, reg 4',
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
      { askedIf: { question: 'early-help-needs', is: ['yes'] } },
    ),
  );
  // WT 2023 ch.2: work with the family network from the start; family group decision making.
  if (edition === 2023) {
    out.push(
      q(
        'family-network',
        'Could the wider family network help keep the child safe or support the family (consider a family group decision-making meeting)?',
        'the family network could help',
        'Working Together 2023 asks practitioners to involve the family network at the earliest opportunity, including through family group decision making.',
        'WT 2023 ch.2: working with parents, carers and the family network; family group decision making',
      ),
    );
  }
  out.push(
    q(
      'advice-sufficient',
      'Would information, advice or signposting to the referrer or family be enough?',
      'information and advice would be enough',
      'For example pointing the family to universal services, or advising the referrer how to keep monitoring.',
      `${w.guidance}: no further action, with information, advice or signposting`,
    ),
  );
  return out;
}

export const CHECKLISTS: Readonly<Record<Edition, Checklist>> = {
  2010: { edition: 2010, questions: questionsFor(2010) },
  2013: { edition: 2013, questions: questionsFor(2013) },
  2015: { edition: 2015, questions: questionsFor(2015) },
  2018: { edition: 2018, questions: questionsFor(2018) },
  2023: { edition: 2023, questions: questionsFor(2023) },
};

export function checklistFor(edition: Edition): Checklist {
  return CHECKLISTS[edition];
}

/** Whether a question is asked, given the answers so far (askedIf). */
export function isAsked(
  q: ChecklistQuestion,
  answers: Readonly<Partial<Record<string, string>>>,
): boolean {
  if (q.askedIf === undefined) return true;
  const a = answers[q.askedIf.question];
  return a !== undefined && (q.askedIf.is as readonly string[]).includes(a);
}

/** The questions to show and answer, in order, given the answers so far. */
export function askedQuestions(
  edition: Edition,
  answers: Readonly<Partial<Record<string, string>>>,
): ChecklistQuestion[] {
  return checklistFor(edition).questions.filter((q) => isAsked(q, answers));
}
