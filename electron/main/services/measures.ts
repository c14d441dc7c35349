// The Measures screen (issue 14 "Measures"): the front door's figures for a period of London
// dates, and the referrals behind each figure. The store reads the facts in a few set-based
// queries; shared/measures counts them, so a figure and its list of referrals come from the same
// pass and always agree.
import { londonInstant } from '../../../shared/calendar/london-instant';
import { addDaysIso, addMonthsIso } from '../../../shared/calendar/dates';
import { RESPONSE_LABELS } from '../../../shared/domain/types';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { computeMeasures, type Computed } from '../../../shared/measures/compute';
import { drillTitle } from '../../../shared/measures/drill-titles';
import { londonDayCache } from '../../../shared/measures/london-days';
import { icpcDue } from '../../../shared/measures/meetings';
import {
  drillKey,
  type DiscussionFact,
  type DrillPage,
  type IcpcFact,
  type Measures,
  type ReferralFact,
} from '../../../shared/measures/types';
import type { IsoDate } from '../../../shared/domain/types';
import { type Db, userNames } from '../store/repositories/common';
import {
  type InstantRange,
  type StandingDecisionRow,
  clockReferrals,
  discussionsHeld,
  drillRows,
  earlierReferrals,
  icpcsHeld,
  outcomeLettersSent,
  periodDecisions,
  periodReferrals,
  referralsWithDiscussionHeld,
  standingDecisionsOf,
  writeMark,
} from '../store/repositories/measures';
import { progressFor } from '../store/repositories/progress';
import {
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  requireCall,
} from './context';

type GetInput = ChannelParsed<'measures:get'>;
type DrillInput = ChannelParsed<'measures:drill'>;

export type MeasuresService = {
  get(ctx: ServiceContext, input: GetInput): Promise<Measures>;
  drill(ctx: ServiceContext, input: DrillInput): Promise<DrillPage>;
};

/** The instant a London day starts (midnight is never skipped or repeated in the UK). */
function dayStarts(day: IsoDate): string {
  const at = londonInstant(day, '00:00');
  if (at.kind !== 'ok') throw new Error(`Midnight on ${day} is not a single instant in London`);
  return at.instant;
}

function rangeOf(from: IsoDate, to: IsoDate): InstantRange {
  return { from: dayStarts(from), to: dayStarts(addDaysIso(to, 1)) };
}

/** The latest standing decision per referral (as the referral page reads it). */
function latestByReferral(rows: readonly StandingDecisionRow[]): Map<string, StandingDecisionRow> {
  const out = new Map<string, StandingDecisionRow>();
  for (const d of rows) {
    const prev = out.get(d.referral_id);
    if (prev === undefined || d.recorded_at > prev.recorded_at) out.set(d.referral_id, d);
  }
  return out;
}

