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
export {
  bankHolidaysFor,
  bankHolidaysKnownTo,
  holidaySource,
  importCovers,
  isProvisional,
  shouldWarnToImport,
} from './imported-holidays';
export type { HolidaySource, ImportedBankHolidays, ImportedHoliday } from './imported-holidays';
export { calendarFromSettings } from './settings-calendar';
export type { CalendarSettings } from './settings-calendar';
export type { WorkingDayCalendar, WorkingDayCalendarOptions } from './working-days';
export {
  LONDON_TIME_ZONE,
  clockStatus,
  describeRuleSource,
  londonDate,
  londonTime,
  receiptDay,
  shortRuleSource,
} from './clocks';
export type { ClockStatus, OfficeHoursPolicy, ReceiptDay } from './clocks';
export {
  S47_OUTCOMES,
  S47_OUTCOME_LABELS,
  computeReferralClocks,
  decisionClock,
} from './referral-clocks';
export type {
  ClockId,
  DecisionClock,
  ReferralClocks,
  ReferralClocksInput,
  ReferralEvents,
  S47Outcome,
  StatutoryClock,
  StrategyDiscussionHeld,
} from './referral-clocks';
export { londonInstant, londonNow } from './london-instant';
export type { LondonInstant } from './london-instant';
