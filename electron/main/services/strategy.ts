// Strategy discussions (issue 12, domain §2.4): schedule from a decision, after emergency action
// or on new information; change the time or place (history kept, calendar SEQUENCE + 1); cancel;
// confirm once every required role has an invitee (or the chair says why not); invitees; mark
// held; the chair's lists. Minutes are in strategy-minutes.ts. Every change is audited and made
// under the discussion's optimistic version.
import type { ChannelParsed } from '../../../shared/ipc/contract';
import type {
  MinutesVersionRecord,
  MyStrategyDiscussions,
  StrategyDiscussionRecord,
  StrategyListItem,
} from '../../../shared/domain/strategy';
import { rescheduleSchema, scheduleSchema } from '../../../shared/strategy/schemas';
import { NotFoundError, ValidationError } from '../store/errors';
import { userNames } from '../store/repositories/common';
import { addChronology } from '../store/repositories/referrals';
import { getReferralRow } from '../store/repositories/referral-read';
import {
  addHistory,
  insertDiscussion,
  listDiscussions,
  nextSequence,
  replaceChildren,
  slotOf,
  updateDiscussion,
} from '../store/repositories/strategy-discussions';
import { type ServiceContext, type ServiceDeps, nowIso, parseOrThrow } from './context';
import {
  type FieldErrors,
  checkChair,
  checkChildren,
  checkTime,
  checkTrigger,
  referralOpenProblem,
  samePlace,
  sameTime,
  slotFrom,
  throwIfAny,
} from './strategy-checks';
import {
  describeWhen,
  discussionRowOrThrow,
  requireChangeable,
  strategyHelpers,
} from './strategy-load';
import { createMinutesService } from './strategy-minutes';
import { addInviteeIn, createMeetingService } from './strategy-meeting';

export type StrategyScheduleInput = ChannelParsed<'strategy:schedule'>;
export type StrategyUpdateInput = ChannelParsed<'strategy:update'>;
export type StrategyCancelInput = ChannelParsed<'strategy:cancel'>;
export type StrategyConfirmInput = ChannelParsed<'strategy:confirm'>;
export type StrategyMarkHeldInput = ChannelParsed<'strategy:mark-held'>;
export type StrategyAddInviteeInput = ChannelParsed<'strategy:add-invitee'>;
export type StrategyRemoveInviteeInput = ChannelParsed<'strategy:remove-invitee'>;
export type StrategySaveMinutesInput = ChannelParsed<'strategy:save-minutes'>;
export type StrategyFinaliseInput = ChannelParsed<'strategy:finalise-minutes'>;
export type StrategyAmendInput = ChannelParsed<'strategy:amend-minutes'>;

export type StrategyService = {
  schedule(ctx: ServiceContext, input: StrategyScheduleInput): Promise<StrategyDiscussionRecord>;
  update(ctx: ServiceContext, input: StrategyUpdateInput): Promise<StrategyDiscussionRecord>;
  cancel(ctx: ServiceContext, input: StrategyCancelInput): Promise<StrategyDiscussionRecord>;
  confirm(ctx: ServiceContext, input: StrategyConfirmInput): Promise<StrategyDiscussionRecord>;
  markHeld(ctx: ServiceContext, input: StrategyMarkHeldInput): Promise<StrategyDiscussionRecord>;
  addInvitee(
    ctx: ServiceContext,
    input: StrategyAddInviteeInput,
  ): Promise<StrategyDiscussionRecord>;
  removeInvitee(
    ctx: ServiceContext,
    input: StrategyRemoveInviteeInput,
  ): Promise<StrategyDiscussionRecord>;
  get(ctx: ServiceContext, input: { id: string }): Promise<StrategyDiscussionRecord>;
  listMine(ctx: ServiceContext): Promise<MyStrategyDiscussions>;
  listForReferral(ctx: ServiceContext, input: { referralId: string }): Promise<StrategyListItem[]>;
  saveMinutes(ctx: ServiceContext, input: StrategySaveMinutesInput): Promise<MinutesVersionRecord>;
  finaliseMinutes(
    ctx: ServiceContext,
    input: StrategyFinaliseInput,
  ): Promise<StrategyDiscussionRecord>;
  amendMinutes(ctx: ServiceContext, input: StrategyAmendInput): Promise<StrategyDiscussionRecord>;
};

