import { addWorkingDays, CALENDAR_RANGE, workingDaysBetween } from '../../calendar/index.js';
import type { Outcome } from './record.js';

/**
 * A deadline n working days after `from`, judged on `asOf`:
 * - "within n working days of D" means by addWorkingDays(D, n): D itself is not counted, and the
 *   deadline is met by an event on that day;
 * - a deadline passed with no event by `asOf` is late; one still ahead is pending, not late.
 * Throws a RangeError where the calendar cannot count (see guarded).
 */
export function judge(from: string, days: number, metOn: string | null, asOf: string): Outcome {
  const dueOn = addWorkingDays(from, days);
  if (metOn !== null) {
    return { dueOn, metOn, workingDaysTaken: workingDaysBetween(from, metOn), late: metOn > dueOn, pending: false };
  }
  const late = asOf > dueOn;
  return { dueOn, metOn: null, workingDaysTaken: null, late, pending: !late };
}

/** Of several deadlines of one kind, the one to report: the first late, else the first pending, else the last met. */
export function reported<T extends { outcome: Outcome }>(judged: readonly T[]): T | undefined {
  for (const j of judged) if (j.outcome.late) return j;
  for (const j of judged) if (j.outcome.pending) return j;
  return judged[judged.length - 1];
}

/** Why the calendar could not count: the reason a timescale reports instead of a verdict. */
export const CALENDAR_LIMIT = `the bank holiday calendar counts working days only from ${CALENDAR_RANGE.from} to ${CALENDAR_RANGE.to}`;

/** The calendar's refusal (a RangeError: a date outside CALENDAR_RANGE) is no verdict, so undefined; anything else is a bug, thrown on. */
function uncounted(error: unknown): undefined {
  if (error instanceof RangeError) return undefined;
  throw error;
}

/**
 * The calendar refuses dates outside CALENDAR_RANGE rather than miscount: the result is
 * undefined, and the caller records that the timescale was not judged.
 */
export function guarded<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    return uncounted(error);
  }
}

/** judge(), undefined where the calendar cannot count: guarded(() => judge(...)) without a closure per deadline. */
export function judgeGuarded(from: string, days: number, metOn: string | null, asOf: string): Outcome | undefined {
  try {
    return judge(from, days, metOn, asOf);
  } catch (error) {
    return uncounted(error);
  }
}
