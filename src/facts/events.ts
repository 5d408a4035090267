import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../calendar/index.js';
import { daysFromCivil, formatDayNumber } from '../calendar/day-number.js';
import type { ResolvedParameters } from '../law/resolve.js';
import type { OrderEvent } from '../schema/events.js';
import type { ProposedOrder } from '../schema/order.js';
import { addCalendarMonths } from './dates.js';
import type { FactValue } from './types.js';

/**
 * Facts about an order in progress (its events and `asOf`), for the National Standards timescale
 * rules in rules/national-standards/. Each timescale is computed here and reduced to plain values
 * (ISO dates, counts, booleans) so a rule only tests e.g. `timescale.firstAppointment.late equal true`.
 *
 * Conventions shared by every timescale:
 * - "within n working days of D" means by addWorkingDays(D, n): D itself is not counted, and the
 *   deadline is met by an event on that day.
 * - Only events dated on or before `asOf` count: the record is read as it stood that day.
 * - A deadline passed with no event by `asOf` is late; one still ahead is pending, not late.
 * - A fact is null when its timescale does not apply: a proposal (no `events`), a standard not in
 *   force for the case (parameter null), or a date the bank holiday calendar (1995-2035) cannot count.
 */

/** The facts of one deadline, under `timescale.<name>.`. */
const DEADLINE_FIELDS = {
  from: 'date the clock started',
  limitDays: 'working days allowed (the parameter in force, for this tier where it differs)',
  dueOn: 'last day to meet it',
  metOn: 'date it was met (null if not by asOf)',
  workingDaysTaken: 'working days from the start to the date it was met (null if not met)',
  late: 'true if met after the due date, or not met and asOf is past it',
  pending: 'true if not met and the due date is still ahead on asOf',
} as const;
type DeadlineField = keyof typeof DEADLINE_FIELDS;

const DEADLINES = {
  psr: 'Pre-sentence report (from the request)',
  firstAppointment: 'First appointment with the offender manager (from sentence)',
  sentencePlan: 'Sentence plan (from sentence)',
  breachAction: 'Breach action after an unacceptable failure within the warning period (from that failure)',
  transfer: 'Case transfer after a move to another area (from the move)',
  programmeStart: 'Start of an accredited programme required by the order (from sentence)',
} as const;
type DeadlineName = keyof typeof DEADLINES;

/** Names and meanings of the event facts below; merged into the fact catalogue that rule packs are checked against. */
export const EVENT_FACTS: Readonly<Record<string, string>> = {
  'events.inProgress': 'The order has an events list: it is in progress, not a proposal',
  'events.asOf': "Date the timescales are judged on: asOf, else the latest event's date (null if neither)",
  ...Object.fromEntries(
    Object.entries(DEADLINES).flatMap(([name, what]) =>
      Object.entries(DEADLINE_FIELDS).map(([field, meaning]) => [`timescale.${name}.${field}`, `${what}: ${meaning}`]),
    ),
  ),
  'timescale.psr.type': 'Pre-sentence report type (standard, fast or oral), or null',
  'timescale.breachAction.afterOn': 'Date of the earlier failure or warning that made this failure call for breach action',
  'timescale.transfer.area': 'Area the offender moved to',
  'timescale.programmeStart.programme': 'Programme whose start is judged',
  'timescale.programmeStart.requirementIndex': 'Index of the programme requirement whose start is judged',
  'timescale.reviewHearing.requirementIndex': 'Index of the DRR whose review hearings are judged',
  'timescale.reviewHearing.intervalWeeks': 'Weeks between review hearings set by the order',
  'timescale.reviewHearing.lastHeldOn': 'Last review hearing before the one judged (null if none since sentence)',
  'timescale.reviewHearing.dueOn': 'Date the judged review hearing was due (interval from the last hearing or sentence, moved to the next working day)',
  'timescale.reviewHearing.heldOn': 'Date of the hearing held after its due date (null if none by asOf)',
  'timescale.reviewHearing.overdue': 'A review hearing was not held by its due date',
  'timescale.reviewHearing.pending': 'The next review hearing is still ahead on asOf',
  'timescale.drugTesting.requirementIndex': 'Index of the DRR whose recorded drug tests are judged (the first DRR)',
  'timescale.drugTesting.reduced': 'The reduced minimum applies (lowest seriousness band or residential treatment, PC80/2005)',
  'timescale.drugTesting.minPerWeek': 'Fewest tests a week required in the first weeks',
  'timescale.drugTesting.weeksChecked': 'Whole weeks from sentence within the testing period that had ended by asOf',
  'timescale.drugTesting.weeksBelow': 'Of those weeks, how many had fewer tests than the minimum',
  'timescale.drugTesting.firstWeekBelowFrom': 'First day of the first week with too few tests',
  'timescale.drugTesting.testsInFirstWeekBelow': 'Tests recorded in that week',
  'timescale.drugTesting.belowStandard': 'Some week in the testing period had fewer tests than the minimum',
  'enforcement.secondWarning.given': 'A warning was given within the warning period after an earlier warning',
  'enforcement.secondWarning.on': 'Date of that second warning',
  'enforcement.secondWarning.previousOn': 'Date of the earlier warning',
};

