// Migration 14: the Measures screen's indexes (issue 14 "Measures"). The measures read a period's
// referrals, their standing decisions and the children on them; with 200,000 referrals each of
// those reads went to the row itself (a referral's row is about 4 KB with its JSON), 140–340 ms a
// query for a year. Four existing indexes are widened so those reads come from the index alone.
// Each keeps its name and its leading columns, so every query that used it still can:
// - referrals_received (received_at) gains the status, id, source, holder, decision due and the
//   referrer's kind and wish for feedback (expressions over the referrer JSON);
// - decisions_referral (referral_id, recorded_at) gains the status, response, who recorded it and
//   the checklist's "open case" answer;
// - referral_children_referral (referral_id, position) gains the child's person record;
// - referral_children_person (person_id) gains the referral.
import type { Migration } from './types';

export const migration014: Migration = {
  version: 14,
  name: 'measures indexes',
  up(db) {
    db.exec(`
DROP INDEX IF EXISTS referrals_received;
CREATE INDEX referrals_received ON referrals(
  received_at, status, id, source_code, assigned_to, decision_due,
  json_extract(referrer, '$.kind'), json_extract(referrer, '$.wantsFeedback')
);
DROP INDEX IF EXISTS decisions_referral;
CREATE INDEX decisions_referral ON decisions(
  referral_id, recorded_at, status, chosen, recorded_by, json_extract(answers, '$."open-case"')
);
DROP INDEX IF EXISTS referral_children_referral;
CREATE INDEX referral_children_referral ON referral_children(referral_id, position, person_id);
DROP INDEX IF EXISTS referral_children_person;
CREATE INDEX referral_children_person ON referral_children(person_id, referral_id);
ANALYZE referrals;
ANALYZE decisions;
ANALYZE referral_children;
`);
  },
};
