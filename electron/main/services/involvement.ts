// "Previous involvement" for a person (domain §7: search first — referrals in the last 12 months
// and their outcomes, before the decision is made) and the census re-referral rule (domain §3: a
// referral within 12 months of a previous referral for the same child).
import { londonDate } from '../../../shared/calendar/clocks';
import type {
  InvolvementReferral,
  PreviousInvolvement,
  RelatedPerson,
} from '../../../shared/domain/records';
import { RESPONSE_LABELS, type IsoDate } from '../../../shared/domain/types';
import type { ChildInput } from '../../../shared/validation/child';
import { addMonthsIso } from '../../../shared/validation/formats';
import type { HouseholdMemberInput } from '../../../shared/validation/household';
import { type Db, fromJson } from '../store/repositories/common';
import { childBirthDate } from '../store/repositories/queue';
import {
  type PeopleReferralRow,
  peopleOnReferrals,
  referralsForPeople,
  referralsForPerson,
} from '../store/repositories/referral-links';

/** The first day still inside "the 12 months before asOf" (same day a year earlier). */
export function twelveMonthsBefore(asOf: IsoDate): IsoDate {
  return addMonthsIso(asOf, -12);
}

/** Census re-referral: an earlier referral for the person received within 12 months before. */
export async function isReReferral(
  db: Db,
  personId: string,
  referralId: string,
  receivedAt: string,
): Promise<boolean> {
  const day = londonDate(receivedAt);
  const from = twelveMonthsBefore(day);
  const rows = await referralsForPerson(db, personId);
  return rows.some((r) => {
    if (r.referral_id === referralId || r.received_at >= receivedAt) return false;
    const d = londonDate(r.received_at);
    return d >= from && d <= day;
  });
}

/** One earlier referral as previous involvement shows it: when, its status and its outcome. */
function involvementRow(r: PeopleReferralRow): InvolvementReferral {
  // Both come from the same decision row: one without the other is no outcome.
  const chosen = r.decided_at === null ? null : r.chosen;
  return {
    referralId: r.referral_id,
    reference: r.reference,
    receivedAt: r.received_at,
    status: r.status,
    outcome: chosen,
    outcomeLabel: chosen === null ? null : RESPONSE_LABELS[chosen],
    decidedAt: chosen === null ? null : r.decided_at,
  };
}

/**
 * The child's record: every referral the person is a child on (newest first, each with its
 * outcome) and their previous involvement, from one read of those referrals.
 */
export async function personInvolvement(
  db: Db,
  personId: string,
  asOf: IsoDate,
): Promise<{ referrals: InvolvementReferral[]; previous: PreviousInvolvement }> {
  const rows = await referralsForPeople(db, [personId]);
  const previous = (await involvementOf(db, [personId], rows, asOf)).get(personId);
  if (previous === undefined) throw new Error('involvementOf left a person out');
  return { referrals: rows.map(involvementRow), previous };
}

/** A child or household member on a referral, read once for every person it relates to. */
type Related = { key: string; person: RelatedPerson };

/** The children and household members on each referral, by referral, in their order on it. */
async function relatedByReferral(
  db: Db,
  referrals: ReadonlyMap<string, string>,
): Promise<Map<string, { children: Related[]; household: Related[] }>> {
  const rows = await peopleOnReferrals(db, [...referrals.keys()]);
  rows.sort((a, b) => a.position - b.position);
  const out = new Map<string, { children: Related[]; household: Related[] }>();
  for (const r of rows) {
    const referralReference = referrals.get(r.referral_id) ?? '';
    const on = out.get(r.referral_id) ?? { children: [], household: [] };
    out.set(r.referral_id, on);
    if (r.kind === 'child') {
      const birthDate = childBirthDate(fromJson(r.data) as ChildInput);
      const name = r.display_name ?? '';
      on.children.push({
        key: r.person_id ?? `${name}|${birthDate ?? ''}`,
        person: { personId: r.person_id, name, relationship: null, birthDate, referralReference },
      });
    } else {
      const m = fromJson(r.data) as HouseholdMemberInput;
      const name = `${m.givenNames} ${m.familyName}`;
      on.household.push({
        key: r.person_id ?? `${name}|${m.dateOfBirth ?? ''}`,
        person: {
          personId: r.person_id,
          name,
          relationship: m.relationship,
          birthDate: m.dateOfBirth ?? null,
          referralReference,
        },
      });
    }
  }
  return out;
}

/** Each person once, in the order first met. */
function distinct(groups: readonly Related[][], leaveOut: string | null): RelatedPerson[] {
  const seen = new Set<string>();
  const out: RelatedPerson[] = [];
  for (const group of groups)
    for (const r of group) {
      if ((leaveOut !== null && r.person.personId === leaveOut) || seen.has(r.key)) continue;
      seen.add(r.key);
      out.push(r.person);
    }
  return out;
}

/**
 * Previous involvement for several people at once (the match panel): two queries in all — their
 * referrals with each one's outcome, then the children and households on those referrals — not
 * four per person.
 */
export async function previousInvolvementFor(
  db: Db,
  personIds: readonly string[],
  asOf: IsoDate,
  excludeReferralId?: string,
): Promise<Map<string, PreviousInvolvement>> {
  const rows = (await referralsForPeople(db, personIds)).filter(
    (r) => r.referral_id !== excludeReferralId,
  );
  return involvementOf(db, personIds, rows, asOf);
}

/** Previous involvement from the people's referrals as read (referralsForPeople). */
async function involvementOf(
  db: Db,
  personIds: readonly string[],
  rows: readonly PeopleReferralRow[],
  asOf: IsoDate,
): Promise<Map<string, PreviousInvolvement>> {
  const related = await relatedByReferral(
    db,
    new Map(rows.map((r) => [r.referral_id, r.reference])),
  );
  const from = twelveMonthsBefore(asOf);

  const out = new Map<string, PreviousInvolvement>();
  for (const personId of personIds) {
    const mine = rows.filter((r) => r.person_id === personId);
    const all = mine.map(involvementRow);
    const recent = all.filter((r) => {
      const d = londonDate(r.receivedAt);
      return d >= from && d <= asOf;
    });
    const on = mine.flatMap((r) => {
      const x = related.get(r.referral_id);
      return x === undefined ? [] : [x];
    });
    const siblings = distinct(
      on.map((x) => x.children),
      personId,
    );
    const household = distinct(
      on.map((x) => x.household),
      null,
    );

    out.set(personId, {
      personId,
      asOf,
      referralsLast12Months: recent,
      totalReferrals: all.length,
      reReferral: recent.length > 0,
      siblings,
      householdMembers: household,
    });
  }
  return out;
}
