import fc from 'fast-check';
import type { OrderEvent } from '../schema/events.js';
import { CALENDAR_RANGE, isWorkingDay } from '../calendar/index.js';
import { BUNDLED_PARAMETERS } from '../engine/bundled.js';
import { valueOn } from '../law/parameters.js';
import { DATE_RANGE } from '../schema/primitives.js';
import { dayOf, earlierOf, plusDays, plusMonths } from './days.js';
import type { Draft } from './draft.js';
import { pick, place } from './place.js';
import { AREAS, nth } from './vocabulary.js';
import { addWorkingDaysSafe } from './working-days.js';

/**
 * Events of an order in progress, built against the national standard timescales in force for the
 * case (rules/parameters/national-standards.json). On schedule, every deadline judged by `asOf` is
 * met; otherwise events may fall a few working days either side of each deadline.
 */
export const progressPicks = fc.record({
  /** Days from sentence to the date the record is read. */
  horizon: pick,
  explicitAsOf: fc.boolean(),
  firstAppointment: pick,
  sentencePlan: pick,
  oasys: fc.option(pick, { nil: undefined }),
  /** Drug tests in each week of the testing period, over the minimum when on schedule. */
  tests: fc.array(fc.nat({ max: 3 }), { minLength: 16, maxLength: 16 }),
  resultsReported: fc.boolean(),
  hearing: pick,
  programmeStart: pick,
  enforcement: fc.nat({ max: 2 }),
  failureAt: pick,
  secondFailureAt: pick,
  breachAction: pick,
  move: fc.option(fc.record({ at: pick, transfer: pick, area: fc.nat({ max: 9 }) }), { nil: undefined }),
});
export type ProgressPicks = typeof progressPicks extends fc.Arbitrary<infer T> ? T : never;

/**
 * Latest sentence date for an order whose findings need events counted in working days: its events
 * (up to about two years on) must stay inside the years the bank holiday calendar counts (to 2101;
 * past 2035 on the regular pattern alone, which the result then says).
 */
export const LAST_SENTENCE_WITH_EVENTS = `${CALENDAR_RANGE.to - 2}-12-31`;

/** Longest record generated: a year and a bit, enough for every timescale to come due. */
const HORIZON_DAYS = 400;
/** Off schedule, events may run this many working days past a deadline. */
const SLACK = 5;

/** Working days on, or calendar days where the bank holiday calendar cannot count (the rules then judge nothing). */
export const workingDaysAfter = (date: string, n: number): string => addWorkingDaysSafe(date, n) ?? plusDays(date, n);

/** Courts sit on working days: a review due on a weekend or holiday is due the next working day. */
export function nextSittingDay(date: string): string {
  try {
    return isWorkingDay(date) ? date : workingDaysAfter(date, 1);
  } catch {
    return date;
  }
}

/**
 * The figure of a national standard in force for a clock that started on `on` (the request, the
 * failure, the move), as the timescale facts read it: an event-keyed standard is read on that day,
 * not on the sentence date. Null where no figure is in force then.
 */
export function standardOn(draft: Draft, name: string, on: string): number | null {
  const definition = BUNDLED_PARAMETERS[name];
  if (!definition) return null;
  const { order } = draft;
  const offence = order.offences.reduce((latest, o) => (o.committedOn > latest ? o.committedOn : latest), order.offences[0]!.committedOn);
  const v = valueOn(definition, { offence, conviction: order.convictionDate, sentence: order.sentenceDate, event: on });
  return typeof v?.value === 'number' ? v.value : null;
}

/** The standard's working days, for this offender where tier 4 has its own. */
export function limit(draft: Draft, name: string, tier4Variant = false): number {
  const tier4 = tier4Variant && draft.order.offender.omTier === 4;
  return draft.law.num(tier4 ? `${name}.tier4` : name) ?? 0;
}

/**
 * Give the draft a record of events read on `asOf`, which is kept in the order or left implicit (the
 * latest event). `readOn` forces an explicit `asOf` no earlier than that date.
 */
