// Strategy discussions, the meeting itself: confirm once every required role has an invitee (or
// the chair records why not), invitees added and removed, and "held" with its s47 decision.
import { londonDate } from '../../../shared/calendar/clocks';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { inviteeSchema, type InviteeInput } from '../../../shared/strategy/schemas';
import { STRATEGY_STATUS_LABELS } from '../../../shared/strategy/types';
import { appendAudit } from '../store/audit';
import { ConflictError, NotFoundError, ValidationError } from '../store/errors';
import type { Db } from '../store/repositories/common';
import { getDirectoryEntry, insertDirectoryEntry } from '../store/repositories/directory';
import {
  addHistory,
  insertInvitee,
  removeInvitee,
  updateDiscussion,
} from '../store/repositories/strategy-discussions';
import {
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  parseOrThrow,
  policyContext,
} from './context';
import { recordProgressIn } from './progress';
import { type FieldErrors, throwIfAny } from './strategy-checks';
import { discussionRowOrThrow, requireChangeable, strategyHelpers } from './strategy-load';

type Ctx = ServiceContext;
type Rec = Promise<StrategyDiscussionRecord>;

/** Adds an invitee (and, if asked, a directory entry for them) inside the caller's transaction. */
export async function addInviteeIn(
  trx: Db,
  discussionId: string,
  invitee: InviteeInput,
  path: string,
  stamp: { at: string; userId: string },
  errors: FieldErrors,
): Promise<string | null> {
  let directoryId: string | null = invitee.directoryId ?? null;
  if (directoryId !== null && (await getDirectoryEntry(trx, directoryId)) === null) {
    errors[`${path}.directoryId`] = 'Choose someone in the directory, or add them on the spot';
    return null;
  }
  if (invitee.addToDirectory === true) {
    directoryId = await insertDirectoryEntry(
      trx,
      {
        name: invitee.name,
        role: invitee.jobTitle,
        agency: invitee.agency,
        agencyType: invitee.covers === 'police' ? 'police' : 'other',
        email: invitee.email,
      },
      stamp,
    );
    await appendAudit(trx, {
      at: stamp.at,
      userId: stamp.userId,
      action: 'create',
      entityType: 'directory',
      entityId: directoryId,
      summary: `Directory entry added: ${invitee.name}`,
      details: { from: 'strategy-discussion', discussionId },
    });
  }
  return insertInvitee(trx, discussionId, { ...invitee, directoryId }, stamp);
}

