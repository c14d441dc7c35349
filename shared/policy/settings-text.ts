// Settings in plain words: each rule's label and value as a practitioner reads them, shared by the
// Settings screen, the preview of a change and the audit log's "before → after" (issue 14), so
// the three always say the same thing.

import { ROLE_LABELS, type Edition, type RoleId } from '../domain/types';
import { editionLabel } from './editions';
import { formatUkDate } from '../validation/formats';
import type { PolicyRuleKey, PolicyRules } from './types';

/** Each rule as a short label (the Rules and clocks screen's wording). */
export const RULE_LABELS: Record<PolicyRuleKey, string> = {
  decisionWorkingDays: 'Decide the type of response within',
  initialAssessmentWorkingDays: 'Initial assessment within',
  coreAssessmentWorkingDays: 'Core assessment within',
  assessmentWorkingDays: 'Assessment within (from referral)',
  internalReviewWorkingDays: 'Assessment internal review point',
  strategyDiscussionWorkingDays: 'Strategy discussion within (from decision)',
  icpcWorkingDays: 'Initial child protection conference (ICPC) within',
  icpcAnchor: 'ICPC counted from',
  firstCoreGroupWorkingDays: 'First core group within (from the ICPC)',
  firstReviewMonths: 'First review conference within (from the ICPC)',
  reviewIntervalMonths: 'Later review conferences at most every',
  requiredRoles: 'Strategy discussions must involve',
  optionalRoles: 'Strategy discussions also name',
  managerSignOff: 'Manager sign-off of decisions',
  caseHolderTerm: 'Case holder is called',
  officeHoursStart: 'Office opens',
  officeHoursEnd: 'Office closes',
  outOfHoursRule: 'Out-of-hours referrals count from',
  seeChildWithinHours: 'See the child (child protection concerns) within',
  seeChildInNeedWorkingDays: 'See a child in need within',
  ladoReferralWorkingDays:
    'Refer an allegation against someone who works with children to the LADO within',
  privateFosteringVisitWorkingDays: 'Visit a privately fostered child within (from notification)',
};

const WORKING_DAY_KEYS: ReadonlySet<PolicyRuleKey> = new Set<PolicyRuleKey>([
  'decisionWorkingDays',
  'initialAssessmentWorkingDays',
  'coreAssessmentWorkingDays',
  'assessmentWorkingDays',
  'internalReviewWorkingDays',
  'icpcWorkingDays',
  'firstCoreGroupWorkingDays',
  'seeChildInNeedWorkingDays',
  'ladoReferralWorkingDays',
  'privateFosteringVisitWorkingDays',
]);

export function workingDaysText(n: number): string {
  return n === 1 ? '1 working day' : `${String(n)} working days`;
}

function roleList(value: unknown): string {
  if (!Array.isArray(value)) return String(value);
  if (value.length === 0) return 'nobody named';
  return value
    .map((r) => (typeof r === 'string' && r in ROLE_LABELS ? ROLE_LABELS[r as RoleId] : String(r)))
    .join(', ');
}

/** A rule's value in words ("2 working days", "the next working day", "Required"). */
export function ruleValueText<K extends PolicyRuleKey>(key: K, value: PolicyRules[K]): string {
  return anyRuleValueText(key, value);
}

