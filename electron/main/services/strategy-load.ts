// Reading a strategy discussion whole: its row, the referral it belongs to, the children,
// invitees, required-role check, suggestions, history and minutes. Shared by the strategy
// services and the document mappings.
import type { ReferralRecord } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord, StrategyTrigger } from '../../../shared/domain/strategy';
import { checkRequiredRoles, suggestInvitees } from '../../../shared/strategy/roles';
import type { Channel } from '../../../shared/ipc/contract';
import { londonDate, londonTime } from '../../../shared/calendar/clocks';
import { CHANGEABLE_STATUSES, STRATEGY_STATUS_LABELS } from '../../../shared/strategy/types';
import { formatUkDate } from '../../../shared/validation/formats';
import { appendAudit } from '../store/audit';
import { ConflictError, ForbiddenError, NotFoundError } from '../store/errors';
import { type Db, fromJson, userNames, userRef } from '../store/repositories/common';
import {
  childrenOf,
  getDiscussionRow,
  historyOf,
  inviteesOf,
} from '../store/repositories/strategy-discussions';
import { minutesOf } from '../store/repositories/strategy-minutes';
import type { StrategyDiscussionRow } from '../store/schema';
import {
  type PolicyContext,
  type ServiceContext,
  type ServiceDeps,
  policyContext,
  requireCall,
} from './context';
import { loadReferralOrThrow } from './referrals';

export async function discussionRowOrThrow(db: Db, id: string): Promise<StrategyDiscussionRow> {
  const row = await getDiscussionRow(db, id);
  if (!row) throw new NotFoundError('The strategy discussion');
  return row;
}

/** Finalising and amending minutes: the chair of this discussion, or a manager. */
export function requireChairOrManager(
  ctx: ServiceContext,
  row: StrategyDiscussionRow,
  doing: string,
): void {
  if (ctx.user.active && (ctx.user.id === row.chair_id || ctx.user.roles.includes('manager')))
    return;
  throw new ForbiddenError(
    `Only the chair of this strategy discussion or a manager can ${doing}. Ask the chair to do it.`,
  );
}

export type LoadedDiscussion = { record: StrategyDiscussionRecord; referral: ReferralRecord };

export async function loadDiscussion(
  db: Db,
  pc: PolicyContext,
  deps: ServiceDeps,
  id: string,
): Promise<LoadedDiscussion> {
  const row = await discussionRowOrThrow(db, id);
  const referral = await loadReferralOrThrow(db, pc, deps, row.referral_id);
  const names = await userNames(db);
  const byChildRow = new Map(referral.children.map((c) => [c.id, c.displayName]));
  const children = await childrenOf(db, id, (rcId) => byChildRow.get(rcId) ?? null);
  const invitees = await inviteesOf(db, id, names);
  const forCheck = invitees.map((i) => ({
    id: i.id,
    name: i.name,
    agency: i.agency,
    covers: i.covers,
  }));
  const roleCheck = checkRequiredRoles(pc.policy, forCheck, {
    childLookedAfter: children.some((c) => c.lookedAfter),
  });
  const discussedRows = new Set(children.map((c) => c.referralChildId));
  const r = referral.referrer;
  const suggestions = suggestInvitees(
    pc.policy,
    {
      // Family members are never invited (domain §2.4): only a professional referrer is suggested.
      referrer:
        r.kind === 'professional'
          ? { name: r.name, agency: r.agencyName, email: r.email ? r.email : null }
          : null,
      schools: referral.children
        .filter((c) => discussedRows.has(c.id))
        .map((c) => (c.child.status === 'born' ? (c.child.school ?? '') : '')),
      childLookedAfter: children.some((c) => c.lookedAfter),
    },
    forCheck,
  );
  const record: StrategyDiscussionRecord = {
    id: row.id,
    referralId: row.referral_id,
    referralReference: referral.reference,
    sequence: row.sequence,
    trigger: fromJson(row.trigger) as StrategyTrigger,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    format: row.format,
    location: row.location,
    joinLink: row.join_link,
    chair: userRef(names, row.chair_id) ?? { id: row.chair_id, displayName: 'Unknown user' },
    minuteTaker: row.minute_taker,
    icsUid: row.ics_uid,
    icsSequence: row.ics_sequence,
    children,
    invitees,
    roleCheck,
    suggestions,
    missingRolesReason: row.missing_roles_reason,
    cancelledReason: row.cancelled_reason,
    history: await historyOf(db, id, names),
    minutes: await minutesOf(db, id, names),
    version: row.version,
    createdAt: row.created_at,
    createdBy: userRef(names, row.created_by),
    updatedAt: row.updated_at,
    updatedBy: userRef(names, row.updated_by),
  };
  return { record, referral };
}

/** "14:30 on 24/11/2026" (Europe/London, 24-hour; domain §5). */
export function describeWhen(startsAt: string): string {
  return `${londonTime(startsAt).slice(0, 5)} on ${formatUkDate(londonDate(startsAt))}`;
}

/** Time, place and invitees change only before the discussion is held or cancelled. */
export function requireChangeable(row: StrategyDiscussionRow, doing: string): void {
  if (!CHANGEABLE_STATUSES.includes(row.status)) {
    throw new ConflictError(
      `This discussion is ${STRATEGY_STATUS_LABELS[row.status].toLowerCase()}: it can no longer ${doing}.`,
    );
  }
}

/** One audit entry about a discussion (store/audit.ts: hash-chained, append-only). */
export async function auditDiscussion(
  trx: Db,
  userId: string,
  at: string,
  action: 'create' | 'update' | 'view',
  id: string,
  summary: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await appendAudit(trx, {
    at,
    userId,
    action,
    entityType: 'strategy-discussion',
    entityId: id,
    summary,
    ...(details === undefined ? {} : { details }),
  });
}

/** What every strategy service does first: check the channel's access, load a discussion, audit a change. */
export function strategyHelpers(deps: ServiceDeps) {
  const may = (ctx: ServiceContext, channel: Channel, doing: string): void => {
    requireCall(ctx, channel, doing);
  };
  const load = async (trx: Db, id: string): Promise<StrategyDiscussionRecord> =>
    (await loadDiscussion(trx, await policyContext(trx), deps, id)).record;
  const audit = (
    trx: Db,
    ctx: ServiceContext,
    at: string,
    action: 'create' | 'update' | 'view',
    id: string,
    summary: string,
    details?: Record<string, unknown>,
  ): Promise<void> => auditDiscussion(trx, ctx.user.id, at, action, id, summary, details);
  return { may, load, audit };
}
