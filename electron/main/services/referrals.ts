// Referrals: create from validated input (reference, day 0 and decision due date from the
// calendar and policy), update with optimistic concurrency, the queue, search, view (audited)
// and assignment. Every change is audited in the same transaction as the change.
import { londonDate } from '../../../shared/calendar/clocks';
import { decisionClock } from '../../../shared/calendar/referral-clocks';
import { describeDate } from '../../../shared/calendar';
import {
  collectionYearFor,
  isReferralSourceCode,
  validateAssessmentFactors,
} from '../../../shared/codes';
import type {
  QueueItem,
  QueuePage,
  ReferralRecord,
  ReferralSearchHit,
} from '../../../shared/domain/records';
import type { IsoDate } from '../../../shared/domain/types';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { canCall } from '../../../shared/ipc/access';
import { APPROXIMATE_AGE_MAX } from '../../../shared/validation/child';
import { addMonthsIso, formatUkDate } from '../../../shared/validation/formats';
import { referralSchema, type ReferralInput } from '../../../shared/validation/referral';
import { appendAudit } from '../store/audit';
import { ConflictError, NotFoundError, StaleWriteError, ValidationError } from '../store/errors';
import type { Db } from '../store/repositories/common';
import { deleteDraft } from '../store/repositories/drafts';
import {
  addChronology,
  allocateReference,
  insertReferral,
  patchReferral,
  searchReferrals,
  syncInputLinks,
  updateReferral,
} from '../store/repositories/referrals';
import { childRowAt, setChildPerson } from '../store/repositories/referral-links';
import { getReferralRow, loadReferral } from '../store/repositories/referral-read';
import { userById } from '../store/repositories/users';
import {
  type PolicyContext,
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  parseOrThrow,
  policyContext,
  readHelpers,
  requireCall,
  todayLondon,
} from './context';
import { assertDecidedLinksKept, checkNewChildren, resolveLinks } from './decided-links';
import { isReReferral } from './involvement';
import { changedParts } from '../../../shared/domain/audit-details';
import {
  listQueueFor,
  pageQueueFor,
  type ReferralListInput,
  type ReferralQueueInput,
} from './queue';
import { createPersonFromChild } from './person-from-child';

export type ReferralCreateInput = ChannelParsed<'referrals:create'>;
export type ReferralUpdateInput = ChannelParsed<'referrals:update'>;
export type ReferralAssignInput = ChannelParsed<'referrals:assign'>;
export type { ReferralListInput, ReferralQueueInput } from './queue';
export type ReferralSearchInput = ChannelParsed<'referrals:search'>;
export type ReferralGetInput = ChannelParsed<'referrals:get'>;
export type ReferralAddEventInput = ChannelParsed<'referrals:add-event'>;

export type ReferralService = {
  create(ctx: ServiceContext, input: ReferralCreateInput): Promise<ReferralRecord>;
  update(ctx: ServiceContext, input: ReferralUpdateInput): Promise<ReferralRecord>;
  get(ctx: ServiceContext, input: ReferralGetInput): Promise<ReferralRecord>;
  list(ctx: ServiceContext, input: ReferralListInput): Promise<QueueItem[]>;
  /** One sorted, filtered page of the queue with the total (services/queue.ts). */
  queue(ctx: ServiceContext, input: ReferralQueueInput): Promise<QueuePage>;
  search(ctx: ServiceContext, input: ReferralSearchInput): Promise<ReferralSearchHit[]>;
  assign(ctx: ServiceContext, input: ReferralAssignInput): Promise<ReferralRecord>;
  /** A significant event the worker records in the chronology (not versioned: append-only). */
  addEvent(ctx: ServiceContext, input: ReferralAddEventInput): Promise<ReferralRecord>;
};

/**
 * The earliest date a significant event on a referral can have: a child's chronology may reach
 * back before the referral, but not beyond the oldest age a referred child can have (the
 * approximate-age limit); earlier is a mistyped year.
 */
export function earliestEventDate(referralDate: IsoDate): IsoDate {
  return addMonthsIso(referralDate, -12 * APPROXIMATE_AGE_MAX);
}

export async function loadReferralOrThrow(
  db: Db,
  pc: PolicyContext,
  deps: ServiceDeps,
  id: string,
): Promise<ReferralRecord> {
  const rec = await loadReferral(
    db,
    id,
    readHelpers(db, pc, deps.clock, (p, r, at) => isReReferral(db, p, r, at)),
  );
  if (!rec) throw new NotFoundError('The referral');
  return rec;
}

/** Children confirmed as new people on the form: their person records, in the same save. */
async function saveConfirmedNew(
  trx: Db,
  referralId: string,
  input: ReferralInput,
  positions: readonly number[],
  stamp: { at: string; userId: string },
  reference: string,
): Promise<void> {
  for (const position of positions) {
    const row = await childRowAt(trx, referralId, position);
    const child = input.children[position];
    if (!row || !child) continue;
    await setChildPerson(
      trx,
      row.id,
      await createPersonFromChild(trx, child, stamp, reference, londonDate(input.receivedAt)),
    );
  }
  if (positions.length > 0) await syncInputLinks(trx, referralId);
}

