// "Previous involvement" for a person (domain §7: search first — referrals in the last 12 months
// and their outcomes, before the decision is made) and the census re-referral rule (domain §3: a
// referral within 12 months of a previous referral for the same child).
import { londonDate } from '../../../shared/calendar/clocks';
import type {
  InvolvementReferral,
  PreviousInvolvement,
  ReferralStatus,
  RelatedPerson,
} from '../../../shared/domain/records';
import { RESPONSE_LABELS, type IsoDate, type ResponseType } from '../../../shared/domain/types';
import type { ChildInput } from '../../../shared/validation/child';
import { addMonthsIso } from '../../../shared/validation/formats';
import type { HouseholdMemberInput } from '../../../shared/validation/household';
import { type Db, fromJson } from '../store/repositories/common';
import { childBirthDate } from '../store/repositories/queue';
import {
  childrenOnReferrals,
  householdOnReferrals,
  outcomesFor,
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
function involvementRow(
  r: { referral_id: string; reference: string; received_at: string; status: ReferralStatus },
  o: { chosen: ResponseType; at: string } | undefined,
): InvolvementReferral {
  return {
    referralId: r.referral_id,
    reference: r.reference,
    receivedAt: r.received_at,
    status: r.status,
    outcome: o?.chosen ?? null,
    outcomeLabel: o ? RESPONSE_LABELS[o.chosen] : null,
    decidedAt: o?.at ?? null,
  };
}

export async function involvementReferrals(
  db: Db,
  personId: string,
  exclude?: string,
): Promise<InvolvementReferral[]> {
  const rows = (await referralsForPerson(db, personId)).filter((r) => r.referral_id !== exclude);
  const outcomes = await outcomesFor(
    db,
    rows.map((r) => r.referral_id),
  );
  return rows.map((r) => involvementRow(r, outcomes.get(r.referral_id)));
}

export async function previousInvolvement(
  db: Db,
  personId: string,
  asOf: IsoDate,
  excludeReferralId?: string,
): Promise<PreviousInvolvement> {
  const all = await previousInvolvementFor(db, [personId], asOf, excludeReferralId);
  const found = all.get(personId);
  if (found === undefined) throw new Error('previousInvolvementFor left a person out');
  return found;
}

/**
 * Previous involvement for several people at once (the match panel): four queries in all —
 * their referrals, those referrals' outcomes, children and households — not four per person.
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
  const referralIds = [...new Set(rows.map((r) => r.referral_id))];
  const outcomes = await outcomesFor(db, referralIds);
  const children = await childrenOnReferrals(db, referralIds);
  const households = await householdOnReferrals(db, referralIds);
  const from = twelveMonthsBefore(asOf);

  const out = new Map<string, PreviousInvolvement>();
  for (const personId of personIds) {
    const all: InvolvementReferral[] = rows
      .filter((r) => r.person_id === personId)
      .map((r) => involvementRow(r, outcomes.get(r.referral_id)));
    const recent = all.filter((r) => {
      const d = londonDate(r.receivedAt);
      return d >= from && d <= asOf;
    });
    const ids = new Set(all.map((r) => r.referralId));

    const siblings: RelatedPerson[] = [];
    const seen = new Set<string>();
    for (const c of children) {
      if (!ids.has(c.referral_id) || c.person_id === personId) continue;
      const child = fromJson(c.child) as ChildInput;
      const key = c.person_id ?? `${c.display_name}|${childBirthDate(child) ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      siblings.push({
        personId: c.person_id,
        name: c.display_name,
        relationship: null,
        birthDate: childBirthDate(child),
        referralReference: c.reference,
      });
    }

    const household: RelatedPerson[] = [];
    const seenH = new Set<string>();
    for (const h of households) {
      if (!ids.has(h.referral_id)) continue;
      const m = fromJson(h.data) as HouseholdMemberInput;
      const name = `${m.givenNames} ${m.familyName}`;
      const key = h.person_id ?? `${name}|${m.dateOfBirth ?? ''}`;
      if (seenH.has(key)) continue;
      seenH.add(key);
      household.push({
        personId: h.person_id,
        name,
        relationship: m.relationship,
        birthDate: m.dateOfBirth ?? null,
        referralReference: h.reference,
      });
    }

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
