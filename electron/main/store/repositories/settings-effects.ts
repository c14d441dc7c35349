// Live counts for the preview of a settings change (issue 14: "what the change does, in plain
// words"): how many records the rules being changed touch today. Read only; the change itself
// is made by services/settings-change.
import { sql } from 'kysely';
import type { RoleId } from '../../../../shared/domain/types';
import type { Db } from './common';

/** Decisions recorded and waiting for a manager's sign-off (WT 2013 Flowchart 1; local policy). */
export async function countDecisionsAwaitingSignOff(db: Db): Promise<number> {
  const row = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'awaiting-sign-off')
    .executeTakeFirst();
  return row?.n ?? 0;
}

/**
 * Final decisions no manager has signed off: where sign-off is optional a manager may still sign
 * one off (services/decisions), which switching sign-off off takes away.
 */
export async function countFinalDecisionsNotSignedOff(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*) AS n FROM decisions AS d
    WHERE d.status = 'final'
      AND NOT EXISTS (SELECT 1 FROM manager_signoffs AS s WHERE s.decision_id = d.id)`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Strategy discussions booked and not yet held (scheduled or confirmed) with nobody invited to
 * cover `role`: if the role becomes required, each shows it as missing (shared/strategy/roles).
 */
export async function countUpcomingDiscussionsWithoutRole(db: Db, role: RoleId): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*) AS n FROM strategy_discussions AS s
    WHERE s.status IN ('scheduled', 'confirmed')
      AND NOT EXISTS (SELECT 1 FROM strategy_invitees AS i
        WHERE i.discussion_id = s.id AND i.covers = ${role} AND i.removed_at IS NULL)`.execute(db);
  return r.rows[0]?.n ?? 0;
}
