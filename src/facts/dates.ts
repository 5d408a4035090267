import { daysFromCivil, daysInMonth, formatDayNumber } from '../calendar/day-number.js';

/**
 * Age in whole years on `date`. Someone born on 29 February turns a year older on 1 March in a
 * common year, as English law counts it.
 */
export function ageOn(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}


/** `start` plus `months` calendar months, clamped to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addCalendarMonths(start: string, months: number): string {
  const total = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(start.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Calendar months from `start` to `end`: whole months, plus 0.5 when some days are left over.
 * So `lengthMonths > 36` exactly when `end` is later than three calendar years after `start`,
 * and a whole-month requirement fits when its months are at most this figure.
 */
export function monthsBetween(start: string, end: string): number {
  let months = (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + (Number(end.slice(5, 7)) - Number(start.slice(5, 7)));
  while (months > 0 && addCalendarMonths(start, months) > end) months--;
  return addCalendarMonths(start, months) === end ? months : months + 0.5;
}


const dayNumberOf = (iso: string): number => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

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
