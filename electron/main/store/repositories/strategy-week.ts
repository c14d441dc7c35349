// Strategy discussions starting in a span of time (the week's invites in one file).
import type { Db } from './common';

/** Ids of discussions starting in [from, to), soonest first. Instants are ISO UTC strings. */
export async function discussionIdsStarting(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('strategy_discussions')
    .select('id')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
