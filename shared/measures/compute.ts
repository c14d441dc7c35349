// The measures from the facts in one pass each (pure: the service reads the facts, this counts).
// Every figure is counted by adding the referral to a named list (a drill), and the figure is that
// list's length, so opening a figure always shows exactly the referrals it counted.
import { referralSource } from '../codes/referral-source';
import { COUNTING_CONVENTION } from '../calendar/working-days';
import type { WorkingDayCalendar } from '../calendar/working-days';
import { addMonthsIso } from '../calendar/dates';
import { RESPONSE_LABELS, RESPONSE_TYPES, type IsoDate, type ResponseType } from '../domain/types';
import type { ResolvedPolicy } from '../policy/types';
import { londonDayCache } from './london-days';
import {
  drillKey,
  type Drill,
  type MeasureFacts,
  type Measures,
  type MemberRow,
  type Rate,
  type ReferralFact,
  type SourceRow,
} from './types';
import { attendanceOf, icpcOf } from './meetings';

/** Responses that call for a strategy discussion (domain §2.1; one follows emergency action too). */
export const CALLS_FOR_STRATEGY: readonly ResponseType[] = [
  'strategy-discussion',
  'emergency-action',
];

export type MeasuresInput = {
  from: IsoDate;
  to: IsoDate;
  facts: MeasureFacts;
  policy: ResolvedPolicy;
  calendar: WorkingDayCalendar;
  /** User id → display name. */
  names: ReadonlyMap<string, string>;
};

export type Computed = {
  measures: Measures;
  /** Drill key (see drillKey) → referral ids, in order of receipt, each once. */
  lists: ReadonlyMap<string, readonly string[]>;
};

export function rate(count: number, of: number): Rate {
  return { count, of, percent: of === 0 ? null : Math.round((count / of) * 1000) / 10 };
}

/** The middle value (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** Lists of referral ids by drill key; a referral is added to a list at most once. */
export class DrillLists {
  private readonly lists = new Map<string, string[]>();
  private readonly seen = new Map<string, Set<string>>();

  add(drill: Drill, id: string, key?: string): void {
    const k = drillKey(drill, key);
    let seen = this.seen.get(k);
    if (seen === undefined) {
      seen = new Set();
      this.seen.set(k, seen);
      this.lists.set(k, []);
    }
    if (seen.has(id)) return;
    seen.add(id);
    this.lists.get(k)?.push(id);
  }

  count(drill: Drill, key?: string): number {
    return this.lists.get(drillKey(drill, key))?.length ?? 0;
  }

