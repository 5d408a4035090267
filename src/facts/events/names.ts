import type { FactValue } from '../types.js';

/** The facts of one deadline, under `timescale.<name>.`. */
export const DEADLINE_FIELDS = {
  from: 'date the clock started',
  limitDays: 'working days allowed (the figure of the standard in force when the clock started, for this tier where it differs)',
  standard: 'source of that figure: the national standard in force when the clock started',
  dueOn: 'last day to meet it',
  metOn: 'date it was met (null if not by asOf)',
  workingDaysTaken: 'working days from the start to the date it was met (null if not met)',
  late: 'true if met after the due date, or not met and asOf is past it',
  pending: 'true if not met and the due date is still ahead on asOf',
  notJudged: 'why the timescale was not judged, where it applies but could not be judged (null otherwise)',
} as const;
export type DeadlineField = keyof typeof DEADLINE_FIELDS;

export const DEADLINES = {
  psr: 'Pre-sentence report (from the request)',
  firstAppointment: 'First appointment with the offender manager (from sentence)',
  sentencePlan: 'Sentence plan (from sentence)',
  breachAction: 'Breach action after an unacceptable failure within the warning period (from that failure)',
  transfer: 'Case transfer after a move to another area (from the move)',
  programmeStart: 'Start of an accredited programme required by the order (from sentence)',
} as const;
export type DeadlineName = keyof typeof DEADLINES;

/** Every timescale, as a reader would name it in a sentence. */
export const TIMESCALE_WORDS = {
  psr: 'pre-sentence report',
  firstAppointment: 'first appointment',
  sentencePlan: 'sentence plan',
  breachAction: 'breach action',
  transfer: 'case transfer',
  programmeStart: 'programme start',
  reviewHearing: 'review hearings',
  drugTesting: 'drug testing',
} as const;
export type TimescaleName = keyof typeof TIMESCALE_WORDS;

/** Names and meanings of the event facts; merged into the fact catalogue that rule packs are checked against. */
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
  'timescale.breachAction.windowMonths': 'Months within which a further failure calls for breach action: the statutory warning period, or for an order with none (a DTTO) the national standard in force on the failure',
  'timescale.transfer.area': 'Area the offender moved to',
  'timescale.programmeStart.programme': 'Programme whose start is judged',
  'timescale.programmeStart.requirementIndex': 'Index of the programme requirement whose start is judged',
  'timescale.reviewHearing.requirementIndex': 'Index of the DRR whose review hearings are judged',
  'timescale.reviewHearing.interval': 'The interval between review hearings set by the order, in weeks or calendar months (e.g. "4 weeks", "1 month")',
  'timescale.reviewHearing.lastHeldOn': 'Last review hearing before the one judged (null if none since sentence)',
  'timescale.reviewHearing.dueOn': 'Date the judged review hearing was due (interval from the last hearing or sentence, moved to the next working day)',
  'timescale.reviewHearing.heldOn': 'Date of the hearing held after its due date (null if none by asOf)',
  'timescale.reviewHearing.overdue': 'A review hearing was not held by its due date',
  'timescale.reviewHearing.pending': 'The next review hearing is still ahead on asOf',
  'timescale.reviewHearing.notJudged': 'Why the review hearings were not judged, where they could not be (null otherwise)',
  'timescale.drugTesting.requirementIndex': 'Index of the DRR whose recorded drug tests are judged (the first DRR)',
  'timescale.drugTesting.reduced': 'The reduced minimum applies (lowest seriousness band or residential treatment, PC80/2005)',
  'timescale.drugTesting.minPerWeek': 'Fewest tests a week required in the first weeks',
  'timescale.drugTesting.weeksChecked': 'Whole weeks from sentence within the testing period that had ended by asOf',
  'timescale.drugTesting.weeksBelow': 'Of those weeks, how many had fewer tests than the minimum',
  'timescale.drugTesting.firstWeekBelowFrom': 'First day of the first week with too few tests',
  'timescale.drugTesting.testsInFirstWeekBelow': 'Tests recorded in that week',
  'timescale.drugTesting.belowStandard': 'Some week in the testing period had fewer tests than the minimum',
  'timescale.drugTesting.notJudged': 'Why the recorded drug tests were not judged, where they could not be (null otherwise)',
  'enforcement.secondWarning.given': 'A warning was given within the warning period after an earlier warning',
  'enforcement.secondWarning.on': 'Date of that second warning',
  'enforcement.secondWarning.previousOn': 'Date of the earlier warning',
  'timescales.anyNotJudged': 'Some timescale that applies to the case could not be judged (no figure for the standard in force then, or a date the calendar cannot count)',
  'timescales.notJudged': 'Each timescale not judged, with the reason',
  'calendar.beyondRecorded': 'Some timescale was counted on days outside the years whose moved and extra bank holidays are recorded',
  'calendar.timescalesBeyond': 'The timescales counted there, on the regular bank holiday pattern alone',
  'calendar.recordedFrom': 'First day of the years whose moved and extra bank holidays are recorded',
  'calendar.recordedTo': 'Last day of those years',
};

/** Every event fact, null: the starting point for each order (built once, copied per order). */
export const NO_EVENT_FACTS: Readonly<Record<string, FactValue>> = Object.freeze(Object.fromEntries(Object.keys(EVENT_FACTS).map((name) => [name, null])));
