// The imported GOV.UK table in the working-day calendar (shared/calendar/imported-holidays): its
// dates are the bank holidays for the years it covers, other years keep the rules and shipped
// table, years beyond both are provisional, and administrators are warned three months before
// what is known runs out.
import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAY_TABLE,
  bankHolidaysFor,
  bankHolidaysKnownTo,
  calendarFromSettings,
  createWorkingDayCalendar,
  dueDate,
  holidaySource,
  isProvisional,
  shouldWarnToImport,
  type ImportedBankHolidays,
} from '../../../../shared/calendar';

/** A table like GOV.UK's for 2026–2029 with a one-off added on Friday 4 December 2026. */
function imported(extra: { date: string; title: string }[] = []): ImportedBankHolidays {
  const dates = [2026, 2027, 2028, 2029].flatMap((y) =>
    bankHolidaysFor(y, null).map((h) => ({ date: h.date, title: h.name })),
  );
  return {
    id: 'import-1',
    covers: { from: 2026, to: 2029 },
    dates: [...dates, ...extra].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

describe('an imported bank holiday table', () => {
  it('its one-off is a bank holiday and a clock over it moves a working day later', () => {
    const before = createWorkingDayCalendar();
    const table = imported([{ date: '2026-12-04', title: 'State occasion bank holiday' }]);
    const after = calendarFromSettings({ closures: [], bankHolidays: table });
    // Received Thursday 3 December: one working day is Friday, or Monday once Friday is a holiday.
    expect(dueDate('2026-12-03', 1, before)).toBe('2026-12-04');
    expect(dueDate('2026-12-03', 1, after)).toBe('2026-12-07');
    expect(after.nonWorkingReason('2026-12-04')).toBe('State occasion bank holiday');
    expect(bankHolidaysFor(2026, table).find((h) => h.date === '2026-12-04')?.kind).toBe('one-off');
    expect(bankHolidaysFor(2026, table).find((h) => h.date === '2026-12-25')?.kind).toBe('rule');
  });

  it('replaces the rules for the years it covers: a rule day it leaves out is a working day', () => {
    const table = imported();
    const withoutSummer: ImportedBankHolidays = {
      ...table,
      dates: table.dates.filter((d) => d.date !== '2028-08-28'),
    };
    const calendar = createWorkingDayCalendar({ bankHolidays: withoutSummer });
    expect(calendar.isWorkingDay('2028-08-28')).toBe(true);
    expect(createWorkingDayCalendar().isWorkingDay('2028-08-28')).toBe(false);
  });

  it('keeps the rules and the shipped one-offs for years it does not cover', () => {
    const calendar = createWorkingDayCalendar({ bankHolidays: imported() });
    // 2023 is not in the import: the shipped table's coronation still applies.
    expect(calendar.nonWorkingReason('2023-05-08')).toBe(
      'Bank holiday for the coronation of King Charles III',
    );
    expect(holidaySource(2023, imported())).toBe('shipped');
    expect(holidaySource(2027, imported())).toBe('imported');
  });

  it('marks years beyond what is known as provisional', () => {
    // Without an import the shipped table's last year is the end of what is known.
    expect(BANK_HOLIDAY_TABLE.validToYear).toBe(2027);
    expect(isProvisional('2027-12-31', null)).toBe(false);
    expect(isProvisional('2028-01-04', null)).toBe(true);
    expect(bankHolidaysKnownTo(null, 2026)).toBe(2027);
    // The import runs to 2029: 2028 and 2029 are known, 2030 is provisional.
    expect(isProvisional('2028-01-04', imported())).toBe(false);
    expect(isProvisional('2030-01-02', imported())).toBe(true);
    expect(bankHolidaysKnownTo(imported(), 2026)).toBe(2029);
    // Before the shipped table (2010) nothing is known either.
    expect(isProvisional('2009-06-01', null)).toBe(true);
  });

  it('warns from 1 October of the last known year (three months before it runs out)', () => {
    expect(shouldWarnToImport('2027-09-30', null)).toEqual({ warn: false, knownTo: 2027 });
    expect(shouldWarnToImport('2027-10-01', null)).toEqual({ warn: true, knownTo: 2027 });
    expect(shouldWarnToImport('2027-10-01', imported())).toEqual({ warn: false, knownTo: 2029 });
    // Past the end: still warned, and what is known is the year before.
    expect(shouldWarnToImport('2028-03-01', null)).toEqual({ warn: true, knownTo: 2027 });
  });
});