export function createReferralService(deps: ServiceDeps): ReferralService {
  const { store, clock } = deps;

  /**
   * Re-checks the input (the IPC layer has parsed it, but the harness, seeding and tests call
   * services directly) plus the census code rules, which depend on the collection year.
   */
  function validate(raw: ReferralInput, isNew: boolean): ReferralInput {
    const input = parseOrThrow(referralSchema({ today: todayLondon(clock) }), raw);
    const errors: Record<string, string> = {};
    const year = collectionYearFor(londonDate(input.receivedAt));
    const factorErrors = validateAssessmentFactors(input.assessmentFactors, {
      collectionYear: year,
      isNewRecord: isNew,
    });
    if (factorErrors.length > 0)
      errors.assessmentFactors = factorErrors.map((e) => e.message).join('. ');
    if (!isReferralSourceCode(input.referralSourceCode)) {
      errors.referralSourceCode = 'Select the referral source from the list';
    }
    if (new Date(input.receivedAt).getTime() > clock.now().getTime() + 5 * 60_000) {
      errors.receivedAt = 'The time received cannot be in the future';
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    return input;
  }

  function clocksFor(pc: PolicyContext, input: ReferralInput) {
    // Domain §2.1/§2.3: decision within one working day of receipt, day 0 after the
    // out-of-hours rule (local policy); at once where the child may need immediate protection.
    // The same function gives the referral page its clock, so the queue and the page agree.
    const clock = decisionClock(
      input.receivedAt,
      input.immediateProtectionMayBeNeeded,
      pc.policy,
      pc.calendar,
    );
    return { receipt: clock.receipt, countedFrom: clock.countedFrom, decisionDue: clock.due };
  }

  return {
    async create(ctx, { referral, draftKey, newChildren }) {
      const input = validate(referral, true);
      const confirmedNew = checkNewChildren(input, newChildren ?? []);
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const links = await resolveLinks(trx, input);
        const { receipt, countedFrom, decisionDue } = clocksFor(pc, input);
        const reference = await allocateReference(trx, Number(londonDate(at).slice(0, 4)));
        const id = await insertReferral(
          trx,
          { input, countedFrom, decisionDue, ...links, reference, status: 'awaiting-decision' },
          stamp,
        );
        // Links and "confirm new" decisions made on the form are saved with the referral, so
        // a failure cannot leave a saved referral with its search-first decisions lost.
        await saveConfirmedNew(trx, id, input, confirmedNew, stamp, reference);
        await addChronology(trx, id, {
          at,
          kind: 'auto',
          text: input.immediateProtectionMayBeNeeded
            ? `Referral received. The child may need immediate protection: decision due now (${describeDate(decisionDue)}).`
            : `Referral received. ${receipt.reason} Decision due by ${describeDate(decisionDue)}.`,
          userId: ctx.user.id,
        });
        if (draftKey !== undefined) await deleteDraft(trx, ctx.user.id, 'referral', draftKey);
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'create',
          entityType: 'referral',
          entityId: id,
          summary: `Referral ${reference} created with ${String(input.children.length)} child(ren)`,
          details: { reference, children: input.children.length, decisionDue },
        });
        return loadReferralOrThrow(trx, pc, deps, id);
      });
    },

    async update(ctx, { id, version, referral, newChildren }) {
      const input = validate(referral, false);
      const confirmedNew = checkNewChildren(input, newChildren ?? []);
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      try {
        return await store.transaction(async (trx) => {
          const pc = await policyContext(trx);
          const row = await getReferralRow(trx, id);
          if (!row) throw new NotFoundError('The referral');
          const links = await resolveLinks(trx, input);
          // After a decision, the children's links change only by merging person records.
          await assertDecidedLinksKept(trx, id, links.childPersonIds, confirmedNew);
          const { countedFrom, decisionDue } = clocksFor(pc, input);
          await updateReferral(
            trx,
            id,
            version,
            { input, countedFrom, decisionDue, ...links },
            stamp,
          );
          await saveConfirmedNew(trx, id, input, confirmedNew, stamp, row.reference);
          // As stored (with the children's links), so only real changes are audited.
          const saved = await getReferralRow(trx, id);
          if (!saved) throw new NotFoundError('The referral');
          await addChronology(trx, id, {
            at,
            kind: 'auto',
            text: 'Referral details updated.',
            userId: ctx.user.id,
          });
          await appendAudit(trx, {
            at,
            userId: ctx.user.id,
            action: 'update',
            entityType: 'referral',
            entityId: id,
            summary: `Referral ${row.reference} updated (version ${String(version)} → ${String(version + 1)})`,
            // Field by field, before → after, as the audit viewer and a subject access export
            // show it: only what this correction changed.
            details: {
              fromVersion: version,
              toVersion: version + 1,
              ...changedParts(JSON.parse(row.data) as unknown, JSON.parse(saved.data) as unknown),
            },
          });
          return loadReferralOrThrow(trx, pc, deps, id);
        });
      } catch (err) {
        if (err instanceof StaleWriteError) {
          // Reliability "Stale write": both attempts are visible in the audit log. The refused
          // one is recorded in its own transaction (the update's was rolled back).
          await store.transaction((trx) =>
            appendAudit(trx, {
              at,
              userId: ctx.user.id,
              action: 'update-refused',
              entityType: 'referral',
              entityId: id,
              summary: `Save refused: the referral had been changed by ${err.changedBy} since it was loaded`,
              details: {
                attemptedVersion: version,
                currentVersion: err.currentVersion,
                changedBy: err.changedBy,
                changedAt: err.changedAt,
              },
            }),
          );
        }
        throw err;
      }
    },

    async get(ctx, { id }) {
      const at = nowIso(clock);
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const rec = await loadReferralOrThrow(trx, pc, deps, id);
        // Architecture §3: every view of a child's record is audited.
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'view',
          entityType: 'referral',
          entityId: id,
          summary: `Referral ${rec.reference} viewed`,
          details: { personIds: rec.children.map((c) => c.personId).filter((p) => p !== null) },
        });
        return rec;
      });
    },

    list: (ctx, input) => listQueueFor(deps, ctx, input),
    queue: (ctx, input) => pageQueueFor(deps, ctx, input),

    async search(ctx, { text, limit }) {
      const db = store.db;
      const pc = await policyContext(db);
      const hits = await searchReferrals(
        db,
        text,
        limit ?? 50,
        readHelpers(db, pc, clock, () => Promise.resolve(false)),
      );
      if (hits.length > 0) {
        // Results show children's names: who searched and what they were shown is audited.
        await store.transaction((trx) =>
          appendAudit(trx, {
            at: nowIso(clock),
            userId: ctx.user.id,
            action: 'view',
            entityType: 'referral-search',
            entityId: null,
            summary: `Referral search returned ${String(hits.length)} result(s)`,
            details: { referralIds: hits.map((h) => h.id) },
          }),
        );
      }
      return hits;
    },

    async assign(ctx, { id, version, userId }) {
      const at = nowIso(clock);
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const row = await getReferralRow(trx, id);
        if (!row) throw new NotFoundError('The referral');
        let name = 'nobody';
        if (userId !== null) {
          const target = await userById(trx, userId);
          if (!target) throw new NotFoundError('The worker');
          if (!target.active)
            throw new ConflictError(
              `${target.displayName} is no longer active and cannot be assigned referrals.`,
            );
          // A referral is worked by a duty worker or a manager (the roles that may record its
          // decision); anyone else could not act on it, so it would sit unworked in their name.
          if (!canCall('decisions:record', target))
            throw new ValidationError({
              userId: `${target.displayName} is not a duty worker or manager, so cannot be assigned referrals. Ask an administrator to give them a role first.`,
            });
          name = target.displayName;
        }
        await patchReferral(trx, id, version, { assigned_to: userId }, { at, userId: ctx.user.id });
        await addChronology(trx, id, {
          at,
          kind: 'auto',
          text: userId === null ? 'Unassigned.' : `Assigned to ${name}.`,
          userId: ctx.user.id,
        });
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'assign',
          entityType: 'referral',
          entityId: id,
          summary:
            userId === null
              ? `Referral ${row.reference} unassigned`
              : `Referral ${row.reference} assigned to ${name}`,
          details: { assignedTo: userId },
        });
        return loadReferralOrThrow(trx, pc, deps, id);
      });
    },

    async addEvent(ctx, { id, at, text }) {
      requireCall(ctx, 'referrals:add-event', 'add to the chronology');
      const now = nowIso(clock);
      const when = new Date(at);
      if (when.getTime() > clock.now().getTime() + 60_000) {
        throw new ValidationError({ at: 'The event cannot be in the future' });
      }
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const row = await getReferralRow(trx, id);
        if (!row) throw new NotFoundError('The referral');
        const earliest = earliestEventDate(londonDate(row.received_at));
        if (londonDate(when.toISOString()) < earliest) {
          throw new ValidationError({
            at: `The event cannot be before ${formatUkDate(earliest)}, ${String(APPROXIMATE_AGE_MAX)} years before the referral: check the year`,
          });
        }
        await addChronology(trx, id, {
          at: when.toISOString(),
          kind: 'significant',
          text,
          userId: ctx.user.id,
        });
        await appendAudit(trx, {
          at: now,
          userId: ctx.user.id,
          action: 'update',
          entityType: 'referral',
          entityId: id,
          summary: `Significant event added to ${row.reference}`,
        });
        return loadReferralOrThrow(trx, pc, deps, id);
      });
    },
  };
}
