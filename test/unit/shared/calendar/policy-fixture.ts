// A ResolvedPolicy literal for calendar tests (the real resolver lives in shared/policy). Values are
// 2018-like (domain §2.3); sources are marked as fixture text, not real paragraph references.
import type { Edition } from '../../../../shared/domain/types';
import type {
  PolicyRuleKey,
  PolicyRules,
  ResolvedPolicy,
  RuleSource,
} from '../../../../shared/policy/types';

export const RULES_2018: PolicyRules = {
  decisionWorkingDays: 1,
  initialAssessmentWorkingDays: null,
  coreAssessmentWorkingDays: null,
  assessmentWorkingDays: 45,
  internalReviewWorkingDays: 10,
  strategyDiscussionWorkingDays: 1,
  icpcWorkingDays: 15,
  icpcAnchor: 'last-strategy-discussion',
  firstCoreGroupWorkingDays: 10,
  firstReviewMonths: 3,
  reviewIntervalMonths: 6,
  requiredRoles: ['social-worker', 'health', 'police'],
  optionalRoles: ['referrer', 'education', 'health-services-family'],
  managerSignOff: 'optional',
  caseHolderTerm: 'social worker',
  officeHoursStart: '09:00',
  officeHoursEnd: '17:00',
  outOfHoursRule: 'next-working-day',
  seeChildWithinHours: 24,
  seeChildInNeedWorkingDays: null,
  ladoReferralWorkingDays: 1,
  privateFosteringVisitWorkingDays: 7,
};

/** 2010-like: initial assessment 10 WD, core assessment 35 WD, no single assessment. */
export const RULES_2010: PolicyRules = {
  ...RULES_2018,
  initialAssessmentWorkingDays: 10,
  coreAssessmentWorkingDays: 35,
  assessmentWorkingDays: null,
  icpcAnchor: 'initiating-strategy-discussion',
};

const RULE_KEYS = Object.keys(RULES_2018) as PolicyRuleKey[];

/**
 * Build a policy: `rules` are taken as the edition's values; `local` as local overrides (their
 * sources become `local`).
 */
export function makePolicy(
  options: { edition?: Edition; rules?: PolicyRules; local?: Partial<PolicyRules> } = {},
): ResolvedPolicy {
  const edition = options.edition ?? 2018;
  const base = options.rules ?? RULES_2018;
  const local = options.local ?? {};
  const sources = {} as Record<PolicyRuleKey, RuleSource>;
  for (const key of RULE_KEYS) {
    sources[key] =
      key in local
        ? { kind: 'local', note: `fixture override of ${key}` }
        : { kind: 'edition', edition, reference: `fixture reference for ${key}` };
  }
  const overrides = RULE_KEYS.filter((key) => key in local).map((key) => ({
    key,
    editionValue: base[key],
    localValue: local[key] ?? base[key],
    note: `fixture override of ${key}`,
  }));
  return { ...base, ...local, edition, sources, overrides };
}
