// Bounds on autosaved drafts, so a runaway autosave or a forgotten pile of drafts cannot fill the
// disk under the records (reliability: "Bad input gets a clear error and changes nothing").
// The figures leave ample room: a full referral (50,000-character concern, 20 children) is about
// 150 KB as JSON, and a duty worker rarely has more than a few dozen drafts open.
import type { DraftKind } from '../../../shared/domain/records';
import { ValidationError } from '../store/errors';
import { draftUsage, getDraft } from '../store/repositories/drafts';
import type { Db } from '../store/repositories/common';

/** Most drafts one person may keep. */
export const MAX_DRAFTS_PER_USER = 200;
/** Largest single draft, as stored (UTF-8 JSON). */
export const MAX_DRAFT_BYTES = 1_000_000;
/** Most bytes all of one person's drafts may take together. */
export const MAX_DRAFT_BYTES_PER_USER = 5_000_000;

const FREE_UP =
  'Delete drafts you no longer need (on the queue, under your drafts, choose "Show all"), and this one will save. What you typed is still on the screen.';

export const DRAFT_TOO_LARGE_MESSAGE =
  'This draft could not be saved: it is over 1 MB, the most one draft can hold. Shorten the longest text (for example, summarise a pasted document rather than pasting all of it).';
export const TOO_MANY_DRAFTS_MESSAGE = `This draft could not be saved: you have ${MAX_DRAFTS_PER_USER.toLocaleString('en-GB')} unfinished drafts, the most Front Door keeps for one person. ${FREE_UP}`;
export const DRAFTS_TOO_LARGE_MESSAGE = `This draft could not be saved: your drafts together are over 5 MB, the most Front Door keeps for one person. ${FREE_UP}`;

/** The draft as it will be stored, and its size in bytes. */
export function draftJson(data: unknown): { json: string; bytes: number } {
  const json = JSON.stringify(data ?? null);
  return { json, bytes: Buffer.byteLength(json, 'utf8') };
}

/**
 * Throws ValidationError (shown at the top of the form) when saving this draft would pass a
 * limit. Run inside the saving transaction (BEGIN IMMEDIATE), so two windows saving at once
 * cannot both slip under the count.
 */
export async function checkDraftLimits(
  trx: Db,
  userId: string,
  kind: DraftKind,
  key: string,
  data: unknown,
): Promise<void> {
  const { bytes } = draftJson(data);
  if (bytes > MAX_DRAFT_BYTES)
    throw new ValidationError({ _form: DRAFT_TOO_LARGE_MESSAGE }, DRAFT_TOO_LARGE_MESSAGE);
  const others = await draftUsage(trx, userId, { kind, key });
  if (others.count >= MAX_DRAFTS_PER_USER) {
    // Replacing an existing draft never counts as one more.
    if ((await getDraft(trx, userId, kind, key)) === null)
      throw new ValidationError({ _form: TOO_MANY_DRAFTS_MESSAGE }, TOO_MANY_DRAFTS_MESSAGE);
  }
  if (others.bytes + bytes > MAX_DRAFT_BYTES_PER_USER) {
    throw new ValidationError({ _form: DRAFTS_TOO_LARGE_MESSAGE }, DRAFTS_TOO_LARGE_MESSAGE);
  }
}
