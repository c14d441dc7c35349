// Working days, bank holidays and statutory clocks (architecture §1: shared/calendar).
export type { IsoDate, IsoInstant } from '../domain/types';
export { BANK_HOLIDAY_TABLE, bankHolidays, easterSunday, isProvisionalYear } from './bank-holidays';
export type {
  BankHoliday,
  BankHolidayChange,
  BankHolidayKind,
  BankHolidayTable,
} from './bank-holidays';
export {
  MAX_YEAR,
  MIN_YEAR,
  addCalendarMonths,
  addDaysIso,
  addMonthsIso,
  daysBetweenIso,
  describeDate,
  isIsoDate,
  isIsoDateInYears,
} from './dates';
export { COUNTING_CONVENTION, createWorkingDayCalendar, dueDate } from './working-days';
export type { WorkingDayCalendar, WorkingDayCalendarOptions } from './working-days';
export {
  LONDON_TIME_ZONE,
  clockStatus,
  computeReferralClocks,
  describeRuleSource,
  londonDate,
  londonTime,
  receiptDay,
  shortRuleSource,
} from './clocks';
export type {
  ClockId,
  ClockStatus,
  OfficeHoursPolicy,
  ReceiptDay,
  ReferralClocks,
  ReferralClocksInput,
  ReferralEvents,
  StatutoryClock,
} from './clocks';
export { londonInstant, londonNow } from './london-instant';
export type { LondonInstant } from './london-instant';
