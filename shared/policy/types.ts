import type { Edition, RoleId } from '../domain/types';

export type SignOffMode = 'required' | 'optional' | 'off';
/**
 * What the ICPC 15-working-day target counts from. WT 2010 ch.5: the strategy discussion at which
 * section 47 enquiries were initiated, if more than one was held; WT 2013 onward: the last strategy
 * discussion if more than one; the CIN census measures from the s47 start date.
 */
export type IcpcAnchor =
  'initiating-strategy-discussion' | 'last-strategy-discussion' | 's47-start';
export type CaseHolderTerm = 'social worker' | 'lead practitioner';
/**
 * How a referral received outside office hours or on a non-working day is counted
 * (domain §2.3 [verify]): from the next working day, or from the calendar day of receipt.
 */
export type OutOfHoursRule = 'next-working-day' | 'day-of-receipt';

/**
 * Where a rule comes from: the edition's text, an Act or regulations that apply whatever the
 * edition, a documented local default, or a local override.
 */
export type RuleSource =
  | { kind: 'edition'; edition: Edition; reference: string }
  | { kind: 'statute'; reference: string }
  | { kind: 'local'; note: string }
  | { kind: 'default'; note: string };

/** Every rule a policy carries; each key has a source. */
export type PolicyRules = {
  decisionWorkingDays: number;
  /** 2010 only: initial assessment 10 WD; null where the edition has none. */
  initialAssessmentWorkingDays: number | null;
  /** 2010 only: core assessment 35 WD. */
  coreAssessmentWorkingDays: number | null;
  /** 2013 onward: single assessment at most 45 WD from referral. */
  assessmentWorkingDays: number | null;
  /** Local internal review point, in WD from the assessment start (census AssessmentInternalReviewDate). */
  internalReviewWorkingDays: number;
  /** Local strategy discussion deadline in WD from the decision (no national figure). */
  strategyDiscussionWorkingDays: number;
  icpcWorkingDays: number;
  icpcAnchor: IcpcAnchor;
  firstCoreGroupWorkingDays: number;
  firstReviewMonths: number;
  reviewIntervalMonths: number;
  requiredRoles: RoleId[];
  optionalRoles: RoleId[];
  managerSignOff: SignOffMode;
  caseHolderTerm: CaseHolderTerm;
  /** Office hours in Europe/London, `HH:mm`; used with outOfHoursRule. */
  officeHoursStart: string;
  officeHoursEnd: string;
  outOfHoursRule: OutOfHoursRule;
  /**
   * Local standard for seeing the child where there are child protection concerns (strategy
   * discussion or emergency action), in hours. The guidance says "as soon as possible".
   */
  seeChildWithinHours: number;
  /**
   * Local standard for seeing a child in need (section 17 assessment), in working days; null
   * means "as soon as possible" with no local figure. Not the child protection standard.
   */
  seeChildInNeedWorkingDays: number | null;
  /**
   * Refer an allegation against someone who works with children to the designated officer (LADO)
   * within this many working days (Keeping Children Safe in Education: within one working day).
   */
  ladoReferralWorkingDays: number;
  /**
   * Visit a privately fostered child within this many working days of the notification (Children
   * (Private Arrangements for Fostering) Regulations 2005, reg 4: within 7 working days).
   */
  privateFosteringVisitWorkingDays: number;
};

export type PolicyRuleKey = keyof PolicyRules;

/** A local override as stored in settings. */
export type PolicyOverrides = Partial<PolicyRules> & {
  notes?: Partial<Record<PolicyRuleKey, string>>;
};

export type AppliedOverride = {
  key: PolicyRuleKey;
  editionValue: PolicyRules[PolicyRuleKey];
  localValue: PolicyRules[PolicyRuleKey];
  note: string;
};

export type ResolvedPolicy = PolicyRules & {
  edition: Edition;
  sources: Record<PolicyRuleKey, RuleSource>;
  /** Every rule changed locally, kept visible so the UI can show "local policy" beside it. */
  overrides: AppliedOverride[];
};
