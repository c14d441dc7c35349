// Minutes of a strategy discussion (issue 12 "Recording and minutes"): drafts autosave under their
// own version; the chair (or a manager) finalises, which locks them and records the referral's
// progress (the strategy-discussion clock met; a s47 "yes" starts the enquiry the ICPC clock counts
// from); an amendment is a new version saying what changed and why.
import type * as z from 'zod';
import { computeReferralClocks } from '../../../shared/calendar';
import { londonDate } from '../../../shared/calendar/clocks';
import type { ReferralRecord } from '../../../shared/domain/records';
import type {
  MinutesVersionRecord,
  StrategyDiscussionRecord,
} from '../../../shared/domain/strategy';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { toReferralEvents } from '../../../shared/progress';
import {
  minutesDraftSchema,
  minutesFinalSchema,
  amendmentSchema,
  type MinutesFinal,
} from '../../../shared/strategy/minutes';
import { fieldErrorsFromZod } from '../../../shared/validation/errors';
import { formatUkDate } from '../../../shared/validation/formats';
import { appendAudit } from '../store/audit';
import { ConflictError, StaleWriteError, ValidationError } from '../store/errors';
import { type Db, userNames } from '../store/repositories/common';
import { progressFor } from '../store/repositories/progress';
import { addChronology } from '../store/repositories/referrals';
import { updateDiscussion } from '../store/repositories/strategy-discussions';
import {
  finaliseMinutes,
  insertMinutes,
  latestMinutesRow,
  minutesOf,
  saveMinutesDraft,
} from '../store/repositories/strategy-minutes';
import {
  type PolicyContext,
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  requireCall,
} from './context';
import { recordProgressIn } from './progress';
import type { FieldErrors } from './strategy-checks';
import { discussionRowOrThrow, loadDiscussion, requireChairOrManager } from './strategy-load';

type SaveInput = ChannelParsed<'strategy:save-minutes'>;
type FinaliseInput = ChannelParsed<'strategy:finalise-minutes'>;
type AmendInput = ChannelParsed<'strategy:amend-minutes'>;

/** Parses with field errors under `prefix.` (the input's key for the form), as the IPC layer does. */
function parseWithPrefix<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fieldErrorsFromZod(r.error)))
    out[k === '_form' ? prefix : `${prefix}.${k}`] = v;
  throw new ValidationError(out);
}

/** The ICPC target the referral's clocks give (edition's anchor setting), or null. */
export function icpcTarget(
  pc: PolicyContext,
  referral: ReferralRecord,
  now: string,
): string | null {
  const decision = [...referral.decisions]
    .reverse()
    .find((d) => d.status === 'final' || d.status === 'awaiting-sign-off');
  const clocks = computeReferralClocks({
    receivedAt: referral.receivedAt,
    policy: pc.policy,
    calendar: pc.calendar,
    events: toReferralEvents(
      referral.progress,
      decision ? { at: decision.recordedAt, response: decision.chosen } : null,
    ),
    now,
  });
  const icpc = clocks.clocks.find((c) => c.id === 'icpc');
  // Before the enquiry's outcome the conference date is provisional: still the target to plan for.
  return icpc === undefined ? null : (icpc.due ?? icpc.provisionalDue ?? null);
}

