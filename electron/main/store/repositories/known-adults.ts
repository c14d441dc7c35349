// Adults already recorded in the households of earlier referrals (a mother, a partner), found by
// the household members' name search keys (migration 4) so "is the expectant mother already
// known?" is answered by index, then scored in memory with the same rules as children.
import { personSearchKeys } from '../../../../shared/matching';
import type { HouseholdMemberInput } from '../../../../shared/validation/household';
import { type Db, fromJson } from './common';

export type KnownAdultRow = {
  referralId: string;
  reference: string;
  receivedAt: string;
  member: HouseholdMemberInput;
  children: string[];
};

/**
 * Household members who may be this adult. Two searches: everyone whose family name is the same
 * or sounds alike AND whose first given name is the one typed, however many there are (so the
 * right Leanne is never lost among thousands of Smiths), and, for sound-alike first names and
 * dates of birth (not indexed), the newest `limit` with that family name. The service scores
 * them all (shared/matching) before it caps what is shown.
 */
export async function householdCandidates(
  db: Db,
  q: { givenNames?: string | undefined; familyName?: string | undefined },
  options: { excludeReferralId?: string | undefined; limit?: number },
): Promise<KnownAdultRow[]> {
  const keys = personSearchKeys({
    givenNames: q.givenNames ?? null,
    familyName: q.familyName ?? null,
  });
  if (keys.familyNameKey === '') return [];
  const fam = keys.familyNamePhonetic;
  const first = keys.firstGivenNameKey;
  const base = () => {
    let query = db
      .selectFrom('household_members')
      .innerJoin('referrals', 'referrals.id', 'household_members.referral_id')
      .select([
        'household_members.id as memberId',
        'household_members.referral_id as referralId',
        'household_members.data as data',
        'referrals.reference as reference',
        'referrals.received_at as receivedAt',
      ])
      .where((eb) => {
        const ors = [eb('household_members.family_key', '=', keys.familyNameKey)];
        if (fam.length > 0) {
          ors.push(eb('household_members.family_phonetic1', 'in', fam));
          ors.push(eb('household_members.family_phonetic2', 'in', fam));
        }
        return eb.or(ors);
      });
    if (options.excludeReferralId !== undefined) {
      query = query.where('household_members.referral_id', '!=', options.excludeReferralId);
    }
    return query;
  };
  // given_key holds all given names ("amy louise"); the first name typed is found as a prefix
  // (U+10FFFF sorts after every other character, so the range holds every key starting `first`).
  const sameFirstName =
    first === ''
      ? []
      : await base()
          .where('household_members.given_key', '>=', first)
          .where('household_members.given_key', '<', `${first}\u{10FFFF}`)
          .execute();
  const recent = await base()
    .orderBy('referrals.received_at', 'desc')
    .limit(options.limit ?? 200)
    .execute();
  const byId = new Map([...sameFirstName, ...recent].map((r) => [r.memberId, r]));
  const rows = [...byId.values()];
  const ids = [...new Set(rows.map((r) => r.referralId))];
  const children =
    ids.length === 0
      ? []
      : await db
          .selectFrom('referral_children')
          .select(['referral_id', 'display_name'])
          .where('referral_id', 'in', ids)
          .orderBy('position')
          .execute();
  const names = new Map<string, string[]>();
  for (const c of children)
    names.set(c.referral_id, [...(names.get(c.referral_id) ?? []), c.display_name]);
  return rows.map((r) => ({
    referralId: r.referralId,
    reference: r.reference,
    receivedAt: r.receivedAt,
    member: fromJson(r.data) as HouseholdMemberInput,
    children: names.get(r.referralId) ?? [],
  }));
}
