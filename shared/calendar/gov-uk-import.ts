// Reads the GOV.UK bank holidays file (https://www.gov.uk/bank-holidays.json) for England and
// Wales, strictly. The file decides which days are working days for the years it covers, and every
// statutory clock counts working days (WT 2018 ch.1 para 24: a decision within one working day),
// so a file that is cut short, has the wrong shape, or carries something that is not a real date
// is refused whole with the reason, and nothing changes. The shape is GOV.UK's:
//   {"england-and-wales": {"division": "england-and-wales",
//                          "events": [{"title": "New Year’s Day", "date": "2024-01-01",
//                                      "notes": "", "bunting": true}, …]},
//    "scotland": {…}, "northern-ireland": {…}}
// Only England and Wales is read (domain §4); other divisions are ignored.
import * as z from 'zod';
import { MAX_YEAR, MIN_YEAR, isIsoDateInYears } from './dates';
import type { ImportedHoliday } from './imported-holidays';

/** Largest file read: GOV.UK's is about 20 KB, so 1 MB leaves room for decades more. */
export const MAX_BANK_HOLIDAY_FILE_CHARS = 1_000_000;
/** Longest holiday title kept (GOV.UK's longest is about 60 characters). */
export const MAX_HOLIDAY_TITLE = 100;
/** Most events read for England and Wales (about 9 a year). */
const MAX_EVENTS = 2_000;
/**
 * England and Wales have had at least 8 bank holidays every year since 1978 (BFDA 1971 sch.1 and
 * the early May holiday): a year with fewer in the file means the file lost some.
 */
export const MIN_HOLIDAYS_A_YEAR = 8;

export const GOV_UK_BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';
const GET_IT_AGAIN = `Download it again from ${GOV_UK_BANK_HOLIDAYS_URL} and import that file.`;

export type BankHolidayFile = {
  covers: { from: number; to: number };
  dates: ImportedHoliday[];
};

export type BankHolidayFileCheck =
  { ok: true; file: BankHolidayFile } | { ok: false; reason: string };

// Control characters, and the invisible marks that reorder text (bidi overrides) or hide it: a
// title is plain text, shown as text, never as markup.
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** A value as it may be quoted in a reason: short, on one line. */
function quoted(text: string): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return `“${line.length > 40 ? `${line.slice(0, 40)}…` : line}”`;
}

const event = z.object({
  title: z.string(),
  date: z.string(),
  notes: z.string().optional(),
  bunting: z.boolean().optional(),
});

const division = z.object({
  division: z.string(),
  events: z.array(z.unknown()).max(MAX_EVENTS),
});

function plainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One event checked: the holiday, or why it is refused ("Event 3 …"). */
function readEvent(raw: unknown, n: number): ImportedHoliday | string {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    return `Event ${String(n)} is not a bank holiday as GOV.UK lists them (it needs a "title" and a "date").`;
  }
  const { title, date } = parsed.data;
  if (!isIsoDateInYears(date, MIN_YEAR, MAX_YEAR)) {
    return `Event ${String(n)} has the date ${quoted(date)}, which is not a real date in the form YYYY-MM-DD.`;
  }
  const text = title.trim();
  if (text === '') return `Event ${String(n)} (${date}) has no title.`;
  if (text.length > MAX_HOLIDAY_TITLE) {
    return `Event ${String(n)} (${date}) has a title of ${String(text.length)} characters; bank holiday titles are at most ${String(MAX_HOLIDAY_TITLE)}.`;
  }
  if (NOT_PLAIN.test(text)) {
    return `Event ${String(n)} (${date}) has a title with hidden or control characters, which a bank holiday title never has.`;
  }
  return { date, title: text };
}

