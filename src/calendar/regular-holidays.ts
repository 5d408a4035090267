import { daysFromCivil, daysInMonth, formatDayNumber, weekdayOf } from './day-number.js';
import { easterSundayDayNumber } from './easter.js';
import { assertYearInRange } from './parse-date.js';

const MONDAY = 1;

function firstMonday(year: number, month: number): number {
  const first = daysFromCivil(year, month, 1);
  return first + ((MONDAY - weekdayOf(first) + 7) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) - MONDAY + 7) % 7);
}

/** A weekend New Year's Day is replaced by the following Monday (2nd or 3rd). */
function newYearsDay(year: number): number {
  const day = daysFromCivil(year, 1, 1);
  const weekday = weekdayOf(day);
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

/**
 * Christmas and Boxing Day always yield two weekdays: a Friday Christmas
 * pushes Boxing Day to Monday 28th; a Saturday one gives Mon 27th
 * (Christmas substitute) and Tue 28th (Boxing substitute); a Sunday one gives
 * Mon 26th (Boxing Day) and Tue 27th (Christmas substitute).
 */
function christmasDays(year: number): readonly [number, number] {
  const christmas = daysFromCivil(year, 12, 25);
  switch (weekdayOf(christmas)) {
    case 5:
      return [christmas, christmas + 3];
    case 6:
      return [christmas + 2, christmas + 3];
    case 0:
      return [christmas + 1, christmas + 2];
    default:
      return [christmas, christmas + 1];
  }
}

/** As day numbers in date order; the moved/extra days are applied elsewhere. */
export function regularBankHolidayDayNumbers(year: number): readonly number[] {
  const easter = easterSundayDayNumber(year);
  return [
    newYearsDay(year),
    easter - 2, // Good Friday
    easter + 1, // Easter Monday
    firstMonday(year, 5), // early May
    lastMonday(year, 5), // spring
    lastMonday(year, 8), // summer
    ...christmasDays(year),
  ];
}

/**
 * The settled pattern only, before any proclamation moves or adds a day —
 * kept separate so the data file need list only the exceptions.
 */
export function regularBankHolidays(year: number): readonly string[] {
  assertYearInRange(year);
  return Object.freeze(regularBankHolidayDayNumbers(year).map(formatDayNumber));
}
