// The working-day calendar the settings make: administrator closure days plus the England & Wales
// bank holidays in force (the imported GOV.UK table where it covers the year, domain §4). The main
// process and every screen build it the same way, so a due date reads the same everywhere.
import type { ImportedBankHolidays } from './imported-holidays';
import { createWorkingDayCalendar, type WorkingDayCalendar } from './working-days';

export type CalendarSettings = {
  closures: readonly string[];
  bankHolidays?: ImportedBankHolidays | null;
};

export function calendarFromSettings(settings: CalendarSettings): WorkingDayCalendar {
  return createWorkingDayCalendar({
    closures: settings.closures,
    bankHolidays: settings.bankHolidays ?? null,
  });
}
