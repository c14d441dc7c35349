// Smaller CIN census code lists (CIN census specification: CategoryOfAbuse, PrimaryNeedCode,
// ReasonForClosure). Sex and Gender are in sex.ts.

import type { CodeEntry } from './code-list';

export const CATEGORY_OF_ABUSE = [
  { code: 'NEG', label: 'Neglect' },
  { code: 'PHY', label: 'Physical abuse' },
  { code: 'SAB', label: 'Sexual abuse' },
  { code: 'EMO', label: 'Emotional abuse' },
  { code: 'MUL', label: 'Multiple' },
] as const;
export type CategoryOfAbuseCode = (typeof CATEGORY_OF_ABUSE)[number]['code'];

export const PRIMARY_NEED = [
  { code: 'N0', label: 'Not stated' },
  { code: 'N1', label: 'Abuse or neglect' },
  { code: 'N2', label: "Child's disability" },
  { code: 'N3', label: 'Parental disability or illness' },
  { code: 'N4', label: 'Family in acute stress' },
  { code: 'N5', label: 'Family dysfunction' },
  { code: 'N6', label: 'Socially unacceptable behaviour' },
  { code: 'N7', label: 'Low income' },
  { code: 'N8', label: 'Absent parenting' },
  { code: 'N9', label: 'Cases other than children in need' },
] as const;
export type PrimaryNeedCode = (typeof PRIMARY_NEED)[number]['code'];

/**
 * CIN census ReasonForClosure: why a child's episode of need (CIN details module) ended. RC8 and
 * RC9 are for a case closed at the end of an assessment.
 */
export const REASON_FOR_CLOSURE_CODES = [
  'RC1',
  'RC2',
  'RC3',
  'RC4',
  'RC5',
  'RC6',
  'RC7',
  'RC8',
  'RC9',
] as const;
export type ReasonForClosureCode = (typeof REASON_FOR_CLOSURE_CODES)[number];

const closure = (code: ReasonForClosureCode, label: string): CodeEntry<ReasonForClosureCode> => ({
  code,
  label,
  validFrom: null,
  validTo: null,
});

export const REASON_FOR_CLOSURE: readonly CodeEntry<ReasonForClosureCode>[] = [
  closure('RC1', 'Adopted'),
  closure('RC2', 'Died'),
  closure('RC3', 'Child arrangements order'),
  closure('RC4', 'Special guardianship order'),
  closure('RC5', 'Transferred to services of another local authority'),
  closure('RC6', 'Transferred to adult social care services'),
  closure('RC7', 'Services ceased for any other reason, including child no longer in need'),
  closure('RC8', 'Case closed after assessment, no further action'),
  closure('RC9', 'Case closed after assessment, referred to early help'),
];

type Listed = { readonly code: string; readonly label: string };

/** The label for a code in one of the lists above, or undefined. */
export function labelFor(list: readonly Listed[], code: string): string | undefined {
  return list.find((e) => e.code === code)?.label;
}
