// Checks every IPC input as a whole before its channel's schema, so no channel can forget them:
// - text that cannot be stored as entered (a lone surrogate; shared/validation/fields.ts), which
//   better-sqlite3 would turn into U+FFFD on the way to UTF-8 — refused with a field error;
// - prototype keys (`__proto__`, and `constructor`/`prototype` as object keys), which zod's
//   record() silently drops and a plain object would turn into a prototype change: refused, not
//   ignored (reliability: "prototype-pollution keys … each rejected with a typed error").
// Nesting is bounded, so a deeply nested input is refused instead of exhausting the stack.
import { BROKEN_CHARACTER_MESSAGE, hasLoneSurrogate } from '../../../shared/validation/fields';

/** Deeper than any form (a referral is about 6 levels); JSON this deep is not ours. */
export const MAX_INPUT_DEPTH = 32;

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const prototypeKeyMessage = (key: string): string =>
  `"${key}" is a reserved name and cannot be used here. Nothing was saved.`;

export type InputGuardOptions = {
  /**
   * Paths (dotted, from the top of the input) whose strings are stored losslessly as JSON,
   * e.g. a draft's data: a half-typed form may hold a broken character until the user fixes the
   * field, and the draft must keep exactly what was typed.
   */
  readonly losslessPaths?: readonly string[];
};

/**
 * Problems found in `raw`, as dotted path → message (at most 20, in input order), or null when
 * there are none. `_form` holds whole-input problems (too deeply nested).
 */
export function checkInput(
  raw: unknown,
  options: InputGuardOptions = {},
): Record<string, string> | null {
  const errors: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  const add = (path: string, message: string): void => {
    if (count >= 20 || path in errors) return;
    errors[path] = message;
    count++;
  };
  const lossless = new Set(options.losslessPaths ?? []);

  const visit = (value: unknown, path: string, depth: number): void => {
    if (count >= 20) return;
    if (typeof value === 'string') {
      if (!lossless.has(path) && hasLoneSurrogate(value))
        add(path || '_form', BROKEN_CHARACTER_MESSAGE);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_INPUT_DEPTH) {
      add('_form', 'What was sent is nested too deeply to be a form. Nothing was saved.');
      return;
    }
    const inLossless = lossless.has(path);
    for (const key of Object.keys(value)) {
      const child = path === '' ? key : `${path}.${key}`;
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) {
        add(child, prototypeKeyMessage(key));
        continue;
      }
      if (!inLossless && hasLoneSurrogate(key)) {
        add(path || '_form', BROKEN_CHARACTER_MESSAGE);
        continue;
      }
      // Inside lossless data only the key rule and the depth limit apply.
      if (inLossless) lossless.add(child);
      visit((value as Record<string, unknown>)[key], child, depth + 1);
    }
  };
  visit(raw, '', 0);
  return count === 0 ? null : errors;
}
