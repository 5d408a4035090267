import { CALENDAR_RANGE } from './range.js';
import { formatDayNumber, isWeekend } from './day-number.js';
import { assertYearInRange, parseIsoDate, toCalendarDay } from './parse-date.js';
import { regularBankHolidayDayNumbers } from './regular-holidays.js';
import { bankHolidayRules, type BankHolidayRules } from './rules.js';

export interface HolidayTable {
  readonly days: ReadonlySet<number>;
  readonly byYear: ReadonlyMap<number, readonly string[]>;
}

let table: HolidayTable | undefined;

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * The regular pattern for every year the calendar counts, with the recorded moves and extras laid
 * over it. Each exception is checked against the computed pattern, so a typo in the data (moving a
 * day that was never a holiday, an extra on a weekend, a day outside the recorded years) is an
 * error instead of a quietly wrong calendar.
 */
export function buildHolidayTable(rules: BankHolidayRules): HolidayTable {
  const { recorded, moved, extra } = rules;
  if (recorded.from > recorded.to || recorded.from < CALENDAR_RANGE.from || recorded.to > CALENDAR_RANGE.to) {
    throw new Error(
      `bank-holidays.json records ${recorded.from}-${recorded.to}, which is not within the years the calendar counts (CALENDAR_RANGE ${CALENDAR_RANGE.from}-${CALENDAR_RANGE.to})`,
    );
  }

  const years = new Map<number, Set<number>>();
  for (let year = CALENDAR_RANGE.from; year <= CALENDAR_RANGE.to; year++) {
    years.set(year, new Set(regularBankHolidayDayNumbers(year)));
  }
  const yearSet = (date: string): Set<number> => {
    const year = yearOf(date);
    const set = years.get(year);
    if (set === undefined || year < recorded.from || year > recorded.to) throw new Error(`bank-holidays.json: ${date} is outside the recorded range ${recorded.from}-${recorded.to}`);
    return set;
  };
  const addWeekday = (set: Set<number>, date: string): void => {
    const day = parseIsoDate(date);
    if (isWeekend(day)) throw new Error(`bank-holidays.json: ${date} falls on a weekend`);
    if (set.has(day)) throw new Error(`bank-holidays.json: ${date} is already a bank holiday`);
    set.add(day);
  };

  for (const { from, to } of moved) {
    if (yearOf(from) !== yearOf(to)) {
      throw new Error(`bank-holidays.json: move ${from} -> ${to} crosses a year boundary`);
    }
    const set = yearSet(from);
    if (!set.delete(parseIsoDate(from))) {
      throw new Error(`bank-holidays.json: ${from} is moved but is not a regular bank holiday`);
    }
    addWeekday(set, to);
  }
  for (const { date } of extra) addWeekday(yearSet(date), date);

  const days = new Set<number>();
  const byYear = new Map<number, readonly string[]>();
  for (const [year, set] of years) {
    const sorted = [...set].sort((a, b) => a - b);
    for (const day of sorted) days.add(day);
    byYear.set(year, Object.freeze(sorted.map(formatDayNumber)));
  }
  return { days, byYear };
}

function holidayTable(): HolidayTable {
  table ??= buildHolidayTable(bankHolidayRules);
  return table;
}

/** Day-number lookup for the working-day index, which works in integers. */
export function isBankHolidayDayNumber(dayNumber: number): boolean {
  return holidayTable().days.has(dayNumber);
}

/**
 * England and Wales bank holidays in `year`, in date order. Outside the recorded years
 * (RECORDED_RANGE) this is the regular pattern alone.
 */
export function bankHolidays(year: number): readonly string[] {
  assertYearInRange(year);
  // Present for every in-range year by construction.
  return holidayTable().byYear.get(year) ?? [];
}

export function isBankHoliday(date: string): boolean {
  return isBankHolidayDayNumber(toCalendarDay(date));
}
