// Channels for the England & Wales bank holidays (issue 14, "Closure days and bank holidays"): an
// administrator imports the GOV.UK file (https://www.gov.uk/bank-holidays.json) and sees which
// years it covers. The renderer reads the chosen file's text and sends it; the main process checks
// it strictly (shared/calendar/gov-uk-import) and refuses it whole, changing nothing, if anything
// is wrong. Closure days themselves are saved with 'settings:update'.
import * as z from 'zod';
import type { ImportedHoliday } from '../../calendar/imported-holidays';
import { MAX_BANK_HOLIDAY_FILE_CHARS } from '../../calendar/gov-uk-import';
import type { UserRef } from '../../domain/records';
import type { IsoDate, IsoInstant } from '../../domain/types';
import { channel, result } from '../define';

const ADMIN = ['admin'] as const;

export type BankHolidayStatus = {
  /** The import in force, or null when none has been made (the rules and shipped table apply). */
  imported: {
    covers: { from: number; to: number };
    events: number;
    fileName: string | null;
    importedAt: IsoInstant;
    importedBy: UserRef | null;
  } | null;
  /** The shipped table of one-offs: the years it covers without an import. */
  shipped: { from: number; to: number };
  /** Today in London. */
  today: IsoDate;
  /** The last year known (imported or shipped) from this year on; later years are provisional. */
  knownTo: number;
  /** Within three months of the end of `knownTo` (or past it): import a newer file. */
  warn: boolean;
};

export type BankHolidayImportResult = {
  status: BankHolidayStatus;
  /** Days that are bank holidays now and were not before, in the years the file covers. */
  added: ImportedHoliday[];
  /** Days that were bank holidays before and are not now. */
  removed: ImportedHoliday[];
  /** Open referrals whose decision due date moved with the new holidays. */
  decisionDatesChanged: number;
};

export const calendarChannels = {
  'bank-holidays:status': channel({
    summary:
      'Which years the imported GOV.UK bank holidays cover, and whether to import a newer file',
    access: ADMIN,
    input: z.object({}).strict(),
    result: result<BankHolidayStatus>(),
  }),
  'bank-holidays:import': channel({
    summary:
      'Import the GOV.UK bank holidays file (England and Wales): checked strictly, refused whole if anything is wrong',
    access: ADMIN,
    input: z
      .object({
        text: z
          .string()
          .max(
            MAX_BANK_HOLIDAY_FILE_CHARS,
            'The file is larger than 1 MB, so it is not the GOV.UK bank holidays file (about 20 KB)',
          ),
        /** The chosen file's name, kept with the import so the audit says which file it was. */
        fileName: z.string().trim().max(255).optional(),
      })
      .strict(),
    result: result<BankHolidayImportResult>(),
  }),
};
