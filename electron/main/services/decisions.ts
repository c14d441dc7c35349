// Decisions on the type of response (domain §2.1) and manager sign-off (domain §2.2: the 2018
// edition removed the manager; local policy may keep sign-off required, optional or off).
import { londonDate } from '../../../shared/calendar/clocks';
import { checkDecisionComplete } from '../../../shared/checklist/complete';
import { recommendResponse, stepsDownFromSafety } from '../../../shared/checklist/recommend';
import type { DecisionRecord } from '../../../shared/domain/records';
import { RESPONSE_LABELS } from '../../../shared/domain/types';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { canCall } from '../../../shared/ipc/access';
import { decisionDateErrors, decisionSchema } from '../../../shared/validation/decision';
import type { ReferrerInput } from '../../../shared/validation/referrer';
import { appendAudit } from '../store/audit';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  formatLondonTimeOnDate,
} from '../store/errors';
import { type Db, fromJson } from '../store/repositories/common';
import {
  cancelDecisionActions,
  getDecisionRow,
  insertActions,
  insertDecision,
  insertSignOff,
  setDecisionStatus,
  signOffsOf,
} from '../store/repositories/decisions';
import { addChronology, patchReferral } from '../store/repositories/referrals';
import { childRowAt } from '../store/repositories/referral-links';
import { decisionRecords, getReferralRow } from '../store/repositories/referral-read';
import { userNames } from '../store/repositories/common';
import {
  type PolicyContext,
  type ServiceContext,
  type ServiceDeps,
  computeFollowUps,
  nowIso,
  parseOrThrow,
  policyContext,
  requireCall,
} from './context';

export type DecisionRecordInput = ChannelParsed<'decisions:record'>;
export type DecisionSignOffInput = ChannelParsed<'decisions:sign-off'>;

export type DecisionService = {
  record(ctx: ServiceContext, input: DecisionRecordInput): Promise<DecisionRecord>;
  signOff(ctx: ServiceContext, input: DecisionSignOffInput): Promise<DecisionRecord>;
};

async function loadDecision(
  db: Db,
  pc: PolicyContext,
  decisionId: string,
): Promise<DecisionRecord> {
  const row = await getDecisionRow(db, decisionId);
  if (!row) throw new NotFoundError('The decision');
  const referral = await getReferralRow(db, row.referral_id);
  if (!referral) throw new NotFoundError('The referral');
  const names = await userNames(db);
  const ref = {
    countedFrom: referral.counted_from,
    referralDate: londonDate(referral.received_at),
    referrer: fromJson(referral.referrer) as ReferrerInput,
  };
  const all = await decisionRecords(
    db,
    [row.referral_id],
    names,
    { followUps: (d, r, at) => computeFollowUps(pc, d, r, at) },
    () => ref,
  );
  const rec = all.find((d) => d.id === decisionId);
  if (!rec) throw new NotFoundError('The decision');
  return rec;
}

/** Follow-ups become open actions with due dates once a decision stands (shared/checklist). */
async function createFollowUpActions(
  db: Db,
  rec: DecisionRecord,
  stamp: { at: string; userId: string },
) {
  await insertActions(
    db,
    { referralId: rec.referralId, decisionId: rec.id },
    rec.followUps.map((f) => ({
      description: `${f.title}: ${f.detail}`,
      due: f.due ?? f.dueAt ?? null,
      kind: f.kind,
      owner: null,
    })),
    stamp,
  );
}