type Facts = Record<string, FactValue>;
type EventOf<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;

interface Outcome {
  readonly dueOn: string;
  readonly metOn: string | null;
  readonly workingDaysTaken: number | null;
  readonly late: boolean;
  readonly pending: boolean;
}

/** The calendar refuses dates outside 1995-2035 rather than miscount; here that means "cannot judge". */
function guarded<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

const numberParam = (params: ResolvedParameters, name: string): number | null => {
  const value = params[name]?.value;
  return typeof value === 'number' ? value : null;
};

// Calendar arithmetic on day numbers: exact, free of time zones, and fast over long event histories.
const ymd = (iso: string): [number, number, number] => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
const plusDays = (date: string, days: number): string => formatDayNumber(daysFromCivil(...ymd(date)) + days);
const plusWeeks = (date: string, weeks: number): string => plusDays(date, 7 * weeks);
const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A deadline n working days after `from`, judged on `asOf`. */
function judge(from: string, days: number, metOn: string | null, asOf: string): Outcome {
  const dueOn = addWorkingDays(from, days);
  if (metOn !== null) {
    return { dueOn, metOn, workingDaysTaken: workingDaysBetween(from, metOn), late: metOn > dueOn, pending: false };
  }
  const late = asOf > dueOn;
  return { dueOn, metOn: null, workingDaysTaken: null, late, pending: !late };
}

/** Of several deadlines of one kind, the one to report: the first late, else the first pending, else the last met. */
function reported<T extends { outcome: Outcome }>(judged: readonly T[]): T | undefined {
  return judged.find((j) => j.outcome.late) ?? judged.find((j) => j.outcome.pending) ?? judged.at(-1);
}

function putDeadline(facts: Facts, name: DeadlineName, from: string, limitDays: number, o: Outcome): void {
  const values: Record<DeadlineField, FactValue> = { from, limitDays, ...o };
  for (const field of Object.keys(DEADLINE_FIELDS) as DeadlineField[]) facts[`timescale.${name}.${field}`] = values[field];
}

/** The records as they stood on `asOf`, by type, each list in date order. */
class EventLog {
  private readonly byType = new Map<string, OrderEvent[]>();
  constructor(events: readonly OrderEvent[], asOf: string) {
    const sorted = events.filter((e) => e.on <= asOf).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const e of sorted) {
      const list = this.byType.get(e.type);
      if (list) list.push(e);
      else this.byType.set(e.type, [e]);
    }
  }
  /** Events of one type dated on or after `from`. */
  of<T extends OrderEvent['type']>(type: T, from: string): EventOf<T>[] {
    return ((this.byType.get(type) ?? []) as EventOf<T>[]).filter((e) => e.on >= from);
  }
  first(type: OrderEvent['type'], from: string): string | null {
    return this.of(type, from)[0]?.on ?? null;
  }
}

function psrFacts(order: ProposedOrder, params: ResolvedParameters, asOf: string | null, facts: Facts): void {
  const psr = order.psr;
  if (!psr) return;
  facts['timescale.psr.type'] = psr.type;
  if (psr.type === 'oral' || psr.unnecessary === true || psr.requestedOn === undefined) return;
  const days = numberParam(params, psr.type === 'fast' ? 'ns.psr.fastDays' : 'ns.psr.standardDays');
  if (days === null) return;
  const requestedOn = psr.requestedOn;
  if (psr.deliveredOn !== undefined) {
    putDeadline(facts, 'psr', requestedOn, days, judge(requestedOn, days, psr.deliveredOn, psr.deliveredOn));
    return;
  }
  // With no delivery recorded, the report is judged on the sentence date (a sentence passed with no
  // report recorded), or on asOf if that comes first. With neither date to judge on, a proposal's
  // report may simply be unrecorded, so it is not judged.
  if (asOf === null) return;
  const judgedOn = asOf < order.sentenceDate ? asOf : order.sentenceDate;
  const o = judge(requestedOn, days, null, judgedOn);
  putDeadline(facts, 'psr', requestedOn, days, { ...o, pending: o.pending && asOf < order.sentenceDate });
}

