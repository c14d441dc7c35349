// Settings the domain brief marks [verify]: second-hand or local, so they must stay configurable.
// The settings screen lists them with their documented default and says where that default comes
// from.

import { DEFAULT_NOTES } from './editions';
import type { PolicyRuleKey, PolicyRules } from './types';

export type VerifySetting<K extends PolicyRuleKey = PolicyRuleKey> = {
  key: K;
  label: string;
  defaultValue: PolicyRules[K];
  /** Why the default is what it is, and what a local authority might set instead. */
  help: string;
  /** Short text shown beside the setting. */
  uiText: string;
};

export const VERIFY_UI_TEXT = 'This is a local setting; default per domain guidance.';

function setting<K extends PolicyRuleKey>(
  key: K,
  label: string,
  defaultValue: PolicyRules[K],
  help: string,
): VerifySetting<K> {
  return { key, label, defaultValue, help, uiText: VERIFY_UI_TEXT };
}

/** Every [verify] setting with its default (domain §2.1, §2.3). */
export const VERIFY_SETTINGS: readonly VerifySetting[] = [
  setting(
    'internalReviewWorkingDays',
    'Internal review point for assessments (working days from the start)',
    10,
    DEFAULT_NOTES.internalReviewWorkingDays,
  ),
  setting(
    'strategyDiscussionWorkingDays',
    'Hold a strategy discussion within (working days of the decision)',
    1,
    DEFAULT_NOTES.strategyDiscussionWorkingDays,
  ),
  setting(
    'icpcAnchor',
    'Count the 15 working days to the initial child protection conference from',
    'last-strategy-discussion',
    DEFAULT_NOTES.icpcAnchor,
  ),
  setting('officeHoursStart', 'Office hours start', '09:00', DEFAULT_NOTES.officeHoursStart),
  setting('officeHoursEnd', 'Office hours end', '17:00', DEFAULT_NOTES.officeHoursEnd),
  setting(
    'outOfHoursRule',
    'Referrals received out of hours or on a non-working day count from',
    'next-working-day',
    DEFAULT_NOTES.outOfHoursRule,
  ),
  setting(
    'seeChildWithinHours',
    'See the child within (hours) where further assessment is needed',
    24,
    DEFAULT_NOTES.seeChildWithinHours,
  ),
];
