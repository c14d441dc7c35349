// Smaller CIN census code lists (domain §3; CIN census specification).

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

/** Census gender codes: 0 also covers an unborn child (domain §3). */
export const GENDER = [
  { code: '0', label: 'Not recorded or unborn' },
  { code: '1', label: 'Male' },
  { code: '2', label: 'Female' },
  { code: '9', label: 'Indeterminate' },
] as const;
export type GenderCode = (typeof GENDER)[number]['code'];

type Listed = { readonly code: string; readonly label: string };

/** The label for a code in one of the lists above, or undefined. */
export function labelFor(list: readonly Listed[], code: string): string | undefined {
  return list.find((e) => e.code === code)?.label;
}
