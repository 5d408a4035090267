import { daysFromCivil, daysInMonth, formatCivil, formatDayNumber } from '../calendar/day-number.js';
import { digitsAt, isoYear } from '../calendar/parse-date.js';

/** Number(text.slice(from, from + count)), read without making the slice where those characters are digits. */
function numberAt(text: string, from: number, count: number): number {
  const value = digitsAt(text, from, count);
  return value >= 0 ? value : Number(text.slice(from, from + count));
}

/**
 * year * 10000 + month * 100 + day for a string shaped 'YYYY-MM-DD' with a month of 1-12 and a year
 * of 1-9998, else -1. Such strings compare as these numbers do, and so do the dates whole months
 * from them (a year either way, still four digits).
 */
function dateKey(iso: string): number {
  const year = isoYear(iso);
  // isoYear found digits in the month's and the day's places, so both read as numbers.
  const month = digitsAt(iso, 5, 2);
  return year >= 1 && year <= 9998 && month >= 1 && month <= 12 ? year * 10000 + month * 100 + digitsAt(iso, 8, 2) : -1;
}

/**
 * Age in whole years on `date`. Someone born on 29 February turns a year older on 1 March in a
 * common year, as English law counts it.
 */
export function ageOn(dateOfBirth: string, date: string): number {
  const birth = dateKey(dateOfBirth);
  const on = dateKey(date);
  if (birth >= 0 && on >= 0) {
    const years = Math.floor(on / 10000) - Math.floor(birth / 10000);
    return on % 10000 < birth % 10000 ? years - 1 : years;
  }
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}


/** `start` plus `months` calendar months, clamped to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addCalendarMonths(start: string, months: number): string {
  const total = numberAt(start, 0, 4) * 12 + numberAt(start, 5, 2) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(numberAt(start, 8, 2), daysInMonth(year, month));
  return formatCivil(year, month, day);
}

/**
 * Calendar months from `start` to `end`: whole months, plus 0.5 when some days are left over.
 * So `lengthMonths > 36` exactly when `end` is later than three calendar years after `start`,
 * and a whole-month requirement fits when its months are at most this figure.
 */
export function monthsBetween(start: string, end: string): number {
  const from = dateKey(start);
  const to = dateKey(end);
  if (from >= 0 && to >= 0) return monthsBetweenKeys(from, to);
  let months = (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + (Number(end.slice(5, 7)) - Number(start.slice(5, 7)));
  while (months > 0 && addCalendarMonths(start, months) > end) months--;
  return addCalendarMonths(start, months) === end ? months : months + 0.5;
}


/** monthsBetween on date keys (see dateKey): the same count, made without a string per month tried. */
function monthsBetweenKeys(from: number, to: number): number {
  let months = (Math.floor(to / 10000) - Math.floor(from / 10000)) * 12 + (Math.floor(to / 100) % 100) - (Math.floor(from / 100) % 100);
  while (months > 0 && keyPlusMonths(from, months) > to) months--;
  return keyPlusMonths(from, months) === to ? months : months + 0.5;
}

/** The key of addCalendarMonths(start, months), for the key of `start`. */
function keyPlusMonths(start: number, months: number): number {
  const total = Math.floor(start / 10000) * 12 + (Math.floor(start / 100) % 100) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return year * 10000 + month * 100 + Math.min(start % 100, daysInMonth(year, month));
}

/** The day number of a 'YYYY-MM-DD' date (see calendar/day-number): for real dates, in the same order as the strings. */
export const dayNumberOf = (iso: string): number => daysFromCivil(numberAt(iso, 0, 4), numberAt(iso, 5, 2), numberAt(iso, 8, 2));

/** Whole calendar months in the `days` days that begin on `from`: a month from 10 March ends on 10 April. */
export function wholeMonthsIn(from: string, days: number): number {
  return Math.floor(monthsBetween(from, formatDayNumber(dayNumberOf(from) + days)));
}

/** The shortest span an interval of fixed days makes, in whole calendar months, and the review it starts from. */
export interface IntervalInMonths {
  readonly wholeMonths: number;
  /** The first review from which the interval spans only `wholeMonths` months. */
  readonly from: string;
  readonly to: string;
}

/**
 * An interval of `days` days between reviews, as whole calendar months at its shortest, over the
 * reviews of a period of `periodMonths` months beginning `start` (the first review one interval
 * after `start`). A calendar month is 28 to 31 days, so a fixed number of days is a month or more
 * from some dates and less from others: 28 days is a whole month only from a date in a 28-day
 * February (or from 29-31 January, whose month ends on the last day of February), and 31 days or
 * more is a month from every date. Each interval in the period is measured from its own start.
 */
export function intervalInMonths(start: string, periodMonths: number, days: number): IntervalInMonths {
  const first = dayNumberOf(start);
  const span = (from: number): IntervalInMonths => {
    const iso = formatDayNumber(from);
    return { wholeMonths: wholeMonthsIn(iso, days), from: iso, to: formatDayNumber(from + days) };
  };
  // A month is at most 31 days and at least 28: between those bounds the dates decide.
  const surely = Math.floor(days / 31);
  if (days <= 0 || surely === Math.floor(days / 28)) return span(first);
  const end = dayNumberOf(addCalendarMonths(start, periodMonths));
  let shortest = span(first);
  for (let from = first + days; from + days <= end && shortest.wholeMonths > surely; from += days) {
    const here = span(from);
    if (here.wholeMonths < shortest.wholeMonths) shortest = here;
  }
  return shortest;
}
