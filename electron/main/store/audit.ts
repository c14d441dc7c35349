// Append-only, hash-chained audit log (architecture §3; reliability "Audit chain"). Every row's
// hash is SHA-256 over a canonical serialisation of its fields plus the previous row's hash, so
// altering, deleting or inserting a row breaks the chain from that row on. Triggers (migration 1)
// refuse UPDATE and DELETE through SQLite; `audit_head` holds the newest (seq, hash) so that
// removing the last rows — which leaves a shorter but valid-looking chain — is detected too.
// Someone who can edit the file can rewrite the whole chain and the head, so every entry is also
// witnessed outside the database (audit-anchor.ts), and verification checks the two agree.
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry, AuditVerification } from '../../../shared/domain/records';
import { formatLondonTimeOnDate } from './errors';
import type { Database } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'update-refused',
  'view',
  'export',
  'document',
  'sign-off',
  'merge',
  'unmerge',
  'link',
  'assign',
  'restore',
  'backup',
  'login',
  'settings',
  'roles',
  'delete',
  'withdraw',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
  at: string;
  userId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** Plain-English line for the audit screen; no more personal data than needed. */
  summary: string;
  details?: Record<string, unknown>;
};

type HashedFields = {
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  details: string;
  prev_hash: string;
};

/** Canonical form: a JSON array in fixed column order (no key-order ambiguity). */
export function auditHash(row: HashedFields): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.user_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.summary,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Appends one entry inside the caller's transaction, so the audit row commits or rolls back
 * with the change it describes.
 */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  input: AuditInput,
): Promise<number> {
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const fields: HashedFields = {
    seq,
    at: input.at,
    user_id: input.userId,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId,
    summary: input.summary,
    details: JSON.stringify(input.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(fields);
  await trx
    .insertInto('audit_log')
    .values({ ...fields, hash })
    .execute();
  await trx
    .insertInto('audit_head')
    .values({ id: 1, seq, hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq, hash }))
    .execute();
  return seq;
}

type RawAuditRow = HashedFields & { hash: string };

/**
 * Walks the whole chain in seq order and names the first broken entry: a gap in seq (a row
 * deleted), a prev_hash that does not match (a row deleted or inserted), a hash that does not
 * match its row (a row altered), or a head that is ahead of the last row (last rows removed).
 * With `anchor` (the entries witnessed outside the database, audit-anchor.ts) it also names
 * entries that were replaced by a re-hashed chain (INSERT OR REPLACE, an older file put back)
 * and newest entries that were removed, even when new ones were appended after them.
 * Streams rows (better-sqlite3 iterate) so a long log does not load into memory.
 */
export function verifyAuditChain(
  raw: BetterSqlite3.Database,
  anchor?: ReadonlyMap<number, { seq: number; hash: string; at: string }>,
): AuditVerification {
  const rows = raw
    .prepare(
      'SELECT seq, at, user_id, action, entity_type, entity_id, summary, details, prev_hash, hash FROM audit_log ORDER BY seq',
    )
    .iterate() as IterableIterator<RawAuditRow>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return {
        ok: false,
        firstBrokenSeq: expectedSeq,
        reason: `Audit entry ${expectedSeq} is missing: it has been deleted.`,
      };
    }
    const witnessed = anchor?.get(row.seq);
    if (witnessed !== undefined && witnessed.hash !== row.hash) {
      // The anchor was written when the entry was: this row is not the entry Front Door wrote.
      return {
        ok: false,
        firstBrokenSeq: row.seq,
        reason: `Audit entry ${row.seq} is not the entry written at ${formatLondonTimeOnDate(witnessed.at)}: it has been replaced or removed.`,
      };
    }
    if (row.prev_hash !== prevHash) {
      // Without a witness for the entry before, it may be the replaced one (a forged row can
      // carry a correct hash of its own; only the next row's link shows it).
      const before = row.seq > 1 && anchor !== undefined && !anchor.has(row.seq - 1);
      return {
        ok: false,
        firstBrokenSeq: before ? row.seq - 1 : row.seq,
        reason: before
          ? `Audit entry ${row.seq - 1} or ${row.seq} has been replaced: entry ${row.seq} does not follow on from the entry before it.`
          : `Audit entry ${row.seq} does not follow on from the entry before it: an entry has been removed or inserted.`,
      };
    }
    if (auditHash(row) !== row.hash) {
      return {
        ok: false,
        firstBrokenSeq: row.seq,
        reason: `Audit entry ${row.seq} has been altered since it was written.`,
      };
    }
    prevHash = row.hash;
    expectedSeq += 1;
    count += 1;
  }
  let newestWitnessed: { seq: number; at: string } | null = null;
  for (const p of anchor?.values() ?? []) {
    if (newestWitnessed === null || p.seq > newestWitnessed.seq) newestWitnessed = p;
  }
  if (newestWitnessed !== null && newestWitnessed.seq > count) {
    return {
      ok: false,
      firstBrokenSeq: count + 1,
      reason:
        count === 0
          ? `The whole audit log has been removed: entries 1 to ${newestWitnessed.seq} (the newest written at ${formatLondonTimeOnDate(newestWitnessed.at)}) are missing.`
          : `Audit entries from ${count + 1} to ${newestWitnessed.seq} (the newest written at ${formatLondonTimeOnDate(newestWitnessed.at)}) are missing: they have been removed.`,
    };
  }
  const head = raw.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
    { seq: number; hash: string } | undefined;
  if (head !== undefined && (head.seq !== count || head.hash !== prevHash)) {
    return {
      ok: false,
      firstBrokenSeq: count + 1,
      reason:
        head.seq > count
          ? `Audit entries from ${count + 1} to ${head.seq} have been removed.`
          : `The audit log's record of its newest entry does not match entry ${count}.`,
    };
  }
  if (head === undefined && count > 0) {
    return {
      ok: false,
      firstBrokenSeq: count,
      reason: "The audit log's record of its newest entry is missing.",
    };
  }
  return { ok: true, count };
}

/** Audit entries for one record, oldest first, with the user's display name. */
export async function listAuditForEntity(
  db: Kysely<Database>,
  entityType: string,
  entityId: string,
  limit = 1000,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.seq',
      'a.at',
      'a.user_id',
      'u.display_name',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.summary',
      'a.details',
    ])
    .where('a.entity_type', '=', entityType)
    .where('a.entity_id', '=', entityId)
    .orderBy('a.seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    user:
      r.user_id === null ? null : { id: r.user_id, displayName: r.display_name ?? 'Unknown user' },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    summary: r.summary,
    details: parseDetails(r.details),
  }));
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
