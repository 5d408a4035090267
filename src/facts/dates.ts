import { addMonths, format } from 'date-fns';

/** Parse YYYY-MM-DD as a local calendar day; date-fns month arithmetic then never crosses a timezone edge. */
export function toDate(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export const toIso = (date: Date): string => format(date, 'yyyy-MM-dd');

/**
 * Age in whole years on `date`. Someone born on 29 February turns a year older on 1 March in a
 * common year, as English law counts it.
 */
export function ageOn(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * Calendar months from `start` to `end`: whole months, plus 0.5 when some days are left over.
 * So `lengthMonths > 36` exactly when `end` is later than three calendar years after `start`,
 * and a whole-month requirement fits when its months are at most this figure.
 */
export function monthsBetween(start: string, end: string): number {
  const s = toDate(start);
  const e = toDate(end);
  let months = (e.getFullYear() - s.getFullYear()) * 12 + (e.getMonth() - s.getMonth());
  while (months > 0 && addMonths(s, months) > e) months--;
  const exact = toIso(addMonths(s, months)) === end;
  return exact ? months : months + 0.5;
}

/** The later of two ISO dates (string order is date order for YYYY-MM-DD). */
export const later = (a: string, b: string): string => (a >= b ? a : b);
export const earlier = (a: string, b: string): string => (a <= b ? a : b);
