import { CALENDAR_RANGE } from './range.js';
import { daysFromCivil, daysInMonth } from './day-number.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Strict 'YYYY-MM-DD' only: `Date.parse` would accept '2024-02-30' or a
 * timestamp and read some forms as UTC and others as local time.
 */
export function parseIsoDate(date: string): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match === null) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected an ISO date 'YYYY-MM-DD'`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
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
  assertYearInRange(Number(date.slice(0, 4)), `Date ${date}`);
  return dayNumber;
}
