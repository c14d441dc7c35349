// People: matching with reasons and previous involvement (domain §7 "search first"), linking a
// child on a referral to a person (or confirming a new one), and merging duplicates with an
// exact undo.
import { londonDate } from '../../../shared/calendar/clocks';
import type {
  KnownAdult,
  MergeRecord,
  PersonDetail,
  PersonMatch,
  PersonRecord,
  ReferralRecord,
} from '../../../shared/domain/records';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { KNOWN_ADULT_THRESHOLD, isShownMatch, scoreMatch } from '../../../shared/matching';
import type { ChildInput } from '../../../shared/validation/child';
import { appendAudit } from '../store/audit';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  formatLondonTimeOnDate,
} from '../store/errors';
import { type Db, fromJson } from '../store/repositories/common';
import { householdCandidates } from '../store/repositories/known-adults';
import {
  getMerge,
  insertMerge,
  referralIdsForRows,
  markMergeUndone,
  mergesFor,
  repointForMerge,
  standingMergeOf,
  undoRepoint,
} from '../store/repositories/merges';
import {
  getPerson,
  personCandidates,
  resolvePersonId,
  searchPeople,
  setMergedInto,
} from '../store/repositories/people';
import { childRowAt, setChildPerson } from '../store/repositories/referral-links';
import { getReferralRow } from '../store/repositories/referral-read';
import { patchReferral, syncInputLinks } from '../store/repositories/referrals';
import {
  type Clock,
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  requireCall,
  todayLondon,
} from './context';
import { personInvolvement, previousInvolvementFor } from './involvement';
import { hasStandingDecision } from './decided-links';
import { createPersonFromChild } from './person-from-child';
import { personRecordExtras } from './person-record';
import { birthFactsOfChild, cannotBeSameChild } from './same-child';
import { loadReferralOrThrow } from './referrals';

export type PeopleMatchInput = ChannelParsed<'people:match'>;
export type PeopleSearchInput = ChannelParsed<'people:search'>;
export type PeopleGetInput = ChannelParsed<'people:get'>;
export type PeopleLinkInput = ChannelParsed<'people:link'>;
export type PeopleMergeInput = ChannelParsed<'people:merge'>;
export type PeopleUnmergeInput = ChannelParsed<'people:unmerge'>;

export type PeopleKnownAdultsInput = ChannelParsed<'people:known-adults'>;

export type PeopleService = {
  /** Adults in earlier referrals' households who may be this person, best first. */
  knownAdults(ctx: ServiceContext, input: PeopleKnownAdultsInput): Promise<KnownAdult[]>;
  match(ctx: ServiceContext, input: PeopleMatchInput): Promise<PersonMatch[]>;
  search(ctx: ServiceContext, input: PeopleSearchInput): Promise<PersonRecord[]>;
  get(ctx: ServiceContext, input: PeopleGetInput): Promise<PersonDetail>;
  link(ctx: ServiceContext, input: PeopleLinkInput): Promise<ReferralRecord>;
  merge(ctx: ServiceContext, input: PeopleMergeInput): Promise<MergeRecord>;
  unmerge(ctx: ServiceContext, input: PeopleUnmergeInput): Promise<MergeRecord>;
};

/** Most matches shown in the panel: more than this is a sign the query is too vague. */
export const MAX_MATCHES = 20;

/** A person's whole record: identity, previous involvement, referrals, merges, household. */
export async function loadPersonDetail(db: Db, id: string, clock: Clock): Promise<PersonDetail> {
  const person = await getPerson(db, id);
  if (!person) throw new NotFoundError('The person record');
  const { referrals, previous } = await personInvolvement(db, id, todayLondon(clock));
  const merges = await mergesFor(db, id);
  return {
    person,
    previousInvolvement: previous,
    referrals,
    merges,
    ...(await personRecordExtras(db, id, referrals, merges)),
  };
}

