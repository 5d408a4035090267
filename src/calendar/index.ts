/**
 * England and Wales bank holidays (1995-2035) and working-day arithmetic for
 * counting National Standard timescales. Dates are ISO 'YYYY-MM-DD' strings
 * throughout; nothing here reads the clock or depends on the time zone.
 */
export { CALENDAR_RANGE, type CalendarRange } from './range.js';
export { easterSunday } from './easter.js';
export { regularBankHolidays } from './regular-holidays.js';
export {
  bankHolidayRules,
  bankHolidayRulesSchema,
  type BankHolidayRules,
  type ExtraBankHoliday,
  type MovedBankHoliday,
} from './rules.js';
export { bankHolidays, isBankHoliday } from './bank-holidays.js';
export { isWorkingDay } from './is-working-day.js';
export { addWorkingDays } from './add-working-days.js';
export { workingDaysBetween } from './working-days-between.js';
