// Migration 9: the queue's own index. Ordering the open referrals for a page read every open
// referral's whole row (about 4 KB with its JSON) to sort them: 33–55 ms a page with 5,000 open
// referrals in a 200,000-referral file (npm run bench). This index holds every column the queue
// filters and sorts on, over open referrals only, so a page is chosen from the index alone and only
// its rows are read (repositories/queue.ts pageQueue): about 1–17 ms on the same file.
// A second, small index lists the decisions that call for a strategy discussion, newest first,
// so "strategy discussions to arrange" never reads the whole decisions table
// (repositories/strategy-arrange.ts).
import type { Migration } from './types';

export const migration009: Migration = {
  version: 9,
  name: 'queue indexes',
  up(db) {
    db.exec(`
CREATE INDEX referrals_open_queue ON referrals(
  status, immediate_protection, decision_due, received_at, referrer_label, reference, assigned_to, id
) WHERE status IN ('awaiting-decision', 'awaiting-sign-off');
CREATE INDEX decisions_calling_strategy ON decisions(recorded_at, referral_id)
  WHERE chosen IN ('strategy-discussion', 'emergency-action')
    AND status IN ('final', 'awaiting-sign-off');
ANALYZE referrals;
ANALYZE decisions;
`);
  },
};
