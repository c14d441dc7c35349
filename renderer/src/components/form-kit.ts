// The one way every form is checked: react-hook-form holds the values and the errors; its
// resolver is the form's check, which reads the fields with the shared codecs and runs the same
// zod schema the main process runs, so every error (the form's and, after a save, the main
// process's) sits in one place and the error summary shows them all at once.
//
// Errors follow the GOV.UK pattern: checked on "Save", kept until the next "Save" (re-checking
// while someone types would move focus to the summary mid-word), and the summary, not the first
// field, takes focus.

import { toNestErrors } from '@hookform/resolvers';
import type {
  FieldError,
  FieldErrors,
  FieldValues,
  Resolver,
  UseFormProps,
  UseFormSetError,
} from 'react-hook-form';

/** A form's check: the value to send, or every problem as dotted field path → message. */
export type FormCheck<F, V> = (
  form: F,
) => { ok: true; value: V } | { ok: false; errors: Record<string, string> };

/** A react-hook-form resolver from a form's check (no second round: all errors come at once). */
export function checkResolver<F extends FieldValues, V>(
  check: FormCheck<F, V>,
): Resolver<F, unknown, V> {
  return (values, _context, options) => {
    const result = check(values);
    if (result.ok) return { values: result.value, errors: {} };
    const flat: Record<string, FieldError> = {};
    // A whole section's error before its fields' (police, then police officer): nesting the
    // section's after would overwrite its fields' errors. The sort is stable otherwise.
    const byDepth = Object.entries(result.errors).sort(
      (a, b) => a[0].split('.').length - b[0].split('.').length,
    );
    for (const [path, message] of byDepth) {
      flat[path] = { type: 'check', message };
    }
    return { values: {}, errors: toNestErrors<F>(flat, options) };
  };
}

/** The kit's useForm options: GOV.UK error timing, and the summary (not a field) takes focus. */
export function kitFormOptions<F extends FieldValues, V>(
  check: FormCheck<F, V>,
): Pick<UseFormProps<F, unknown, V>, 'resolver' | 'mode' | 'reValidateMode' | 'shouldFocusError'> {
  return {
    resolver: checkResolver(check),
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  };
}

const META = new Set(['message', 'type', 'types', 'ref']);

/**
 * react-hook-form's nested errors → dotted path → message, for the error summary and the fields
 * (an error on a whole list, which react-hook-form keeps as `root`, is the list's own path).
 */
export function flatErrors(errors: FieldErrors | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    const entry = node as Record<string, unknown>;
    if (typeof entry.message === 'string' && entry.message !== '' && path !== '') {
      out[path] ??= entry.message;
    }
    for (const [key, child] of Object.entries(entry)) {
      if (META.has(key)) continue;
      walk(child, key === 'root' ? path : path === '' ? key : `${path}.${key}`);
    }
  };
  walk(errors, '');
  return out;
}

/** The main process's field errors (after a save was refused) into the form's errors. */
export function showServerErrors<F extends FieldValues>(
  setError: UseFormSetError<F>,
  fieldErrors: Record<string, string>,
): void {
  for (const [path, message] of Object.entries(fieldErrors)) {
    // Paths are the schema's, which the form's field names follow.
    setError(path as Parameters<UseFormSetError<F>>[0], { type: 'server', message });
  }
}
