// The facts the measures count (shared/measures), read for a period in a few set-based queries:
// referrals received in the period (index referrals_received), their standing decisions, earlier
// referrals about the same children, whether a strategy discussion was held, the first outcome
// letter sent; strategy discussions and ICPCs held in the period. Nothing here is per-row I/O.
import { sql } from 'kysely';
import type { ResponseType, RoleId } from '../../../../shared/domain/types';
import type { DrillRow } from '../../../../shared/measures/types';
import { ROLE_IDS } from '../../../../shared/domain/types';
import { type Db, fromJson } from './common';

/** An instant range: received_at >= from and < to (London days turned into instants). */
export type InstantRange = { from: string; to: string };

const STANDING = ['final', 'awaiting-sign-off'] as const;
const HELD = ['held', 'minutes-finalised'] as const;
const CHUNK = 500;

export type PeriodReferralRow = {
  id: string;
  received_at: string;
  source_code: string;
  assigned_to: string | null;
  decision_due: string;
  referrer_kind: string | null;
  wants_feedback: number | null;
};

export async function periodReferrals(db: Db, range: InstantRange): Promise<PeriodReferralRow[]> {
  return db
    .selectFrom('referrals')
    .select([
      'id',
      'received_at',
      'source_code',
      'assigned_to',
      'decision_due',
      sql<string | null>`json_extract(referrer, '$.kind')`.as('referrer_kind'),
      sql<number | null>`json_extract(referrer, '$.wantsFeedback')`.as('wants_feedback'),
    ])
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .where('status', '!=', 'draft')
    .execute();
}

export type StandingDecisionRow = {
  referral_id: string;
  chosen: ResponseType;
  recorded_at: string;
  recorded_by: string;
  status: string;
  open_case: string | null;
};

/** Standing decisions of the period's referrals (the latest per referral stands). */
export async function periodDecisions(db: Db, range: InstantRange): Promise<StandingDecisionRow[]> {
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('decisions as d', 'd.referral_id', 'r.id')
    .select([
      'd.referral_id',
      'd.chosen',
      'd.recorded_at',
      'd.recorded_by',
      'd.status',
      sql<string | null>`json_extract(d.answers, '$."open-case"')`.as('open_case'),
    ])
    .where('r.received_at', '>=', range.from)
    .where('r.received_at', '<', range.to)
    .where('r.status', '!=', 'draft')
    .where('d.status', 'in', STANDING)
    .execute();
  return rows.map((r) => ({ ...r, chosen: r.chosen as ResponseType }));
}

/**
 * For each period referral, when earlier referrals about the same linked children were received,
 * back to `since` (enough for "within 12 months"; the exact rule is shared/measures).
 */
export async function earlierReferrals(
  db: Db,
  range: InstantRange,
  since: string,
): Promise<{ referral_id: string; earlier_at: string }[]> {
  return db
    .selectFrom('referrals as r')
    .innerJoin('referral_children as rc', 'rc.referral_id', 'r.id')
    .innerJoin('referral_children as rc2', 'rc2.person_id', 'rc.person_id')
    .innerJoin('referrals as r2', 'r2.id', 'rc2.referral_id')
    .select(['rc.referral_id', 'r2.received_at as earlier_at'])
    .distinct()
    .where('r.received_at', '>=', range.from)
    .where('r.received_at', '<', range.to)
    .where('r.status', '!=', 'draft')
    .where('rc.person_id', 'is not', null)
    .whereRef('rc2.referral_id', '!=', 'rc.referral_id')
    .whereRef('r2.received_at', '<', 'r.received_at')
    .where('r2.received_at', '>=', since)
    .where('r2.status', '!=', 'draft')
    .execute();
}

/** Period referrals with a strategy discussion held: in the app, or recorded as progress. */
export async function referralsWithDiscussionHeld(
  db: Db,
  range: InstantRange,
): Promise<Set<string>> {
  const inApp = await db
    .selectFrom('referrals as r')
    .innerJoin('strategy_discussions as sd', 'sd.referral_id', 'r.id')
    .select('sd.referral_id')
    .distinct()
    .where('r.received_at', '>=', range.from)
    .where('r.received_at', '<', range.to)
    .where('sd.status', 'in', HELD)
    .execute();
  const recorded = await db
    .selectFrom('referrals as r')
    .innerJoin('progress_events as pe', 'pe.referral_id', 'r.id')
    .select('pe.referral_id')
    .distinct()
    .where('r.received_at', '>=', range.from)
    .where('r.received_at', '<', range.to)
    .where('pe.kind', '=', 'strategy-discussion')
    .where('pe.withdrawn_at', 'is', null)
    .execute();
  return new Set([...inApp, ...recorded].map((r) => r.referral_id));
}

/** Outcome letters sent for the period's referrals (every send; the first is taken later). */
export async function outcomeLettersSent(
  db: Db,
  range: InstantRange,
): Promise<{ referral_id: string; sent_at: string }[]> {
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('letters as l', 'l.referral_id', 'r.id')
    .select(['l.referral_id', 'l.sent_at'])
    .where('r.received_at', '>=', range.from)
    .where('r.received_at', '<', range.to)
    .where('l.kind', '=', 'outcome')
    .where('l.sent_at', 'is not', null)
    .execute();
  return rows.flatMap((r) =>
    r.sent_at === null ? [] : [{ referral_id: r.referral_id, sent_at: r.sent_at }],
  );
}