async function gather(db: Db, from: IsoDate, to: IsoDate, now: string): Promise<Computed> {
  const pc = await policyContext(db);
  const names = await userNames(db);
  const range = rangeOf(from, to);
  // A day's margin before the 12 months: the exact London-day rule is applied in shared/measures.
  const since = dayStarts(addDaysIso(addMonthsIso(from, -12), -1));
  const [rows, decisions, earlier, held, letters, discussions, icpcRows] = await Promise.all([
    periodReferrals(db, range),
    periodDecisions(db, range),
    earlierReferrals(db, range, since),
    referralsWithDiscussionHeld(db, range),
    outcomeLettersSent(db, range),
    discussionsHeld(db, range),
    icpcsHeld(db, from, to),
  ]);
  const standing = latestByReferral(decisions);
  const earlierOf = new Map<string, string[]>();
  for (const e of earlier) {
    const list = earlierOf.get(e.referral_id) ?? [];
    list.push(e.earlier_at);
    earlierOf.set(e.referral_id, list);
  }
  const firstSent = new Map<string, string>();
  for (const l of letters) {
    const prev = firstSent.get(l.referral_id);
    if (prev === undefined || Date.parse(l.sent_at) < Date.parse(prev))
      firstSent.set(l.referral_id, l.sent_at);
  }
  const referrals: ReferralFact[] = rows.map((r) => {
    const d = standing.get(r.id);
    return {
      id: r.id,
      receivedAt: r.received_at,
      sourceCode: r.source_code,
      assignedTo: r.assigned_to,
      decisionDue: r.decision_due,
      decision:
        d === undefined
          ? null
          : {
              chosen: d.chosen,
              recordedAt: d.recorded_at,
              recordedBy: d.recorded_by,
              final: d.status === 'final',
              openCase: d.open_case === 'yes',
            },
      referrerWantsOutcome: r.referrer_kind !== 'anonymous' && r.wants_feedback === 1,
      earlierReceivedAt: earlierOf.get(r.id) ?? [],
      strategyHeld: held.has(r.id),
      outcomeSentAt: firstSent.get(r.id) ?? null,
    };
  });
  const day = londonDayCache();
  const discussionFacts: DiscussionFact[] = discussions.map((d) => ({
    id: d.id,
    referralId: d.referral_id,
    heldOn: day(d.starts_at),
    attendedRoles: d.attended,
  }));
  const icpcs = await icpcFacts(db, icpcRows, names, pc, now);
  return computeMeasures({
    from,
    to,
    facts: { referrals, discussions: discussionFacts, icpcs },
    policy: pc.policy,
    calendar: pc.calendar,
    names,
  });
}

/** Each ICPC held with its due date by the referral's own clocks (a few rows a period). */
async function icpcFacts(
  db: Db,
  held: readonly { referral_id: string; date: string }[],
  names: Map<string, string>,
  pc: Awaited<ReturnType<typeof policyContext>>,
  now: string,
): Promise<IcpcFact[]> {
  const ids = [...new Set(held.map((h) => h.referral_id))];
  const referrals = new Map((await clockReferrals(db, ids)).map((r) => [r.id, r]));
  const decisions = latestByReferral(await standingDecisionsOf(db, ids));
  const progress = await progressFor(db, ids, names);
  return held.flatMap((h) => {
    const r = referrals.get(h.referral_id);
    if (r === undefined) return [];
    const d = decisions.get(h.referral_id);
    return [
      {
        referralId: h.referral_id,
        heldOn: h.date,
        due: icpcDue({
          receivedAt: r.received_at,
          immediateProtection: r.immediate_protection === 1,
          progress: progress.get(h.referral_id) ?? [],
          decision: d === undefined ? null : { at: d.recorded_at, response: d.chosen },
          policy: pc.policy,
          calendar: pc.calendar,
          now,
        }),
      },
    ];
  });
}

export function createMeasuresService(deps: ServiceDeps): MeasuresService {
  const { store, clock } = deps;
  // The last period worked out, kept until anything is written: paging through a list of
  // referrals then costs one page's rows, not the whole period again.
  let last: { key: string; computed: Computed } | null = null;
  const computedFor = async (from: IsoDate, to: IsoDate): Promise<Computed> => {
    const now = nowIso(clock);
    const key = `${from}|${to}|${now.slice(0, 10)}|${await writeMark(store.db)}`;
    if (last?.key === key) return last.computed;
    const computed = await gather(store.db, from, to, now);
    last = { key, computed };
    return computed;
  };
  return {
    async get(ctx, input) {
      requireCall(ctx, 'measures:get', 'see the measures');
      return (await computedFor(input.from, input.to)).measures;
    },
    async drill(ctx, input) {
      requireCall(ctx, 'measures:drill', 'see the measures');
      const computed = await computedFor(input.from, input.to);
      const ids = computed.lists.get(drillKey(input.drill, input.key)) ?? [];
      const start = input.page * input.pageSize;
      const names = await userNames(store.db);
      const rows = await drillRows(
        store.db,
        ids.slice(start, start + input.pageSize),
        names,
        (r) => RESPONSE_LABELS[r],
      );
      return { total: ids.length, rows, title: drillTitle(input.drill, input.key, names) };
    },
  };
}
