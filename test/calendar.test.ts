import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addBusinessDays, addDays, differenceInCalendarDays, format, isWeekend as fnsIsWeekend, parseISO } from 'date-fns';
import {
  CALENDAR_RANGE,
  RECORDED_RANGE,
  withinRecordedHolidays,
  addWorkingDays,
  bankHolidayRules,
  bankHolidays,
  easterSunday,
  isBankHoliday,
  isWorkingDay,
  regularBankHolidays,
  workingDaysBetween,
} from '../src/calendar/index.js';
import { daysFromCivil, formatDayNumber, weekdayOf } from '../src/calendar/day-number.js';
import { buildHolidayTable } from '../src/calendar/bank-holidays.js';
import { bankHolidayRulesSchema, type BankHolidayRules } from '../src/calendar/rules.js';

// Independent oracle for day offsets: the UTC millisecond clock, never local time.
const MS_PER_DAY = 86_400_000;
const RANGE_START_MS = Date.UTC(CALENDAR_RANGE.from, 0, 1);
const RANGE_DAYS = (Date.UTC(CALENDAR_RANGE.to, 11, 31) - RANGE_START_MS) / MS_PER_DAY + 1;
const isoAt = (offset: number): string => new Date(RANGE_START_MS + offset * MS_PER_DAY).toISOString().slice(0, 10);
const offsetOf = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - RANGE_START_MS) / MS_PER_DAY;
const utcWeekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();
const nextDay = (iso: string): string => isoAt(offsetOf(iso) + 1);
const prevDay = (iso: string): string => isoAt(offsetOf(iso) - 1);
const LAST_DAY = `${CALENDAR_RANGE.to}-12-31`;

const years = Array.from(
  { length: CALENDAR_RANGE.to - CALENDAR_RANGE.from + 1 },
  (_, i) => CALENDAR_RANGE.from + i,
);

/** The project contract (SPEC §6), written out independently of the JSON file. */
const CONTRACT_EXCEPTIONS = {
  holidays: [
    '1995-05-08',
    '1999-12-31',
    '2002-06-03',
    '2002-06-04',
    '2011-04-29',
    '2012-06-04',
    '2012-06-05',
    '2020-05-08',
    '2022-06-02',
    '2022-06-03',
    '2022-09-19',
    '2023-05-08',
  ],
  replaced: ['1995-05-01', '2002-05-27', '2012-05-28', '2020-05-04', '2022-05-30'],
} as const;

