// A few cheap breaks of the calendar and fact helpers the law's dates and limits pass through. Each
// replaces one exact snippet of a file under src/; generate.mjs warns and drops a break whose snippet
// has gone, so a refactor cannot silently leave a break that mutates nothing.
export const HELPER_BREAKS = [
  {
    file: 'src/facts/dates.ts',
    what: 'ageOn: a birthday counts a day late (< -> <=)',
    // The path every ISO date takes (dateKey); the string path is only for text of another shape.
    find: 'return on % 10000 < birth % 10000 ? years - 1 : years;',
    replace: 'return on % 10000 <= birth % 10000 ? years - 1 : years;',
  },
  {
    file: 'src/facts/dates.ts',
    what: 'monthsBetween: no half month for days left over',
    find: 'return keyPlusMonths(from, months) === to ? months : months + 0.5;',
    replace: 'return months;',
  },
  {
    file: 'src/facts/dates.ts',
    what: 'addCalendarMonths: not clamped to the month\'s last day',
    find: 'const day = Math.min(numberAt(start, 8, 2), daysInMonth(year, month));',
    replace: 'const day = numberAt(start, 8, 2);',
  },
  {
    file: 'src/calendar/add-working-days.ts',
    what: 'addWorkingDays: one working day short',
    find: 'const target = (countUpTo[day - start] ?? 0) + n - 1;',
    replace: 'const target = (countUpTo[day - start] ?? 0) + n - 2;',
  },
  {
    file: 'src/calendar/working-day-index.ts',
    what: 'isWorkingDay: bank holidays count as working days',
    find: 'return !isWeekend(dayNumber) && !isBankHolidayDayNumber(dayNumber);',
    replace: 'return !isWeekend(dayNumber);',
  },
  {
    file: 'src/facts/order.ts',
    what: 'date.earliestOffence: the latest offence instead',
    find: 'if (o.committedOn < earliestOffence) earliestOffence = o.committedOn;',
    replace: 'if (o.committedOn > earliestOffence) earliestOffence = o.committedOn;',
  },
];