/** Cross-checks of complete minutes against the discussion: who, which children, working days. */
function checkAgainstDiscussion(
  m: MinutesFinal,
  d: StrategyDiscussionRecord,
  pc: PolicyContext,
): FieldErrors {
  const errors: FieldErrors = {};
  const invitees = new Map(d.invitees.map((i) => [i.id, i]));
  const attendance = m.attendance ?? [];
  attendance.forEach((a, i) => {
    if (!invitees.has(a.inviteeId))
      errors[`minutes.attendance.${String(i)}.inviteeId`] =
        'Choose someone invited to this discussion';
  });
  const recorded = new Set(attendance.map((a) => a.inviteeId));
  const unrecorded = d.invitees.filter((i) => !recorded.has(i.id));
  if (unrecorded.length > 0) {
    errors['minutes.attendance'] =
      `Record whether each invitee attended: ${unrecorded.map((i) => `${i.name} (${i.agency})`).join('; ')}`;
  }
  // A required agency that did not attend is flagged on the minutes with the reason (issue 12).
  const requiredRoles = new Set(d.roleCheck.roles.flatMap((r) => r.anyOf));
  attendance.forEach((a, i) => {
    const inv = invitees.get(a.inviteeId);
    if (inv?.covers && requiredRoles.has(inv.covers) && a.status !== 'attended' && !a.absenceNote) {
      errors[`minutes.attendance.${String(i)}.absenceNote`] =
        `${inv.name} covers a required role and did not attend: record why`;
    }
  });
  const views = new Set((m.childViews ?? []).map((v) => v.childId));
  (m.childViews ?? []).forEach((v, i) => {
    if (!d.children.some((c) => c.id === v.childId))
      errors[`minutes.childViews.${String(i)}.childId`] = 'Choose a child discussed';
  });
  const noViews = d.children.filter((c) => !views.has(c.id));
  if (noViews.length > 0) {
    errors['minutes.childViews'] =
      `Record the views and lived experience of every child discussed (${String(noViews.length)} missing)`;
  }
  // Action due dates fall on working days (domain §4; the working-day calendar with closures).
  (m.actions ?? []).forEach((a, i) => {
    if (!pc.calendar.isWorkingDay(a.due)) {
      errors[`minutes.actions.${String(i)}.due`] =
        `${formatUkDate(a.due)} is not a working day: choose a working day`;
    }
  });
  return errors;
}

