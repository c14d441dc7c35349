// Reading a referral whole: its parts, the decisions that stand with their sign-offs and
// follow-ups, progress and chronology, as the referral page shows it. Split from ./referrals so
// each file reads in one sitting; re-exported there for its callers.
import { sql } from 'kysely';
import type { ClockStatus } from '../../../../shared/calendar/clocks';
import type { FollowUp } from '../../../../shared/checklist/follow-ups';
import type {
  ChronologyEntry,
  DecisionRecord,
  HouseholdMemberRecord,
  ReferralChildRecord,
  ReferralRecord,
  SignOffRecord,
} from '../../../../shared/domain/records';
import type { IsoDate, ResponseType } from '../../../../shared/domain/types';
import type { ChildInput } from '../../../../shared/validation/child';
import type { Decision } from '../../../../shared/validation/decision';
import type { HouseholdMemberInput } from '../../../../shared/validation/household';
import type { ReferralInput } from '../../../../shared/validation/referral';
import type { ReferrerInput } from '../../../../shared/validation/referrer';
import type { ReferralRow } from '../schema';
import { progressFor } from './progress';
import { STANDING } from './referral-links';
import { type Db, bool, fromJson, userNames, userRef } from './common';

export async function getReferralRow(db: Db, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored input carries the links too, so an edit form refilled from it keeps them. */
export function withLinks(
  input: ReferralInput,
  children: (string | null)[],
  household: (string | null)[],
): ReferralInput {
  return {
    ...input,
    children: input.children.map((c, i) => {
      const { personId: _old, ...rest } = c;
      const id = children[i] ?? null;
      return id === null ? rest : { ...rest, personId: id };
    }),
    householdMembers: input.householdMembers.map((m, i) => {
      const { personId: _old, ...rest } = m;
      const id = household[i] ?? null;
      return id === null ? rest : { ...rest, personId: id };
    }),
  };
}

export type Stamp = { at: string; userId: string };

/** What follow-ups need to know about the referral a decision is on. */
export type FollowUpReferral = {
  countedFrom: IsoDate;
  /** The London date it was received (census CINreferralDate): day 0 of the assessment. */
  referralDate: IsoDate;
  referrer: ReferrerInput;
};

export type ReadHelpers = {
  /** Where a decision clock stands (shared/calendar clockStatus with the current calendar). */
  clock(due: IsoDate, metOn: IsoDate | null): ClockStatus;
  /** The London calendar date of an instant. */
  londonDate(instant: string): IsoDate;
  /** Follow-ups a recorded decision sets in motion. */
  followUps(decision: Decision, referral: FollowUpReferral, recordedAt: string): FollowUp[];
  /** Earlier referral for the same person within 12 months before `receivedAt` (domain §3). */
  reReferral(personId: string, referralId: string, receivedAt: string): Promise<boolean>;
};

export async function decisionRecords(
  db: Db,
  referralIds: readonly string[],
  names: Map<string, string>,
  helpers: Pick<ReadHelpers, 'followUps'>,
  referralFor: (id: string) => FollowUpReferral,
): Promise<DecisionRecord[]> {
  if (referralIds.length === 0) return [];
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('referral_id', 'in', referralIds)
    .orderBy('recorded_at', 'asc')
    .execute();
  const ids = rows.map((r) => r.id);
  const signoffs =
    ids.length === 0
      ? []
      : await db
          .selectFrom('manager_signoffs')
          .selectAll()
          .where('decision_id', 'in', ids)
          .orderBy('signed_at')
          .execute();
  return rows.map((r) => {
    const decision = fromJson(r.data) as Decision;
    const so: SignOffRecord[] = signoffs
      .filter((s) => s.decision_id === r.id)
      .map((s) => ({
        id: s.id,
        by: userRef(names, s.signed_by) ?? { id: s.signed_by, displayName: 'Unknown user' },
        at: s.signed_at,
        outcome: s.outcome,
        comment: s.comment,
      }));
    return {
      id: r.id,
      referralId: r.referral_id,
      status: r.status,
      recommended: r.recommended as ResponseType,
      chosen: r.chosen as ResponseType,
      rationale: r.rationale,
      decision,
      recordedBy: userRef(names, r.recorded_by) ?? {
        id: r.recorded_by,
        displayName: 'Unknown user',
      },
      recordedAt: r.recorded_at,
      signOffs: so,
      followUps: STANDING.includes(r.status)
        ? helpers.followUps(decision, referralFor(r.referral_id), r.recorded_at)
        : [],
      version: r.version,
    };
  });
}

export async function loadReferral(
  db: Db,
  id: string,
  helpers: ReadHelpers,
): Promise<ReferralRecord | null> {
  const row = await getReferralRow(db, id);
  if (!row) return null;
  const names = await userNames(db);
  const children = await db
    .selectFrom('referral_children')
    .selectAll()
    .where('referral_id', '=', id)
    .orderBy('position')
    .execute();
  const household = await db
    .selectFrom('household_members')
    .selectAll()
    .where('referral_id', '=', id)
    .orderBy('position')
    .execute();
  const factors = await db
    .selectFrom('assessment_factors')
    .select('code')
    .where('referral_id', '=', id)
    .orderBy('code')
    .execute();
  const chronology = await db
    .selectFrom('chronology')
    .selectAll()
    .where('referral_id', '=', id)
    .orderBy('at')
    // Entries written in one transaction share a time: keep the order they were written in.
    .orderBy(sql`rowid`)
    .execute();
  const referrer = fromJson(row.referrer) as ReferrerInput;
  const decisions = await decisionRecords(db, [id], names, helpers, () => ({
    countedFrom: row.counted_from,
    referralDate: helpers.londonDate(row.received_at),
    referrer,
  }));
  const progress = (await progressFor(db, [id], names)).get(id) ?? [];
  const childRecords: ReferralChildRecord[] = [];
  for (const c of children) {
    childRecords.push({
      id: c.id,
      position: c.position,
      personId: c.person_id,
      displayName: c.display_name,
      child: fromJson(c.child) as ChildInput,
      reReferral:
        c.person_id === null ? false : await helpers.reReferral(c.person_id, id, row.received_at),
    });
  }
  const householdRecords: HouseholdMemberRecord[] = household.map((h) => ({
    id: h.id,
    position: h.position,
    personId: h.person_id,
    member: fromJson(h.data) as HouseholdMemberInput,
  }));
  const input = withLinks(
    fromJson(row.data) as ReferralInput,
    childRecords.map((c) => c.personId),
    householdRecords.map((h) => h.personId),
  );
  const standing = decisions.filter(
    (d) => d.status === 'final' || d.status === 'awaiting-sign-off',
  );
  const lastDecision = standing.at(-1);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: row.received_at,
    countedFrom: row.counted_from,
    decisionDue: row.decision_due,
    clock: helpers.clock(
      row.decision_due,
      lastDecision ? helpers.londonDate(lastDecision.recordedAt) : null,
    ),
    channel: input.channel,
    referrer,
    referrerLabel: row.referrer_label,
    referrerId: row.referrer_id,
    sourceCode: row.source_code,
    input,
    children: childRecords,
    householdMembers: householdRecords,
    assessmentFactors: factors.map((f) => f.code),
    assignedTo: userRef(names, row.assigned_to),
    decisions,
    progress,
    chronology: chronology.map((c): ChronologyEntry => ({
      id: c.id,
      at: c.at,
      kind: c.kind,
      text: c.text,
      by: userRef(names, c.by_user),
    })),
    legalHold: bool(row.legal_hold),
    version: row.version,
    createdAt: row.created_at,
    createdBy: userRef(names, row.created_by),
    updatedAt: row.updated_at,
    updatedBy: userRef(names, row.updated_by),
  };
}
