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
  let query = db
    .selectFrom('household_members')
    .innerJoin('referrals', 'referrals.id', 'household_members.referral_id')
    .select([
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
    })
    .orderBy('referrals.received_at', 'desc')
    .limit(options.limit ?? 200);
  if (options.excludeReferralId !== undefined) {
    query = query.where('household_members.referral_id', '!=', options.excludeReferralId);
  }
  const rows = await query.execute();
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
  return rows.map((r) => ({
    referralId: r.referralId,
    reference: r.reference,
    receivedAt: r.receivedAt,
    member: fromJson(r.data) as HouseholdMemberInput,
    children: children.filter((c) => c.referral_id === r.referralId).map((c) => c.display_name),
  }));
}
