// A census code list entry: a code, a label, and the collection years it is valid for.

import type { CollectionYear } from './collection-year';

export type CodeEntry<C extends string = string> = {
  code: C;
  label: string;
  /** First collection year the code may be used in; null = valid before the earliest year we model. */
  validFrom: CollectionYear | null;
  /** Last collection year the code may be used in; null = still current. */
  validTo: CollectionYear | null;
  /** Provenance where the dates are uncertain. */
  note?: string;
};

/** True when the code may be chosen for a record in this collection year. */
export function isValidIn(entry: CodeEntry, year: CollectionYear): boolean {
  return (
    (entry.validFrom === null || entry.validFrom <= year) &&
    (entry.validTo === null || year <= entry.validTo)
  );
}

/** Retired codes stay readable on old records but cannot be chosen for new ones. */
export function isRetired(entry: CodeEntry, year: CollectionYear): boolean {
  return entry.validTo !== null && entry.validTo < year;
}
