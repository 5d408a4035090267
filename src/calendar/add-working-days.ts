import { CALENDAR_RANGE } from './range.js';
import { formatDayNumber } from './day-number.js';
import { toCalendarDay } from './parse-date.js';
import { workingDayIndex } from './working-day-index.js';

/**
 * The n-th working day after `date`; `date` itself is never counted, so a
 * timescale "within 5 working days" of a Friday starts counting on Monday.
 * n = 0 returns `date` unchanged even if it is not a working day.
 */
export function addWorkingDays(date: string, n: number): string {
  const day = toCalendarDay(date);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Working days to add must be a non-negative integer, got ${n}`);
  }
  if (n === 0) return date;

  const { start, countUpTo, workingDays } = workingDayIndex();
  // countUpTo counts working days up to and including `day`; the answer is the next n-th one.
  const target = (countUpTo[day - start] ?? 0) + n - 1;
  const result = workingDays[target];
  if (result === undefined) {
    throw new RangeError(
      `${n} working days after ${date} falls beyond the bank-holiday calendar range ${CALENDAR_RANGE.from}-${CALENDAR_RANGE.to}`,
    );
  }
  return formatDayNumber(result);
}
