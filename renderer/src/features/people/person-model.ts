// Words for a child's record page: the name, the birth line with age, the address.
import type { AddressRecord, PersonRecord } from '../../../../shared/domain/records';
import { formatUkDate } from '../../../../shared/validation/formats';

export function personLabel(p: Pick<PersonRecord, 'givenNames' | 'familyName'>): string {
  return (
    [p.givenNames, p.familyName].filter((s) => s !== null && s !== '').join(' ') || 'Name not known'
  );
}

/** Whole years from `birth` to `today` (ISO dates). */
export function wholeYears(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** "03/04/2016 (age 10)", "Expected 01/02/2027", "Not known (born around 2019, about 7)". */
export function birthText(p: PersonRecord, today: string): string {
  if (p.dateOfBirth !== null) {
    const age = wholeYears(p.dateOfBirth, today);
    return `${formatUkDate(p.dateOfBirth)} (${age < 1 ? 'under 1' : `age ${String(age)}`})`;
  }
  if (p.expectedDateOfBirth !== null) {
    return `Unborn: expected ${formatUkDate(p.expectedDateOfBirth)}`;
  }
  if (p.approxBirthYear !== null) {
    const about = Number(today.slice(0, 4)) - p.approxBirthYear;
    return `Not known: born around ${String(p.approxBirthYear)} (about ${String(Math.max(about, 0))} now)`;
  }
  return 'Not known';
}

export function addressLines(a: AddressRecord | null, postcode: string | null): string {
  const parts = [a?.line1, a?.line2, a?.town, a?.postcode ?? postcode ?? undefined].filter(
    (s): s is string => s !== undefined && s !== '',
  );
  return parts.length > 0 ? parts.join(', ') : 'Not recorded';
}