export function createStrategyService(deps: ServiceDeps): StrategyService {
  const { store, clock } = deps;
  const { may, load, audit } = strategyHelpers(deps);

  const minutes = createMinutesService(deps);
  const meeting = createMeetingService(deps);
  return {
    async schedule(ctx, raw) {
      may(ctx, 'strategy:schedule', 'arrange strategy discussions');
      const input = parseOrThrow(scheduleSchema, raw);
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const referral = await getReferralRow(trx, input.referralId);
        if (!referral) throw new NotFoundError('The referral');
        const closed = referralOpenProblem(referral);
        if (closed !== null) throw new ValidationError({ referralId: closed });
        const errors: FieldErrors = {};
        await checkTrigger(trx, referral, input.trigger, at, errors);
        await checkChair(trx, input.chairId, errors);
        const children = await checkChildren(trx, referral.id, input.children, errors);
        const slot = slotFrom(input);
        checkTime(referral, slot.startsAt, at, errors);
        throwIfAny(errors);
        const sequence = await nextSequence(trx, referral.id);
        const id = await insertDiscussion(
          trx,
          {
            referralId: referral.id,
            sequence,
            trigger: input.trigger,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            format: slot.format,
            location: slot.location,
            joinLink: slot.joinLink,
            chairId: input.chairId,
            minuteTaker: input.minuteTaker ? input.minuteTaker : null,
          },
          stamp,
        );
        await replaceChildren(trx, id, children);
        for (const [i, invitee] of (input.invitees ?? []).entries()) {
          await addInviteeIn(trx, id, invitee, `invitees.${String(i)}`, stamp, errors);
        }
        throwIfAny(errors);
        await addChronology(trx, referral.id, {
          at,
          kind: 'auto',
          text: `Strategy discussion ${String(sequence)} arranged for ${describeWhen(slot.startsAt)}.`,
          userId: ctx.user.id,
        });
        await audit(
          trx,
          ctx,
          at,
          'create',
          id,
          `Strategy discussion ${String(sequence)} arranged on ${referral.reference}`,
          {
            referralId: referral.id,
            trigger: input.trigger.kind,
            startsAt: slot.startsAt,
          },
        );
        return load(trx, id);
      });
    },

    async update(ctx, raw) {
      may(ctx, 'strategy:update', 'change strategy discussions');
      const input = parseOrThrow(rescheduleSchema, raw);
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, input.id);
        requireChangeable(row, 'be changed');
        const referral = await getReferralRow(trx, row.referral_id);
        if (!referral) throw new NotFoundError('The referral');
        const errors: FieldErrors = {};
        await checkChair(trx, input.chairId, errors);
        const children = await checkChildren(trx, referral.id, input.children, errors);
        const before = slotOf(row);
        const after = slotFrom(input);
        const timeChanged = !sameTime(before, after);
        const placeChanged = !samePlace(before, after);
        if (timeChanged) checkTime(referral, after.startsAt, at, errors);
        if ((timeChanged || placeChanged) && !input.reason) {
          errors.reason = 'Say why the time or place is changing (it goes in the history)';
        }
        throwIfAny(errors);
        await updateDiscussion(
          trx,
          row.id,
          input.version,
          {
            starts_at: after.startsAt,
            ends_at: after.endsAt,
            format: after.format,
            location: after.location,
            join_link: after.joinLink,
            chair_id: input.chairId,
            minute_taker: input.minuteTaker ? input.minuteTaker : null,
            // RFC 5545 §3.8.7.4: SEQUENCE grows with every change of time or place.
            ics_sequence: row.ics_sequence + (timeChanged || placeChanged ? 1 : 0),
          },
          stamp,
        );
        await replaceChildren(trx, row.id, children);
        if (timeChanged || placeChanged) {
          await addHistory(
            trx,
            row.id,
            {
              kind: timeChanged ? 'rescheduled' : 'moved',
              from: before,
              to: after,
              reason: input.reason ?? null,
            },
            stamp,
          );
          await addChronology(trx, row.referral_id, {
            at,
            kind: 'auto',
            text: timeChanged
              ? `Strategy discussion ${String(row.sequence)} moved from ${describeWhen(before.startsAt)} to ${describeWhen(after.startsAt)}.`
              : `Strategy discussion ${String(row.sequence)}: place or joining details changed.`,
            userId: ctx.user.id,
          });
        }
        await audit(
          trx,
          ctx,
          at,
          'update',
          row.id,
          `Strategy discussion ${String(row.sequence)} changed on ${referral.reference}`,
          {
            from: before,
            to: after,
            chairId: input.chairId,
            reason: input.reason ?? null,
          },
        );
        return load(trx, row.id);
      });
    },

    async cancel(ctx, { id, version, reason }) {
      may(ctx, 'strategy:cancel', 'cancel strategy discussions');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, id);
        requireChangeable(row, 'be cancelled');
        // The cancellation replaces the invite in calendars: same UID, higher SEQUENCE.
        await updateDiscussion(
          trx,
          id,
          version,
          { status: 'cancelled', cancelled_reason: reason, ics_sequence: row.ics_sequence + 1 },
          stamp,
        );
        await addHistory(
          trx,
          id,
          { kind: 'cancelled', from: slotOf(row), to: null, reason },
          stamp,
        );
        await addChronology(trx, row.referral_id, {
          at,
          kind: 'auto',
          text: `Strategy discussion ${String(row.sequence)} (${describeWhen(row.starts_at)}) cancelled: ${reason}`,
          userId: ctx.user.id,
        });
        await audit(
          trx,
          ctx,
          at,
          'update',
          id,
          `Strategy discussion ${String(row.sequence)} cancelled`,
          { reason },
        );
        return load(trx, id);
      });
    },

    async get(ctx, { id }) {
      may(ctx, 'strategy:get', 'see strategy discussions');
      const at = nowIso(clock);
      return store.transaction(async (trx) => {
        const record = await load(trx, id);
        // The record names the children discussed: opening it is a view of a child's record.
        await audit(
          trx,
          ctx,
          at,
          'view',
          id,
          `Strategy discussion ${String(record.sequence)} on ${record.referralReference} viewed`,
        );
        return record;
      });
    },

    async listMine(ctx) {
      may(ctx, 'strategy:list-mine', 'see strategy discussions');
      const now = nowIso(clock);
      // A minute-taker writes up whichever of the team's discussions they sat in on, so they see
      // every one whose minutes are still open; a chair sees the ones they chair. Finalised
      // minutes fall out of both lists below.
      const teamWide = ctx.user.roles.includes('minute-taker');
      const rows = await listDiscussions(
        store.db,
        teamWide ? {} : { chairId: ctx.user.id },
        await userNames(store.db),
      );
      const out: MyStrategyDiscussions = {
        scope: teamWide ? 'team' : 'chair',
        upcoming: [],
        toMinute: [],
        toFinalise: [],
      };
      for (const r of rows) {
        if (r.status === 'cancelled') continue;
        if (r.minutes?.status === 'draft') out.toFinalise.push(r);
        else if (r.minutes === null && (r.status === 'held' || r.startsAt <= now))
          out.toMinute.push(r);
        else if (r.minutes === null) out.upcoming.push(r);
      }
      return out;
    },

    async listForReferral(ctx, { referralId }) {
      may(ctx, 'strategy:list-for-referral', 'see strategy discussions');
      if (!(await getReferralRow(store.db, referralId))) throw new NotFoundError('The referral');
      const rows = await listDiscussions(store.db, { referralId }, await userNames(store.db));
      return rows.sort((a, b) => a.sequence - b.sequence);
    },

    confirm: (ctx, input) => meeting.confirm(ctx, input),
    markHeld: (ctx, input) => meeting.markHeld(ctx, input),
    addInvitee: (ctx, input) => meeting.addInvitee(ctx, input),
    removeInvitee: (ctx, input) => meeting.removeInvitee(ctx, input),
    saveMinutes: (ctx, input) => minutes.save(ctx, input),
    finaliseMinutes: (ctx, input) => minutes.finalise(ctx, input),
    amendMinutes: (ctx, input) => minutes.amend(ctx, input),
  };
}