/** Full lists as published on gov.uk (and, before 2012, the Gazette proclamations). */
const KNOWN_YEARS: Record<number, readonly string[]> = {
  1995: ['01-02', '04-14', '04-17', '05-08', '05-29', '08-28', '12-25', '12-26'],
  1999: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28', '12-31'],
  2002: ['01-01', '03-29', '04-01', '05-06', '06-03', '06-04', '08-26', '12-25', '12-26'],
  2004: ['01-01', '04-09', '04-12', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2005: ['01-03', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2010: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2011: ['01-03', '04-22', '04-25', '04-29', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

/** Every year has the 8 regular days; these add the extras. */
const EXPECTED_COUNTS: Record<number, number> = { 1999: 9, 2002: 9, 2011: 9, 2012: 9, 2022: 10, 2023: 9 };

describe('Easter (anonymous Gregorian computus)', () => {
  it.each([
    [1995, '1995-04-16'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
  ])('%i -> %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (const year of years) {
      const easter = easterSunday(year);
      expect(utcWeekday(easter)).toBe(0);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
    }
  });
});

describe('bankHolidays', () => {
  it.each(Object.entries(KNOWN_YEARS))('%s matches the published list', (year, days) => {
    expect(bankHolidays(Number(year))).toEqual(days.map((day) => `${year}-${day}`));
  });

  it('has 8 days a year except where a day was added', () => {
    for (const year of years) {
      expect(bankHolidays(year), String(year)).toHaveLength(EXPECTED_COUNTS[year] ?? 8);
    }
  });

  it('lists only weekdays of the right year, sorted and unique', () => {
    for (const year of years) {
      const days = bankHolidays(year);
      expect([...days].sort()).toEqual(days);
      expect(new Set(days).size).toBe(days.length);
      for (const day of days) {
        expect(day.startsWith(`${year}-`)).toBe(true);
        expect([0, 6]).not.toContain(utcWeekday(day));
        expect(isBankHoliday(day)).toBe(true);
        expect(isWorkingDay(day)).toBe(false);
      }
    }
  });

  it('is frozen so callers cannot corrupt the shared table', () => {
    expect(Object.isFrozen(bankHolidays(2024))).toBe(true);
  });

  it('applies the substitute-day rules (weekend New Year, Christmas and Boxing Day)', () => {
    // 2005: New Year Sat -> Mon 3rd; Christmas Sun -> Boxing Mon 26th + Christmas sub Tue 27th.
    expect(bankHolidays(2005)).toEqual(expect.arrayContaining(['2005-01-03', '2005-12-26', '2005-12-27']));
    expect(isBankHoliday('2005-01-01')).toBe(false);
    // 2010: Christmas Sat -> Mon 27th and Tue 28th.
    expect(bankHolidays(2010)).toEqual(expect.arrayContaining(['2010-12-27', '2010-12-28']));
    // 2015: Boxing Day Sat -> Mon 28th.
    expect(bankHolidays(2015)).toEqual(expect.arrayContaining(['2015-12-25', '2015-12-28']));
    // 2017: New Year Sun -> Mon 2nd.
    expect(bankHolidays(2017)[0]).toBe('2017-01-02');
  });
});

describe('moved and extra days', () => {
  it.each(CONTRACT_EXCEPTIONS.holidays)('%s is a bank holiday', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each(CONTRACT_EXCEPTIONS.replaced)('%s (the day replaced) is a working day', (date) => {
    expect(regularBankHolidays(Number(date.slice(0, 4)))).toContain(date);
    expect(isBankHoliday(date)).toBe(false);
    expect(isWorkingDay(date)).toBe(true);
  });

  it('the data file lists exactly the contract exceptions, each with a reason and source', () => {
    const added = [
      ...bankHolidayRules.moved.map((move) => move.to),
      ...bankHolidayRules.extra.map((extra) => extra.date),
    ].sort();
    expect(added).toEqual([...CONTRACT_EXCEPTIONS.holidays].sort());
    expect(bankHolidayRules.moved.map((move) => move.from).sort()).toEqual([...CONTRACT_EXCEPTIONS.replaced]);
    for (const entry of [...bankHolidayRules.moved, ...bankHolidayRules.extra]) {
      expect(entry.reason.length).toBeGreaterThan(0);
      expect(entry.source).toMatch(/proclamation/i);
    }
    expect(bankHolidayRules.recorded).toMatchObject({ ...RECORDED_RANGE });
  });

  it('every other year follows the regular pattern exactly', () => {
    const irregular = new Set(CONTRACT_EXCEPTIONS.holidays.map((date) => Number(date.slice(0, 4))));
    for (const year of years) {
      if (!irregular.has(year)) expect(bankHolidays(year), String(year)).toEqual(regularBankHolidays(year));
    }
  });
});

describe('data file checks', () => {
  const withRules = (patch: Partial<BankHolidayRules>): BankHolidayRules => ({ ...bankHolidayRules, ...patch });
  const source = 'test';

  it('builds from the shipped rules', () => {
    expect(() => buildHolidayTable(bankHolidayRules)).not.toThrow();
  });

  it('rejects moving a day that is not a regular bank holiday', () => {
    const moved = [{ from: '2022-05-31', to: '2022-06-02', reason: 'typo', source }];
    expect(() => buildHolidayTable(withRules({ moved }))).toThrow(/2022-05-31/);
  });

  it('rejects an extra day on a weekend or on an existing holiday', () => {
    expect(() => buildHolidayTable(withRules({ extra: [{ date: '2022-09-17', reason: 'Sat', source }] }))).toThrow(/weekend/);
    expect(() => buildHolidayTable(withRules({ extra: [{ date: '2022-12-26', reason: 'dup', source }] }))).toThrow(/already/);
  });

  it('rejects a move across a year, a day outside the recorded years, or recorded years the calendar does not count', () => {
    const moved = [{ from: '2021-12-28', to: '2022-01-04', reason: 'x', source }];
    expect(() => buildHolidayTable(withRules({ moved }))).toThrow(/year boundary/);
    expect(() => buildHolidayTable(withRules({ extra: [{ date: '2036-06-03', reason: 'x', source }] }))).toThrow(/recorded range 1995-2035/);
    expect(() => buildHolidayTable(withRules({ recorded: { from: 1995, to: 2102 } }))).toThrow(/CALENDAR_RANGE/);
    expect(() => buildHolidayTable(withRules({ recorded: { from: 1989, to: 2035 } }))).toThrow(/CALENDAR_RANGE/);
  });

  it('the schema rejects impossible dates, missing sources and unknown keys', () => {
    const json = structuredClone(bankHolidayRules);
    expect(bankHolidayRulesSchema.safeParse(json).success).toBe(true);
    expect(bankHolidayRulesSchema.safeParse({ ...json, extra: [{ date: '2023-02-29', reason: 'x', source }] }).success).toBe(false);
    expect(bankHolidayRulesSchema.safeParse({ ...json, extra: [{ date: '2023-05-08', reason: 'x', source: ' ' }] }).success).toBe(false);
    expect(bankHolidayRulesSchema.safeParse({ ...json, extras: [] }).success).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('excludes weekends and bank holidays only', () => {
    expect(isWorkingDay('2024-06-07')).toBe(true); // Friday
    expect(isWorkingDay('2024-06-08')).toBe(false); // Saturday
    expect(isWorkingDay('2024-06-09')).toBe(false); // Sunday
    expect(isWorkingDay('2024-12-24')).toBe(true); // Christmas Eve is not a holiday
    expect(isWorkingDay('2024-12-25')).toBe(false);
    expect(isWorkingDay('2024-02-29')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // weekends
    ['2024-06-07', 1, '2024-06-10'],
    ['2024-06-08', 1, '2024-06-10'],
    ['2024-06-09', 1, '2024-06-10'],
    ['2024-06-10', 5, '2024-06-17'],
    // Easter
    ['2024-03-28', 1, '2024-04-02'],
    ['2025-04-17', 2, '2025-04-23'],
    // Christmas and New Year
    ['2021-12-24', 1, '2021-12-29'],
    ['2010-12-24', 5, '2011-01-05'],
    ['2024-12-16', 15, '2025-01-09'],
    ['1999-12-24', 1, '1999-12-29'],
    ['1999-12-30', 1, '2000-01-04'],
    // moved holidays: the replaced day is worked, the new one is not
    ['1995-04-28', 1, '1995-05-01'],
    ['1995-05-05', 1, '1995-05-09'],
    ['2002-05-24', 1, '2002-05-27'],
    ['2002-05-31', 1, '2002-06-05'],
    ['2012-05-25', 1, '2012-05-28'],
    ['2012-06-01', 1, '2012-06-06'],
    ['2020-05-01', 1, '2020-05-04'],
    ['2020-05-07', 1, '2020-05-11'],
    ['2022-05-27', 1, '2022-05-30'],
    ['2022-06-01', 1, '2022-06-06'],
    // extra days
    ['2011-04-21', 1, '2011-04-26'],
    ['2011-04-28', 1, '2011-05-03'],
    ['2022-09-16', 1, '2022-09-20'],
    ['2023-05-05', 1, '2023-05-09'],
    // range edges
    ['1995-01-01', 1, '1995-01-03'],
    ['2035-12-28', 1, '2035-12-31'],
    ['1990-01-01', 1, '1990-01-02'],
    ['2101-12-29', 1, '2101-12-30'],
  ] as const)('addWorkingDays(%s, %i) === %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
    expect(workingDaysBetween(date, expected)).toBe(n);
  });

  it('returns the date unchanged for n = 0, even on a non-working day', () => {
    expect(addWorkingDays('2024-06-08', 0)).toBe('2024-06-08');
    expect(addWorkingDays('2024-12-25', 0)).toBe('2024-12-25');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects n = %s', (n) => {
    expect(() => addWorkingDays('2024-06-07', n)).toThrow(RangeError);
  });

  it('throws a RangeError when the answer would fall after the range', () => {
    expect(() => addWorkingDays(LAST_DAY, 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2101-12-20', 10)).toThrow(/2101-12-20/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days d with from < d <= to', () => {
    expect(workingDaysBetween('2024-06-07', '2024-06-07')).toBe(0);
    expect(workingDaysBetween('2024-06-07', '2024-06-09')).toBe(0);
    expect(workingDaysBetween('2024-06-07', '2024-06-10')).toBe(1);
    expect(workingDaysBetween('2024-06-06', '2024-06-07')).toBe(1);
    expect(workingDaysBetween('2024-12-24', '2024-12-27')).toBe(1);
    expect(workingDaysBetween('2022-05-27', '2022-06-06')).toBe(4); // 30, 31 May, 1 and 6 June
  });

  it('is 0 when to is before from', () => {
    expect(workingDaysBetween('2024-06-10', '2024-06-03')).toBe(0);
  });

  it('counts the working days of a whole year', () => {
    // 2024: 262 weekdays less 8 bank holidays.
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(254);
    // 2022: 260 weekdays less 10.
    expect(workingDaysBetween('2021-12-31', '2022-12-31')).toBe(250);
  });
});

describe('range and input validation', () => {
  it.each(['1989-12-31', '2102-01-01', '1066-10-14', '9999-12-31'])('%s throws a RangeError naming it', (date) => {
    expect(() => isBankHoliday(date)).toThrow(RangeError);
    expect(() => isBankHoliday(date)).toThrow(date);
    expect(() => isWorkingDay(date)).toThrow(date);
    expect(() => addWorkingDays(date, 1)).toThrow(date);
    expect(() => addWorkingDays(date, 0)).toThrow(date);
    expect(() => workingDaysBetween(date, '2000-01-01')).toThrow(date);
    expect(() => workingDaysBetween('2000-01-01', date)).toThrow(date);
  });

  it.each([1989, 2102, 2000.5, Number.NaN])('bankHolidays(%s) throws a RangeError', (year) => {
    expect(() => bankHolidays(year)).toThrow(RangeError);
    expect(() => regularBankHolidays(year)).toThrow(RangeError);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-6-7', '20240607', '2024-06-07T00:00:00Z', ' 2024-06-07', ''])(
    'malformed %j throws a RangeError',
    (date) => {
      expect(() => isWorkingDay(date)).toThrow(RangeError);
    },
  );

  it('accepts both ends of the range', () => {
    expect(isBankHoliday('1990-01-01')).toBe(true); // New Year's Day, a Monday
    expect(isWorkingDay(LAST_DAY)).toBe(false); // Saturday 2101-12-31
    expect(isWorkingDay('2101-12-30')).toBe(true);
  });
});

describe('properties', () => {
  const anyOffset = fc.integer({ min: 0, max: RANGE_DAYS - 1 });
  const allHolidayOffsets = years.flatMap((year) => bankHolidays(year).map(offsetOf));
  // Off-by-one bugs live next to holidays, weekends and the ends of the range, so bias towards them.
  const nearHoliday = fc
    .tuple(fc.constantFrom(...allHolidayOffsets), fc.integer({ min: -6, max: 6 }))
    .map(([offset, delta]) => Math.min(RANGE_DAYS - 1, Math.max(0, offset + delta)));
  const nearEdge = fc.oneof(fc.integer({ min: 0, max: 14 }), fc.integer({ min: RANGE_DAYS - 60, max: RANGE_DAYS - 1 }));
  const date = fc
    .oneof({ arbitrary: anyOffset, weight: 4 }, { arbitrary: nearHoliday, weight: 3 }, { arbitrary: nearEdge, weight: 1 })
    .map(isoAt);
  const count = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 2 },
  );

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n, landing on a working day', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        if (workingDaysBetween(d, LAST_DAY) < n) {
          // Not enough working days left in the range: must refuse, not guess.
          expect(() => addWorkingDays(d, n)).toThrow(RangeError);
          return;
        }
        const result = addWorkingDays(d, n);
        expect(workingDaysBetween(d, result)).toBe(n);
        if (n === 0) {
          expect(result).toBe(d);
        } else {
          expect(result > d).toBe(true);
          expect(isWorkingDay(result)).toBe(true);
          // Minimal: the day before the answer is still short of n.
          expect(workingDaysBetween(d, prevDay(result))).toBe(n - 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays agrees with stepping one day at a time', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        fc.pre(workingDaysBetween(d, LAST_DAY) >= n);
        let day = d;
        for (let left = n; left > 0; ) {
          day = nextDay(day);
          if (isWorkingDay(day)) left--;
        }
        expect(addWorkingDays(d, n)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it('workingDaysBetween is additive over consecutive intervals', () => {
    fc.assert(
      fc.property(fc.array(date, { minLength: 3, maxLength: 3 }), (dates) => {
        const [a = '', b = '', c = ''] = [...dates].sort();
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
      }),
      { numRuns: 1000 },
    );
  });

  it('isWorkingDay is exactly "weekday and not a bank holiday"', () => {
    fc.assert(
      fc.property(date, (d) => {
        const weekday = utcWeekday(d);
        expect(isWorkingDay(d)).toBe(weekday !== 0 && weekday !== 6 && !isBankHoliday(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('day numbers agree with the UTC clock across the range', () => {
    fc.assert(
      fc.property(anyOffset, (offset) => {
        const iso = isoAt(offset);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const dayNumber = daysFromCivil(y, m, d);
        expect(dayNumber).toBe(RANGE_START_MS / MS_PER_DAY + offset);
        expect(formatDayNumber(dayNumber)).toBe(iso);
        expect(weekdayOf(dayNumber)).toBe(utcWeekday(iso));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('every year the input accepts (issue 13.5)', () => {
  /** The regular pattern outside the recorded years, computed independently (Python, dateutil's Easter). */
  const REGULAR: Record<number, readonly string[]> = {
    1990: ['01-01', '04-13', '04-16', '05-07', '05-28', '08-27', '12-25', '12-26'],
    1994: ['01-03', '04-01', '04-04', '05-02', '05-30', '08-29', '12-26', '12-27'],
    2036: ['01-01', '04-11', '04-14', '05-05', '05-26', '08-25', '12-25', '12-26'],
    2040: ['01-02', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
    2099: ['01-01', '04-10', '04-13', '05-04', '05-25', '08-31', '12-25', '12-28'],
    2100: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
    2101: ['01-03', '04-15', '04-18', '05-02', '05-30', '08-29', '12-26', '12-27'],
  };

  it('counts every year of the input (1990-2100) and the next, so a timescale begun on the last day can end', () => {
    expect(CALENDAR_RANGE).toEqual({ from: 1990, to: 2101 });
  });

  it.each(Object.entries(REGULAR))('%s follows the regular pattern', (year, days) => {
    expect(bankHolidays(Number(year))).toEqual(days.map((day) => `${year}-${day}`));
  });

  it('knows which days fall in the years whose moved and extra holidays are recorded', () => {
    expect(RECORDED_RANGE).toEqual({ from: 1995, to: 2035 });
    expect(withinRecordedHolidays('1994-12-31')).toBe(false);
    expect(withinRecordedHolidays('1995-01-01')).toBe(true);
    expect(withinRecordedHolidays('2035-12-31')).toBe(true);
    expect(withinRecordedHolidays('2036-01-01')).toBe(false);
    expect(withinRecordedHolidays('2035-12-20', '2036-01-03')).toBe(false);
    expect(withinRecordedHolidays('1994-12-30', '1995-01-05')).toBe(false);
  });

  // date-fns is the independent oracle for the day arithmetic: its own date stepping and weekends,
  // with only the holiday list taken from the calendar under test.
  const first = parseISO(`${CALENDAR_RANGE.from}-01-01`);
  const lastDay = parseISO(`${CALENDAR_RANGE.to}-12-31`);
  const span = differenceInCalendarDays(lastDay, first);
  const anyDay = fc.integer({ min: 0, max: span }).map((k) => format(addDays(first, k), 'yyyy-MM-dd'));
  const steps = fc.integer({ min: 0, max: 60 });

  it('addWorkingDays agrees with date-fns stepping over the whole range', () => {
    fc.assert(
      fc.property(anyDay, steps, (d, n) => {
        let day = parseISO(d);
        for (let left = n; left > 0; ) {
          day = addDays(day, 1);
          if (differenceInCalendarDays(day, lastDay) > 0) {
            expect(() => addWorkingDays(d, n)).toThrow(RangeError);
            return;
          }
          if (!fnsIsWeekend(day) && !isBankHoliday(format(day, 'yyyy-MM-dd'))) left--;
        }
        expect(addWorkingDays(d, n)).toBe(format(day, 'yyyy-MM-dd'));
      }),
      { numRuns: 1500 },
    );
  });

  it('workingDaysBetween inverts addWorkingDays over the whole range', () => {
    fc.assert(
      fc.property(anyDay, steps, (d, n) => {
        let result: string;
        try {
          result = addWorkingDays(d, n);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          expect(d >= `${CALENDAR_RANGE.to}-10-01`).toBe(true);
          return;
        }
        expect(workingDaysBetween(d, result)).toBe(n);
      }),
      { numRuns: 1500 },
    );
  });

  it('with no bank holiday in the way, it is date-fns addBusinessDays', () => {
    // The first half of February has no bank holiday in any year.
    fc.assert(
      fc.property(fc.integer({ min: CALENDAR_RANGE.from, max: CALENDAR_RANGE.to }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 5 }), (year, day, n) => {
        const d = `${year}-02-0${day}`;
        expect(addWorkingDays(d, n)).toBe(format(addBusinessDays(parseISO(d), n), 'yyyy-MM-dd'));
      }),
      { numRuns: 500 },
    );
  });
});
