// Importing the GOV.UK England & Wales bank holidays (issue 14; domain §4: "future one-offs get
// announced"). The file is checked strictly (shared/calendar/gov-uk-import) and refused whole with
// the reason if anything is wrong; a refusal is audited and changes nothing. An accepted file is
// kept as imported (migration 11), becomes the bank holidays for the years it covers, and the
// stored decision due dates of open referrals follow at once (each move noted on the referral).
// Who may import is the channel's access in the contract, nowhere else.
import { createHash, randomUUID } from 'node:crypto';
import { readBankHolidayFile } from '../../../shared/calendar/gov-uk-import';
import {
  SHIPPED_HOLIDAY_YEARS,
  bankHolidaysFor,
  shouldWarnToImport,
  type ImportedBankHolidays,
  type ImportedHoliday,
} from '../../../shared/calendar/imported-holidays';
import type {
  BankHolidayImportResult,
  BankHolidayStatus,
} from '../../../shared/ipc/channels/calendar';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { appendAudit } from '../store/audit';
import { ValidationError } from '../store/errors';
import {
  bankHolidaysInForce,
  insertBankHolidayImport,
  latestBankHolidayImport,
} from '../store/repositories/bank-holidays';
import { type Db, userNames, userRef } from '../store/repositories/common';
import {
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  todayLondon,
} from './context';
import { refreshDecisionClocks } from './decision-clocks';

export type BankHolidayImportInput = ChannelParsed<'bank-holidays:import'>;

export type BankHolidayService = {
  status(ctx: ServiceContext): Promise<BankHolidayStatus>;
  import(ctx: ServiceContext, input: BankHolidayImportInput): Promise<BankHolidayImportResult>;
};

function years(imported: ImportedBankHolidays | null): string {
  return imported === null
    ? 'none imported'
    : `${String(imported.covers.from)}–${String(imported.covers.to)}`;
}

/** Days that became, or stopped being, bank holidays between two tables, over both's years. */
function differences(
  before: ImportedBankHolidays | null,
  after: ImportedBankHolidays,
): { added: ImportedHoliday[]; removed: ImportedHoliday[] } {
  const from = Math.min(after.covers.from, before?.covers.from ?? after.covers.from);
  const to = Math.max(after.covers.to, before?.covers.to ?? after.covers.to);
  const added: ImportedHoliday[] = [];
  const removed: ImportedHoliday[] = [];
  for (let year = from; year <= to; year += 1) {
    const was = new Map(bankHolidaysFor(year, before).map((h) => [h.date, h.name]));
    const now = new Map(bankHolidaysFor(year, after).map((h) => [h.date, h.name]));
    for (const [date, title] of now) if (!was.has(date)) added.push({ date, title });
    for (const [date, title] of was) if (!now.has(date)) removed.push({ date, title });
  }
  return { added, removed };
}

async function readStatus(db: Db, today: string): Promise<BankHolidayStatus> {
  const row = await latestBankHolidayImport(db);
  const imported = await bankHolidaysInForce(db);
  const names = await userNames(db);
  const { warn, knownTo } = shouldWarnToImport(today, imported);
  return {
    imported:
      row === null || imported === null
        ? null
        : {
            covers: imported.covers,
            events: imported.dates.length,
            fileName: row.file_name,
            importedAt: row.imported_at,
            importedBy: userRef(names, row.imported_by),
          },
    shipped: { ...SHIPPED_HOLIDAY_YEARS },
    today,
    knownTo,
    warn,
  };
}

export function createBankHolidayService({ store, clock }: ServiceDeps): BankHolidayService {
  return {
    status: () => readStatus(store.db, todayLondon(clock)),

    async import(ctx, input) {
      const at = nowIso(clock);
      const fileName =
        input.fileName === undefined || input.fileName === '' ? null : input.fileName;
      const sha256 = createHash('sha256').update(input.text, 'utf8').digest('hex');
      const refuse = async (reason: string): Promise<never> => {
        // The refusal is kept too: who tried which file, and why it was not used.
        await store.transaction((trx) =>
          appendAudit(trx, {
            at,
            userId: ctx.user.id,
            action: 'update-refused',
            entityType: 'bank-holidays',
            entityId: null,
            summary: 'Bank holidays file refused: nothing was changed',
            details: { fileName, sha256, reason },
          }),
        );
        throw new ValidationError({ text: reason }, reason);
      };

      const check = readBankHolidayFile(input.text);
      if (!check.ok) return refuse(check.reason);
      const { file } = check;

      const before = await bankHolidaysInForce(store.db);
      if (before !== null && file.covers.to < before.covers.to) {
        return refuse(
          `This file covers ${String(file.covers.from)} to ${String(file.covers.to)}, but the bank holidays in use already run to ${String(before.covers.to)}. It looks older than the one in use: download the latest file from GOV.UK.`,
        );
      }

      return store.transaction(async (trx) => {
        const current = await bankHolidaysInForce(trx);
        const id = randomUUID();
        await insertBankHolidayImport(trx, {
          id,
          dates: file.dates,
          covers: file.covers,
          sha256,
          fileName,
          at,
          userId: ctx.user.id,
        });
        const after = await policyContext(trx);
        const { added, removed } = differences(current, {
          id,
          covers: file.covers,
          dates: file.dates,
        });
        // The queue's stored decision dates follow the new working-day calendar at once.
        const refreshed = await refreshDecisionClocks(
          trx,
          after,
          { at, userId: ctx.user.id },
          'the bank holidays were imported from GOV.UK',
        );
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'settings',
          entityType: 'bank-holidays',
          entityId: id,
          summary: `Bank holidays imported from GOV.UK: England and Wales ${String(file.covers.from)}–${String(file.covers.to)} (${String(file.dates.length)} days)`,
          details: {
            fileName,
            sha256,
            coversBefore: years(current),
            coversAfter: years({ id, covers: file.covers, dates: file.dates }),
            events: file.dates.length,
            added,
            removed,
            decisionDatesChanged: refreshed.changed.length,
          },
        });
        return {
          status: await readStatus(trx, todayLondon(clock)),
          added,
          removed,
          decisionDatesChanged: refreshed.changed.length,
        };
      });
    },
  };
}
