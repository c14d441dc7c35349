// View model for the "Rules and clocks" screen: pure functions over shared/, tested without a DOM.

import {
  COUNTING_CONVENTION,
  bankHolidaysFor,
  computeReferralClocks,
  holidaySource,
  londonInstant,
  createWorkingDayCalendar,
  describeRuleSource,
  type ClockStatus,
  type HolidaySource,
  type ImportedBankHolidays,
  type S47Outcome,
  type StatutoryClock,
} from '../../../../shared/calendar';

import {
  ROLE_LABELS,
  type Edition,
  type ResponseType,
  type RoleId,
} from '../../../../shared/domain/types';
import {
  EDITION_RULES,
  VERIFY_SETTINGS,
  VERIFY_UI_TEXT,
  resolvePolicy,
  type PolicyOverrides,
  type PolicyRuleKey,
  type ResolvedPolicy,
} from '../../../../shared/policy';
import { RULE_LABELS, anyRuleValueText } from '../../../../shared/policy/settings-text';
import { formatUkDate, parseUkDate } from '../../../../shared/validation/formats';

export { COUNTING_CONVENTION, VERIFY_UI_TEXT };

export type RuleRow = {
  key: PolicyRuleKey;
  label: string;
  value: string;
  source: string;
  /** A [verify] rule: a local setting whose default comes from the domain brief. */
  localSetting: boolean;
  overridden: boolean;
};

// The rows of the rules table: every rule but the strategy discussion roles, which have their own
// table (attendeeRows). Labels and values in the same words as the Settings screen and the audit.
const RULE_KEYS = (Object.keys(RULE_LABELS) as PolicyRuleKey[]).filter(
  (k) => k !== 'requiredRoles' && k !== 'optionalRoles',
);

const VERIFY_KEYS = new Set<PolicyRuleKey>(VERIFY_SETTINGS.map((s) => s.key));

export function ruleRows(policy: ResolvedPolicy): RuleRow[] {
  const overridden = new Set(policy.overrides.map((o) => o.key));
  return RULE_KEYS.map((key) => ({
    key,
    label: RULE_LABELS[key],
    value: anyRuleValueText(key, policy[key]),
    source: describeRuleSource(policy.sources[key]),
    localSetting: VERIFY_KEYS.has(key),
    overridden: overridden.has(key),
  }));
}

export type AttendeeRow = { role: string; required: boolean; source: string };

/** Each strategy discussion role with who names it: the edition's words, or local policy. */
export function attendeeRows(policy: ResolvedPolicy): AttendeeRow[] {
  const named = EDITION_RULES[policy.edition].roleSources;
  const row = (r: RoleId, required: boolean): AttendeeRow => ({
    role: ROLE_LABELS[r],
    required,
    source: named[r] ?? 'Added by local policy',
  });
  return [
    ...policy.requiredRoles.map((r) => row(r, true)),
    ...policy.optionalRoles.map((r) => row(r, false)),
  ];
}

export function policyFor(edition: Edition, overrides?: PolicyOverrides): ResolvedPolicy {
  return resolvePolicy(edition, overrides);
}

export function statusText(status: ClockStatus): string {
  switch (status.kind) {
    case 'not-started':
      return 'Not started';
    case 'not-required':
      return 'Not required';
    case 'on-time':
      return status.workingDaysLeft === 1
        ? 'On time: 1 working day left'
        : `On time: ${status.workingDaysLeft} working days left`;
    case 'due-today':
      return 'Due today';
    case 'overdue':
      return status.workingDaysOverdue === 1
        ? 'Overdue by 1 working day'
        : `Overdue by ${status.workingDaysOverdue} working days`;
    case 'met':
      return status.late
        ? `Done late, ${formatUkDate(status.on)}`
        : `Done ${formatUkDate(status.on)}`;
  }
}

