import { addWorkingDays } from '../calendar/index.js';

/** `addWorkingDays`, or null where the bank holiday calendar (1990-2101) cannot count. */
export function addWorkingDaysSafe(date: string, n: number): string | null {
  try {
    return addWorkingDays(date, n);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
