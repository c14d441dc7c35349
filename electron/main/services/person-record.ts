// What a child's record page shows beyond the person and their referrals (issue 11 "A child's
// record page"): for each referral, whether it was a re-referral for this child, the strategy
// discussions arranged about the child, what has been recorded since (discussions held, section
// 47 enquiries, conferences), and the names of the records in its merges. Read in the same transaction as the rest of `people:get`.
import { londonDate } from '../../../shared/calendar/clocks';
import type {
  InvolvementReferral,
  MergeRecord,
  PersonDiscussion,
  PersonReferralHistory,
  PersonRecord,
} from '../../../shared/domain/records';
import { type Db, userNames } from '../store/repositories/common';
import { getPerson } from '../store/repositories/people';
import { progressFor } from '../store/repositories/progress';
import { discussionsAbout } from '../store/repositories/referral-links';
import { twelveMonthsBefore } from './involvement';

export type PersonRecordExtras = {
  history: PersonReferralHistory[];
  mergeNames: Record<string, string>;
};

export function personName(p: PersonRecord | null): string {
  if (p === null) return 'A record no longer found';
  return (
    [p.givenNames, p.familyName].filter((x) => x !== null && x !== '').join(' ') || 'Name not known'
  );
}

/**
 * CIN census re-referral (domain §3): a referral received within 12 months of a previous referral
 * for the same child. Worked out from this child's own referrals, oldest first.
 */
export function reReferrals(referrals: readonly InvolvementReferral[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const r of referrals) {
    const day = londonDate(r.receivedAt);
    const from = twelveMonthsBefore(day);
    out.set(
      r.referralId,
      referrals.some((o) => {
        if (o.referralId === r.referralId || o.receivedAt >= r.receivedAt) return false;
        const d = londonDate(o.receivedAt);
        return d >= from && d <= day;
      }),
    );
  }
  return out;
}

export async function personRecordExtras(
  db: Db,
  personId: string,
  referrals: readonly InvolvementReferral[],
  merges: readonly MergeRecord[],
): Promise<PersonRecordExtras> {
  const flags = reReferrals(referrals);
  const referralIds = referrals.map((r) => r.referralId);
  const progress = await progressFor(db, referralIds, await userNames(db));
  const discussions = new Map<string, PersonDiscussion[]>();
  for (const d of await discussionsAbout(db, personId, referralIds)) {
    const list = discussions.get(d.referral_id) ?? [];
    list.push({
      discussionId: d.id,
      sequence: d.sequence,
      status: d.status,
      startsAt: d.starts_at,
      endsAt: d.ends_at,
      format: d.format,
    });
    discussions.set(d.referral_id, list);
  }
  const mergeNames: Record<string, string> = {};
  for (const id of new Set(merges.flatMap((m) => [m.keptId, m.mergedId]))) {
    mergeNames[id] = personName(await getPerson(db, id));
  }
  return {
    history: referrals.map((r) => ({
      referralId: r.referralId,
      reReferral: flags.get(r.referralId) ?? false,
      progress: progress.get(r.referralId) ?? [],
      discussions: discussions.get(r.referralId) ?? [],
    })),
    mergeNames,
  };
}
