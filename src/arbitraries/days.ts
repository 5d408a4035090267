/**
 * Calendar arithmetic on ISO dates, done here on plain integers rather than with the library's own
 * date helpers: the generators must not share a mistake with the code they test, and they run
 * hundreds of thousands of times a suite.
 */

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!);

/** Whole days since 1970-01-01 (proleptic Gregorian). */
export function dayOf(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const yearsBefore = y - 1;
  const leapDays = Math.floor(yearsBefore / 4) - Math.floor(yearsBefore / 100) + Math.floor(yearsBefore / 400);
  const dayOfYear = DAYS_BEFORE_MONTH[m - 1]! + (m > 2 && isLeap(y) ? 1 : 0) + d - 1;
  return yearsBefore * 365 + leapDays + dayOfYear - 719_162;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** The ISO date `day` days after 1970-01-01 (civil-from-days, H. Hinnant). */
export function isoOf(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return iso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export const plusDays = (date: string, days: number): string => isoOf(dayOf(date) + days);

/** Calendar months on, as English law and date-fns count them: 31 January + 1 month = the last day of February. */
export function plusMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return iso(y, m, Math.min(Number(date.slice(8, 10)), daysInMonth(y, m)));
}

export const minusYears = (date: string, years: number): string => plusMonths(date, -12 * years);
export const laterOf = (a: string, b: string): string => (a >= b ? a : b);
export const earlierOf = (a: string, b: string): string => (a <= b ? a : b);
