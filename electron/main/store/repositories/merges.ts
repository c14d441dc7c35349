// Merging duplicate person records, recorded exactly so an unmerge restores the links it moved
// and nothing else (links made after the merge stay where they are).
import type { MergeRecord, MergeRepointed } from '../../../../shared/domain/records';
import { type Db, fromJson, toJson, userNames, userRef } from './common';

export async function repointForMerge(
  db: Db,
  keepId: string,
  mergeId: string,
): Promise<MergeRepointed> {
  const children = await db
    .selectFrom('referral_children')
    .select('id')
    .where('person_id', '=', mergeId)
    .execute();
  const household = await db
    .selectFrom('household_members')
    .select('id')
    .where('person_id', '=', mergeId)
    .execute();
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('merged_into', '=', mergeId)
    .execute();
  const repointed: MergeRepointed = {
    referralChildren: children.map((r) => r.id),
    householdMembers: household.map((r) => r.id),
    people: people.map((r) => r.id),
  };
  if (repointed.referralChildren.length > 0) {
    await db
      .updateTable('referral_children')
      .set({ person_id: keepId })
      .where('id', 'in', repointed.referralChildren)
      .execute();
  }
  if (repointed.householdMembers.length > 0) {
    await db
      .updateTable('household_members')
      .set({ person_id: keepId })
      .where('id', 'in', repointed.householdMembers)
      .execute();
  }
  if (repointed.people.length > 0) {
    await db
      .updateTable('people')
      .set({ merged_into: keepId })
      .where('id', 'in', repointed.people)
      .execute();
  }
  return repointed;
}

export async function undoRepoint(
  db: Db,
  keepId: string,
  mergeId: string,
  r: MergeRepointed,
): Promise<void> {
  // Only rows still pointing at the kept record go back: a later deliberate relink is respected.
  if (r.referralChildren.length > 0) {
    await db
      .updateTable('referral_children')
      .set({ person_id: mergeId })
      .where('id', 'in', r.referralChildren)
      .where('person_id', '=', keepId)
      .execute();
  }
  if (r.householdMembers.length > 0) {
    await db
      .updateTable('household_members')
      .set({ person_id: mergeId })
      .where('id', 'in', r.householdMembers)
      .where('person_id', '=', keepId)
      .execute();
  }
  if (r.people.length > 0) {
    await db
      .updateTable('people')
      .set({ merged_into: mergeId })
      .where('id', 'in', r.people)
      .where('merged_into', '=', keepId)
      .execute();
  }
}

export async function insertMerge(
  db: Db,
  m: { keptId: string; mergedId: string; reason: string; repointed: MergeRepointed },
  stamp: { at: string; userId: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('person_merges')
    .values({
      id,
      kept_id: m.keptId,
      merged_id: m.mergedId,
      merged_at: stamp.at,
      merged_by: stamp.userId,
      reason: m.reason,
      repointed: toJson(m.repointed),
      undone_at: null,
      undone_by: null,
      undo_reason: null,
    })
    .execute();
  return id;
}

export async function getMerge(db: Db, id: string): Promise<MergeRecord | null> {
  const r = await db
    .selectFrom('person_merges')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const names = await userNames(db);
  return {
    id: r.id,
    keptId: r.kept_id,
    mergedId: r.merged_id,
    mergedAt: r.merged_at,
    mergedBy: userRef(names, r.merged_by) ?? { id: r.merged_by, displayName: 'Unknown user' },
    reason: r.reason,
    repointed: fromJson(r.repointed) as MergeRepointed,
    undoneAt: r.undone_at,
    undoneBy: userRef(names, r.undone_by),
    undoReason: r.undo_reason,
  };
}

export async function mergesFor(db: Db, personId: string): Promise<MergeRecord[]> {
  const rows = await db
    .selectFrom('person_merges')
    .select('id')
    .where((eb) => eb.or([eb('kept_id', '=', personId), eb('merged_id', '=', personId)]))
    .orderBy('merged_at', 'desc')
    .execute();
  const out: MergeRecord[] = [];
  for (const r of rows) {
    const m = await getMerge(db, r.id);
    if (m) out.push(m);
  }
  return out;
}

export async function markMergeUndone(
  db: Db,
  id: string,
  reason: string,
  stamp: { at: string; userId: string },
): Promise<boolean> {
  const res = await db
    .updateTable('person_merges')
    .set({ undone_at: stamp.at, undone_by: stamp.userId, undo_reason: reason })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Referrals holding the given child / household rows (to refresh their stored links). */
export async function referralIdsForRows(
  db: Db,
  childRowIds: readonly string[],
  householdRowIds: readonly string[],
): Promise<string[]> {
  const ids = new Set<string>();
  if (childRowIds.length > 0) {
    const rows = await db
      .selectFrom('referral_children')
      .select('referral_id')
      .where('id', 'in', childRowIds)
      .execute();
    for (const r of rows) ids.add(r.referral_id);
  }
  if (householdRowIds.length > 0) {
    const rows = await db
      .selectFrom('household_members')
      .select('referral_id')
      .where('id', 'in', householdRowIds)
      .execute();
    for (const r of rows) ids.add(r.referral_id);
  }
  return [...ids];
}

/** The merge, not undone, that folded `personId` into another record (at most one stands). */
export async function standingMergeOf(db: Db, personId: string): Promise<MergeRecord | null> {
  const row = await db
    .selectFrom('person_merges')
    .select('id')
    .where('merged_id', '=', personId)
    .where('undone_at', 'is', null)
    .orderBy('merged_at', 'desc')
    .executeTakeFirst();
  return row ? getMerge(db, row.id) : null;
}
