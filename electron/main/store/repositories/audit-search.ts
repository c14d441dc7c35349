// Audit search for the audit screen and a subject access request (issue 14 "Audit viewer"; UK GDPR
// art.15: a child's record includes who saw and changed it). Entries are found by what they are
// about: a child's person record, their referrals, and the decisions, progress and strategy
// discussions recorded on those referrals (each audited under its own entity type). Newest first.
// The entity filter uses audit_log_entity (migration 1); the others ride on the seq primary key.
import { sql, type SelectQueryBuilder, type Expression, type SqlBool } from 'kysely';
import type { AuditEntry } from '../../../../shared/domain/records';
import type { Db } from './common';
import type { Database } from '../schema';

export type AuditSearchFilter = {
  /** Entries about these entities (already resolved from a child or a referral). */
  about?: AuditSubject;
  userId?: string;
  action?: string;
  /** Instants bounding London days: fromAt inclusive, toAt exclusive. */
  fromAt?: string;
  toAt?: string;
};

/** The record ids an audit search covers, grouped by the entity type they are audited under. */
export type AuditSubject = {
  personIds: readonly string[];
  referralIds: readonly string[];
};

/** A referral's id from its id or its reference; null when there is none. */
export async function referralIdFor(db: Db, idOrReference: string): Promise<string | null> {
  const row = await db
    .selectFrom('referrals')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', idOrReference), eb('reference', '=', idOrReference)]))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The referrals a child is on (referral_children.person_id, indexed). */
export async function referralIdsForPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('referral_children')
    .select('referral_id')
    .distinct()
    .where('person_id', '=', personId)
    .execute();
  return rows.map((r) => r.referral_id);
}

export async function personExists(db: Db, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

type AuditQuery = SelectQueryBuilder<Database, 'audit_log', object>;

function filtered(db: Db, filter: AuditSearchFilter): AuditQuery {
  let q: AuditQuery = db.selectFrom('audit_log');
  const { about } = filter;
  if (about !== undefined) {
    q = q.where((eb) => {
      const parts: Expression<SqlBool>[] = [];
      const ofType = (type: string, ids: readonly string[]) =>
        eb.and([eb('audit_log.entity_type', '=', type), eb('audit_log.entity_id', 'in', ids)]);
      if (about.personIds.length > 0) parts.push(ofType('person', about.personIds));
      if (about.referralIds.length > 0) {
        const refs = about.referralIds;
        parts.push(ofType('referral', refs));
        // Records kept on the referral are audited under their own ids.
        const onReferral = (
          type: string,
          table: 'decisions' | 'progress_events' | 'strategy_discussions',
        ) =>
          eb.and([
            eb('audit_log.entity_type', '=', type),
            eb(
              'audit_log.entity_id',
              'in',
              eb.selectFrom(table).select(`${table}.id`).where(`${table}.referral_id`, 'in', refs),
            ),
          ]);
        parts.push(onReferral('decision', 'decisions'));
        parts.push(onReferral('progress', 'progress_events'));
        parts.push(onReferral('strategy-discussion', 'strategy_discussions'));
        // The CIN census extract names the referrals it exported (or showed as failing a check)
        // in its details, so a child's subject access request shows their data leaving in a return.
        parts.push(
          eb.and([
            eb('audit_log.entity_type', '=', 'census'),
            sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(audit_log.details, '$.referralIds') AS j
                          WHERE j.value IN (${sql.join(refs)}))`,
          ]),
        );
      }
      // No subject at all (a child with no record) matches nothing, never everything.
      return parts.length > 0 ? eb.or(parts) : sql<SqlBool>`0`;
    });
  }
  if (filter.userId !== undefined) q = q.where('audit_log.user_id', '=', filter.userId);
  if (filter.action !== undefined) q = q.where('audit_log.action', '=', filter.action);
  if (filter.fromAt !== undefined) q = q.where('audit_log.at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) q = q.where('audit_log.at', '<', filter.toAt);
  return q;
}

export async function countAudit(db: Db, filter: AuditSearchFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** One page, newest first; `limit` null for every match (the subject access export). */
export async function searchAudit(
  db: Db,
  filter: AuditSearchFilter,
  page: { offset: number; limit: number | null },
): Promise<AuditEntry[]> {
  let q = filtered(db, filter)
    .leftJoin('users as u', 'u.id', 'audit_log.user_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.user_id',
      'u.display_name',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.summary',
      'audit_log.details',
    ])
    .orderBy('audit_log.seq', 'desc');
  if (page.limit !== null) q = q.limit(page.limit).offset(page.offset);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    user:
      r.user_id === null ? null : { id: r.user_id, displayName: r.display_name ?? 'Unknown user' },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    summary: r.summary,
    details: detailsOf(r.details),
  }));
}

/** References of the referrals named in a page of entries, for the screen's links. */
export async function referralReferences(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('referrals')
    .select(['id', 'reference'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}

function detailsOf(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : { value: v };
  } catch {
    // A row that is not JSON is shown as it is rather than hidden (the chain check names it).
    return { text };
  }
}