export function createPeopleService(deps: ServiceDeps): PeopleService {
  const { store, clock } = deps;

  return {
    async match(_ctx, q) {
      const db = store.db;
      // Every candidate is scored; the cap applies only to what is shown (issue 11: a cap on
      // unranked candidates lost the right child among hundreds with the same surname).
      const candidates = await personCandidates(db, q);
      const scored = candidates
        .map((p) => ({
          person: p,
          result: scoreMatch(
            {
              givenNames: p.givenNames,
              familyName: p.familyName,
              otherNames: p.otherNames,
              dateOfBirth: p.dateOfBirth ?? p.expectedDateOfBirth,
              approxBirthYear: p.approxBirthYear,
              nhsNumber: p.nhsNumber,
              postcode: p.postcode,
            },
            q,
          ),
        }))
        .filter((s) => isShownMatch(s.result))
        .sort(
          (a, b) =>
            b.result.score - a.result.score ||
            (a.person.familyName ?? '').localeCompare(b.person.familyName ?? '') ||
            a.person.id.localeCompare(b.person.id),
        )
        .slice(0, MAX_MATCHES);
      const involvement = await previousInvolvementFor(
        db,
        scored.map((s) => s.person.id),
        todayLondon(clock),
        q.excludeReferralId,
      );
      // No audit entry per lookup: matching runs as the practitioner types (debounced), so an
      // entry here would write and sync the disk on every pause in typing. What is audited is
      // opening a child's record (people:get), which is the view of their history.
      return scored.flatMap((s) => {
        const previous = involvement.get(s.person.id);
        return previous === undefined
          ? []
          : [
              {
                person: s.person,
                score: s.result.score,
                reasons: s.result.reasons,
                previousInvolvement: previous,
              },
            ];
      });
    },

    async knownAdults(_ctx, q) {
      const rows = await householdCandidates(store.db, q, {
        excludeReferralId: q.excludeReferralId,
      });
      const out: KnownAdult[] = [];
      for (const r of rows) {
        const result = scoreMatch(
          {
            givenNames: r.member.givenNames,
            familyName: r.member.familyName,
            dateOfBirth: r.member.dateOfBirth ?? null,
          },
          {
            givenNames: q.givenNames ?? null,
            familyName: q.familyName,
            dateOfBirth: q.dateOfBirth ?? null,
          },
        );
        if (result.score < KNOWN_ADULT_THRESHOLD) continue;
        out.push({
          name: [r.member.givenNames, r.member.familyName].filter(Boolean).join(' '),
          relationship: r.member.relationship,
          dateOfBirth: r.member.dateOfBirth ?? null,
          parentalResponsibility: r.member.parentalResponsibility,
          referralId: r.referralId,
          reference: r.reference,
          receivedAt: r.receivedAt,
          children: r.children,
          score: result.score,
          reasons: result.reasons,
        });
      }
      // No audit write per lookup: this is typed-ahead matching, and the referral it leads to is
      // audited when opened.
      return out
        .sort((a, b) => b.score - a.score || b.receivedAt.localeCompare(a.receivedAt))
        .slice(0, 10);
    },

    async search(ctx, { text, limit }) {
      const people = await searchPeople(store.db, text, limit ?? 50);
      if (people.length > 0) {
        await store.transaction((trx) =>
          appendAudit(trx, {
            at: nowIso(clock),
            userId: ctx.user.id,
            action: 'view',
            entityType: 'person-search',
            entityId: null,
            summary: `Person search returned ${String(people.length)} result(s)`,
            details: { personIds: people.map((p) => p.id) },
          }),
        );
      }
      return people;
    },

    async get(ctx, { id }) {
      return store.transaction(async (trx) => {
        const detail = await loadPersonDetail(trx, id, clock);
        await appendAudit(trx, {
          at: nowIso(clock),
          userId: ctx.user.id,
          action: 'view',
          entityType: 'person',
          entityId: id,
          summary: 'Person record viewed',
        });
        return detail;
      });
    },

    async link(ctx, { referralId, version, childIndex, personId }) {
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        const referral = await getReferralRow(trx, referralId);
        if (!referral) throw new NotFoundError('The referral');
        const row = await childRowAt(trx, referralId, childIndex);
        if (!row)
          throw new ValidationError({ childIndex: 'There is no such child on this referral' });
        // After a decision the child's link changes only by merging person records.
        const sameRecord =
          personId !== null && (await resolvePersonId(trx, personId)) === row.person_id;
        if (row.person_id !== null && !sameRecord && (await hasStandingDecision(trx, referralId))) {
          throw new ValidationError({
            [`children.${String(childIndex)}`]: `${row.display_name} cannot be linked to another record after the decision: the decision is on their record. If the child was linked to the wrong record, a manager can merge the two records, or undo a merge, from the child’s record.`,
          });
        }
        await patchReferral(trx, referralId, version, {}, stamp);
        let target: string;
        let summary: string;
        if (personId === null) {
          target = await createPersonFromChild(
            trx,
            fromJson(row.child) as ChildInput,
            stamp,
            referral.reference,
            londonDate(referral.received_at),
          );
          summary = `Child ${String(childIndex + 1)} on referral ${referral.reference} confirmed as a new person`;
        } else {
          const resolved = await resolvePersonId(trx, personId);
          if (resolved === null) throw new NotFoundError('The person record');
          const person = await getPerson(trx, resolved);
          const impossible =
            person &&
            cannotBeSameChild(
              birthFactsOfChild(fromJson(row.child) as ChildInput, referral.received_at),
              person,
            );
          if (impossible) throw new ValidationError({ personId: impossible });
          target = resolved;
          summary = `Child ${String(childIndex + 1)} on referral ${referral.reference} linked to an existing person`;
        }
        await setChildPerson(trx, row.id, target);
        await syncInputLinks(trx, referralId);
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'link',
          entityType: 'referral',
          entityId: referralId,
          summary,
          details: { childIndex, personId: target, previousPersonId: row.person_id },
        });
        return loadReferralOrThrow(trx, pc, deps, referralId);
      });
    },

    async merge(ctx, { keepId, mergeId, reason }) {
      requireCall(ctx, 'people:merge', 'merge person records');
      if (keepId === mergeId)
        throw new ValidationError({ mergeId: 'Choose two different records to merge' });
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const keep = await getPerson(trx, keepId);
        const merged = await getPerson(trx, mergeId);
        if (!keep || !merged) throw new NotFoundError('The person record');
        if (keep.mergedInto !== null || merged.mergedInto !== null) {
          throw new ConflictError(
            'One of these records has already been merged. Reload and check before merging.',
          );
        }
        const impossible = cannotBeSameChild(keep, merged);
        if (impossible !== null) throw new ValidationError({ mergeId: impossible });
        const repointed = await repointForMerge(trx, keepId, mergeId);
        await setMergedInto(trx, mergeId, keepId, merged.version, stamp);
        const id = await insertMerge(
          trx,
          { keptId: keepId, mergedId: mergeId, reason, repointed },
          stamp,
        );
        await syncLinksFor(trx, repointed.referralChildren, repointed.householdMembers);
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'merge',
          entityType: 'person',
          entityId: keepId,
          summary: `Duplicate person record merged into this one. Reason: ${reason}`,
          details: { mergeId: id, mergedPersonId: mergeId, reason, repointed },
        });
        const rec = await getMerge(trx, id);
        if (!rec) throw new NotFoundError('The merge');
        return rec;
      });
    },

    async unmerge(ctx, { mergeId, reason }) {
      requireCall(ctx, 'people:unmerge', 'undo a merge');
      const at = nowIso(clock);
      const stamp = { at, userId: ctx.user.id };
      return store.transaction(async (trx) => {
        const m = await getMerge(trx, mergeId);
        if (!m) throw new NotFoundError('The merge');
        if (m.undoneAt !== null) throw new ConflictError('This merge has already been undone.');
        const merged = await getPerson(trx, m.mergedId);
        if (!merged) throw new NotFoundError('The person record');
        await refuseIfMergedSince(trx, m.keptId);
        await undoRepoint(trx, m.keptId, m.mergedId, m.repointed);
        await setMergedInto(trx, m.mergedId, null, merged.version, stamp);
        await markMergeUndone(trx, mergeId, reason, stamp);
        await syncLinksFor(trx, m.repointed.referralChildren, m.repointed.householdMembers);
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'unmerge',
          entityType: 'person',
          entityId: m.keptId,
          summary: `Merge undone: the duplicate record was restored. Reason: ${reason}`,
          details: { mergeId, restoredPersonId: m.mergedId, reason },
        });
        const rec = await getMerge(trx, mergeId);
        if (!rec) throw new NotFoundError('The merge');
        return rec;
      });
    },
  };
}