export function createMeetingService(deps: ServiceDeps) {
  const { store, clock } = deps;
  const { may, load, audit } = strategyHelpers(deps);

  return {
    async confirm(
      ctx: Ctx,
      { id, version, missingRolesReason }: ChannelParsed<'strategy:confirm'>,
    ): Rec {
      may(ctx, 'strategy:confirm', 'confirm strategy discussions');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, id);
        if (row.status !== 'scheduled') {
          throw new ConflictError(
            `This discussion is ${STRATEGY_STATUS_LABELS[row.status].toLowerCase()}: there is nothing to confirm.`,
          );
        }
        const current = await load(trx, id);
        const missing = current.roleCheck.roles.filter((r) => !r.covered);
        // The meeting cannot be confirmed while a required role has no invitee, unless the chair
        // records why (issue 12; WT 2018 ch.1 minimum attendance).
        if (missing.length > 0 && !missingRolesReason) {
          throw new ValidationError({
            missingRolesReason: `Nobody is invited for: ${missing.map((m) => m.label).join('; ')}. Invite someone for each, or record why the discussion goes ahead without them.`,
          });
        }
        const reason = missing.length > 0 ? (missingRolesReason ?? null) : null;
        await updateDiscussion(
          trx,
          id,
          version,
          { status: 'confirmed', missing_roles_reason: reason },
          stamp,
        );
        await addHistory(trx, id, { kind: 'confirmed', from: null, to: null, reason }, stamp);
        await audit(
          trx,
          ctx,
          at,
          'update',
          id,
          `Strategy discussion ${String(row.sequence)} confirmed`,
          {
            missingRoles: missing.map((m) => m.key),
            reason,
          },
        );
        return load(trx, id);
      });
    },

    async markHeld(ctx: Ctx, { id, version, decision }: ChannelParsed<'strategy:mark-held'>): Rec {
      may(ctx, 'strategy:mark-held', 'record that strategy discussions took place');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, id);
        requireChangeable(row, 'be marked as held');
        if (row.starts_at > at) {
          throw new ConflictError(
            'This discussion has not started yet: mark it held once it has taken place.',
          );
        }
        if (decision?.s47 === 'yes' && decision.s47Type === undefined) {
          throw new ValidationError({
            'decision.s47Type': 'Say whether the enquiry is single-agency or joint with the police',
          });
        }
        let progressId: string | null = row.progress_event_id;
        if (decision !== undefined && progressId === null) {
          // The referral's progress path (services/progress.ts): the strategy-discussion clock is
          // met, and a s47 "yes" starts the enquiry the ICPC clock counts from.
          progressId = await recordProgressIn(trx, await policyContext(trx), {
            referralId: row.referral_id,
            event: {
              kind: 'strategy-discussion',
              date: londonDate(row.starts_at),
              s47: decision.s47,
              ...(decision.s47Type === undefined ? {} : { s47Type: decision.s47Type }),
              note: `Strategy discussion ${String(row.sequence)}`,
            },
            at,
            userId: ctx.user.id,
          });
        }
        await updateDiscussion(
          trx,
          id,
          version,
          { status: 'held', progress_event_id: progressId },
          stamp,
        );
        await addHistory(trx, id, { kind: 'held', from: null, to: null, reason: null }, stamp);
        await audit(
          trx,
          ctx,
          at,
          'update',
          id,
          `Strategy discussion ${String(row.sequence)} recorded as held`,
          {
            s47: decision?.s47 ?? null,
          },
        );
        return load(trx, id);
      });
    },

    async addInvitee(
      ctx: Ctx,
      { id, version, invitee: raw }: ChannelParsed<'strategy:add-invitee'>,
    ): Rec {
      may(ctx, 'strategy:add-invitee', 'invite people to strategy discussions');
      const invitee = parseOrThrow(inviteeSchema, raw);
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, id);
        if (row.status === 'cancelled' || row.status === 'minutes-finalised') {
          requireChangeable(row, 'have invitees added');
        }
        await updateDiscussion(trx, id, version, {}, stamp);
        const errors: FieldErrors = {};
        const inviteeId = await addInviteeIn(trx, id, invitee, 'invitee', stamp, errors);
        throwIfAny(errors);
        await audit(
          trx,
          ctx,
          at,
          'update',
          id,
          `Invitee added to strategy discussion ${String(row.sequence)}`,
          {
            inviteeId,
            covers: invitee.covers,
            directoryId: invitee.directoryId ?? null,
          },
        );
        return load(trx, id);
      });
    },

    async removeInvitee(
      ctx: Ctx,
      { id, version, inviteeId, reason }: ChannelParsed<'strategy:remove-invitee'>,
    ): Rec {
      may(ctx, 'strategy:remove-invitee', 'change who is invited to strategy discussions');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, id);
        if (row.status === 'cancelled' || row.status === 'minutes-finalised') {
          requireChangeable(row, 'have invitees removed');
        }
        await updateDiscussion(trx, id, version, {}, stamp);
        if (!(await removeInvitee(trx, id, inviteeId, reason ?? null, stamp))) {
          throw new NotFoundError('The invitee');
        }
        await audit(
          trx,
          ctx,
          at,
          'update',
          id,
          `Invitee removed from strategy discussion ${String(row.sequence)}`,
          {
            inviteeId,
            reason: reason ?? null,
          },
        );
        return load(trx, id);
      });
    },
  };
}