export function createDecisionService(deps: ServiceDeps): DecisionService {
  const { store, clock } = deps;
  return {
    async record(ctx, { referralId, version, decision: raw }) {
      requireCall(ctx, 'decisions:record', 'record decisions');
      // Who decided is whoever is signed in (with the name of anyone they record it for), never
      // what the screen sends.
      const decision = { ...parseOrThrow(decisionSchema, raw), decidedBy: ctx.user.displayName };
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const referral = await getReferralRow(trx, referralId);
        if (!referral) throw new NotFoundError('The referral');
        if (referral.status !== 'awaiting-decision') {
          throw new ConflictError(
            referral.status === 'awaiting-sign-off'
              ? 'A decision on this referral is waiting for manager sign-off. It can be changed if the manager returns it.'
              : 'A decision has already been recorded on this referral. Reload to see it.',
          );
        }
        const dateErrors = decisionDateErrors(decision, {
          now: clock.now(),
          receivedAt: referral.received_at,
        });
        if (Object.keys(dateErrors).length > 0) throw new ValidationError(dateErrors);
        // Domain §7 search first: each child is linked to an existing record or confirmed as new
        // before the decision, so the decision lands on the right child's history.
        const unresolved: number[] = [];
        for (let position = 0; ; position++) {
          const row = await childRowAt(trx, referralId, position);
          if (!row) break;
          if (row.person_id === null) unresolved.push(position + 1);
        }
        if (unresolved.length > 0) {
          throw new ValidationError({
            children: `Before recording the decision, link ${
              unresolved.length === 1
                ? `child ${String(unresolved[0])}`
                : `children ${unresolved.slice(0, -1).join(', ')} and ${String(unresolved.at(-1))}`
            } to an existing record or confirm ${unresolved.length === 1 ? 'them' : 'each'} as new, on the referral page.`,
          });
        }
        // Policy-dependent completeness (edition and local rules) beyond the schema's shape.
        // A required manager sign-off is the next step, not something missing from the
        // worker's record: the decision is saved as awaiting sign-off.
        const missing = checkDecisionComplete(decision, pc.policy).missing.filter(
          (m) => m.field !== 'signOff',
        );
        if (missing.length > 0) {
          const fieldErrors: Record<string, string> = {};
          for (const m of missing) fieldErrors[m.field] ??= m.message;
          throw new ValidationError(fieldErrors);
        }
        // A response lower than the safety questions point to (e.g. no further action where the
        // checklist found reasonable cause to suspect significant harm) always goes to a manager,
        // unless the authority has switched sign-off off altogether.
        const steppedDown = stepsDownFromSafety(
          recommendResponse(pc.policy.edition, decision.answers),
          decision.chosenResponse,
        );
        const needsSignOff =
          pc.policy.managerSignOff === 'required' ||
          (steppedDown && pc.policy.managerSignOff !== 'off');
        const status = needsSignOff ? 'awaiting-sign-off' : 'final';
        await patchReferral(
          trx,
          referralId,
          version,
          { status: needsSignOff ? 'awaiting-sign-off' : 'decided' },
          stamp,
        );
        const id = await insertDecision(trx, referralId, decision, status, stamp);
        await addChronology(trx, referralId, {
          at,
          kind: 'significant',
          text: `Decision recorded${
            decision.onBehalfOf === undefined || decision.onBehalfOf === ''
              ? ''
              : ` by ${ctx.user.displayName} on behalf of ${decision.onBehalfOf}`
          }: ${RESPONSE_LABELS[decision.chosenResponse]}.${
            steppedDown
              ? ' This is a lower response than the safety questions point to; a manager must agree it.'
              : needsSignOff
                ? ' Awaiting manager sign-off.'
                : ''
          }`,
          userId: ctx.user.id,
        });
        if (decision.policeNotification?.notified === true) {
          await addChronology(trx, referralId, {
            at,
            kind: 'significant',
            text: `Police told (reference ${decision.policeNotification.reference ?? 'awaited'}).`,
            userId: ctx.user.id,
          });
        }
        const rec = await loadDecision(trx, pc, id);
        if (!needsSignOff) await createFollowUpActions(trx, rec, stamp);
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'create',
          entityType: 'decision',
          entityId: id,
          summary: `Decision on ${referral.reference}: ${RESPONSE_LABELS[decision.chosenResponse]}`,
          details: {
            referralId,
            chosen: decision.chosenResponse,
            recommended: decision.recommendedResponse,
            status,
            decidedOn: londonDate(at),
            decidedBy: decision.decidedBy,
            onBehalfOf: decision.onBehalfOf ?? null,
            steppedDownFromSafety: steppedDown,
          },
        });
        return rec;
      });
    },

    async signOff(ctx, { decisionId, version, outcome, comment }) {
      // Domain §2.2: sign-off is a manager's act.
      if (!canCall('decisions:sign-off', ctx.user)) {
        throw new ForbiddenError('Only a manager can sign off a decision.');
      }
      if (outcome === 'returned' && (comment === undefined || comment.trim() === '')) {
        throw new ValidationError({ comment: 'Say why you are returning the decision' });
      }
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const row = await getDecisionRow(trx, decisionId);
        if (!row) throw new NotFoundError('The decision');
        // Four eyes: sign-off exists to bring a second, senior view, so a manager cannot sign
        // off a decision they recorded themselves.
        if (row.recorded_by === ctx.user.id) {
          throw new ForbiddenError(
            'You cannot sign off a decision you recorded. Ask another manager.',
          );
        }
        if (
          row.status !== 'awaiting-sign-off' &&
          !(row.status === 'final' && pc.policy.managerSignOff === 'optional')
        ) {
          throw new ConflictError(
            'This decision is not waiting for sign-off. Reload to see where it stands.',
          );
        }
        // A decision is agreed once: agreeing it again (or returning it after it was agreed)
        // would make the record say two different things about who stood behind it.
        const agreed = (await signOffsOf(trx, decisionId)).find((s) => s.outcome === 'agreed');
        if (agreed !== undefined) {
          const names = await userNames(trx);
          throw new ConflictError(
            `This decision was already agreed by ${names.get(agreed.signed_by) ?? 'a manager'} at ${formatLondonTimeOnDate(agreed.signed_at)}. It stands and needs no further sign-off.`,
          );
        }
        const referral = await getReferralRow(trx, row.referral_id);
        if (!referral) throw new NotFoundError('The referral');
        const wasAwaiting = row.status === 'awaiting-sign-off';
        // Where sign-off is optional a final decision has already opened its follow-ups. Returned,
        // it no longer stands, so they are closed here, once; the decision made again opens its own.
        const actionsClosed =
          outcome === 'returned' && row.status === 'final'
            ? await cancelDecisionActions(trx, row.id, stamp)
            : 0;
        await setDecisionStatus(
          trx,
          decisionId,
          version,
          outcome === 'agreed' ? 'final' : 'returned',
          stamp,
        );
        await insertSignOff(trx, decisionId, outcome, comment ?? null, stamp);
        await patchReferral(
          trx,
          referral.id,
          referral.version,
          { status: outcome === 'agreed' ? 'decided' : 'awaiting-decision' },
          stamp,
        );
        await addChronology(trx, referral.id, {
          at,
          kind: 'significant',
          text:
            outcome === 'agreed'
              ? 'Manager signed off the decision.'
              : `Manager returned the decision: ${comment ?? ''}${
                  actionsClosed > 0
                    ? ` (${String(actionsClosed)} follow-up action${actionsClosed === 1 ? '' : 's'} it had opened closed)`
                    : ''
                }`,
          userId: ctx.user.id,
        });
        const rec = await loadDecision(trx, pc, decisionId);
        if (outcome === 'agreed' && wasAwaiting) await createFollowUpActions(trx, rec, stamp);
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'sign-off',
          entityType: 'decision',
          entityId: decisionId,
          summary:
            outcome === 'agreed'
              ? `Decision on ${referral.reference} signed off`
              : `Decision on ${referral.reference} returned`,
          details: { outcome, referralId: referral.id, actionsClosed },
        });
        return rec;
      });
    },
  };
}