/** First appointment and sentence plan: n working days from sentence, shorter for tier 4 where the standard says so. */
function fromSentenceFacts(order: ProposedOrder, params: ResolvedParameters, log: EventLog, asOf: string, facts: Facts): void {
  const tier4 = order.offender.omTier === 4;
  const checks = [
    { name: 'firstAppointment', param: 'ns.firstAppointmentDays', event: 'first-appointment' },
    { name: 'sentencePlan', param: 'ns.sentencePlanDays', event: 'sentence-plan' },
  ] as const;
  for (const c of checks) {
    const days = numberParam(params, tier4 ? `${c.param}.tier4` : c.param);
    if (days === null) continue;
    const outcome = guarded(() => judge(order.sentenceDate, days, log.first(c.event, order.sentenceDate), asOf));
    if (outcome) putDeadline(facts, c.name, order.sentenceDate, days, outcome);
  }
}

/**
 * The statutory one-warning rule (CJA 2003 Sch. 8 para 5(1)(a)): a warning given while an earlier one
 * is within its period. A warning on the anniversary of the last is outside "the previous twelve
 * months", the reading that flags fewer cases.
 */
function secondWarningFacts(order: ProposedOrder, params: ResolvedParameters, log: EventLog, facts: Facts): void {
  const months = numberParam(params, 'enforcement.warningMonths');
  if (months === null) return;
  const warnings = log.of('warning', order.sentenceDate);
  facts['enforcement.secondWarning.given'] = false;
  for (let i = 1; i < warnings.length; i++) {
    const previous = warnings[i - 1]!.on;
    if (warnings[i]!.on < addCalendarMonths(previous, months)) {
      facts['enforcement.secondWarning.given'] = true;
      facts['enforcement.secondWarning.on'] = warnings[i]!.on;
      facts['enforcement.secondWarning.previousOn'] = previous;
      return;
    }
  }
}

/**
 * Breach action: an unacceptable failure within the warning period of an earlier failure or warning
 * (the second unacceptable failure, NS 2000/2002; CJA 2003 Sch. 8 paras 5-6) must be met by breach
 * proceedings within n working days. Breach proceedings close the cycle: failures and warnings
 * before them no longer count towards the next one.
 */
function breachActionFacts(order: ProposedOrder, params: ResolvedParameters, log: EventLog, asOf: string, facts: Facts): void {
  const days = numberParam(params, 'ns.breachActionDays');
  const months = numberParam(params, 'enforcement.warningMonths');
  if (days === null || months === null) return;
  const failures = log.of('unacceptable-failure', order.sentenceDate);
  const warnings = log.of('warning', order.sentenceDate);
  const breaches = log.of('breach-initiated', order.sentenceDate);
  let cycleAfter = '';
  let latestWarning: string | null = null;
  let w = 0;
  let last: { from: string; afterOn: string; outcome: Outcome } | undefined;
  for (let i = 0; i < failures.length; i++) {
    const failure = failures[i]!.on;
    while (w < warnings.length && warnings[w]!.on < failure) latestWarning = warnings[w++]!.on;
    if (failure <= cycleAfter) continue;
    // The latest earlier failure or warning in this cycle gives the longest window.
    const afterOn = [i > 0 ? failures[i - 1]!.on : null, latestWarning]
      .filter((d): d is string => d !== null && d > cycleAfter)
      .reduce<string | null>((latest, d) => (latest === null || d > latest ? d : latest), null);
    if (afterOn === null || failure >= addCalendarMonths(afterOn, months)) continue;
    const metOn = breaches.find((b) => b.on >= failure)?.on ?? null;
    const outcome = guarded(() => judge(failure, days, metOn, asOf));
    if (!outcome) return;
    last = { from: failure, afterOn, outcome };
    if (outcome.late || outcome.pending) break;
    cycleAfter = metOn!;
  }
  if (!last) return;
  putDeadline(facts, 'breachAction', last.from, days, last.outcome);
  facts['timescale.breachAction.afterOn'] = last.afterOn;
}

