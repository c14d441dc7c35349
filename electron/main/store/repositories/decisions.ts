// Decisions on the type of response, manager sign-offs, police notifications and follow-up
// actions (domain §2.1, §2.2).
import { sql } from 'kysely';
import type { ResponseType } from '../../../../shared/domain/types';
import type { Decision } from '../../../../shared/validation/decision';
import type { DecisionRow, DecisionStatus } from '../schema';
import { type Db, toJson, versionedUpdate } from './common';
import type { Stamp } from './referral-read';

export async function insertDecision(
  db: Db,
  referralId: string,
  d: Decision,
  status: DecisionStatus,
  stamp: Stamp,
): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('decisions')
    .values({
      id,
      referral_id: referralId,
      answers: toJson(d.answers),
      recommended: d.recommendedResponse,
      chosen: d.chosenResponse,
      rationale: d.rationale,
      data: toJson(d),
      status,
      recorded_by: stamp.userId,
      recorded_at: stamp.at,
      created_at: stamp.at,
      created_by: stamp.userId,
      updated_at: stamp.at,
      updated_by: stamp.userId,
    })
    .execute();
  // Checklist answers are now part of the decision; the in-progress copy is no longer needed.
  await db.deleteFrom('checklist_answers').where('referral_id', '=', referralId).execute();
  const p = d.policeNotification;
  if (p?.notified === true) {
    await db
      .insertInto('police_notifications')
      .values({
        id: crypto.randomUUID(),
        referral_id: referralId,
        decision_id: id,
        officer_name: p.officerName ?? null,
        force_or_team: p.forceOrTeam ?? null,
        notified_at: p.notifiedAt ?? null,
        reference: p.reference ?? null,
        data: toJson(p),
        recorded_by: stamp.userId,
        recorded_at: stamp.at,
      })
      .execute();
  }
  return id;
}

export async function getDecisionRow(db: Db, id: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Standing decisions on a referral (not returned or superseded). */
export async function standingDecisions(db: Db, referralId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('decisions')
    .selectAll()
    .where('referral_id', '=', referralId)
    .where('status', 'in', ['final', 'awaiting-sign-off'])
    .execute();
}

export async function setDecisionStatus(
  db: Db,
  id: string,
  expectedVersion: number,
  status: DecisionStatus,
  stamp: Stamp,
): Promise<void> {
  await versionedUpdate(
    db,
    { table: 'decisions', id, expectedVersion, what: 'The decision' },
    { status },
    stamp,
  );
}

export async function insertSignOff(
  db: Db,
  decisionId: string,
  outcome: 'agreed' | 'returned',
  comment: string | null,
  stamp: Stamp,
): Promise<void> {
  await db
    .insertInto('manager_signoffs')
    .values({
      id: crypto.randomUUID(),
      decision_id: decisionId,
      signed_by: stamp.userId,
      signed_at: stamp.at,
      comment,
      outcome,
    })
    .execute();
}

export async function insertActions(
  db: Db,
  opener: { referralId: string; decisionId: string | null },
  actions: { description: string; due: string | null; kind: string; owner: string | null }[],
  stamp: Stamp,
): Promise<void> {
  if (actions.length === 0) return;
  await db
    .insertInto('actions')
    .values(
      actions.map((a) => ({
        id: crypto.randomUUID(),
        referral_id: opener.referralId,
        discussion_id: null,
        decision_id: opener.decisionId,
        description: a.description,
        owner: a.owner,
        agency: null,
        due: a.due,
        kind: a.kind,
        created_at: stamp.at,
        created_by: stamp.userId,
        updated_at: stamp.at,
        updated_by: stamp.userId,
      })),
    )
    .execute();
}

/** The sign-offs on a decision, oldest first. */
export async function signOffsOf(
  db: Db,
  decisionId: string,
): Promise<{ signed_by: string; signed_at: string; outcome: 'agreed' | 'returned' }[]> {
  return db
    .selectFrom('manager_signoffs')
    .select(['signed_by', 'signed_at', 'outcome'])
    .where('decision_id', '=', decisionId)
    .orderBy('signed_at')
    .execute();
}

/**
 * Closes (as cancelled) the follow-up actions a decision opened (actions.decision_id, migration
 * 5). Returns how many were closed; actions already done or cancelled stay as they are, so a
 * second call closes nothing.
 */
export async function cancelDecisionActions(
  db: Db,
  decisionId: string,
  stamp: Stamp,
): Promise<number> {
  const res = await db
    .updateTable('actions')
    .set({
      status: 'cancelled',
      version: sql`version + 1`,
      updated_at: stamp.at,
      updated_by: stamp.userId,
    })
    .where('decision_id', '=', decisionId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Open actions on a referral (follow-ups still to do). */
export async function openActions(
  db: Db,
  referralId: string,
): Promise<{ id: string; description: string; kind: string | null; due: string | null }[]> {
  return db
    .selectFrom('actions')
    .select(['id', 'description', 'kind', 'due'])
    .where('referral_id', '=', referralId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .execute();
}

export type { ResponseType };
