// What a form holds (text, '' for "not answered") ↔ what the shared schemas check, as zod 4
// codecs: `decode` reads what a person typed, `encode` writes a saved value back the way the form
// shows it. Both directions live in one place, so a correction round-trips: decode(encode(x)) is x.

import { z } from 'zod';
import type { IsoDate } from '../domain/types';
import { formatUkDate } from './formats';
import { parseTypedDate, type TwoDigitYears } from './typed-dates';

/** Text or a choice: '' (or only spaces) is "not given"; anything else is kept as typed. */
export const formText = z.codec(z.string(), z.string().optional(), {
  decode: (s) => (s.trim() === '' ? undefined : s),
  encode: (v) => v ?? '',
});

/** A yes/no question: '' is "not answered yet", never "no". */
export const yesNoAnswer = z.codec(z.enum(['', 'yes', 'no']), z.boolean().optional(), {
  decode: (v) => (v === '' ? undefined : v === 'yes'),
  encode: (b) => (b === undefined ? '' : b ? 'yes' : 'no'),
});

/**
 * A date as a person types it (1/12/2026, 14/6/15, 1 Dec 2026) ↔ an ISO date. A date that cannot
 * be read is an issue carrying the parser's message for beside the field; '' is "not given".
 */
export function typedDate(options: { today: IsoDate; twoDigitYears: TwoDigitYears }) {
  return z.codec(z.string(), z.iso.date().optional(), {
    decode: (s, payload) => {
      if (s.trim() === '') return undefined;
      const r = parseTypedDate(s, options);
      if (r.ok) return r.date;
      payload.issues.push({ code: 'custom', message: r.error, input: s });
      return z.NEVER;
    },
    encode: (iso) => (iso === undefined ? '' : formatUkDate(iso)),
  });
}

/** A typed date read by `typedDate`: the ISO date (undefined when blank), or why it is not one. */
export function readTypedDate(
  s: string,
  options: { today: IsoDate; twoDigitYears: TwoDigitYears },
): { value: IsoDate | undefined; error?: string } {
  const r = typedDate(options).safeDecode(s);
  if (r.success) return { value: r.data };
  return { value: undefined, error: r.error.issues[0]?.message ?? 'Enter a real date' };
}