/** A move of area must be followed by a completed transfer to that area within n working days. */
function transferFacts(order: ProposedOrder, params: ResolvedParameters, log: EventLog, asOf: string, facts: Facts): void {
  const days = numberParam(params, 'ns.transferDays');
  if (days === null) return;
  const transfers = log.of('transfer-completed', order.sentenceDate);
  const judged = [];
  for (const move of log.of('moved-area', order.sentenceDate)) {
    const metOn = transfers.find((t) => t.on >= move.on && sameName(t.area, move.area))?.on ?? null;
    const outcome = guarded(() => judge(move.on, days, metOn, asOf));
    if (!outcome) return;
    judged.push({ move, outcome });
  }
  const pick = reported(judged);
  if (!pick) return;
  putDeadline(facts, 'transfer', pick.move.on, days, pick.outcome);
  facts['timescale.transfer.area'] = pick.move.area;
}

/** Each programme requirement needs a programme-start event naming the same programme. */
function programmeStartFacts(order: ProposedOrder, params: ResolvedParameters, log: EventLog, asOf: string, facts: Facts): void {
  const days = numberParam(params, 'ns.programmeStartDays');
  if (days === null) return;
  const starts = log.of('programme-start', order.sentenceDate);
  const judged = [];
  for (const [index, req] of order.requirements.entries()) {
    if (req.kind !== 'programme') continue;
    const metOn = starts.find((s) => sameName(s.programme, req.programme))?.on ?? null;
    const outcome = guarded(() => judge(order.sentenceDate, days, metOn, asOf));
    if (!outcome) return;
    judged.push({ index, programme: req.programme, outcome });
  }
  const pick = reported(judged);
  if (!pick) return;
  putDeadline(facts, 'programmeStart', order.sentenceDate, days, pick.outcome);
  facts['timescale.programmeStart.programme'] = pick.programme;
  facts['timescale.programmeStart.requirementIndex'] = pick.index;
}

/** Courts sit on working days: a hearing due on a weekend or bank holiday is due the next working day. */
const nextSittingDay = (date: string): string => (isWorkingDay(date) ? date : addWorkingDays(date, 1));

/**
 * DRR review hearings at the interval the order sets (CJA 2003 s.210; Sentencing Act 2020 Sch. 9
 * para 21), counted from sentence and then from each hearing held, for the first DRR that provides
 * for review. Hearings due after the DRR (or the order) ends are not required.
 */
function reviewHearingFacts(order: ProposedOrder, log: EventLog, asOf: string, facts: Facts): void {
  const index = order.requirements.findIndex((r) => r.kind === 'drug-rehabilitation' && r.reviewIntervalWeeks !== undefined);
  const drr = order.requirements[index];
  if (drr?.kind !== 'drug-rehabilitation' || drr.reviewIntervalWeeks === undefined) return;
  const interval = drr.reviewIntervalWeeks;
  const drrEnd = addCalendarMonths(order.sentenceDate, drr.months);
  const endsOn = drrEnd < order.sentence.endDate ? drrEnd : order.sentence.endDate;
  const result = guarded(() => {
    let last: string | null = null;
    for (const hearing of log.of('review-hearing', order.sentenceDate)) {
      if (hearing.on === order.sentenceDate) continue;
      const dueOn = nextSittingDay(plusWeeks(last ?? order.sentenceDate, interval));
      if (dueOn > endsOn) break;
      if (hearing.on > dueOn) return { last, dueOn, heldOn: hearing.on, overdue: true, pending: false };
      last = hearing.on;
    }
    const dueOn = nextSittingDay(plusWeeks(last ?? order.sentenceDate, interval));
    if (dueOn > endsOn) return { last, dueOn: null, heldOn: null, overdue: false, pending: false };
    return { last, dueOn, heldOn: null, overdue: asOf > dueOn, pending: asOf <= dueOn };
  });
  if (!result) return;
  facts['timescale.reviewHearing.requirementIndex'] = index;
  facts['timescale.reviewHearing.intervalWeeks'] = interval;
  facts['timescale.reviewHearing.lastHeldOn'] = result.last;
  facts['timescale.reviewHearing.dueOn'] = result.dueOn;
  facts['timescale.reviewHearing.heldOn'] = result.heldOn;
  facts['timescale.reviewHearing.overdue'] = result.overdue;
  facts['timescale.reviewHearing.pending'] = result.pending;
}