export function createMinutesService(deps: ServiceDeps) {
  const { store, clock } = deps;
  const loadRecord = async (trx: Db, id: string) =>
    loadDiscussion(trx, await policyContext(trx), deps, id);

  const audit = (
    trx: Db,
    ctx: ServiceContext,
    at: string,
    id: string,
    summary: string,
    details: Record<string, unknown>,
  ) =>
    appendAudit(trx, {
      at,
      userId: ctx.user.id,
      action: 'update',
      entityType: 'strategy-discussion',
      entityId: id,
      summary,
      details,
    });

  return {
    async save(ctx: ServiceContext, input: SaveInput): Promise<MinutesVersionRecord> {
      requireCall(ctx, 'strategy:save-minutes', 'write strategy discussion minutes');
      const data = parseWithPrefix(minutesDraftSchema, input.minutes, 'minutes');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, input.id);
        if (row.status === 'cancelled')
          throw new ConflictError('This discussion was cancelled: it has no minutes.');
        const latest = await latestMinutesRow(trx, row.id);
        let minutesId: string;
        if (latest === undefined) {
          if (input.minutesVersion !== null)
            throw new ConflictError('These minutes are not saved yet: reload the page.');
          minutesId = await insertMinutes(trx, row.id, 1, data, null, stamp);
        } else if (latest.status === 'finalised') {
          throw new ConflictError(
            'These minutes are finalised and locked. To change them, start an amendment.',
          );
        } else {
          if (input.minutesVersion === null) {
            // Someone else started the minutes first: never overwrite their draft.
            const names = await userNames(trx);
            throw new StaleWriteError(
              names.get(latest.saved_by ?? '') ?? 'someone else',
              latest.saved_at,
              latest.version,
            );
          }
          await saveMinutesDraft(trx, latest.id, input.minutesVersion, data, stamp);
          minutesId = latest.id;
        }
        await audit(
          trx,
          ctx,
          at,
          row.id,
          `Draft minutes of strategy discussion ${String(row.sequence)} saved`,
          { minutesId },
        );
        const all = await minutesOf(trx, row.id, await userNames(trx));
        const saved = all.find((v) => v.id === minutesId);
        if (!saved) throw new ConflictError('The minutes could not be read back. Reload the page.');
        return saved;
      });
    },

    async finalise(ctx: ServiceContext, input: FinaliseInput): Promise<StrategyDiscussionRecord> {
      requireCall(ctx, 'strategy:finalise-minutes', 'finalise strategy discussion minutes');
      const parsed = parseWithPrefix(minutesFinalSchema, input.minutes, 'minutes');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, input.id);
        requireChairOrManager(ctx, row, 'finalise its minutes');
        if (row.status === 'cancelled')
          throw new ConflictError('This discussion was cancelled: it has no minutes.');
        if (row.starts_at > at)
          throw new ConflictError(
            'This discussion has not started yet: finalise the minutes once it has taken place.',
          );
        const latest = await latestMinutesRow(trx, row.id);
        if (latest?.status !== 'draft') {
          throw new ConflictError(
            latest === undefined
              ? 'Save the draft minutes first.'
              : 'These minutes are already finalised.',
          );
        }
        const pc = await policyContext(trx);
        const { record, referral } = await loadDiscussion(trx, pc, deps, row.id);
        const errors = checkAgainstDiscussion(parsed, record, pc);
        if (Object.keys(errors).length > 0) throw new ValidationError(errors);

        // The referral's progress, through the one progress path: recorded once per discussion.
        let progressId = row.progress_event_id;
        if (progressId === null) {
          progressId = await recordProgressIn(trx, pc, {
            referralId: row.referral_id,
            event: {
              kind: 'strategy-discussion',
              date: londonDate(row.starts_at),
              s47: parsed.decision.s47,
              ...(parsed.decision.s47Type === undefined
                ? {}
                : { s47Type: parsed.decision.s47Type }),
              note: `Strategy discussion ${String(row.sequence)}: minutes finalised`,
            },
            at,
            userId: ctx.user.id,
          }).catch((e: unknown) => {
            if (e instanceof ValidationError)
              throw new ValidationError({ _form: Object.values(e.fieldErrors).join(' ') });
            throw e;
          });
        } else {
          const recorded = (
            (await progressFor(trx, [row.referral_id], new Map())).get(row.referral_id) ?? []
          ).find((p) => p.id === progressId);
          if (
            recorded?.withdrawn === null &&
            recorded.event.kind === 'strategy-discussion' &&
            recorded.event.s47 !== parsed.decision.s47
          ) {
            throw new ValidationError({
              'minutes.decision.s47': `The referral records this discussion's section 47 decision as "${recorded.event.s47}". Withdraw that entry on the referral first if it was wrong.`,
            });
          }
        }
        // ICPC target from the referral's clocks (the edition's anchor), unless the chair set one.
        let data: MinutesFinal = parsed;
        if (parsed.next.step === 'icpc' && parsed.next.date === undefined) {
          const fresh = await loadDiscussion(trx, pc, deps, row.id);
          const due = icpcTarget(pc, fresh.referral, at);
          if (due !== null) data = { ...parsed, next: { ...parsed.next, date: due } };
        }
        await finaliseMinutes(trx, latest.id, input.minutesVersion, data, stamp);
        await updateDiscussion(
          trx,
          row.id,
          row.version,
          { status: 'minutes-finalised', progress_event_id: progressId },
          stamp,
        );
        await addChronology(trx, row.referral_id, {
          at,
          kind: 'auto',
          text: `Minutes of strategy discussion ${String(row.sequence)} finalised (version ${String(latest.number)}).`,
          userId: ctx.user.id,
        });
        await audit(
          trx,
          ctx,
          at,
          row.id,
          `Minutes of strategy discussion ${String(row.sequence)} on ${referral.reference} finalised (version ${String(latest.number)})`,
          {
            minutesId: latest.id,
            number: latest.number,
            s47: parsed.decision.s47,
          },
        );
        return (await loadRecord(trx, row.id)).record;
      });
    },

    async amend(ctx: ServiceContext, input: AmendInput): Promise<StrategyDiscussionRecord> {
      requireCall(ctx, 'strategy:amend-minutes', 'amend strategy discussion minutes');
      const amendment = parseWithPrefix(amendmentSchema, input.amendment, 'amendment');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, input.id);
        requireChairOrManager(ctx, row, 'amend its minutes');
        const latest = await latestMinutesRow(trx, row.id);
        if (latest?.status !== 'finalised') {
          throw new ConflictError(
            latest === undefined
              ? 'There are no finalised minutes to amend.'
              : 'An amendment is already in draft: finish or finalise it.',
          );
        }
        await updateDiscussion(trx, row.id, input.version, {}, stamp);
        const all = await minutesOf(trx, row.id, new Map());
        const current = all.find((v) => v.id === latest.id);
        const number = latest.number + 1;
        const id = await insertMinutes(
          trx,
          row.id,
          number,
          current?.minutes ?? {},
          amendment,
          stamp,
        );
        await audit(
          trx,
          ctx,
          at,
          row.id,
          `Amendment (version ${String(number)}) to the minutes of strategy discussion ${String(row.sequence)} started`,
          {
            minutesId: id,
            whatChanged: amendment.whatChanged,
            why: amendment.why,
          },
        );
        return (await loadRecord(trx, row.id)).record;
      });
    },
  };
}