export type HeldDiscussionRow = {
  id: string;
  referral_id: string;
  starts_at: string;
  /** Roles covered by the invitees who attended, from the last finalised minutes; null if none. */
  attended: RoleId[] | null;
};

function isRole(v: unknown): v is RoleId {
  return typeof v === 'string' && (ROLE_IDS as readonly string[]).includes(v);
}

/** Attendance as the minutes store it: [{ inviteeId, status }]. Read defensively. */
function attendedInvitees(data: string): Set<string> {
  const parsed = fromJson(data);
  const list =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as { attendance?: unknown }).attendance
      : undefined;
  const out = new Set<string>();
  if (!Array.isArray(list)) return out;
  for (const a of list as unknown[]) {
    if (typeof a !== 'object' || a === null) continue;
    const { inviteeId, status } = a as { inviteeId?: unknown; status?: unknown };
    if (typeof inviteeId === 'string' && status === 'attended') out.add(inviteeId);
  }
  return out;
}

/** Strategy discussions held (or minuted) that started in the range, with who attended. */
export async function discussionsHeld(db: Db, range: InstantRange): Promise<HeldDiscussionRow[]> {
  const rows = await db
    .selectFrom('strategy_discussions')
    .select(['id', 'referral_id', 'starts_at'])
    .where('starts_at', '>=', range.from)
    .where('starts_at', '<', range.to)
    .where('status', 'in', HELD)
    .execute();
  const out: HeldDiscussionRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const ids = chunk.map((r) => r.id);
    const minutes = await db
      .selectFrom('strategy_minutes')
      .select(['discussion_id', 'data'])
      .where('discussion_id', 'in', ids)
      .where('status', '=', 'finalised')
      .orderBy('number')
      .execute();
    const latest = new Map(minutes.map((m) => [m.discussion_id, m.data]));
    const invitees = await db
      .selectFrom('strategy_invitees')
      .select(['id', 'discussion_id', 'covers'])
      .where('discussion_id', 'in', ids)
      .execute();
    for (const d of chunk) {
      const data = latest.get(d.id);
      let attended: RoleId[] | null = null;
      if (data !== undefined) {
        const who = attendedInvitees(data);
        attended = invitees
          .filter((i) => i.discussion_id === d.id && who.has(i.id) && isRole(i.covers))
          .map((i) => i.covers as RoleId);
      }
      out.push({ id: d.id, referral_id: d.referral_id, starts_at: d.starts_at, attended });
    }
  }
  return out;
}

/** ICPCs recorded as held on London dates from..to (inclusive), not withdrawn. */
export async function icpcsHeld(
  db: Db,
  from: string,
  to: string,
): Promise<{ referral_id: string; date: string }[]> {
  return db
    .selectFrom('progress_events')
    .select(['referral_id', 'date'])
    .where('kind', '=', 'icpc-held')
    .where('withdrawn_at', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

/** What the clocks need of a few referrals (the ICPCs' referrals). */
export async function clockReferrals(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; received_at: string; immediate_protection: number }[]> {
  if (ids.length === 0) return [];
  const out: { id: string; received_at: string; immediate_protection: number }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(
      ...(await db
        .selectFrom('referrals')
        .select(['id', 'received_at', 'immediate_protection'])
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return out;
}

/** Standing decisions of some referrals, oldest first. */
export async function standingDecisionsOf(
  db: Db,
  ids: readonly string[],
): Promise<StandingDecisionRow[]> {
  const out: StandingDecisionRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('decisions')
      .select([
        'referral_id',
        'chosen',
        'recorded_at',
        'recorded_by',
        'status',
        sql<string | null>`json_extract(answers, '$."open-case"')`.as('open_case'),
      ])
      .where('referral_id', 'in', ids.slice(i, i + CHUNK))
      .where('status', 'in', STANDING)
      .orderBy('recorded_at')
      .execute();
    out.push(...rows.map((r) => ({ ...r, chosen: r.chosen as ResponseType })));
  }
  return out;
}

/** One drill page's referrals, in the order of `ids`. */
export async function drillRows(
  db: Db,
  ids: readonly string[],
  names: Map<string, string>,
  outcomeLabel: (r: ResponseType) => string,
): Promise<DrillRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('referrals')
    .select([
      'id',
      'reference',
      'received_at',
      'referrer_label',
      'source_code',
      'decision_due',
      'assigned_to',
    ])
    .where('id', 'in', ids)
    .execute();
  const decisions = new Map((await standingDecisionsOf(db, ids)).map((d) => [d.referral_id, d]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (r === undefined) return [];
    const d = decisions.get(id);
    return [
      {
        id: r.id,
        reference: r.reference,
        receivedAt: r.received_at,
        referrer: r.referrer_label,
        sourceCode: r.source_code,
        outcome: d === undefined ? null : outcomeLabel(d.chosen),
        decidedAt: d?.recorded_at ?? null,
        decisionDue: r.decision_due,
        decidedBy: d === undefined ? null : (names.get(d.recorded_by) ?? 'Unknown user'),
        assignedTo: r.assigned_to === null ? null : (names.get(r.assigned_to) ?? 'Unknown user'),
      },
    ];
  });
}

/**
 * Changes whenever anything is written to the database, by this connection (total_changes) or
 * another (PRAGMA data_version), so figures worked out before can be reused until then.
 */
export async function writeMark(db: Db): Promise<string> {
  const version = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  const changes = await sql<{ n: number }>`SELECT total_changes() AS n`.execute(db);
  return `${String(version.rows[0]?.data_version ?? 0)}:${String(changes.rows[0]?.n ?? 0)}`;
}