export type CalculatorInput = {
  edition: Edition;
  overrides?: PolicyOverrides;
  closures?: readonly string[];
  /** The imported GOV.UK bank holidays (settings), or none: the rules apply. */
  bankHolidays?: ImportedBankHolidays | null;
  receivedDate: string; // DD/MM/YYYY as typed
  receivedTime: string; // HH:mm
  response: ResponseType | '';
  strategyDiscussionDate: string; // DD/MM/YYYY or ''
  /** What the discussion decided about a section 47 enquiry. */
  s47: 'yes' | 'no' | '';
  /** The enquiry's outcome, if known. */
  s47Outcome: S47Outcome | '';
  now: Date;
};

export type CalculatorResult =
  | {
      ok: false;
      errors: Partial<Record<'receivedDate' | 'receivedTime' | 'strategyDiscussionDate', string>>;
    }
  | { ok: true; receiptReason: string; countedFrom: string; clocks: StatutoryClock[] };

/** The working-day calculator: typed en-GB inputs → the statutory clocks, or field errors. */
export function calculateClocks(input: CalculatorInput): CalculatorResult {
  const errors: Partial<
    Record<'receivedDate' | 'receivedTime' | 'strategyDiscussionDate', string>
  > = {};
  const received = parseUkDate(input.receivedDate);
  if (!received) errors.receivedDate = 'Enter a real date, for example 27/03/2026';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.receivedTime.trim())) {
    errors.receivedTime = 'Enter a 24-hour time, for example 09:30 or 17:45';
  }
  const discussion =
    input.strategyDiscussionDate.trim() === '' ? null : parseUkDate(input.strategyDiscussionDate);
  if (input.strategyDiscussionDate.trim() !== '' && !discussion) {
    errors.strategyDiscussionDate = 'Enter a real date, for example 27/03/2026';
  }
  if (!received || errors.receivedTime) return { ok: false, errors };
  const at = londonInstant(received, input.receivedTime.trim());
  if (at.kind !== 'ok') return { ok: false, errors: { ...errors, receivedTime: at.message } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const policy = resolvePolicy(input.edition, input.overrides);
  const calendar = createWorkingDayCalendar({
    closures: input.closures ?? [],
    bankHolidays: input.bankHolidays ?? null,
  });
  const result = computeReferralClocks({
    receivedAt: at.instant,
    policy,
    calendar,
    now: input.now.toISOString(),
    events: {
      ...(input.response === '' ? {} : { decisionResponse: input.response }),
      ...(discussion
        ? {
            strategyDiscussions: [{ date: discussion, s47: input.s47 === '' ? null : input.s47 }],
          }
        : {}),
      ...(discussion && input.s47 === 'yes' && input.s47Outcome !== ''
        ? { s47Outcome: { outcome: input.s47Outcome, date: discussion } }
        : {}),
    },
  });
  return {
    ok: true,
    receiptReason: result.receipt.reason,
    countedFrom: result.receipt.countedFrom,
    clocks: result.clocks,
  };
}

export function holidaysFor(
  year: number,
  imported?: ImportedBankHolidays | null,
): { date: string; name: string }[] {
  return bankHolidaysFor(year, imported).map((h) => ({
    date: formatUkDate(h.date),
    name: h.name,
  }));
}

/** Where a year's bank holidays come from, in words for the list's heading. */
export function holidaySourceText(
  year: number,
  imported?: ImportedBankHolidays | null,
): {
  source: HolidaySource;
  text: string;
} {
  const source = holidaySource(year, imported);
  switch (source) {
    case 'imported':
      return { source, text: `From the GOV.UK bank holidays file your administrator imported.` };
    case 'shipped':
      return {
        source,
        text: 'From the rules and the one-off changes announced up to the time this version of Front Door was made.',
      };
    case 'provisional':
      return {
        source,
        text: `Provisional: worked out by the standing rules. A one-off bank holiday announced for ${String(year)} (a jubilee or a state occasion) would be missing until an administrator imports a newer GOV.UK file.`,
      };
  }
}
