// What each list of referrals is, in words, for the heading of the list a figure opens.
import { referralSource } from '../codes/referral-source';
import { RESPONSE_LABELS, RESPONSE_TYPES, type ResponseType } from '../domain/types';
import type { Drill } from './types';

const TITLES: Record<Drill, string> = {
  contacts: 'Contacts received',
  referrals: 'Referrals (Children in Need census)',
  'open-case': 'Information about a case already open (not a new referral)',
  decided: 'Decided',
  'decided-on-time': 'Decided within the decision clock',
  'decided-late': 'Decided after the decision clock ran out',
  undecided: 'Not decided yet',
  're-referrals': 'Re-referrals within 12 months',
  outcome: 'Decided as',
  'sd-called': 'Decisions that called for a strategy discussion',
  'sd-held': 'Strategy discussion called for and held',
  'sd-not-held': 'Strategy discussion called for, none held yet',
  'sd-attendance-recorded': 'Strategy discussions held with attendance recorded',
  'sd-attendance-not-recorded': 'Strategy discussions held, minutes not finalised',
  'sd-police': 'Strategy discussions with the police present',
  'sd-health': 'Strategy discussions with health present',
  'sd-manager': 'Strategy discussions with a manager present',
  'sd-all-present': 'Strategy discussions with everyone required present',
  icpc: 'Initial child protection conferences held',
  'icpc-in-time': 'Initial child protection conferences in time',
  'icpc-late': 'Initial child protection conferences held late',
  'icpc-no-anchor': 'Initial child protection conferences with no start date to count from',
  'told-due': 'Referrers to be told the outcome',
  told: 'Referrers told the outcome',
  'not-told': 'Referrers not yet told the outcome',
  source: 'Referral source',
  'member-decided': 'Decided by',
  'member-on-time': 'Decided on time by',
  'member-assigned': 'Assigned to',
};

export function drillTitle(
  drill: Drill,
  key: string | undefined,
  names: ReadonlyMap<string, string>,
): string {
  const base = TITLES[drill];
  if (key === undefined) return base;
  if (drill === 'outcome') {
    const response = RESPONSE_TYPES.find((r): r is ResponseType => r === key);
    return `${base}: ${response === undefined ? key : RESPONSE_LABELS[response]}`;
  }
  if (drill === 'source') return `${base}: ${key} ${referralSource(key)?.label ?? ''}`.trim();
  return `${base} ${names.get(key) ?? 'an unknown user'}`;
}
