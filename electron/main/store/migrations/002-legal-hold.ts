// Migration 2: legal hold (domain §6). Retention has no single national period and records are
// never deleted automatically; a legal hold marks records that must be kept whatever a future
// retention policy says. Also an index for "previous involvement" lookups by household member.
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'legal hold on people and referrals',
  up(db) {
    db.exec(`
ALTER TABLE people ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1));
ALTER TABLE referrals ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1));
CREATE INDEX referral_children_referral ON referral_children(referral_id, position);
`);
  },
};
