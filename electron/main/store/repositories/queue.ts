// The referral queue: which open referrals a worker sees, in what order, one page at a time, and
// the rows the queue, search and the grid show for them. Paging, sorting and filtering happen
// here in SQL so the queue never stops at an arbitrary row count (issue 11: "no silent cut-off").
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type {
  QueueChild,
  QueueItem,
  QueuePage,
  ReferralStatus,
  ReturnedDecision,
} from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';
import type { QueueQueryInput } from '../../../../shared/ipc/contract';
import type { ChildInput } from '../../../../shared/validation/child';
import type { ReferralRow } from '../schema';
import { type Db, bool, fromJson, userNames, userRef } from './common';
import type { ReadHelpers } from './referral-read';

/** Referrals still waiting for something: a decision, or a manager's sign-off of one. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['awaiting-decision', 'awaiting-sign-off'];

export function childBirthDate(c: ChildInput): IsoDate | null {
  return c.status === 'born' ? (c.dateOfBirth ?? null) : c.expectedDateOfBirth;
}

export type QueueFilterName =
  'all' | 'mine' | 'unassigned' | 'due-today' | 'overdue' | 'awaiting-sign-off';

export type QueueRow = Pick<
  ReferralRow,
  | 'id'
  | 'reference'
  | 'status'
  | 'received_at'
  | 'counted_from'
  | 'decision_due'
  | 'referrer_label'
  | 'assigned_to'
  | 'immediate_protection'
  | 'version'
>;

export const QUEUE_COLUMNS = [
  'referrals.id',
  'referrals.reference',
  'referrals.status',
  'referrals.received_at',
  'referrals.counted_from',
  'referrals.decision_due',
  'referrals.referrer_label',
  'referrals.assigned_to',
  'referrals.immediate_protection',
  'referrals.version',
] as const;

type QueueHelpers = Pick<ReadHelpers, 'clock' | 'londonDate'>;

async function childrenFor(db: Db, ids: readonly string[]): Promise<Map<string, QueueChild[]>> {
  const children = await db
    .selectFrom('referral_children')
    .select(['referral_id', 'position', 'display_name', 'person_id', 'child'])
    .where('referral_id', 'in', ids)
    .orderBy('referral_id')
    .orderBy('position')
    .execute();
  const byReferral = new Map<string, QueueChild[]>();
  for (const c of children) {
    const child = fromJson(c.child) as ChildInput;
    const list = byReferral.get(c.referral_id) ?? [];
    list.push({
      position: c.position,
      displayName: c.display_name,
      personId: c.person_id,
      birthDate: childBirthDate(child),
      unborn: child.status === 'unborn',
      approximateAge: child.status === 'born' ? (child.approximateAge ?? null) : null,
    });
    byReferral.set(c.referral_id, list);
  }
  return byReferral;
}

/**
 * A decision the manager returned (local sign-off policy; WT 2013 and 2015 Flowchart 1): the
 * queue says so on the row. One query for the page of rows: the return of each referral's latest
 * decision, for referrals waiting to be decided again.
 */
async function returnsFor(
  db: Db,
  waiting: readonly string[],
  names: Map<string, string>,
): Promise<Map<string, ReturnedDecision>> {
  const returned = new Map<string, ReturnedDecision>();
  if (waiting.length === 0) return returned;
  const rs = await db
    .selectFrom('manager_signoffs')
    .innerJoin('decisions', 'decisions.id', 'manager_signoffs.decision_id')
    .select([
      'decisions.referral_id',
      'manager_signoffs.signed_by',
      'manager_signoffs.signed_at',
      'manager_signoffs.comment',
    ])
    .where('decisions.referral_id', 'in', waiting)
    .where('decisions.status', '=', 'returned')
    .where('manager_signoffs.outcome', '=', 'returned')
    .where(
      'decisions.recorded_at',
      '=',
      sql<string>`(SELECT MAX(d2.recorded_at) FROM decisions AS d2 WHERE d2.referral_id = decisions.referral_id)`,
    )
    .orderBy('manager_signoffs.signed_at', 'asc')
    .orderBy(sql`manager_signoffs.rowid`)
    .execute();
  // Oldest first, so the latest return of the latest decision is the one kept.
  for (const x of rs) {
    returned.set(x.referral_id, {
      by: names.get(x.signed_by) ?? 'Unknown user',
      at: x.signed_at,
      comment: x.comment ?? '',
    });
  }
  return returned;
}

