// What has happened on a referral (shared/progress): record an entry, or withdraw one recorded in
// error. Each is checked against what is already recorded, in the same transaction as the write,
// and noted in the chronology and the audit. The statutory clocks follow these entries.
import { londonDate } from '../../../shared/calendar/clocks';
import type { ReferralRecord } from '../../../shared/domain/records';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import {
  PROGRESS_KIND_LABELS,
  S47_OUTCOME_LABELS,
  S47_TYPE_LABELS,
  checkProgressEvent,
  checkWithdrawal,
  progressEventSchema,
  type ProgressContext,
  type ProgressEventInput,
} from '../../../shared/progress';
import { fieldErrorsFromZod } from '../../../shared/validation/errors';
import { formatUkDate } from '../../../shared/validation/formats';
import { appendAudit } from '../store/audit';
import { ConflictError, NotFoundError, ValidationError } from '../store/errors';
import { type Db, userNames } from '../store/repositories/common';
import { insertProgress, progressFor, withdrawProgress } from '../store/repositories/progress';
import { addChronology } from '../store/repositories/referrals';
import { getReferralRow } from '../store/repositories/referral-read';
import {
  type PolicyContext,
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  requireCall,
  todayLondon,
} from './context';
import { loadReferralOrThrow } from './referrals';

export type ProgressRecordInput = ChannelParsed<'progress:record'>;
export type ProgressWithdrawInput = ChannelParsed<'progress:withdraw'>;

export type ProgressService = {
  record(ctx: ServiceContext, input: ProgressRecordInput): Promise<ReferralRecord>;
  withdraw(ctx: ServiceContext, input: ProgressWithdrawInput): Promise<ReferralRecord>;
};

/** The chronology line for an entry: what happened and when, in plain words. */
export function describeProgress(e: ProgressEventInput): string {
  const on = formatUkDate(e.date);
  switch (e.kind) {
    case 'strategy-discussion':
      return e.s47 === 'yes'
        ? `Strategy discussion held on ${on}: section 47 enquiry to start (${(e.s47Type ? S47_TYPE_LABELS[e.s47Type] : 'type not recorded').toLowerCase()}).`
        : `Strategy discussion held on ${on}: no section 47 enquiry.`;
    case 's47-outcome':
      return `Outcome of the section 47 enquiry (${on}): ${S47_OUTCOME_LABELS[e.outcome]}.`;
    case 'icpc-not-required':
      return `Initial child protection conference not required (${on}): ${e.reason}`;
    default:
      return `${PROGRESS_KIND_LABELS[e.kind]} on ${on}.`;
  }
}

async function progressContext(db: Db, pc: PolicyContext, referralId: string) {
  const row = await getReferralRow(db, referralId);
  if (!row) throw new NotFoundError('The referral');
  const ctx: ProgressContext = {
    referralDate: londonDate(row.received_at),
    hasInitialAssessment: pc.policy.initialAssessmentWorkingDays !== null,
  };
  const existing = (await progressFor(db, [referralId], await userNames(db))).get(referralId) ?? [];
  return { row, ctx, existing };
}

/**
 * Records one progress entry inside the caller's transaction: checked against what is already
 * recorded, with the s47 start a discussion implies, a chronology line and an audit entry. The
 * one path for every caller (the progress form, and strategy discussions' minutes), so the
 * clocks see the same facts however they were recorded. Throws ValidationError with `event.*`
 * field paths when the entry does not fit.
 */
export async function recordProgressIn(
  trx: Db,
  pc: PolicyContext,
  input: { referralId: string; event: ProgressEventInput; at: string; userId: string },
): Promise<string> {
  const { referralId, event, at } = input;
  const stamp = { at, userId: input.userId };
  const { row, ctx: pctx, existing } = await progressContext(trx, pc, referralId);
  const errors = checkProgressEvent(event, existing, pctx);
  if (Object.keys(errors).length > 0) {
    const fieldErrors: Record<string, string> = {};
    for (const [k, v] of Object.entries(errors)) fieldErrors[`event.${k}`] = v;
    throw new ValidationError(fieldErrors);
  }
  const id = await insertProgress(trx, referralId, event, stamp);
  // A discussion that starts the enquiry records its start too (census S47ActualStartDate),
  // unless a start is already recorded.
  const startsS47 =
    event.kind === 'strategy-discussion' &&
    event.s47 === 'yes' &&
    !existing.some((e) => e.withdrawn === null && e.event.kind === 's47-started');
  if (startsS47) {
    await insertProgress(trx, referralId, { kind: 's47-started', date: event.date }, stamp);
  }
  await addChronology(trx, referralId, {
    at,
    kind: 'significant',
    text: describeProgress(event),
    userId: input.userId,
  });
  await appendAudit(trx, {
    at,
    userId: input.userId,
    action: 'create',
    entityType: 'progress',
    entityId: id,
    summary: `${PROGRESS_KIND_LABELS[event.kind]} recorded on ${row.reference}`,
    details: { referralId, kind: event.kind, date: event.date, s47StartAdded: startsS47 },
  });
  return id;
}

export function createProgressService(deps: ServiceDeps): ProgressService {
  const { store, clock } = deps;
  return {
    async record(ctx, { referralId, event: raw }) {
      requireCall(ctx, 'progress:record', 'record what has happened on a referral');
      // Checked again here (the harness, seeding and tests call services directly): a date in
      // the future or a year typed wrongly never reaches the clocks.
      const parsed = progressEventSchema({ today: todayLondon(clock) }).safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const [k, v] of Object.entries(fieldErrorsFromZod(parsed.error)))
          fieldErrors[`event.${k}`] = v;
        throw new ValidationError(fieldErrors);
      }
      const event = parsed.data;
      const at = nowIso(clock);
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        await recordProgressIn(trx, pc, { referralId, event, at, userId: ctx.user.id });
        return loadReferralOrThrow(trx, pc, deps, referralId);
      });
    },

    async withdraw(ctx, { referralId, id, reason }) {
      requireCall(ctx, 'progress:withdraw', 'correct what has happened on a referral');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const { row, ctx: pctx, existing } = await progressContext(trx, pc, referralId);
        const problem = checkWithdrawal(id, existing, pctx);
        if (problem !== null) throw new ConflictError(problem);
        const target = existing.find((e) => e.id === id);
        if (!target || !(await withdrawProgress(trx, referralId, id, reason, stamp))) {
          throw new ConflictError('That entry has already been withdrawn. Reload to see it.');
        }
        await addChronology(trx, referralId, {
          at,
          kind: 'significant',
          text: `Withdrawn as recorded in error: ${describeProgress(target.event)} Reason: ${reason}`,
          userId: ctx.user.id,
        });
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'withdraw',
          entityType: 'progress',
          entityId: id,
          summary: `${PROGRESS_KIND_LABELS[target.event.kind]} withdrawn on ${row.reference}`,
          details: { referralId, reason },
        });
        return loadReferralOrThrow(trx, pc, deps, referralId);
      });
    },
  };
}
