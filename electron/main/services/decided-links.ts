// Links from a referral's children (and household) to person records, as a save makes them.
// Once a decision stands on a referral it is part of each child's history (domain §7 "search
// first": the decision lands on the right child's record). From then on the link from a child on
// the referral to their person record is not edited by a correction or by "link": a wrong or
// duplicate record is put right by merging person records (or undoing a merge), which is audited
// with what moved and can be undone exactly.
import type { ReferralInput } from '../../../shared/validation/referral';
import { ValidationError } from '../store/errors';
import type { Db } from '../store/repositories/common';
import { standingDecisions } from '../store/repositories/decisions';
import { getPerson, resolvePersonId } from '../store/repositories/people';
import { childLinks } from '../store/repositories/referral-links';
import { birthFactsOfChild, cannotBeSameChild } from './same-child';

const FIX_BY_MERGE =
  'If the child was linked to the wrong record, a manager can merge the two records, or undo a merge, from the child’s record.';

/** A decision stands (final or waiting for sign-off); a returned one does not. */
export async function hasStandingDecision(db: Db, referralId: string): Promise<boolean> {
  return (await standingDecisions(db, referralId)).length > 0;
}

/**
 * Field errors for a correction that would change who the children are after a decision:
 * unlinking or relinking a child, removing one, or adding one with no record. `proposed` holds
 * the person id each child would be linked to (already resolved past merges), by position.
 */
export async function decidedLinkErrors(
  db: Db,
  referralId: string,
  proposed: readonly (string | null)[],
  confirmedNew: readonly number[],
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (!(await hasStandingDecision(db, referralId))) return errors;
  const existing = await childLinks(db, referralId);
  for (const row of existing) {
    const key = `children.${String(row.position)}`;
    if (row.position >= proposed.length) {
      errors.children = `${row.display_name} cannot be removed from the referral: the decision is on their record. ${FIX_BY_MERGE}`;
      continue;
    }
    // A child left unlinked by an earlier version (before this rule) may still be linked.
    if (row.person_id === null) continue;
    if (proposed[row.position] !== row.person_id) {
      errors[key] =
        `${row.display_name} cannot be unlinked or linked to another record after the decision: the decision is on their record. ${FIX_BY_MERGE}`;
    }
  }
  for (let position = existing.length; position < proposed.length; position++) {
    if (proposed[position] === null && !confirmedNew.includes(position)) {
      errors[`children.${String(position)}`] =
        'A child added after the decision must be linked to an existing record or confirmed as new, so the decision is on their record too.';
    }
  }
  return errors;
}

/** Throws the field errors of `decidedLinkErrors`, if any; changes nothing. */
export async function assertDecidedLinksKept(
  db: Db,
  referralId: string,
  proposed: readonly (string | null)[],
  confirmedNew: readonly number[],
): Promise<void> {
  const errors = await decidedLinkErrors(db, referralId, proposed, confirmedNew);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** The person each child and household member is linked to, resolved past merges. */
export async function resolveLinks(db: Db, input: ReferralInput) {
  const errors: Record<string, string> = {};
  const childPersonIds: (string | null)[] = [];
  for (const [i, c] of input.children.entries()) {
    if (c.personId === undefined) {
      childPersonIds.push(null);
      continue;
    }
    const id = await resolvePersonId(db, c.personId);
    if (id === null)
      errors[`children.${String(i)}.personId`] =
        'The linked child record no longer exists. Search for the child again.';
    const person = id === null ? null : await getPerson(db, id);
    const impossible = person && cannotBeSameChild(birthFactsOfChild(c, input.receivedAt), person);
    if (impossible) errors[`children.${String(i)}.personId`] = impossible;
    childPersonIds.push(id);
  }
  const householdPersonIds: (string | null)[] = [];
  for (const [i, m] of input.householdMembers.entries()) {
    if (m.personId === undefined) {
      householdPersonIds.push(null);
      continue;
    }
    const id = await resolvePersonId(db, m.personId);
    if (id === null)
      errors[`householdMembers.${String(i)}.personId`] =
        'The linked person record no longer exists.';
    householdPersonIds.push(id);
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { childPersonIds, householdPersonIds };
}

/** Children the form confirmed as new: each exists, once, and is not also linked. */
export function checkNewChildren(input: ReferralInput, positions: readonly number[]): number[] {
  const errors: Record<string, string> = {};
  for (const p of positions) {
    const child = input.children[p];
    if (child === undefined) errors.newChildren = 'There is no such child on this referral';
    else if (child.personId !== undefined)
      errors[`children.${String(p)}.personId`] =
        'This child is linked to an existing record, so cannot also be confirmed as new';
  }
  if (new Set(positions).size !== positions.length)
    errors.newChildren = 'Each child can be confirmed as new only once';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return [...positions];
}
