/**
 * England and Wales bank holidays and working-day arithmetic for counting National Standard
 * timescales: the regular pattern for every year the input accepts (1990-2100, and 2101 so that a
 * timescale can end), with the moved and extra days recorded for RECORDED_RANGE. Dates are ISO
 * 'YYYY-MM-DD' strings throughout; nothing here reads the clock or depends on the time zone.
 */
export { CALENDAR_RANGE, RECORDED_RANGE, RECORDED_DAYS, withinRecordedHolidays, type CalendarRange } from './range.js';
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
