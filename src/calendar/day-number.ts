/**
 * Civil dates as integer day numbers (days since 1970-01-01, proleptic
 * Gregorian). Pure integer arithmetic (H. Hinnant's days_from_civil /
 * civil_from_days) so no `Date`, time zone or DST can shift a day.
 */

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

/** 0 = Sunday ... 6 = Saturday, matching `Date#getDay` and date-fns. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? Number.NaN);
}

export function daysFromCivil(year: number, month: number, day: number): number {
  // Count from March so the leap day falls at the end of the computational year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function weekdayOf(dayNumber: number): Weekday {
  // 1970-01-01 was a Thursday (4); the double modulo keeps negatives in 0..6.
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * '-MM-DD' for every month and day 1-31, and 'YYYY' for the years around the calendar's, made once:
 * a date is then one concatenation (one string of ten characters) rather than seven strings.
 */
const MONTH_DAYS: readonly string[] = Array.from({ length: 12 * 31 }, (_, i) => `-${pad(Math.floor(i / 31) + 1, 2)}-${pad((i % 31) + 1, 2)}`);
const YEAR_BASE = 1900;
const YEAR_TEXTS: (string | undefined)[] = new Array<string | undefined>(400).fill(undefined);

/** `year`-`month`-`day` as 'YYYY-MM-DD', zero-padded as padStart pads them (outside the tables, by padStart itself). */
export function formatCivil(year: number, month: number, day: number): string {
  const y = year - YEAR_BASE;
  if (Number.isInteger(y) && y >= 0 && y < YEAR_TEXTS.length && Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= 31) {
    return (YEAR_TEXTS[y] ??= pad(year, 4)) + MONTH_DAYS[(month - 1) * 31 + day - 1]!;
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return formatCivil(year, month, day);
}