/** The years' problems: gaps, years that lost holidays, duplicates. Null when sound. */
function coverageProblem(dates: readonly ImportedHoliday[]): string | null {
  const seen = new Set<string>();
  for (const d of dates) {
    if (seen.has(d.date)) {
      return `The date ${d.date} is listed twice. A file from GOV.UK lists each bank holiday once. ${GET_IT_AGAIN}`;
    }
    seen.add(d.date);
  }
  const byYear = new Map<number, ImportedHoliday[]>();
  for (const d of dates) {
    const year = Number(d.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), d]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) {
    return `The file lists no England and Wales bank holidays. ${GET_IT_AGAIN}`;
  }
  for (let year = first; year <= last; year += 1) {
    const inYear = byYear.get(year);
    if (inYear === undefined) {
      return `The file has no bank holidays for ${String(year)}, between ${String(first)} and ${String(last)}: the years must follow on without a gap. ${GET_IT_AGAIN}`;
    }
    // A cut-short year (a truncated download, a hand-edited file) would make its missing holidays
    // working days, and every clock over them a day early.
    const months = inYear.map((d) => d.date.slice(5, 7));
    if (inYear.length < MIN_HOLIDAYS_A_YEAR || !months.includes('01') || !months.includes('12')) {
      return `The file lists only ${String(inYear.length)} bank holiday${inYear.length === 1 ? '' : 's'} for ${String(year)}${!months.includes('12') ? ', none in December' : !months.includes('01') ? ', none in January' : ''}; every year in England and Wales has at least ${String(MIN_HOLIDAYS_A_YEAR)}, from New Year’s Day to Christmas. ${GET_IT_AGAIN}`;
    }
  }
  return null;
}

/**
 * Checks the text of a GOV.UK bank holidays file and returns England and Wales's holidays with the
 * years they cover, or the first reason it cannot be used. Never throws.
 */
export function readBankHolidayFile(text: string): BankHolidayFileCheck {
  if (text.length > MAX_BANK_HOLIDAY_FILE_CHARS) {
    const mb = (text.length / 1_000_000).toFixed(1);
    return {
      ok: false,
      reason: `The file is too large (${mb} MB). The GOV.UK bank holidays file is about 20 KB: choose the file downloaded from ${GOV_UK_BANK_HOLIDAYS_URL}.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: `The file is not complete JSON: it may have been cut short while downloading, or it is not the GOV.UK bank holidays file. ${GET_IT_AGAIN}`,
    };
  }
  if (!plainObject(data)) {
    return {
      ok: false,
      reason: `This is not the GOV.UK bank holidays file: it should hold "england-and-wales", "scotland" and "northern-ireland". ${GET_IT_AGAIN}`,
    };
  }
  // Own properties only: a key such as "__proto__" or "constructor" is data here, never looked up
  // through the prototype chain.
  const ew = Object.prototype.hasOwnProperty.call(data, 'england-and-wales')
    ? data['england-and-wales']
    : undefined;
  if (ew === undefined) {
    return {
      ok: false,
      reason: `The file has no England and Wales bank holidays ("england-and-wales"). ${GET_IT_AGAIN}`,
    };
  }
  const div = division.safeParse(ew);
  if (!div.success) {
    return {
      ok: false,
      reason: `The England and Wales part of the file is not in GOV.UK’s form (a "division" and a list of "events"), or lists more than ${String(MAX_EVENTS)} events. ${GET_IT_AGAIN}`,
    };
  }
  if (div.data.division !== 'england-and-wales') {
    return {
      ok: false,
      reason: `The England and Wales part of the file names its division ${quoted(div.data.division)}, not “england-and-wales”. ${GET_IT_AGAIN}`,
    };
  }
  const dates: ImportedHoliday[] = [];
  for (const [i, raw] of div.data.events.entries()) {
    const read = readEvent(raw, i + 1);
    if (typeof read === 'string') return { ok: false, reason: `${read} ${GET_IT_AGAIN}` };
    dates.push(read);
  }
  const problem = coverageProblem(dates);
  if (problem !== null) return { ok: false, reason: problem };
  dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const from = Number(dates[0]?.date.slice(0, 4));
  const to = Number(dates.at(-1)?.date.slice(0, 4));
  return { ok: true, file: { covers: { from, to }, dates } };
}
