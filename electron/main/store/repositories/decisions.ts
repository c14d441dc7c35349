// Decisions on the type of response, manager sign-offs, police notifications and follow-up
// actions (domain §2.1, §2.2).
import type { ResponseType } from '../../../../shared/domain/types';
import type { Decision } from '../../../../shared/validation/decision';
import type { DecisionRow, DecisionStatus } from '../schema';
import { type Db, toJson, versionedUpdate } from './common';
import type { Stamp } from './referrals';

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
  referralId: string,
  actions: { description: string; due: string | null; kind: string; owner: string | null }[],
  stamp: Stamp,
): Promise<void> {
  if (actions.length === 0) return;
  await db
    .insertInto('actions')
    .values(
      actions.map((a) => ({
        id: crypto.randomUUID(),
        referral_id: referralId,
        discussion_id: null,
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

export type { ResponseType };
