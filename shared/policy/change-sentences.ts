// What a settings change does, in plain words (issue 14: a preview before saving). Pure: the
// sentences come from the difference between the policy in force and the policy the change
// would make, with live counts the service reads from the store. Each sentence says what really
// happens (services/decisions, services/strategy-meeting, services/decision-clocks), not more.

import { ROLE_LABELS, type RoleId } from '../domain/types';
import { formatUkDate } from '../validation/formats';
import { EDITION_RULES, editionLabel } from './editions';
import { POLICY_RULE_KEYS } from './resolve';
import { RULE_LABELS, anyRuleValueText, workingDaysText } from './settings-text';
import { plural } from '../text/plural';
import type { PolicyRuleKey, ResolvedPolicy, SignOffMode } from './types';

/** One side of the change: the policy and the settings around it. */
export type SettingsSide = {
  policy: ResolvedPolicy;
  marking: string;
  inviteInitials: boolean;
  closures: readonly string[];
};

/** What the store holds today that the change touches (settings-effects repository). */
export type ChangeCounts = {
  /** Decisions waiting for a manager's sign-off. */
  awaitingSignOff: number;
  /** Final decisions no manager has signed off. */
  finalNotSignedOff: number;
  /** Referrals still awaiting a decision whose decision due date the change moves. */
  decisionDatesMoved: number;
  /** Referrals waiting for a strategy discussion whose due date the change moves. */
  strategyDatesMoved: number;
  /** Discussions booked and not held with no social worker's manager invited. */
  upcomingWithoutManager: number;
};

function signOffSentences(b: SignOffMode, a: SignOffMode, counts: ChangeCounts): string[] {
  const out: string[] = [];
  if (a === 'required') {
    out.push("Decisions will need a manager's sign-off before they are final.");
    out.push('Decisions already final stay final: this applies to decisions recorded from now on.');
    return out;
  }
  if (a === 'optional') {
    out.push(
      b === 'required'
        ? 'Decisions will be final when they are recorded; a manager may still sign one off afterwards.'
        : 'Decisions will be final when they are recorded, and a manager may sign one off afterwards.',
    );
    // services/decisions: a lower response than the safety questions point to waits for a manager
    // unless sign-off is off.
    out.push(
      b === 'off'
        ? 'A response lower than the safety questions point to will again wait for a manager.'
        : 'A response lower than the safety questions point to still waits for a manager.',
    );
  } else {
    out.push(
      "Decisions will be final when they are recorded, with no manager's sign-off, even where the response is lower than the safety questions point to.",
    );
    if (b === 'optional' && counts.finalNotSignedOff > 0) {
      out.push(
        `Managers will no longer be able to sign off or return the ${plural(counts.finalNotSignedOff, 'final decision', 'final decisions')} that no manager has signed off yet.`,
      );
    }
  }
  // Changing the setting does not touch decisions already waiting (services/decisions signOff
  // accepts an awaiting decision whatever the setting): say so rather than imply they go final.
  if (counts.awaitingSignOff > 0) {
    out.push(
      `The ${plural(counts.awaitingSignOff, 'decision', 'decisions')} already waiting for sign-off will still wait for a manager: changing this setting does not make ${counts.awaitingSignOff === 1 ? 'it' : 'them'} final.`,
    );
  }
  return out;
}

function roleSentences(b: readonly RoleId[], a: readonly RoleId[], counts: ChangeCounts): string[] {
  const out: string[] = [];
  for (const role of a.filter((r) => !b.includes(r))) {
    if (role === 'sw-manager') {
      out.push(
        "Strategy discussions will need a manager invited: a discussion cannot be confirmed without the social worker's manager unless the chair records why.",
      );
      if (counts.upcomingWithoutManager > 0) {
        out.push(
          `${plural(counts.upcomingWithoutManager, 'strategy discussion', 'strategy discussions')} booked but not yet held ${counts.upcomingWithoutManager === 1 ? 'has' : 'have'} no manager invited: ${counts.upcomingWithoutManager === 1 ? 'it' : 'each'} will show the manager as missing until one is invited.`,
        );
      }
    } else {
      out.push(`Strategy discussions will need this attendee: ${ROLE_LABELS[role]}.`);
    }
  }
  for (const role of b.filter((r) => !a.includes(r))) {
    out.push(
      role === 'sw-manager'
        ? "Strategy discussions will no longer need the social worker's manager; they can still be invited."
        : `Strategy discussions will no longer need this attendee: ${ROLE_LABELS[role]}.`,
    );
  }
  return out;
}

