import { addWorkingDays, isWorkingDay } from '../../calendar/index.js';
import { formatDayNumber } from '../../calendar/day-number.js';
import { addCalendarMonths, dayNumberOf } from '../dates.js';
import type { Requirement } from '../../schema/requirements.js';
import type { InProgress } from './context.js';
import { CALENDAR_LIMIT, guarded } from './deadline.js';

// Day-number arithmetic: exact, free of time zones, and fast over long event histories.
const plusWeeks = (date: string, weeks: number): string => formatDayNumber(dayNumberOf(date) + 7 * weeks);

/** Courts sit on working days: a hearing due on a weekend or bank holiday is due the next working day. */
const nextSittingDay = (date: string): string => (isWorkingDay(date) ? date : addWorkingDays(date, 1));

const FACTS = ['requirementIndex', 'interval', 'lastHeldOn', 'dueOn', 'heldOn', 'overdue', 'pending'].map((f) => `timescale.reviewHearing.${f}`);

const reviewed = (r: Requirement): boolean => r.kind === 'drug-rehabilitation' && (r.reviewIntervalWeeks !== undefined || r.reviewIntervalMonths !== undefined);

/**
 * DRR review hearings at the interval the order sets (CJA 2003 s.210; Sentencing Act 2020 Sch. 9
 * para 21), counted from sentence and then from each hearing held, for the first DRR that provides
 * for review. Hearings due after the DRR (or the order) ends are not required.
 */
export function reviewHearingFacts({ order, log, asOf, record }: InProgress): void {
  const index = order.requirements.findIndex(reviewed);
  const drr = order.requirements[index];
  if (drr?.kind !== 'drug-rehabilitation') return;
  const { reviewIntervalWeeks: weeks, reviewIntervalMonths: months } = drr;
  // An interval in months is calendar months (Interpretation Act 1978, Sch. 1), counted like the order's own length.
  const step = (from: string): string => (months !== undefined ? addCalendarMonths(from, months) : plusWeeks(from, weeks!));
  const interval = months !== undefined ? `${months} month${months === 1 ? '' : 's'}` : `${weeks} week${weeks === 1 ? '' : 's'}`;
  const drrEnd = addCalendarMonths(order.sentenceDate, drr.months);
  const endsOn = drrEnd < order.sentence.endDate ? drrEnd : order.sentence.endDate;
  // The latest day whose working-day status was read, for the calendar's horizon.
  let reachedTo = order.sentenceDate;
  const due = (from: string): string => {
    const d = nextSittingDay(step(from));
    if (d > reachedTo) reachedTo = d;
    return d;
  };
  const result = guarded(() => {
    let last: string | null = null;
    for (const hearing of log.of('review-hearing', order.sentenceDate)) {
      if (hearing.on === order.sentenceDate) continue;
      const dueOn = due(last ?? order.sentenceDate);
      if (dueOn > endsOn) break;
      if (hearing.on > dueOn) return { last, dueOn, heldOn: hearing.on, overdue: true, pending: false };
      last = hearing.on;
    }
    const dueOn = due(last ?? order.sentenceDate);
    if (dueOn > endsOn) return { last, dueOn: null, heldOn: null, overdue: false, pending: false };
    return { last, dueOn, heldOn: null, overdue: asOf > dueOn, pending: asOf <= dueOn };
  });
  if (!result) return record.skip('reviewHearing', CALENDAR_LIMIT);
  const f = record.facts;
  f['timescale.reviewHearing.requirementIndex'] = index;
  f['timescale.reviewHearing.interval'] = interval;
  f['timescale.reviewHearing.lastHeldOn'] = result.last;
  f['timescale.reviewHearing.dueOn'] = result.dueOn;
  f['timescale.reviewHearing.heldOn'] = result.heldOn;
  f['timescale.reviewHearing.overdue'] = result.overdue;
  f['timescale.reviewHearing.pending'] = result.pending;
  if (record.counted('reviewHearing', order.sentenceDate, reachedTo)) record.lowerForCalendar(FACTS, 'calendar');
}