/**
 * Recorded drug tests against PC80/2005 (SS8.12): at least the minimum in each week of the first
 * sixteen, weeks counted in sevens from sentence, judged only once a week has ended by asOf. Tests
 * are not tied to a requirement, so they are judged against the first DRR (a DTTO's standard was
 * different and is not checked).
 */
function drugTestingFacts(order: ProposedOrder, params: ResolvedParameters, log: EventLog, asOf: string, orderFacts: Readonly<Record<string, FactValue>>, facts: Facts): void {
  if (order.sentence.type === 'dtto') return;
  const index = order.requirements.findIndex((r) => r.kind === 'drug-rehabilitation');
  const drr = order.requirements[index];
  if (drr?.kind !== 'drug-rehabilitation') return;
  const reduced = orderFacts['order.band'] === 'low' || drr.setting === 'residential';
  const min = numberParam(params, reduced ? 'ns.drugTesting.minPerWeekReduced' : 'ns.drugTesting.minPerWeek');
  const weeks = numberParam(params, 'ns.drugTesting.weeks');
  if (min === null || weeks === null) return;
  const tests = log.of('drug-test', order.sentenceDate).map((t) => t.on);
  let checked = 0;
  let below = 0;
  let firstBelow: { from: string; tests: number } | null = null;
  for (let w = 0; w < weeks; w++) {
    const from = plusDays(order.sentenceDate, 7 * w);
    const to = plusDays(from, 6);
    if (to > asOf) break;
    checked++;
    const count = tests.filter((d) => d >= from && d <= to).length;
    if (count < min) {
      below++;
      firstBelow ??= { from, tests: count };
    }
  }
  facts['timescale.drugTesting.requirementIndex'] = index;
  facts['timescale.drugTesting.reduced'] = reduced;
  facts['timescale.drugTesting.minPerWeek'] = min;
  facts['timescale.drugTesting.weeksChecked'] = checked;
  facts['timescale.drugTesting.weeksBelow'] = below;
  facts['timescale.drugTesting.firstWeekBelowFrom'] = firstBelow?.from ?? null;
  facts['timescale.drugTesting.testsInFirstWeekBelow'] = firstBelow?.tests ?? null;
  facts['timescale.drugTesting.belowStandard'] = below > 0;
}

/** The date timescales are judged on: asOf, else the latest event's date. The clock is never read. */
/** Every event fact, null: the starting point for each order (built once, copied per order). */
const NO_EVENT_FACTS: Readonly<Record<string, FactValue>> = Object.freeze(Object.fromEntries(Object.keys(EVENT_FACTS).map((name) => [name, null])));

const PROPOSAL_FACTS: Readonly<Record<string, FactValue>> = Object.freeze({ ...NO_EVENT_FACTS, 'events.inProgress': false });

function judgedOn(order: ProposedOrder): string | null {
  if (order.asOf !== undefined) return order.asOf;
  let latest: string | null = null;
  for (const e of order.events ?? []) if (latest === null || e.on > latest) latest = e.on;
  return latest;
}

/**
 * Facts about an order in progress (its events and `asOf`), for the national standard timescale rules.
 * An order without events is a proposal: these facts stay null and the timescale rules do not run,
 * except the pre-sentence report, which is judged on the psr record alone.
 */
export function deriveEventFacts(
  order: ProposedOrder,
  params: ResolvedParameters,
  orderFacts: Readonly<Record<string, FactValue>>,
): Readonly<Record<string, FactValue>> {
  const inProgress = order.events !== undefined;
  // Most orders checked are proposals with no report dates: they share one frozen set of facts.
  if (!inProgress && order.psr === undefined && order.asOf === undefined) return PROPOSAL_FACTS;
  const facts: Facts = { ...NO_EVENT_FACTS };
  const asOf = judgedOn(order);
  facts['events.inProgress'] = inProgress;
  facts['events.asOf'] = asOf;
  guarded(() => psrFacts(order, params, asOf, facts));
  if (!inProgress || asOf === null) return facts;
  const log = new EventLog(order.events!, asOf);
  fromSentenceFacts(order, params, log, asOf, facts);
  secondWarningFacts(order, params, log, facts);
  breachActionFacts(order, params, log, asOf, facts);
  transferFacts(order, params, log, asOf, facts);
  programmeStartFacts(order, params, log, asOf, facts);
  reviewHearingFacts(order, log, asOf, facts);
  drugTestingFacts(order, params, log, asOf, orderFacts, facts);
  return facts;
}
