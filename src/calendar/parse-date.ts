import { CALENDAR_RANGE } from './range.js';
import { daysFromCivil, daysInMonth } from './day-number.js';

/**
 * The number spelt by the `count` ASCII digits of `text` from `from`, or -1 where one of them is
 * not a digit (or is past the end). Read by character code: a regex match or a slice would allocate
 * on every date the calendar counts.
 */
export function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    // NaN past the end fails the test as a non-digit does.
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const DASH = 45;

/** The year of a 'YYYY-MM-DD' string (digits and dashes in place, any values), or -1 for any other text. */
export function isoYear(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return -1;
  return digitsAt(date, 5, 2) < 0 || digitsAt(date, 8, 2) < 0 ? -1 : digitsAt(date, 0, 4);
}

/**
 * Strict 'YYYY-MM-DD' only: `Date.parse` would accept '2024-02-30' or a
 * timestamp and read some forms as UTC and others as local time.
 */
export function parseIsoDate(date: string): number {
  const year = typeof date === 'string' ? isoYear(date) : -1;
  if (year < 0) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected an ISO date 'YYYY-MM-DD'`);
  }
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: no such calendar day`);
  }
  return daysFromCivil(year, month, day);
}

export function assertYearInRange(year: number, what: string = `Year ${year}`): void {
  if (!Number.isInteger(year) || year < CALENDAR_RANGE.from || year > CALENDAR_RANGE.to) {
    throw new RangeError(
      `${what} is outside the bank-holiday calendar range ${CALENDAR_RANGE.from}-${CALENDAR_RANGE.to}`,
    );
  }
}

/** Parses and range-checks in one step, so no caller can skip the range check. */
export function toCalendarDay(date: string): number {
  const dayNumber = parseIsoDate(date);
  // parseIsoDate accepted the date, so its first four characters are digits.
  const year = digitsAt(date, 0, 4);
  // The message is built only for a refusal: every date counted would otherwise allocate one.
  if (year < CALENDAR_RANGE.from || year > CALENDAR_RANGE.to) assertYearInRange(year, `Date ${date}`);
  return dayNumber;
}
