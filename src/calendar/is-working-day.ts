import { toCalendarDay } from './parse-date.js';
import { isWorkingDayNumber } from './working-day-index.js';

/** Monday to Friday and not an England and Wales bank holiday. */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(toCalendarDay(date));
}