  done(order: ReadonlyMap<string, number>): Map<string, readonly string[]> {
    const at = (id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER;
    const out = new Map<string, readonly string[]>();
    for (const [k, ids] of this.lists)
      out.set(
        k,
        [...ids].sort((a, b) => at(a) - at(b)),
      );
    return out;
  }
}

/**
 * CIN census re-referral (domain §3): received within 12 months of a previous referral for the same
 * child — on or after the same London day a year earlier, and before this one (as the child's
 * record page flags it).
 */
export function isReReferral(r: ReferralFact, day: (instant: string) => IsoDate): boolean {
  const today = day(r.receivedAt);
  const from = addMonthsIso(today, -12);
  return r.earlierReceivedAt.some((at) => {
    if (at >= r.receivedAt) return false;
    const d = day(at);
    return d >= from && d <= today;
  });
}

export function computeMeasures(input: MeasuresInput): Computed {
  const { facts, calendar, names } = input;
  const day = londonDayCache();
  const lists = new DrillLists();
  const order = new Map<string, number>();
  const sorted = [...facts.referrals].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  sorted.forEach((r, i) => order.set(r.id, i));
  const outcomeCounts = new Map<ResponseType, number>();
  const sources = new Map<string, SourceRow>();
  const members = new Map<string, MemberRow>();
  const member = (userId: string): MemberRow => {
    let m = members.get(userId);
    if (m === undefined) {
      m = { userId, name: names.get(userId) ?? 'Unknown user', decided: 0, onTime: 0, assigned: 0 };
      members.set(userId, m);
    }
    return m;
  };
  const tellDays: number[] = [];

  for (const r of sorted) {
    lists.add('contacts', r.id);
    const source = sources.get(r.sourceCode) ?? {
      code: r.sourceCode,
      label: referralSource(r.sourceCode)?.label ?? 'Source not recorded',
      contacts: 0,
      decided: 0,
      onTime: 0,
    };
    sources.set(r.sourceCode, source);
    source.contacts += 1;
    lists.add('source', r.id, r.sourceCode);
    if (r.assignedTo !== null) {
      member(r.assignedTo).assigned += 1;
      lists.add('member-assigned', r.id, r.assignedTo);
    }
    const d = r.decision;
    // CIN census guide: information on a case already open is not a new referral.
    if (d?.openCase === true) lists.add('open-case', r.id);
    else {
      lists.add('referrals', r.id);
      if (isReReferral(r, day)) lists.add('re-referrals', r.id);
    }
    if (d === null) {
      lists.add('undecided', r.id);
      continue;
    }
    // Decided: a decision recorded and standing (final, or awaiting a manager's sign-off), as the
    // referral page's decision clock reads it: met on the London day it was recorded.
    lists.add('decided', r.id);
    const onTime = day(d.recordedAt) <= r.decisionDue;
    lists.add(onTime ? 'decided-on-time' : 'decided-late', r.id);
    source.decided += 1;
    const m = member(d.recordedBy);
    m.decided += 1;
    lists.add('member-decided', r.id, d.recordedBy);
    if (onTime) {
      source.onTime += 1;
      m.onTime += 1;
      lists.add('member-on-time', r.id, d.recordedBy);
    }
    outcomeCounts.set(d.chosen, (outcomeCounts.get(d.chosen) ?? 0) + 1);
    lists.add('outcome', r.id, d.chosen);
    if (CALLS_FOR_STRATEGY.includes(d.chosen)) {
      lists.add('sd-called', r.id);
      lists.add(r.strategyHeld ? 'sd-held' : 'sd-not-held', r.id);
    }
    // WT 2018 ch.1 para 60: the referrer is told the outcome once it is final (not while a
    // manager's sign-off is awaited); anonymous referrers and those who declined are not counted.
    if (d.final && r.referrerWantsOutcome) {
      lists.add('told-due', r.id);
      if (r.outcomeSentAt !== null) {
        lists.add('told', r.id);
        tellDays.push(calendar.workingDaysBetween(day(d.recordedAt), day(r.outcomeSentAt)));
      } else lists.add('not-told', r.id);
    }
  }

  const managerRequired = input.policy.requiredRoles.includes('sw-manager');
  const attendance = attendanceOf(facts.discussions, managerRequired, lists);
  const icpc = icpcOf(facts.icpcs, input.policy, lists);
  for (const d of facts.discussions)
    if (!order.has(d.referralId)) order.set(d.referralId, order.size);
  for (const c of facts.icpcs) if (!order.has(c.referralId)) order.set(c.referralId, order.size);

  const decided = lists.count('decided');
  const called = lists.count('sd-called');
  const measures: Measures = {
    from: input.from,
    to: input.to,
    empty: sorted.length === 0 && facts.discussions.length === 0 && facts.icpcs.length === 0,
    volume: {
      contacts: lists.count('contacts'),
      referrals: lists.count('referrals'),
      openCase: lists.count('open-case'),
      undecided: lists.count('undecided'),
    },
    decisions: {
      onTime: rate(lists.count('decided-on-time'), decided),
      late: lists.count('decided-late'),
      undecided: lists.count('undecided'),
      rule: COUNTING_CONVENTION,
    },
    reReferrals: rate(lists.count('re-referrals'), lists.count('referrals')),
    outcomes: {
      decided,
      rows: RESPONSE_TYPES.flatMap((response) => {
        const count = outcomeCounts.get(response) ?? 0;
        return count === 0
          ? []
          : [
              {
                response,
                label: RESPONSE_LABELS[response],
                count,
                percent: rate(count, decided).percent ?? 0,
              },
            ];
      }),
    },
    strategy: {
      called: rate(called, decided),
      held: rate(lists.count('sd-held'), called),
    },
    attendance,
    icpc,
    told: {
      rate: rate(lists.count('told'), lists.count('told-due')),
      medianWorkingDays: median(tellDays),
    },
    bySource: [...sources.values()].sort(
      (a, b) => b.contacts - a.contacts || a.code.localeCompare(b.code, 'en-GB'),
    ),
    byMember: [...members.values()].sort(
      (a, b) => b.decided - a.decided || a.name.localeCompare(b.name, 'en-GB'),
    ),
  };
  return { measures, lists: lists.done(order) };
}
