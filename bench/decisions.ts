// Decisions for the benchmark's referrals, built once per response and checked by the same zod
// schema the service runs, so the stored decisions are ones the app itself would accept.
import { CHECKLISTS, recommendResponse } from '../shared/checklist';
import type { Edition, ResponseType } from '../shared/domain/types';
import { type AnswerValue, type Decision, decisionSchema } from '../shared/validation/decision';

/** Checklist answers for `edition` that lead to this response (the rest answered "no"). */
function answersFor(edition: Edition, response: ResponseType): Record<string, AnswerValue> {
  const a: Record<string, AnswerValue> = Object.fromEntries(
    CHECKLISTS[edition].questions.map((q) => [q.id, 'no']),
  );
  a['crime-suspected'] = 'no';
  switch (response) {
    case 'strategy-discussion':
      return { ...a, 'significant-harm': 'yes' };
    case 's17-assessment':
      return { ...a, 'child-in-need': 'yes' };
    case 'early-help':
      return { ...a, 'early-help-needs': 'yes', 'family-consents-early-help': 'yes' };
    case 'information-advice':
      return { ...a, 'advice-sufficient': 'yes' };
    default:
      return a;
  }
}

const RATIONALE: Partial<Record<ResponseType, string>> = {
  'strategy-discussion':
    'Reasonable cause to suspect the child is suffering, or likely to suffer, significant harm.',
  's17-assessment': 'The child is likely to be a child in need: section 17 assessment to start.',
  'early-help': 'Needs can be met by early help with the family’s agreement.',
  'information-advice': 'Concerns are low level; advice given to the referrer and the family.',
  nfa: 'No indication that the child is in need or at risk of harm.',
};

/** The responses a decided referral in the benchmark ends with, by weight. */
export const OUTCOMES: readonly (readonly [ResponseType, number])[] = [
  ['information-advice', 25],
  ['early-help', 25],
  ['s17-assessment', 30],
  ['strategy-discussion', 10],
  ['nfa', 10],
];

/** A complete decision (validated); `decidedAt` and `decidedBy` are the caller's. */
export function decisionInput(
  edition: Edition,
  response: ResponseType,
  decidedAt: string,
  decidedBy: string,
): Decision {
  const answers = answersFor(edition, response);
  const rec = recommendResponse(edition, answers);
  const recommended = rec.kind === 'recommended' ? rec.response : response;
  const accepted = !['nfa', 'information-advice'].includes(response);
  return decisionSchema.parse({
    answers,
    recommendedResponse: recommended,
    chosenResponse: response,
    ...(recommended !== response
      ? { differsReason: 'Further information from the school changed the picture.' }
      : {}),
    rationale: RATIONALE[response] ?? 'Decision recorded.',
    crimeSuspected: false,
    familyInformed: 'yes',
    ...(response === 's17-assessment' || response === 'early-help'
      ? { familyAgreement: 'agreed' }
      : {}),
    ...(accepted
      ? {
          seeingChildPlan: 'Duty social worker to visit the child at school.',
          leadPractitioner: decidedBy,
          leadPractitionerAllocatedBy: 'Practice supervisor',
          leadPractitionerRole: 'social-worker',
        }
      : {}),
    decidedBy,
    decidedAt,
  });
}
