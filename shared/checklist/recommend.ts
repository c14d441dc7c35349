// Answers → recommended type of response, with the reasons shown to the worker. The worker may
// choose differently; the decision then needs a reason, and stepping down from a safety
// recommendation needs a manager's agreement (shared/checklist complete.ts, the decision service).

import type { Edition, ResponseType } from '../domain/types';
import type { AnswerValue } from '../validation/decision';
import { SAFETY_QUESTION_IDS, askedQuestions, checklistFor, type QuestionId } from './questions';
import {
  CONTRADICTIONS,
  NEEDED_BEFORE_NO_ACTION,
  NEEDS_RULES,
  NFA_FALLBACK,
  RESPONSE_RANK,
  SAFETY_RULES,
  type ChecklistRule,
} from './rules';

export type ChecklistAnswers = Readonly<Partial<Record<string, AnswerValue>>>;

type Common = {
  /** Questions not yet answered (of those asked), in checklist order. */
  unanswered: QuestionId[];
  /** Answers that contradict each other, in plain words. */
  contradictions: string[];
};

export type Recommendation =
  | (Common & {
      kind: 'needs-answers';
      /** The questions that must be answered before anything is recommended. */
      needed: QuestionId[];
      /** The same, as the short phrases the worker reads. */
      neededText: string[];
    })
  | (Common & {
      kind: 'recommended';
      response: ResponseType;
      /** Plain sentences: "Because you answered yes to: …". */
      because: string[];
      /** The rule that matched, or null for the no-further-action fallback. */
      ruleId: string | null;
      /** The rule came from the safety table (a step down from it needs a manager). */
      fromSafetyRule: boolean;
      /** Consult a manager now, before recording the decision. */
      consultManager: boolean;
      note?: string;
      /** Where the rule comes from. */
      source: string;
    });

const ANSWER_WORDS: Record<AnswerValue, string> = {
  yes: 'yes',
  no: 'no',
  unknown: 'not known',
};

function matches(rule: ChecklistRule, answers: ChecklistAnswers): boolean {
  return rule.when.every((c) => {
    const a = answers[c.question];
    return a !== undefined && c.is.includes(a);
  });
}

export function recommendResponse(edition: Edition, answers: ChecklistAnswers): Recommendation {
  const checklist = checklistFor(edition);
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const shortOf = (id: QuestionId): string => byId.get(id)?.short ?? id;
  const unanswered = askedQuestions(edition, answers)
    .filter((q) => answers[q.id] === undefined)
    .map((q) => q.id);
  const contradictions = CONTRADICTIONS.filter((c) =>
    c.when.every((w) => answers[w.question] === w.is),
  ).map((c) => c.message);
  const needs = (needed: QuestionId[]): Recommendation => ({
    kind: 'needs-answers',
    needed,
    neededText: needed.map(shortOf),
    unanswered,
    contradictions,
  });

  const missingSafety = SAFETY_QUESTION_IDS.filter((id) => answers[id] === undefined);
  // A "yes" or "not known" on one safety question is already enough to act on, but the worker
  // still answers all three first: the recommendation must not hide a question nobody asked.
  if (missingSafety.length > 0) return needs([...missingSafety]);

  const recommend = (rule: ChecklistRule, fromSafetyRule: boolean): Recommendation => {
    const because = rule.when.map((c) => {
      const a = answers[c.question] ?? 'unknown';
      return `Because you answered ${ANSWER_WORDS[a]} to: ${shortOf(c.question)}`;
    });
    return {
      kind: 'recommended',
      response: rule.response,
      because,
      ruleId: rule.id,
      fromSafetyRule,
      consultManager: rule.consultManager === true,
      ...(rule.note === undefined ? {} : { note: rule.note }),
      source: rule.source,
      unanswered,
      contradictions,
    };
  };

  for (const rule of SAFETY_RULES) if (matches(rule, answers)) return recommend(rule, true);

  // Every safety answer is "no" from here on (the safety table covers every other combination).
  // Nothing below an assessment is recommended until the child-in-need question is answered.
  const missingNeeds = NEEDED_BEFORE_NO_ACTION.filter((id) => answers[id] === undefined);
  for (const rule of NEEDS_RULES) {
    const belowAssessment = RESPONSE_RANK[rule.response] < RESPONSE_RANK['s17-assessment'];
    if (belowAssessment && missingNeeds.length > 0) return needs([...missingNeeds]);
    if (matches(rule, answers)) return recommend(rule, false);
  }
  if (missingNeeds.length > 0) return needs([...missingNeeds]);

  return {
    kind: 'recommended',
    response: 'nfa',
    because: [
      NFA_FALLBACK,
      ...(unanswered.length > 0
        ? [`You have not answered: ${unanswered.map(shortOf).join('; ')}`]
        : []),
    ],
    ruleId: null,
    fromSafetyRule: false,
    consultManager: false,
    source: 'Working Together: no further action where the referral does not meet a threshold',
    unanswered,
    contradictions,
  };
}

/**
 * The chosen response is lower than a safety recommendation (e.g. no further action where the
 * checklist found reasonable cause to suspect significant harm). Allowed only with a reason and a
 * manager's agreement.
 */
export function stepsDownFromSafety(
  recommendation: Recommendation,
  chosen: ResponseType | undefined,
): boolean {
  return (
    recommendation.kind === 'recommended' &&
    recommendation.fromSafetyRule &&
    chosen !== undefined &&
    RESPONSE_RANK[chosen] < RESPONSE_RANK[recommendation.response]
  );
}

export function recommendedResponse(r: Recommendation): ResponseType | null {
  return r.kind === 'recommended' ? r.response : null;
}
