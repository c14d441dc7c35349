// The admin work queue: letters due (or made and not yet sent) and strategy invites to send,
// over referrals received in the last six months (the window is stated on the screen, so
// nothing drops off silently). Worked out from the records each time, so it can never drift
// from them; a six-month window is a few thousand referrals even for a large authority.
import { addDays } from 'date-fns';
import { londonDate } from '../../../shared/calendar/clocks';
import type { WorkItem, WorkQueuePage } from '../../../shared/domain/letters';
import type { ResponseType } from '../../../shared/domain/types';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { letterEligibility } from '../../../shared/letters/variant';
import type { ReferrerInput } from '../../../shared/validation/referrer';
import { fromJson } from '../store/repositories/common';
import {
  escalationsOfReferrals,
  finalDecisionsOf,
  finalisedMinutesOf,
  inviteCandidates,
  lettersOfReferrals,
  referralsReceivedSince,
  type LetterRow,
} from '../store/repositories/letters';
import type { Db } from '../store/repositories/common';
import type { PolicyContext } from './context';
import { familyToldOf, letterSteps, outcomeHistory } from './letters-state';

/** How far back the work queue looks (days). */
export const WORK_QUEUE_WINDOW_DAYS = 183;

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** A self-referring child's letter cannot be made in a batch until safe contact is recorded. */
function blockedReason(referrer: ReferrerInput, needsSafeContact: boolean): string | null {
  if (!needsSafeContact) return null;
  const safe = 'safeContact' in referrer ? referrer.safeContact : undefined;
  return typeof safe === 'string' && safe.trim() !== ''
    ? null
    : 'The child referred themselves: open the referral and record how it is safe to contact them';
}

async function letterItems(db: Db, pc: PolicyContext, since: string, today: string) {
  const referrals = await referralsReceivedSince(db, since);
  const ids = referrals.map((r) => r.id);
  const [decisions, minutes, letters, escalations] = await Promise.all([
    finalDecisionsOf(db, ids),
    finalisedMinutesOf(db, ids),
    lettersOfReferrals(db, ids),
    escalationsOfReferrals(db, ids),
  ]);
  const escalationsBy = groupBy(escalations, (e) => e.referral_id);
  const decisionBy = new Map(decisions.map((d) => [d.referral_id, d])); // ordered: latest wins
  const minutesBy = groupBy(minutes, (m) => m.referral_id);
  const lettersBy = groupBy<LetterRow>(letters, (l) => l.referral_id);
  const items: WorkItem[] = [];
  for (const r of referrals) {
    const referrer = fromJson(r.referrer) as ReferrerInput;
    const decision = decisionBy.get(r.id);
    const history = outcomeHistory(
      decision
        ? { chosen: decision.chosen as ResponseType, recordedAt: decision.recorded_at }
        : null,
      (minutesBy.get(r.id) ?? []).map((m) => ({ finalisedAt: m.finalised_at, data: m.data })),
      (escalationsBy.get(r.id) ?? []).map((e) => ({ at: e.recorded_at })),
    );
    const steps = letterSteps(
      { countedFrom: r.counted_from, history, letters: lettersBy.get(r.id) ?? [] },
      pc.calendar,
    );
    for (const step of steps) {
      if (step.state === 'sent') continue;
      const eligibility = letterEligibility({
        referrer,
        childAddresses: [],
        householdMembers: [],
        kind: step.kind,
        familyTold: familyToldOf(decision?.family_informed),
      });
      if (eligibility.kind === 'none') continue;
      items.push({
        key: `${step.kind}:${r.id}`,
        kind: step.kind,
        referralId: r.id,
        reference: r.reference,
        discussionId: null,
        recipient: r.referrer_label,
        hasEmail: referrer.kind !== 'anonymous' && (referrer.email ?? '').trim() !== '',
        variant: eligibility.variant,
        outcome: step.outcome,
        dueOn: step.dueOn,
        overdue: step.dueOn < today,
        state: step.state,
        letterId: step.letterId,
        blocked:
          step.state === 'due' ? blockedReason(referrer, eligibility.needsSafeContact) : null,
      });
    }
  }
  return items;
}

async function inviteItems(db: Db, now: Date, today: string): Promise<WorkItem[]> {
  const rows = await inviteCandidates(db, addDays(now, -1).toISOString());
  const items: WorkItem[] = [];
  for (const d of rows) {
    const sent = d.sent_sequence;
    // A cancellation only needs sending where an invite went out; otherwise nothing is owed.
    if (d.status === 'cancelled' && sent === null) continue;
    if (sent !== null && sent >= d.ics_sequence) continue;
    const dueOn = sent === null ? londonDate(d.created_at) : today;
    items.push({
      key: `invite:${d.id}`,
      kind: 'invite',
      referralId: d.referral_id,
      reference: d.reference,
      discussionId: d.id,
      hasEmail: false,
      recipient: d.invitees === 1 ? '1 invitee' : `${String(d.invitees)} invitees`,
      variant: null,
      outcome: null,
      dueOn,
      overdue: dueOn < today,
      state: 'due',
      letterId: null,
      blocked:
        d.status === 'cancelled'
          ? null
          : d.invitees === 0
            ? 'Nobody is invited yet: add invitees on the strategy discussion first'
            : null,
    });
  }
  return items;
}

const KIND_ORDER: Record<WorkItem['kind'], number> = { acknowledgement: 0, outcome: 1, invite: 2 };

export async function workQueue(
  db: Db,
  pc: PolicyContext,
  now: Date,
  q: ChannelParsed<'letters:queue'>,
): Promise<WorkQueuePage> {
  const today = londonDate(now.toISOString());
  const windowStart = addDays(new Date(`${today}T12:00:00Z`), -WORK_QUEUE_WINDOW_DAYS)
    .toISOString()
    .slice(0, 10);
  const wantLetters = q.kinds === undefined || q.kinds.some((k) => k !== 'invite');
  const wantInvites = q.kinds === undefined || q.kinds.includes('invite');
  const all = [
    ...(wantLetters ? await letterItems(db, pc, `${windowStart}T00:00:00.000Z`, today) : []),
    ...(wantInvites && (q.variants === undefined || q.variants.length === 0)
      ? await inviteItems(db, now, today)
      : []),
  ];
  const rows = all.filter(
    (i) =>
      (q.kinds === undefined || q.kinds.length === 0 || q.kinds.includes(i.kind)) &&
      (q.variants === undefined ||
        q.variants.length === 0 ||
        (i.variant !== null && q.variants.includes(i.variant))) &&
      (q.overdueOnly !== true || i.overdue) &&
      (q.dueBy === undefined || i.dueOn <= q.dueBy),
  );
  const sign = q.direction === 'desc' ? -1 : 1;
  const sort = q.sort ?? 'due';
  rows.sort((a, b) => {
    const by =
      sort === 'reference'
        ? a.reference.localeCompare(b.reference)
        : sort === 'kind'
          ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
          : a.dueOn.localeCompare(b.dueOn);
    return sign * by || a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference);
  });
  const start = q.page * q.pageSize;
  return { rows: rows.slice(start, start + q.pageSize), total: rows.length, windowStart };
}
