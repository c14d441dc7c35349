// Strategy discussion attendance and ICPC timeliness for the measures (domain §2.3, §2.4).
import { computeReferralClocks } from '../calendar/referral-clocks';
import type { WorkingDayCalendar } from '../calendar/working-days';
import type { IsoDate, IsoInstant, ResponseType, RoleId } from '../domain/types';
import { toReferralEvents } from '../progress/check';
import type { ProgressEventRecord } from '../progress/events';
import type { IcpcAnchor, ResolvedPolicy } from '../policy/types';
import type { DrillLists } from './compute';
import {
  HEALTH_ROLES,
  POLICE_ROLES,
  type DiscussionFact,
  type IcpcFact,
  type Measures,
} from './types';

const rateOf = (count: number, of: number) => ({
  count,
  of,
  percent: of === 0 ? null : Math.round((count / of) * 1000) / 10,
});

const any = (attended: readonly RoleId[], roles: readonly RoleId[]): boolean =>
  attended.some((r) => roles.includes(r));

/**
 * Discussions held in the period, and of those whose attendance is recorded (finalised minutes):
 * police present, health present, a manager present where the policy in force requires one
 * (WT 2013/2015: the social worker "and their manager"; after 2018 by local policy), and all of
 * them together. Each is opened as the referrals the discussions were about.
 */
export function attendanceOf(
  discussions: readonly DiscussionFact[],
  managerRequired: boolean,
  lists: DrillLists,
): Measures['attendance'] {
  let recorded = 0;
  let police = 0;
  let health = 0;
  let manager = 0;
  let all = 0;
  for (const d of discussions) {
    if (d.attendedRoles === null) {
      lists.add('sd-attendance-not-recorded', d.referralId);
      continue;
    }
    recorded += 1;
    lists.add('sd-attendance-recorded', d.referralId);
    const p = any(d.attendedRoles, POLICE_ROLES);
    const h = any(d.attendedRoles, HEALTH_ROLES);
    const m = d.attendedRoles.includes('sw-manager');
    if (p) {
      police += 1;
      lists.add('sd-police', d.referralId);
    }
    if (h) {
      health += 1;
      lists.add('sd-health', d.referralId);
    }
    if (managerRequired && m) {
      manager += 1;
      lists.add('sd-manager', d.referralId);
    }
    if (p && h && (!managerRequired || m)) {
      all += 1;
      lists.add('sd-all-present', d.referralId);
    }
  }
  return {
    held: discussions.length,
    recorded,
    police: rateOf(police, recorded),
    health: rateOf(health, recorded),
    manager: managerRequired ? rateOf(manager, recorded) : null,
    allPresent: rateOf(all, recorded),
  };
}

export const ICPC_ANCHOR_TEXT: Record<IcpcAnchor, string> = {
  'last-strategy-discussion': 'the last strategy discussion',
  'initiating-strategy-discussion': 'the strategy discussion that started the section 47 enquiry',
  's47-start': 'the start of the section 47 enquiry',
};

/**
 * Initial child protection conferences held in the period, in time when held on or before the
 * 15th working day from the policy's anchor (domain §2.3: "Anchor is a setting"). One whose anchor
 * is not recorded cannot be judged and is counted apart, never as in time.
 */
export function icpcOf(
  icpcs: readonly IcpcFact[],
  policy: ResolvedPolicy,
  lists: DrillLists,
): Measures['icpc'] {
  let inTime = 0;
  let late = 0;
  let noAnchor = 0;
  for (const c of icpcs) {
    lists.add('icpc', c.referralId);
    if (c.due === null) {
      noAnchor += 1;
      lists.add('icpc-no-anchor', c.referralId);
    } else if (c.heldOn <= c.due) {
      inTime += 1;
      lists.add('icpc-in-time', c.referralId);
    } else {
      late += 1;
      lists.add('icpc-late', c.referralId);
    }
  }
  return {
    inTime: rateOf(inTime, inTime + late),
    late,
    noAnchor,
    anchor: `${String(policy.icpcWorkingDays)} working days from ${ICPC_ANCHOR_TEXT[policy.icpcAnchor]}`,
  };
}

/**
 * The last day in time for a referral's ICPC, by the same clocks the referral page shows
 * (shared/calendar computeReferralClocks under the policy's anchor), or null with no anchor.
 */
export function icpcDue(input: {
  receivedAt: IsoInstant;
  immediateProtection: boolean;
  progress: readonly ProgressEventRecord[];
  decision: { at: IsoInstant; response: ResponseType } | null;
  policy: ResolvedPolicy;
  calendar: WorkingDayCalendar;
  now: IsoInstant;
}): IsoDate | null {
  const clocks = computeReferralClocks({
    receivedAt: input.receivedAt,
    immediateProtection: input.immediateProtection,
    policy: input.policy,
    calendar: input.calendar,
    events: toReferralEvents(input.progress, input.decision),
    now: input.now,
  });
  return clocks.clocks.find((c) => c.id === 'icpc')?.due ?? null;
}
