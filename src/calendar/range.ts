import { DATE_RANGE } from '../schema/primitives.js';
import { bankHolidayRules } from './rules.js';

/**
 * Years the calendar counts: every year the input accepts (src/schema/primitives DATE_RANGE) and
 * the next, so a timescale that starts on the last day accepted can still end. The regular pattern
 * is computed for all of them; dates outside are refused rather than miscounted.
 */
export const CALENDAR_RANGE = Object.freeze({ from: Number(DATE_RANGE.from.slice(0, 4)), to: Number(DATE_RANGE.to.slice(0, 4)) + 1 } as const);

export type CalendarRange = { readonly from: number; readonly to: number };

/**
 * Years for which moved and extra bank holidays are recorded (rules/calendar/bank-holidays.json).
 * Outside them the calendar still counts, on the regular pattern alone, and a timescale that
 * reaches there says so: a proclamation could have moved or added a day.
 */
export const RECORDED_RANGE: CalendarRange = Object.freeze({ from: bankHolidayRules.recorded.from, to: bankHolidayRules.recorded.to });

const RECORDED_FROM = `${RECORDED_RANGE.from}-01-01`;
const RECORDED_TO = `${RECORDED_RANGE.to}-12-31`;

/** First and last day of the recorded years, as ISO dates. */
export const RECORDED_DAYS = Object.freeze({ from: RECORDED_FROM, to: RECORDED_TO });

/** True when every day from `from` to `to` falls in a year whose moved and extra holidays are recorded. */
export function withinRecordedHolidays(from: string, to: string = from): boolean {
  return from >= RECORDED_FROM && to <= RECORDED_TO;
}