/** Queue rows for referral rows already chosen and ordered: children, clocks and returns added. */
export async function toQueueItems(
  db: Db,
  rows: QueueRow[],
  helpers: QueueHelpers,
): Promise<QueueItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const names = await userNames(db);
  const byReferral = await childrenFor(db, ids);
  const decided = rows
    .filter((r) => !OPEN_STATUSES.includes(r.status) || r.status === 'awaiting-sign-off')
    .map((r) => r.id);
  const decidedAt = new Map<string, string>();
  if (decided.length > 0) {
    const d = await db
      .selectFrom('decisions')
      .select(['referral_id', (eb) => eb.fn.max('recorded_at').as('at')])
      .where('referral_id', 'in', decided)
      .where('status', 'in', ['final', 'awaiting-sign-off'])
      .groupBy('referral_id')
      .execute();
    for (const x of d) decidedAt.set(x.referral_id, x.at);
  }
  const returned = await returnsFor(
    db,
    rows.filter((r) => r.status === 'awaiting-decision').map((r) => r.id),
    names,
  );
  return rows.map((r) => {
    const met = decidedAt.get(r.id);
    return {
      id: r.id,
      reference: r.reference,
      status: r.status,
      receivedAt: r.received_at,
      countedFrom: r.counted_from,
      decisionDue: r.decision_due,
      clock: helpers.clock(r.decision_due, met === undefined ? null : helpers.londonDate(met)),
      children: byReferral.get(r.id) ?? [],
      referrerLabel: r.referrer_label,
      assignedTo: userRef(names, r.assigned_to),
      immediateProtection: bool(r.immediate_protection),
      returned: returned.get(r.id) ?? null,
      version: r.version,
    };
  });
}

/** `%`, `_` and the escape itself typed by a worker are matched literally. */
function likePattern(text: string, anywhere: boolean): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return anywhere ? `%${escaped}%` : `${escaped}%`;
}

type QueueWhere = {
  filter: QueueFilterName;
  today: IsoDate;
  userId: string;
  text?: string | undefined;
  assignedTo?: string | null | undefined;
  status?: 'awaiting-decision' | 'awaiting-sign-off' | undefined;
};

/** The WHERE clause shared by the page and its count, so the total always matches the rows. */
function queueConditions(q: QueueWhere): Expression<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  switch (q.filter) {
    case 'all':
      parts.push(sql<SqlBool>`r.status IN (${open})`);
      break;
    case 'mine':
      parts.push(sql<SqlBool>`r.status IN (${open})`, sql<SqlBool>`r.assigned_to = ${q.userId}`);
      break;
    case 'unassigned':
      parts.push(sql<SqlBool>`r.status IN (${open})`, sql<SqlBool>`r.assigned_to IS NULL`);
      break;
    // `r.status IN (open)` as well, so the queue's partial index (migration 9) applies.
    case 'due-today':
      parts.push(
        sql<SqlBool>`r.status IN (${open})`,
        sql<SqlBool>`r.status = 'awaiting-decision'`,
        sql<SqlBool>`r.decision_due = ${q.today}`,
      );
      break;
    case 'overdue':
      parts.push(
        sql<SqlBool>`r.status IN (${open})`,
        sql<SqlBool>`r.status = 'awaiting-decision'`,
        sql<SqlBool>`r.decision_due < ${q.today}`,
      );
      break;
    case 'awaiting-sign-off':
      parts.push(sql<SqlBool>`r.status IN (${open})`, sql<SqlBool>`r.status = 'awaiting-sign-off'`);
      break;
  }
  if (q.status !== undefined) parts.push(sql<SqlBool>`r.status = ${q.status}`);
  if (q.assignedTo === null) parts.push(sql<SqlBool>`r.assigned_to IS NULL`);
  else if (q.assignedTo !== undefined) parts.push(sql<SqlBool>`r.assigned_to = ${q.assignedTo}`);
  const text = q.text?.trim() ?? '';
  if (text !== '') {
    const start = likePattern(text, false);
    const inside = likePattern(text, true);
    parts.push(sql<SqlBool>`(
      r.reference LIKE ${start} ESCAPE '\\'
      OR r.referrer_label LIKE ${inside} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM referral_children rc
                 WHERE rc.referral_id = r.id AND rc.display_name LIKE ${inside} ESCAPE '\\')
    )`);
  }
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

type QueueSort = NonNullable<QueueQueryInput['sort']>;

