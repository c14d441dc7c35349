// Making a person record from a child typed on a referral: shared by "confirm new" on the
// referral page (people:link) and saving a referral whose form already records the decision.
import type { IsoDate } from '../../../shared/domain/types';
import { estimatedBirthYear, type ChildInput } from '../../../shared/validation/child';
import { appendAudit } from '../store/audit';
import { insertPerson } from '../store/repositories/people';
/**
 * "Confirm new" (domain §7): no existing record matched, so a person record is made from what
 * was typed about the child. Used when a worker confirms a child as new on the referral page and
 * when the referral is saved with the decision already made on the form (one transaction).
 */
export async function createPersonFromChild(
  trx: Parameters<typeof insertPerson>[0],
  child: ChildInput,
  stamp: { at: string; userId: string },
  reference: string,
  /** The London date of the referral, which an approximate age is counted back from. */
  onDate: IsoDate,
): Promise<string> {
  const p = await insertPerson(
    trx,
    {
      kind: 'child',
      status: child.status,
      givenNames: child.givenNames,
      familyName: child.familyName,
      otherNames: child.status === 'born' ? child.otherNames : undefined,
      dateOfBirth: child.status === 'born' ? child.dateOfBirth : undefined,
      expectedDateOfBirth: child.status === 'unborn' ? child.expectedDateOfBirth : undefined,
      gender: child.gender,
      nhsNumber: child.status === 'born' ? child.nhsNumber : undefined,
      address: child.address,
      approxBirthYear:
        child.status === 'born' && child.approximateAge !== undefined
          ? estimatedBirthYear(child.approximateAge, onDate)
          : undefined,
    },
    stamp,
  );
  await appendAudit(trx, {
    at: stamp.at,
    userId: stamp.userId,
    action: 'create',
    entityType: 'person',
    entityId: p.id,
    summary: `New person record made from referral ${reference}`,
  });
  return p.id;
}
