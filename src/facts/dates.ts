import { daysInMonth } from '../calendar/day-number.js';

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

