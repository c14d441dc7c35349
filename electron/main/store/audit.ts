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
import type { AuditAction } from '../../../shared/domain/audit';
import type { AuditEntry, AuditVerification } from '../../../shared/domain/records';
import {
  ChainWalk,
  readAuditHead,
  type AnchorWitness,
  type WalkRow,
  type WalkStart,
} from './audit-walk';
import type { Database } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

// The actions live in shared/ so the audit screen can name them; re-exported for the store's callers.
export { AUDIT_ACTIONS, type AuditAction } from '../../../shared/domain/audit';

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

const AUDIT_ROW_COLUMNS =
  'seq, at, user_id, action, entity_type, entity_id, summary, details, prev_hash, hash';

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
  anchor?: AnchorWitness,
): AuditVerification {
  const rows = raw
    .prepare(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log ORDER BY seq`)
    .iterate() as IterableIterator<RawAuditRow>;
  const walk = new ChainWalk(anchor, { seq: 0, hash: GENESIS_HASH }, hashOfRow);
  for (const row of rows) {
    const broken = walk.step(row);
    if (broken !== null) return broken;
  }
  return walk.finish(readAuditHead(raw));
}

function hashOfRow(row: WalkRow): string {
  return auditHash(row as RawAuditRow);
}

/** Rows checked between yields: a few milliseconds of work each on a 2-core machine. */
const SLICE = 2_000;

/**
 * The same checks in slices of rows, yielding to the event loop between them so other calls are
 * answered while a long log is checked, with progress after each slice. Checks the entries up
 * to the newest one when it starts (entries added meanwhile are checked next time). With `from`
 * (an entry a previous check found sound, recorded outside the database) it starts after that
 * entry, first confirming the entry is still the same.
 */
export async function verifyAuditChainInSlices(
  raw: BetterSqlite3.Database,
  options: {
    anchor?: AnchorWitness;
    from?: WalkStart;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<AuditVerification> {
  // The caller reads the anchor before this reads the head: the anchor is written after each
  // commit, so every point it holds is of an entry the head already covers.
  const head = readAuditHead(raw);
  const last = head?.seq ?? 0;
  let start: WalkStart = { seq: 0, hash: GENESIS_HASH };
  const from = options.from;
  if (from !== undefined && from.seq > 0 && from.seq <= last) {
    const row = raw.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(from.seq) as
      { hash: string } | undefined;
    if (row?.hash !== from.hash) {
      return {
        ok: false,
        firstBrokenSeq: from.seq,
        reason: `Audit entry ${from.seq}, found sound by the last check, has been changed or removed since. Check from the start to find the first broken entry.`,
      };
    }
    start = from;
  }
  const walk = new ChainWalk(options.anchor, start, hashOfRow);
  const slice = raw.prepare(
    `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
  );
  options.onProgress?.(start.seq, last);
  let after = start.seq;
  for (;;) {
    const rows = slice.all(after, last, SLICE) as RawAuditRow[];
    for (const row of rows) {
      const broken = walk.step(row);
      if (broken !== null) return broken;
    }
    if (rows.length < SLICE) break;
    after = rows[rows.length - 1]?.seq ?? last;
    options.onProgress?.(after, last);
    await new Promise<void>((resolve) => {
      setImmediate(resolve);
    });
  }
  options.onProgress?.(last, last);
  const result = walk.finish(head);
  return result.ok ? { ...result, checkedFrom: start.seq } : result;
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
