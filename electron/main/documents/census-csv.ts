// The CIN census referral extract as a CSV file (issue 14 "Measures"): a header of the year's
// item names, then one line per row, in census codes only. RFC 4180: fields separated by commas,
// lines ended by CRLF, a field holding a comma, a double quote, CR or LF is wrapped in double
// quotes with its own quotes doubled.
//
// Spreadsheets run a cell that begins with =, +, -, @, tab or CR as a formula (OWASP "CSV
// injection"), so such a cell is written with a leading apostrophe, which Excel and LibreOffice
// take as "show as text". Census cells are codes, ISO dates and record ids, none of which begins
// with those characters, so a good extract is never altered; the guard is for a value that
// reached the store by another route.
import { censusCells, type CensusReferralRow } from '../../../shared/census/rows';
import type { CensusSpec } from '../../../shared/census/specs';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell a spreadsheet would run as a formula, made inert with a leading apostrophe. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field. */
export function quoteField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Lines of cells as RFC 4180 text, every cell neutralised first, each line ended by CRLF. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return lines
    .map((cells) => `${cells.map((c) => quoteField(neutraliseCell(c))).join(',')}\r\n`)
    .join('');
}

/** The extract's bytes (UTF-8): the year's item names, then each row's cells in that order. */
export function censusCsv(rows: readonly CensusReferralRow[], spec: CensusSpec): Uint8Array {
  const lines: string[][] = [[...spec.fields], ...rows.map((r) => censusCells(r, spec))];
  return new TextEncoder().encode(csvText(lines));
}
