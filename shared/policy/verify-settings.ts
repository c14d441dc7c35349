// Settings the guidance leaves to local policy, or where our reading of it is uncertain: they must
// stay configurable. The settings and rules screens list them with the edition's default and say
// where that default comes from.

import type { Edition } from '../domain/types';
import { DEFAULT_NOTES, EDITION_RULES } from './editions';
import type { PolicyRuleKey, PolicyRules } from './types';

export type VerifySetting<K extends PolicyRuleKey = PolicyRuleKey> = {
  key: K;
  label: string;
  /** Why the default is what it is, and what a local authority might set instead. */
  help: string;
  /** Short text shown beside the setting. */
  uiText: string;
};

export const VERIFY_UI_TEXT =
  'This is a local setting: your authority can change it. The default and where it comes from are shown beside it.';

function setting<K extends PolicyRuleKey>(key: K, label: string, help: string): VerifySetting<K> {
  return { key, label, help, uiText: VERIFY_UI_TEXT };
}

/** The edition's default for a setting (the ICPC anchor differs between 2010 and later editions). */
export function verifyDefault<K extends PolicyRuleKey>(
  s: VerifySetting<K>,
  edition: Edition,
): PolicyRules[K] {
  return EDITION_RULES[edition].rules[s.key];
}

/** Every local setting, with its documented default's reasoning. */
export const VERIFY_SETTINGS: readonly VerifySetting[] = [
  setting(
    'internalReviewWorkingDays',
    'Internal review point for assessments (working days from the start)',
    DEFAULT_NOTES.internalReviewWorkingDays,
  ),
  setting(
    'strategyDiscussionWorkingDays',
    'Hold a strategy discussion within (working days of the decision)',
    DEFAULT_NOTES.strategyDiscussionWorkingDays,
  ),
  setting(
    'icpcAnchor',
    'Count the 15 working days to the initial child protection conference from',
    DEFAULT_NOTES.icpcAnchor,
  ),
  setting('officeHoursStart', 'Office hours start', DEFAULT_NOTES.officeHoursStart),
  setting('officeHoursEnd', 'Office hours end', DEFAULT_NOTES.officeHoursEnd),
  setting(
    'outOfHoursRule',
    'Referrals received out of hours or on a non-working day count from',
    DEFAULT_NOTES.outOfHoursRule,
  ),
  setting(
    'seeChildWithinHours',
    'See the child within (hours) where there are child protection concerns',
    DEFAULT_NOTES.seeChildWithinHours,
  ),
  setting(
    'seeChildInNeedWorkingDays',
    'See a child in need within (working days), or as soon as possible',
    DEFAULT_NOTES.seeChildInNeedWorkingDays,
  ),
  setting(
    'ladoReferralWorkingDays',
    'Refer an allegation against someone who works with children to the LADO within (working days)',
    DEFAULT_NOTES.ladoReferralWorkingDays,
  ),
  setting(
    'managerSignOff',
    'Manager sign-off of the decision on the type of response',
    DEFAULT_NOTES.managerSignOffNotRequired,
  ),
];