/** As ruleValueText, for a value read from storage or an audit entry (not yet trusted). */
export function anyRuleValueText(key: PolicyRuleKey, value: unknown): string {
  if (value === undefined) return '(blank)';
  if (value === null) {
    return key === 'seeChildInNeedWorkingDays'
      ? 'As soon as possible (no local figure)'
      : 'Not in this edition';
  }
  if (key === 'strategyDiscussionWorkingDays' && typeof value === 'number') {
    return value === 0 ? 'The same day' : workingDaysText(value);
  }
  if (key === 'ladoReferralWorkingDays' && value === 0) return 'The same working day';
  if (WORKING_DAY_KEYS.has(key) && typeof value === 'number') return workingDaysText(value);
  if ((key === 'firstReviewMonths' || key === 'reviewIntervalMonths') && typeof value === 'number')
    return value === 1 ? '1 month' : `${String(value)} months`;
  if (key === 'seeChildWithinHours' && typeof value === 'number')
    return value === 1 ? '1 hour' : `${String(value)} hours`;
  switch (key) {
    case 'icpcAnchor':
      return value === 's47-start'
        ? 'the start of the section 47 enquiry'
        : value === 'initiating-strategy-discussion'
          ? 'the strategy discussion that started the section 47 enquiry'
          : 'the last strategy discussion';
    case 'outOfHoursRule':
      return value === 'next-working-day' ? 'the next working day' : 'the day of receipt';
    case 'managerSignOff':
      return value === 'required' ? 'Required' : value === 'optional' ? 'Optional' : 'Off';
    case 'requiredRoles':
    case 'optionalRoles':
      return roleList(value);
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '(blank)';
  }
}

/** Organisation details the settings change, in words. */
export const ORGANISATION_LABELS: Record<string, string> = {
  name: 'Organisation name',
  address: 'Organisation address',
  phone: 'Organisation phone',
  email: 'Team mailbox',
  marking: 'Protective marking',
  inviteInitials: "Calendar invites carry the children's initials",
  contactLine: 'Letterhead contact line',
  signatory: 'Who signs the letters',
  signatoryRole: 'Their role',
  logo: 'Letterhead logo',
};

function isRuleKey(key: string): key is PolicyRuleKey {
  return key in RULE_LABELS;
}

/**
 * How a settings change is kept in the audit log (services/settings-change): `before` and `after`
 * hold only what changed, under these paths:
 *   edition                 the guidance edition
 *   policy.<rule>           the rule in force (edition with local policy)
 *   localPolicy.<rule>      what local policy stores (absent: follows the edition)
 *   localPolicy.notes.<rule> a note on a local rule
 *   organisation.<field>    organisation details (the logo by its size and fingerprint)
 *   closures                closure days
 * These read them back in words for the audit screen and the subject access export.
 */
export function settingsChangeLabel(path: string): string | null {
  const [head, key, sub] = path.split('.');
  if (head === 'edition' && key === undefined) return 'Guidance edition';
  if (head === 'closures' && key === undefined) return 'Closure days';
  if (head === 'decisionDatesChanged') return null;
  if (head === 'policy' && key !== undefined && isRuleKey(key)) return RULE_LABELS[key];
  if (head === 'localPolicy' && key === 'notes' && sub !== undefined && isRuleKey(sub))
    return `Local policy note: ${RULE_LABELS[sub]}`;
  if (head === 'localPolicy' && key !== undefined && isRuleKey(key))
    return `Local policy: ${RULE_LABELS[key]}`;
  if (head === 'organisation' && key !== undefined) return ORGANISATION_LABELS[key] ?? null;
  return null;
}

export function settingsChangeValue(path: string, value: unknown): string | null {
  const [head, key, sub] = path.split('.');
  if (head === 'edition' && key === undefined) {
    return typeof value === 'number' ? editionLabel(value as Edition) : null;
  }
  if (head === 'closures' && key === undefined) {
    if (!Array.isArray(value)) return value === undefined ? 'None' : null;
    return value.length === 0
      ? 'None'
      : value.map((d) => (typeof d === 'string' ? formatUkDate(d) : String(d))).join(', ');
  }
  if (head === 'policy' && key !== undefined && isRuleKey(key)) {
    return anyRuleValueText(key, value);
  }
  if (head === 'localPolicy' && key === 'notes' && sub !== undefined) {
    return typeof value === 'string' && value !== '' ? value : '(no note)';
  }
  if (head === 'localPolicy' && key !== undefined && isRuleKey(key)) {
    return value === undefined
      ? "The edition's default"
      : `${anyRuleValueText(key, value)} (set locally)`;
  }
  if (head === 'organisation' && key === 'inviteInitials') {
    return value === true ? 'Yes' : 'No, the case reference only';
  }
  return null;
}
