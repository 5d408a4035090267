import { toCalendarDay } from './parse-date.js';
import { workingDayIndex } from './working-day-index.js';

/**
 * Working days d with from < d <= to (0 when to <= from). Half-open on the
 * left to match addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) === n.
 */
export function workingDaysBetween(from: string, to: string): number {
  const fromDay = toCalendarDay(from);
  const toDay = toCalendarDay(to);
  if (toDay <= fromDay) return 0;
  const { start, countUpTo } = workingDayIndex();
  return (countUpTo[toDay - start] ?? 0) - (countUpTo[fromDay - start] ?? 0);
}