function daysOfDecision(n: number): string {
  return n === 0 ? 'on the day of the decision' : `within ${workingDaysText(n)} of the decision`;
}

function ruleSentences(
  key: PolicyRuleKey,
  before: ResolvedPolicy,
  after: ResolvedPolicy,
  counts: ChangeCounts,
): string[] {
  const text = (p: ResolvedPolicy) => anyRuleValueText(key, p[key]);
  switch (key) {
    case 'managerSignOff':
      return signOffSentences(before.managerSignOff, after.managerSignOff, counts);
    case 'requiredRoles':
      return roleSentences(before.requiredRoles, after.requiredRoles, counts);
    case 'optionalRoles': {
      // A role moving between required and optional is said once, under requiredRoles.
      const moved = (r: RoleId) =>
        before.requiredRoles.includes(r) || after.requiredRoles.includes(r);
      const added = after.optionalRoles.filter(
        (r) => !before.optionalRoles.includes(r) && !moved(r),
      );
      const dropped = before.optionalRoles.filter(
        (r) => !after.optionalRoles.includes(r) && !moved(r),
      );
      const out: string[] = [];
      if (added.length > 0)
        out.push(
          `Strategy discussions will also name ${added.map((r) => ROLE_LABELS[r]).join(', ')}.`,
        );
      if (dropped.length > 0)
        out.push(
          `Strategy discussions will no longer name ${dropped.map((r) => ROLE_LABELS[r]).join(', ')}.`,
        );
      return out;
    }
    case 'strategyDiscussionWorkingDays': {
      const a = after.strategyDiscussionWorkingDays;
      const b = before.strategyDiscussionWorkingDays;
      const out = [
        a !== 0 && b !== 0
          ? `Strategy discussions will be due within ${workingDaysText(a)} of the decision instead of ${String(b)}.`
          : `Strategy discussions will be due ${daysOfDecision(a)} instead of ${daysOfDecision(b)}.`,
      ];
      if (counts.strategyDatesMoved > 0) {
        out.push(
          `${plural(counts.strategyDatesMoved, 'referral', 'referrals')} waiting for a strategy discussion ${counts.strategyDatesMoved === 1 ? 'gets' : 'get'} a new due date; follow-up actions already opened keep the date they were given.`,
        );
      }
      return out;
    }
    case 'officeHoursStart':
    case 'officeHoursEnd':
      // Said once, for both ends.
      if (key === 'officeHoursEnd' && before.officeHoursStart !== after.officeHoursStart) return [];
      return [
        `Office hours will be ${after.officeHoursStart}–${after.officeHoursEnd} instead of ${before.officeHoursStart}–${before.officeHoursEnd} (UK time).`,
      ];
    case 'outOfHoursRule':
      return [
        `Referrals received out of hours or on a non-working day will count from ${text(after)} instead of ${text(before)}.`,
      ];
    case 'icpcAnchor':
      return [
        `The 15 working days to the initial child protection conference will count from ${text(after)} instead of ${text(before)}.`,
      ];
    case 'internalReviewWorkingDays':
      return [
        `The assessment's internal review point will be ${workingDaysText(after.internalReviewWorkingDays)} from its start instead of ${workingDaysText(before.internalReviewWorkingDays)}.`,
      ];
    case 'seeChildWithinHours':
      return [
        `Where there are child protection concerns, the child should be seen within ${text(after)} instead of ${text(before)}.`,
      ];
    case 'seeChildInNeedWorkingDays': {
      const phrase = (p: ResolvedPolicy) =>
        p.seeChildInNeedWorkingDays === null
          ? 'as soon as possible, with no local figure'
          : `within ${workingDaysText(p.seeChildInNeedWorkingDays)}`;
      return [`A child in need should be seen ${phrase(after)} instead of ${phrase(before)}.`];
    }
    case 'caseHolderTerm':
      return [
        `The person holding a case will be called the ${after.caseHolderTerm} instead of the ${before.caseHolderTerm}.`,
      ];
    case 'ladoReferralWorkingDays':
      return [
        `An allegation against someone who works with children should go to the LADO within ${text(after).toLowerCase()} instead of ${text(before).toLowerCase()}.`,
      ];
    default:
      return [`${RULE_LABELS[key]}: ${text(after)} (was ${text(before)}).`];
  }
}

