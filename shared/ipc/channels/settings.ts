// Channels for the administrator's Settings screen (issue 14): before saving, what a change to
// the edition, local policy or marking would do, in plain words. The change itself is made with
// 'settings:update' (shared/ipc/contract.ts), whose input the main process re-checks the preview
// with in full, so a preview can never accept what a save would refuse.
import * as z from 'zod';
import { EDITIONS } from '../../domain/types';
import { isIsoDate } from '../../validation/formats';
import { channel, result } from '../define';

const ADMIN = ['admin'] as const;

/** What a change would do: sentences in the order to read them (none when nothing changes). */
export type SettingsPreview = { sentences: string[] };

export const settingsChannels = {
  'settings:preview': channel({
    summary:
      "What a change to the edition, local policy or marking would do, in plain words with today's counts (nothing is saved)",
    access: ADMIN,
    // The same fields as settings:update without the version; the service parses the whole
    // input with settings:update's own schema.
    input: z
      .object({
        edition: z.union(EDITIONS.map((e) => z.literal(e))).optional(),
        overrides: z.record(z.string().max(60), z.unknown()).optional(),
        organisation: z.record(z.string().max(60), z.unknown()).optional(),
        closures: z
          .array(z.string().refine(isIsoDate, 'Enter a real date, for example 27/03/2024'))
          .max(400)
          .optional(),
      })
      .strict(),
    result: result<SettingsPreview>(),
  }),
};