/**
 * ORDER BY for a page. Referrals that may need immediate protection always come first: they cannot
 * wait for their turn in any other order (Children Act 1989 ss44, 46; WT 2018 ch.1 "immediate
 * protection"). Ties end on received time and id, so pages never overlap or skip a row.
 * `reversed` gives the exact mirror of that order (every term flipped; id is unique, so no ties),
 * for reading a page from the far end (pageQueue).
 */
function queueOrder(sort: QueueSort, reversed = false): RawBuilder<unknown> {
  const asc = sql`ASC`;
  const desc = sql`DESC`;
  const up = reversed ? desc : asc;
  const down = reversed ? asc : desc;
  const dir = sort.direction === 'desc' ? down : up;
  const chosen = {
    // Running decision clocks before decisions waiting for sign-off (their clock is met), then
    // soonest due: the order the old client-side sort used (renderer clock-text urgency).
    urgency: sql`CASE r.status WHEN 'awaiting-decision' THEN 0 ELSE 1 END ${dir}, r.decision_due ${dir}`,
    decisionDue: sql`r.decision_due ${dir}`,
    receivedAt: sql`r.received_at ${dir}`,
    reference: sql`r.reference ${dir}`,
    referrer: sql`r.referrer_label COLLATE NOCASE ${dir}`,
    // Nobody holding it sorts after every name (before, when descending).
    assignedTo: sql`(u.display_name IS NULL) ${dir}, u.display_name COLLATE NOCASE ${dir}`,
  }[sort.field];
  return sql`r.immediate_protection ${down}, ${chosen}, r.decision_due ${up}, r.received_at ${up}, r.id ${up}`;
}

export type QueuePageQuery = QueueWhere & {
  page: number;
  pageSize: number;
  sort: QueueSort;
};

/** One page of the queue and the number of referrals that match, from one consistent read. */
export async function pageQueue(
  db: Db,
  q: QueuePageQuery,
  helpers: QueueHelpers,
): Promise<QueuePage> {
  const where = queueConditions(q);
  const counted = await sql<{
    n: number;
  }>`SELECT COUNT(*) AS n FROM referrals AS r WHERE ${where}`.execute(db);
  const total = counted.rows[0]?.n ?? 0;
  if (total === 0 || q.page * q.pageSize >= total) return { rows: [], total };
  const join =
    q.sort.field === 'assignedTo' ? sql`LEFT JOIN users AS u ON u.id = r.assigned_to` : sql``;
  // A page in the far half is read from the other end, in the mirrored order, and turned round:
  // SQLite sorts only the rows up to the end of the page it is asked for (a LIMIT'd sort keeps
  // LIMIT + OFFSET rows), so the last of 100 pages sorted all 5,000 open referrals, and from the
  // far end sorts 50 (npm run bench, "deep page 100 by referrer").
  const offset = q.page * q.pageSize;
  const size = Math.min(q.pageSize, total - offset);
  const fromEnd = total - offset - size < offset;
  const skip = fromEnd ? total - offset - size : offset;
  // The page is chosen from the queue index alone (migration 9: every column filtered and sorted
  // on), then only its rows are read by rowid; sorting whole rows cost 33–55 ms at 5,000 open
  // referrals. CROSS JOIN keeps SQLite from turning this round (it never reorders one).
  const order = queueOrder(q.sort, fromEnd);
  const rows = await sql<QueueRow>`
    SELECT r.id, r.reference, r.status, r.received_at, r.counted_from, r.decision_due,
           r.referrer_label, r.assigned_to, r.immediate_protection, r.version
    FROM (
      SELECT r.rowid AS page_rowid FROM referrals AS r ${join}
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${size} OFFSET ${skip}) AS page
    CROSS JOIN referrals AS r ON r.rowid = page.page_rowid ${join}
    ORDER BY ${order}`.execute(db);
  const inOrder = fromEnd ? rows.rows.reverse() : rows.rows;
  return { rows: await toQueueItems(db, inOrder, helpers), total };
}

/**
 * The whole queue in urgency order, for callers that want every open referral (the first page of
 * `pageQueue` with a large page). Kept for the `referrals:list` channel and its callers.
 */
export async function listQueue(
  db: Db,
  q: { filter: QueueFilterName; today: IsoDate; userId: string; limit?: number },
  helpers: QueueHelpers,
): Promise<QueueItem[]> {
  const page = await pageQueue(
    db,
    {
      filter: q.filter,
      today: q.today,
      userId: q.userId,
      page: 0,
      pageSize: q.limit ?? 500,
      sort: { field: 'decisionDue', direction: 'asc' },
    },
    helpers,
  );
  return page.rows;
}