/** Keys whose change moves the stored decision due dates (services/decision-clocks). */
const DECISION_CLOCK_KEYS: readonly PolicyRuleKey[] = [
  'decisionWorkingDays',
  'officeHoursStart',
  'officeHoursEnd',
  'outOfHoursRule',
];

function sameRule(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x) => b.includes(x));
  return a === b;
}

/** The sentences for a change from `before` to `after`; empty when nothing would change. */
export function describeSettingsChange(
  before: SettingsSide,
  after: SettingsSide,
  counts: ChangeCounts,
): string[] {
  const out: string[] = [];
  const b = before.policy;
  const a = after.policy;
  if (b.edition !== a.edition) {
    const def = EDITION_RULES[a.edition];
    out.push(
      `The guidance changes from ${editionLabel(b.edition)} to ${editionLabel(a.edition)} (in force from ${formatUkDate(def.inForce)}). Your local policy stays on top of it; rule by rule:`,
    );
  }
  const changed = POLICY_RULE_KEYS.filter((k) => !sameRule(b[k], a[k]));
  for (const key of changed) out.push(...ruleSentences(key, b, a, counts));
  if (b.edition !== a.edition) {
    out.push(
      `New decisions will use the ${editionLabel(a.edition)} decision checklist; decisions already recorded keep the checklist they were made with.`,
    );
  }

  const addedClosures = after.closures.filter((d) => !before.closures.includes(d));
  const removedClosures = before.closures.filter((d) => !after.closures.includes(d));
  if (addedClosures.length > 0)
    out.push(`Closure days added: ${addedClosures.map(formatUkDate).join(', ')}.`);
  if (removedClosures.length > 0)
    out.push(`Closure days removed: ${removedClosures.map(formatUkDate).join(', ')}.`);

  const clockRulesChanged =
    changed.some((k) => DECISION_CLOCK_KEYS.includes(k)) ||
    addedClosures.length > 0 ||
    removedClosures.length > 0;
  if (clockRulesChanged) {
    out.push(
      counts.decisionDatesMoved > 0
        ? `${plural(counts.decisionDatesMoved, "open referral's decision clock counts", "open referrals' decision clocks count")} differently: ${counts.decisionDatesMoved === 1 ? 'its' : 'their'} decision due ${counts.decisionDatesMoved === 1 ? 'date is' : 'dates are'} recalculated when you save, and each change is noted in the referral's history.`
        : "No open referral's decision due date changes. Referrals already decided keep theirs.",
    );
  }

  if (before.marking !== after.marking) {
    out.push(
      `Documents and calendar invites made from now on will be marked “${after.marking}” instead of “${before.marking}”; documents already made keep the marking they were made with.`,
    );
  }
  if (before.inviteInitials !== after.inviteInitials) {
    out.push(
      after.inviteInitials
        ? "Calendar invites will carry the children's initials beside the case reference (never a name)."
        : "Calendar invites will carry the case reference only, without the children's initials.",
    );
  }
  return out;
}
