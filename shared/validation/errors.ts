// Turning zod issues into the GOV.UK error pattern (architecture §5): an error summary at the top
// linking to each field, and the message beside the field. The same map travels back over IPC as
// `fieldErrors`, so the form shows main-process errors exactly like its own.

import type * as z from 'zod';

/** Key used for issues that belong to the whole form rather than one field. */
export const FORM_ERROR_KEY = '_form';

/**
 * Dotted path (react-hook-form naming: `children.0.dateOfBirth`) → first message for that path.
 * Issues about the whole object (e.g. unknown keys) go under {@link FORM_ERROR_KEY}.
 */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string> {
  // A null-prototype object: keys come from input paths, so `__proto__` must stay a plain key.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? FORM_ERROR_KEY : issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
