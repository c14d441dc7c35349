// Answers → recommended type of response, with the reasons shown to the worker. The worker may
// choose differently; the decision schema then requires a reason (domain §2.1).

import type { Edition, ResponseType } from '../domain/types';
import type { AnswerValue } from '../validation/decision';
import { checklistFor } from './questions';
import type { QuestionId } from './questions';

export type ChecklistAnswers = Readonly<Partial<Record<string, AnswerValue>>>;

export type Recommendation = {
  response: ResponseType;
  /** Plain sentences: "Because you answered yes to: …". */
  because: string[];
  /** The rule that matched, or null for the no-further-action fallback. */
  ruleId: string | null;
  note?: string;
  /** Questions not yet answered, in checklist order. */
  unanswered: QuestionId[];
};

const ANSWER_WORDS: Record<AnswerValue, string> = {
  yes: 'yes',
  no: 'no',
  unknown: 'not known',
};

export function recommendResponse(edition: Edition, answers: ChecklistAnswers): Recommendation {
  const checklist = checklistFor(edition);
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const unanswered = checklist.questions
    .filter((q) => answers[q.id] === undefined)
    .map((q) => q.id);

  for (const rule of checklist.rules) {
    const matched = rule.when.every((c) => {
      const a = answers[c.question];
      return a !== undefined && c.is.includes(a);
    });
    if (!matched) continue;
    const because = rule.when.map((c) => {
      const a = answers[c.question] ?? 'unknown';
      const short = byId.get(c.question)?.short ?? c.question;
      return `Because you answered ${ANSWER_WORDS[a]} to: ${short}`;
    });
    const result: Recommendation = {
      response: rule.response,
      because,
      ruleId: rule.id,
      unanswered,
    };
    if (rule.note !== undefined) result.note = rule.note;
    return result;
  }

  const because = [checklist.fallbackReason];
  if (unanswered.length > 0) {
    because.push(
      `You have not answered: ${unanswered.map((id) => byId.get(id)?.short ?? id).join('; ')}`,
    );
  }
  return { response: 'nfa', because, ruleId: null, unanswered };
}