async function syncLinksFor(
  trx: Parameters<typeof syncInputLinks>[0],
  childRowIds: readonly string[],
  householdRowIds: readonly string[],
): Promise<void> {
  for (const id of await referralIdsForRows(trx, childRowIds, householdRowIds))
    await syncInputLinks(trx, id);
}

/**
 * Undoing a merge is exact only while the kept record still stands: once it has itself been
 * merged into another record, the rows this merge moved were moved again, and putting them back
 * would take them from the later merge's record. So the later merge is undone first (the last
 * merge on a chain is undone first, and each undo is then exact).
 */
async function refuseIfMergedSince(
  trx: Parameters<typeof standingMergeOf>[0],
  keptId: string,
): Promise<void> {
  const later = await standingMergeOf(trx, keptId);
  if (later === null) return;
  const into = await getPerson(trx, later.keptId);
  const name = (p: PersonRecord | null) =>
    p === null
      ? 'another record'
      : [p.givenNames, p.familyName].filter((x) => x !== null && x !== '').join(' ') ||
        'a record with no name';
  const kept = await getPerson(trx, keptId);
  throw new ConflictError(
    `Undo the later merge first: ${name(kept)} was merged into ${name(into)} at ${formatLondonTimeOnDate(later.mergedAt)} by ${later.mergedBy.displayName}. Undo that merge, then this one, so every referral goes back to its own child.`,
  );
}
