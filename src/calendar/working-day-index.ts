import { CALENDAR_RANGE } from './range.js';
import { daysFromCivil, isWeekend } from './day-number.js';
import { isBankHolidayDayNumber } from './bank-holidays.js';

/**
 * Prefix counts over the whole range (~41,000 days) make both directions of
 * working-day arithmetic O(1) and guarantee they are exact inverses:
 * `countUpTo[i]` is the number of working days in [start, start + i], and
 * `workingDays[k]` is the (k + 1)-th working day of the range.
 */
export interface WorkingDayIndex {
  readonly start: number;
  readonly end: number;
  readonly countUpTo: Int32Array;
  readonly workingDays: Int32Array;
}

let index: WorkingDayIndex | undefined;

export function isWorkingDayNumber(dayNumber: number): boolean {
  return !isWeekend(dayNumber) && !isBankHolidayDayNumber(dayNumber);
}

function buildIndex(): WorkingDayIndex {
  const start = daysFromCivil(CALENDAR_RANGE.from, 1, 1);
  const end = daysFromCivil(CALENDAR_RANGE.to, 12, 31);
  const countUpTo = new Int32Array(end - start + 1);
  const working: number[] = [];
  for (let day = start; day <= end; day++) {
    if (isWorkingDayNumber(day)) working.push(day);
    countUpTo[day - start] = working.length;
  }
  return { start, end, countUpTo, workingDays: Int32Array.from(working) };
}

export function workingDayIndex(): WorkingDayIndex {
  index ??= buildIndex();
  return index;
}