export function addEvents(draft: Draft, p: ProgressPicks, onSchedule: boolean, readOn?: string): void {
  const { order, law } = draft;
  const s = order.sentenceDate;
  const horizon = earlierOf(plusDays(s, place(p.horizon, 0, HORIZON_DAYS)), DATE_RANGE.to);
  const asOf = readOn !== undefined && readOn > horizon ? readOn : horizon;
  const slack = onSchedule ? 0 : SLACK;
  const events: OrderEvent[] = [];
  const add = (e: OrderEvent) => {
    if (e.on <= asOf) events.push(e);
  };

  add({ type: 'first-appointment', on: workingDaysAfter(s, place(p.firstAppointment, 0, limit(draft, 'ns.firstAppointmentDays', true) + slack)) });
  add({ type: 'sentence-plan', on: workingDaysAfter(s, place(p.sentencePlan, 0, limit(draft, 'ns.sentencePlanDays', true) + slack)) });
  if (p.oasys) add({ type: 'oasys-completed', on: workingDaysAfter(s, place(p.oasys, 0, 20)) });

  const drrIndex = order.requirements.findIndex((r) => r.kind === 'drug-rehabilitation');
  const drr = order.requirements[drrIndex];
  if (drr?.kind === 'drug-rehabilitation' && order.sentence.type !== 'dtto') {
    const reduced = draft.band === 'low' || drr.setting === 'residential';
    const min = law.num(reduced ? 'ns.drugTesting.minPerWeekReduced' : 'ns.drugTesting.minPerWeek') ?? 0;
    const weeks = law.num('ns.drugTesting.weeks') ?? 0;
    for (let w = 0; w < weeks; w++) {
      const extra = p.tests[w % p.tests.length]!;
      const count = onSchedule ? min + extra : extra;
      for (let k = 0; k < count; k++) {
        const on = plusDays(s, 7 * w + Math.floor((k * 7) / count));
        add({ type: 'drug-test', on, ...(p.resultsReported ? { resultReportedOn: plusDays(on, 1) } : {}) });
      }
    }
  }

  const reviewed = order.requirements.find(
    (r) => r.kind === 'drug-rehabilitation' && (r.reviewIntervalWeeks !== undefined || r.reviewIntervalMonths !== undefined),
  );
  if (reviewed?.kind === 'drug-rehabilitation' && (reviewed.reviewIntervalWeeks || reviewed.reviewIntervalMonths)) {
    const { reviewIntervalWeeks: weeks, reviewIntervalMonths: months } = reviewed;
    // An interval in months is calendar months from the last hearing, as the rules count it.
    const next = (from: string) => (months !== undefined ? plusMonths(from, months) : plusDays(from, 7 * weeks!));
    const endsOn = earlierOf(plusMonths(s, reviewed.months), order.sentence.endDate);
    let last = s;
    for (;;) {
      const due = nextSittingDay(next(last));
      if (due > endsOn || due > asOf) break;
      const held = onSchedule ? due : plusDays(due, place(p.hearing, -3, slack));
      add({ type: 'review-hearing', on: held });
      last = held;
    }
  }

  for (const r of order.requirements) {
    if (r.kind === 'programme')
      add({ type: 'programme-start', on: workingDaysAfter(s, place(p.programmeStart, 0, limit(draft, 'ns.programmeStartDays') + slack)), programme: r.programme });
  }

  if (p.enforcement > 0) {
    const first = plusDays(s, place(p.failureAt, 1, 180));
    add({ type: 'unacceptable-failure', on: first });
    add({ type: 'warning', on: first });
    if (p.enforcement > 1) {
      const within = plusDays(plusMonths(first, law.num('enforcement.warningMonths') ?? 12), -1);
      const second = plusDays(first, place(p.secondFailureAt, 1, Math.max(1, dayOf(within) - dayOf(first))));
      add({ type: 'unacceptable-failure', on: second });
      add({ type: 'breach-initiated', on: workingDaysAfter(second, place(p.breachAction, 0, (standardOn(draft, 'ns.breachActionDays', second) ?? 0) + slack)) });
    }
  }

  if (p.move) {
    const moved = plusDays(s, place(p.move.at, 1, 300));
    const area = nth(AREAS, p.move.area);
    add({ type: 'moved-area', on: moved, area });
    add({ type: 'transfer-completed', on: workingDaysAfter(moved, place(p.move.transfer, 0, (standardOn(draft, 'ns.transferDays', moved) ?? 0) + slack)), area });
  }

  order.events = events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  if (p.explicitAsOf || readOn !== undefined) order.asOf = asOf;
  else delete order.asOf;
}
