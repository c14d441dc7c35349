// Channels for the CIN census referral extract (issue 14 "Measures"): check a collection year's
// rows against the year's rules, and export them as CSV once every row passes. Managers and
// administrators, as for the measures (the same role list, so the two never drift apart).
import * as z from 'zod';
import { collectionYearFor, collectionYearLabel } from '../../codes/collection-year';
import type { CensusField } from '../../census/specs';
import { CENSUS_BOOLEANS, FIRST_CENSUS_YEAR, type CensusOptions } from '../../census/specs';
import type { CensusRowFailure } from '../../census/validate';
import type { FileOutcomeRecord } from '../../domain/documents';
import { type ValidationContext, checkContext, memoByToday } from '../../validation/fields';
import { channel, result } from '../define';
import { MEASURES_ROLES } from './measures';

export const CENSUS_ROLES = MEASURES_ROLES;

/** What "Check" finds for a collection year. */
export type CensusCheck = {
  /** The collection year, named by the year it starts (2025 is 2025-26). */
  year: number;
  label: string;
  /** The file's columns, in order: the year's item names. */
  fields: CensusField[];
  /** Rows the extract holds: one per child on each referral received in the year. */
  rows: number;
  /** Rows that break the year's rules, each with every problem found. */
  failures: CensusRowFailure[];
  /** Where the year's items come from. */
  source: string;
  /** The local readings the rows were made with. */
  options: CensusOptions;
};

export type CensusExport =
  /** Nothing was written: these rows must be put right first. */
  | { kind: 'refused'; check: CensusCheck }
  | { kind: 'exported'; rows: number; fileName: string; outcome: FileOutcomeRecord };

const yearInput = memoByToday((ctx: ValidationContext) => {
  const current = collectionYearFor(checkContext(ctx));
  return z
    .object({
      year: z
        .number({ error: 'Choose a collection year' })
        .int('Choose a collection year')
        .min(
          FIRST_CENSUS_YEAR,
          `Front Door produces the census from ${collectionYearLabel(FIRST_CENSUS_YEAR)}`,
        )
        .max(current, `The latest collection year is ${collectionYearLabel(current)}`),
      // Local readings of the year's guide (shared/census/specs.ts); absent means the default.
      earlyHelpIsNfa: z.boolean({ error: 'Say whether early help counts as NFA' }).optional(),
      booleans: z
        .enum(CENSUS_BOOLEANS, { error: 'Choose how yes/no items are written' })
        .optional(),
    })
    .strict();
});

/** The local readings the last export used: the next extract starts from them. */
export type CensusLastOptions = {
  options: CensusOptions;
  /** When and by whom; both null before the first export (the options are then the defaults). */
  exportedAt: string | null;
  exportedBy: string | null;
};

/** The two readings as stored after an export (read back defensively: a bad row is ignored). */
export const censusOptionsSchema = z
  .object({ earlyHelpIsNfa: z.boolean(), booleans: z.enum(CENSUS_BOOLEANS) })
  .strict();

export const censusChannels = {
  'census:last-options': channel({
    summary: 'The local readings the last CIN census export used, which the next one starts from',
    access: CENSUS_ROLES,
    input: z.object({}).strict(),
    result: result<CensusLastOptions>(),
  }),
  'census:check': channel({
    summary:
      "Check a collection year's CIN census referral rows against the year's rules, naming each failing row",
    access: CENSUS_ROLES,
    input: yearInput,
    result: result<CensusCheck>(),
  }),
  'census:export': channel({
    summary:
      "Export a collection year's CIN census referral rows as CSV, refused with the failing rows if any fail",
    access: CENSUS_ROLES,
    input: yearInput,
    result: result<CensusExport>(),
  }),
};
