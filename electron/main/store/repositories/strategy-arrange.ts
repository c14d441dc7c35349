// Referrals whose decision called for a strategy discussion that has not been held: none booked,
// or booked (the soonest one shown). WT 2018 ch.1 para 51 and 2023 para 184: a strategy
// discussion is held whenever there is reasonable cause to suspect significant harm.
import { sql } from 'kysely';
import type { Db } from './common';

export type ToArrangeRow = {
  referral_id: string;
  reference: string;
  chosen: 'strategy-discussion' | 'emergency-action';
  decided_at: string;
  next_id: string | null;
  next_starts_at: string | null;
};

/** Decisions recorded since `since` (ISO instant), latest per referral, not yet held. */
export async function strategyToArrange(db: Db, since: string): Promise<ToArrangeRow[]> {
  const rows = await sql<ToArrangeRow>`
    SELECT d.referral_id, r.reference, d.chosen, d.recorded_at AS decided_at,
      (SELECT s.id FROM strategy_discussions s
        WHERE s.referral_id = d.referral_id AND s.status IN ('scheduled', 'confirmed')
        ORDER BY s.starts_at LIMIT 1) AS next_id,
      (SELECT s.starts_at FROM strategy_discussions s
        WHERE s.referral_id = d.referral_id AND s.status IN ('scheduled', 'confirmed')
        ORDER BY s.starts_at LIMIT 1) AS next_starts_at
    FROM decisions AS d INDEXED BY decisions_calling_strategy
    JOIN referrals AS r ON r.id = d.referral_id
    WHERE d.chosen IN ('strategy-discussion', 'emergency-action')
      AND d.status IN ('final', 'awaiting-sign-off')
      AND d.recorded_at >= ${since}
      -- the referral's latest standing decision still calls for one
      AND NOT EXISTS (SELECT 1 FROM decisions AS later
        WHERE later.referral_id = d.referral_id AND later.status IN ('final', 'awaiting-sign-off')
          AND later.recorded_at > d.recorded_at)
      -- not held: no strategy discussion recorded on the referral, none held or minuted
      AND NOT EXISTS (SELECT 1 FROM progress_events AS p
        WHERE p.referral_id = d.referral_id AND p.kind = 'strategy-discussion'
          AND p.withdrawn_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM strategy_discussions AS h
        WHERE h.referral_id = d.referral_id AND h.status IN ('held', 'minutes-finalised'))
    ORDER BY d.recorded_at ASC`.execute(db);
  return rows.rows;
}
