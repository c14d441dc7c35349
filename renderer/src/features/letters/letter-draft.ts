// The letter as the worker edits it in the dialog: one box per paragraph, checked by the SAME
// schema the main process uses for 'letters:finalise' (architecture §2: the forms and the IPC
// layer share their zod schemas), plus what only a person can get wrong (an empty paragraph left
// behind, the safe way to contact a child who referred themselves). Errors are keyed by the same
// dotted paths the main process returns (`paragraphs.2`, `safeContact`), so either lands beside
// its field.

import { letterChannels } from '../../../../shared/ipc/channels/letters';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { LetterKind } from '../../../../shared/letters/types';
import { fieldErrorsFromZod } from '../../../../shared/validation/errors';

export type ParagraphDraft = { key: string; text: string };

export type FinaliseInput = ChannelInput<'letters:finalise'>;

let nextKey = 0;

/** A stable key per box, so React keeps focus and text in the right box as boxes come and go. */
export function newParagraph(text = ''): ParagraphDraft {
  nextKey += 1;
  return { key: `p${String(nextKey)}`, text };
}

export function draftsFrom(paragraphs: readonly string[]): ParagraphDraft[] {
  return paragraphs.map((p) => newParagraph(p));
}

/** Where a paragraph's box is, for its label, its error and the error summary's link. */
export function paragraphPath(index: number): string {
  return `paragraphs.${String(index)}`;
}

export const SAFE_CONTACT_PATH = 'safeContact';
/** The message for the list as a whole (too few or too many paragraphs). */
export const PARAGRAPHS_PATH = 'paragraphs';

export type LetterCheck =
  { ok: true; input: FinaliseInput } | { ok: false; errors: Record<string, string> };

/**
 * The finalise input, or the errors to show beside each field. A child who referred themselves:
 * the worker records how it is safe to contact them before anything is sent (issue 13, "Safe
 * contact"; WT 2018 ch.1 para 24: the child's safety comes first).
 */
export function checkLetter(args: {
  referralId: string;
  kind: LetterKind;
  paragraphs: readonly ParagraphDraft[];
  needsSafeContact: boolean;
  safeContact: string;
}): LetterCheck {
  const safeContact = args.safeContact.trim();
  const input: FinaliseInput = {
    referralId: args.referralId,
    kind: args.kind,
    paragraphs: args.paragraphs.map((p) => p.text.trim()),
    ...(args.needsSafeContact || safeContact !== '' ? { safeContact } : {}),
  };
  const parsed = letterChannels['letters:finalise'].input.safeParse(input);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
  input.paragraphs.forEach((text, i) => {
    const path = paragraphPath(i);
    if (text === '' && !(path in errors)) {
      errors[path] = `Write paragraph ${String(i + 1)}, or remove it`;
    }
  });
  if (args.needsSafeContact && safeContact === '' && !(SAFE_CONTACT_PATH in errors)) {
    errors[SAFE_CONTACT_PATH] =
      'Say how it is safe to contact the child, for example only by text to their own phone';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input };
}
