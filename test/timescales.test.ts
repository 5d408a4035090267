import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type Finding, type ProposedOrderInput, type ValidationResult } from '../src/index.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from './support/orders.js';

type OrderEvent = NonNullable<ProposedOrderInput['events']>[number];
type Requirement = ProposedOrderInput['requirements'][number];

const validator = createValidator();

const EVENT_CODES = [
  'FIRST_APPOINTMENT_LATE',
  'SENTENCE_PLAN_LATE',
  'REVIEW_HEARING_OVERDUE',
  'BREACH_ACTION_LATE',
  'SECOND_WARNING_GIVEN',
  'CASE_NOT_TRANSFERRED',
  'PROGRAMME_START_LATE',
  'TIMESCALE_DUE',
];

const all = (r: ValidationResult): Finding[] => [...r.breaches, ...r.tensions, ...r.advisories];
const found = (r: ValidationResult, code: string): Finding[] => all(r).filter((f) => f.code === code);
const one = (r: ValidationResult, code: string): Finding => {
  const hits = found(r, code);
  expect(hits.map((f) => f.code)).toEqual([code]);
  return hits[0]!;
};
const dueAdvisory = (r: ValidationResult, fact: string): Finding | undefined => r.advisories.find((f) => f.code === 'TIMESCALE_DUE' && fact in f.facts);

/** Shifts an ISO date by whole days on the UTC clock, so no time zone moves it. */
const shift = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The lawful medium DRR, sentenced on `sentenceDate` (offence two months before, conviction the same day). */
function sentencedOn(sentenceDate: string, change: (o: ProposedOrderInput) => void = () => {}): ProposedOrderInput {
  const o = clone(lawfulMediumDrr());
  o.offences = [{ ...o.offences[0]!, committedOn: shift(sentenceDate, -60) }];
  o.convictionDate = sentenceDate;
  o.sentenceDate = sentenceDate;
  o.sentence = { type: 'community-order', endDate: shift(sentenceDate, 540) };
  change(o);
  return o;
}

function withEvents(o: ProposedOrderInput, events: OrderEvent[], asOf?: string): ProposedOrderInput {
  return { ...o, events, ...(asOf === undefined ? {} : { asOf }) };
}

const drr = (o: ProposedOrderInput) => o.requirements[0] as Extract<Requirement, { kind: 'drug-rehabilitation' }>;

describe('first appointment: the last working day and the day after', () => {
  // Due dates counted by hand from the published bank holidays; 5 working days under NS 2007, tier 3.
  const cases = [
    { across: 'a weekend', sentence: '2008-01-11', due: '2008-01-18', nextWorkingDay: '2008-01-21' },
    { across: 'Easter', sentence: '2008-03-19', due: '2008-03-28', nextWorkingDay: '2008-03-31' },
    { across: 'Christmas and New Year', sentence: '2008-12-22', due: '2008-12-31', nextWorkingDay: '2009-01-02' },
    { across: 'the 2012 Jubilee holidays (4 and 5 June)', sentence: '2012-05-30', due: '2012-06-08', nextWorkingDay: '2012-06-11' },
    { across: 'the usual spring holiday, moved away in 2012 (28 May worked)', sentence: '2012-05-24', due: '2012-05-31', nextWorkingDay: '2012-06-01' },
    { across: 'the 2022 Jubilee holidays (2 and 3 June)', sentence: '2022-05-31', due: '2022-06-09', nextWorkingDay: '2022-06-10' },
  ];

  it.each(cases)('across $across: an appointment on the due date is in time', async ({ sentence, due }) => {
    const r = await validator.validate(withEvents(sentencedOn(sentence), [{ type: 'first-appointment', on: due }], shift(due, 30)));
    expect(found(r, 'FIRST_APPOINTMENT_LATE')).toEqual([]);
  });

  it.each(cases)('across $across: an appointment on the next working day is late', async ({ sentence, due, nextWorkingDay }) => {
    const r = await validator.validate(withEvents(sentencedOn(sentence), [{ type: 'first-appointment', on: nextWorkingDay }], shift(due, 30)));
    const f = one(r, 'FIRST_APPOINTMENT_LATE');
    expect(f.facts['timescale.firstAppointment.dueOn']).toBe(due);
    expect(f.facts['timescale.firstAppointment.metOn']).toBe(nextWorkingDay);
    expect(f.facts['timescale.firstAppointment.workingDaysTaken']).toBe(6);
  });

  it.each(cases)('across $across: with no appointment, asOf on the due date is pending, the day after is late', async ({ sentence, due }) => {
    const onDue = await validator.validate(withEvents(sentencedOn(sentence), [], due));
    expect(found(onDue, 'FIRST_APPOINTMENT_LATE')).toEqual([]);
    expect(dueAdvisory(onDue, 'param.ns.firstAppointmentDays')?.facts['timescale.firstAppointment.dueOn']).toBe(due);

    const dayAfter = await validator.validate(withEvents(sentencedOn(sentence), [], shift(due, 1)));
    const f = one(dayAfter, 'FIRST_APPOINTMENT_LATE');
    expect(f.facts['timescale.firstAppointment.metOn']).toBeNull();
    expect(f.facts['events.asOf']).toBe(shift(due, 1));
  });
});

describe('first appointment and sentence plan by standard and tier', () => {
  it('NS 2007 gives tier 4 two working days, with a verified source', async () => {
    const tier4 = (on: string) => withEvents(sentencedOn('2008-01-11', (o) => (o.offender.omTier = 4)), [{ type: 'first-appointment', on }], '2008-02-29');
    expect(found(await validator.validate(tier4('2008-01-15')), 'FIRST_APPOINTMENT_LATE')).toEqual([]);
    const f = one(await validator.validate(tier4('2008-01-16')), 'FIRST_APPOINTMENT_LATE');
    expect(f.facts['param.ns.firstAppointmentDays.tier4']).toBe(2);
    expect(f.confidence).toBe('verified');
  });

  it('NS 2005 figures are unverified defaults, and tier 4 keeps five days', async () => {
    // Sentenced Wednesday 2006-03-01: five working days end on Wednesday 2006-03-08.
    const o = withEvents(sentencedOn('2006-03-01', (x) => (x.offender.omTier = 4)), [{ type: 'first-appointment', on: '2006-03-09' }], '2006-04-28');
    const f = one(await validator.validate(o), 'FIRST_APPOINTMENT_LATE');
    expect(f.facts['timescale.firstAppointment.dueOn']).toBe('2006-03-08');
    expect(f.confidence).toBe('unverified');
  });

  it('with no tier recorded, the tiers 1-3 figure applies', async () => {
    const o = withEvents(sentencedOn('2008-01-11', (x) => delete x.offender.omTier), [{ type: 'first-appointment', on: '2008-01-17' }], '2008-02-29');
    expect(found(await validator.validate(o), 'FIRST_APPOINTMENT_LATE')).toEqual([]);
  });

  it('a sentence plan is due within 15 working days, 5 for tier 4 under NS 2007', async () => {
    const plan = (on: string, tier: 3 | 4) => withEvents(sentencedOn('2008-01-11', (o) => (o.offender.omTier = tier)), [{ type: 'sentence-plan', on }, { type: 'first-appointment', on: '2008-01-14' }], '2008-03-31');
    expect(found(await validator.validate(plan('2008-02-01', 3)), 'SENTENCE_PLAN_LATE')).toEqual([]);
    const late = one(await validator.validate(plan('2008-02-04', 3)), 'SENTENCE_PLAN_LATE');
    expect(late.facts['timescale.sentencePlan.dueOn']).toBe('2008-02-01');
    expect(found(await validator.validate(plan('2008-01-18', 4)), 'SENTENCE_PLAN_LATE')).toEqual([]);
    const tier4 = one(await validator.validate(plan('2008-01-21', 4)), 'SENTENCE_PLAN_LATE');
    expect(tier4.facts['param.ns.sentencePlanDays.tier4']).toBe(5);
  });
});

describe('PSR_LATE runs on the psr record, with or without events', () => {
  // Requested Wednesday 2006-02-01: 15 working days end 2006-02-22, 5 end 2006-02-08.
  const proposal = (psr: ProposedOrderInput['psr'], asOf?: string): ProposedOrderInput => ({ ...clone(lawfulMediumDrr()), psr, ...(asOf ? { asOf } : {}) });

  it.each([
    { type: 'standard' as const, due: '2006-02-22' },
    { type: 'fast' as const, due: '2006-02-08' },
  ])('a $type report delivered on its due date is in time, the day after is late', async ({ type, due }) => {
    expect(found(await validator.validate(proposal({ type, requestedOn: '2006-02-01', deliveredOn: due })), 'PSR_LATE')).toEqual([]);
    const f = one(await validator.validate(proposal({ type, requestedOn: '2006-02-01', deliveredOn: shift(due, 1) })), 'PSR_LATE');
    expect(f.facts['timescale.psr.dueOn']).toBe(due);
  });

  it('an oral report, or one the court found unnecessary, has no deadline', async () => {
    expect(found(await validator.validate(proposal({ type: 'oral', requestedOn: '2006-02-01', deliveredOn: '2006-02-28' })), 'PSR_LATE')).toEqual([]);
    expect(found(await validator.validate(proposal({ type: 'standard', requestedOn: '2006-02-01', deliveredOn: '2006-02-28', unnecessary: true })), 'PSR_LATE')).toEqual([]);
  });

  it('an undelivered report is judged only on a date: asOf or, in progress, the sentence date', async () => {
    const psr = { type: 'standard' as const, requestedOn: '2006-02-01' };
    expect(found(await validator.validate(proposal(psr)), 'PSR_LATE')).toEqual([]);
    const ahead = await validator.validate(proposal(psr, '2006-02-22'));
    expect(found(ahead, 'PSR_LATE')).toEqual([]);
    expect(dueAdvisory(ahead, 'timescale.psr.type')?.facts['timescale.psr.dueOn']).toBe('2006-02-22');
    expect(one(await validator.validate(proposal(psr, '2006-02-23')), 'PSR_LATE').facts['timescale.psr.metOn']).toBeNull();
    const sentencedWithout = withEvents(proposal(psr), [{ type: 'first-appointment', on: '2006-03-02' }], '2006-03-10');
    expect(one(await validator.validate(sentencedWithout), 'PSR_LATE').facts['timescale.psr.dueOn']).toBe('2006-02-22');
  });
});

describe('DRUG_TESTING_BELOW_STANDARD (PC80/2005)', () => {
  const proposed = (testsPerWeek: number | undefined, change: (o: ProposedOrderInput) => void = () => {}) => {
    const o = clone(lawfulMediumDrr());
    if (testsPerWeek === undefined) delete drr(o).testsPerWeek;
    else drr(o).testsPerWeek = testsPerWeek;
    change(o);
    return o;
  };
  const lowBand = (o: ProposedOrderInput) => (o.offences[0]!.seriousness = 'low');
  const residential = (o: ProposedOrderInput) => (drr(o).setting = 'residential');

  it('checks a proposal: below two a week is below standard for a medium case', async () => {
    const f = one(await validator.validate(proposed(1)), 'DRUG_TESTING_BELOW_STANDARD');
    expect(f.requirementIndex).toBe(0);
    expect(f.facts['param.ns.drugTesting.minPerWeek']).toBe(2);
    expect(found(await validator.validate(proposed(2)), 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
    expect(found(await validator.validate(proposed(undefined)), 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
  });

  it.each([
    ['the lowest band', lowBand],
    ['residential treatment', residential],
  ])('allows one a week for %s, but not none', async (_label, change) => {
    expect(found(await validator.validate(proposed(1, change)), 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
    expect(one(await validator.validate(proposed(0, change)), 'DRUG_TESTING_BELOW_STANDARD').facts['param.ns.drugTesting.minPerWeekReduced']).toBe(1);
  });

  // Sentenced Wednesday 2006-03-01: weeks run Wednesday to Tuesday.
  const twiceWeekly = (weeks: number): OrderEvent[] =>
    Array.from({ length: weeks }, (_, w) => [shift('2006-03-01', 7 * w + 1), shift('2006-03-01', 7 * w + 3)]).flat().map((on) => ({ type: 'drug-test' as const, on }));

  it('checks the tests recorded in each week that has ended', async () => {
    expect(found(await validator.validate(withEvents(clone(lawfulMediumDrr()), twiceWeekly(2), '2006-03-14')), 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
    const short = twiceWeekly(2).filter((e) => e.on !== '2006-03-09');
    const f = one(await validator.validate(withEvents(clone(lawfulMediumDrr()), short, '2006-03-14')), 'DRUG_TESTING_BELOW_STANDARD');
    expect(f.facts['timescale.drugTesting.firstWeekBelowFrom']).toBe('2006-03-08');
    expect(f.facts['timescale.drugTesting.testsInFirstWeekBelow']).toBe(1);
    expect(found(await validator.validate(withEvents(clone(lawfulMediumDrr()), short, '2006-03-13')), 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
  });

  it('stops counting after the sixteenth week, and allows one a week in residential treatment', async () => {
    expect(found(await validator.validate(withEvents(clone(lawfulMediumDrr()), twiceWeekly(16), '2006-09-01')), 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
    const weekly = Array.from({ length: 4 }, (_, w) => ({ type: 'drug-test' as const, on: shift('2006-03-02', 7 * w) }));
    expect(found(await validator.validate(withEvents(proposed(1, residential), weekly, '2006-03-28')), 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
    expect(found(await validator.validate(withEvents(proposed(2), weekly, '2006-03-28')), 'DRUG_TESTING_BELOW_STANDARD')).toHaveLength(1);
  });
});

describe('REVIEW_HEARING_OVERDUE', () => {
  const reviewed = (sentence: string, events: OrderEvent[], asOf: string) =>
    withEvents(sentencedOn(sentence, (o) => (drr(o).reviewIntervalWeeks = 4)), events, asOf);

  it('a hearing is due at the interval from sentence and then from each hearing', async () => {
    // Sentenced Wednesday 2006-03-01; four weeks on is Wednesday 2006-03-29.
    expect(found(await validator.validate(reviewed('2006-03-01', [{ type: 'review-hearing', on: '2006-03-29' }], '2006-04-26')), 'REVIEW_HEARING_OVERDUE')).toEqual([]);
    const next = await validator.validate(reviewed('2006-03-01', [{ type: 'review-hearing', on: '2006-03-29' }], '2006-04-27'));
    expect(one(next, 'REVIEW_HEARING_OVERDUE').facts['timescale.reviewHearing.lastHeldOn']).toBe('2006-03-29');
    const late = one(await validator.validate(reviewed('2006-03-01', [{ type: 'review-hearing', on: '2006-03-30' }], '2006-04-10')), 'REVIEW_HEARING_OVERDUE');
    expect(late.requirementIndex).toBe(0);
    expect(late.facts['timescale.reviewHearing.heldOn']).toBe('2006-03-30');
  });

  it('a hearing due on Good Friday is due on the next sitting day, after Easter Monday', async () => {
    // Sentenced Friday 2006-03-17; four weeks on is Good Friday 2006-04-14.
    const pending = await validator.validate(reviewed('2006-03-17', [], '2006-04-18'));
    expect(found(pending, 'REVIEW_HEARING_OVERDUE')).toEqual([]);
    expect(dueAdvisory(pending, 'timescale.reviewHearing.intervalWeeks')?.facts['timescale.reviewHearing.dueOn']).toBe('2006-04-18');
    expect(one(await validator.validate(reviewed('2006-03-17', [], '2006-04-19')), 'REVIEW_HEARING_OVERDUE').facts['timescale.reviewHearing.dueOn']).toBe('2006-04-18');
  });

  it('no hearing is due after the DRR ends, nor without review provision', async () => {
    const past = withEvents(sentencedOn('2006-03-01', (o) => Object.assign(drr(o), { months: 6, reviewIntervalWeeks: 27 })), [], '2007-01-10');
    expect(found(await validator.validate(past), 'REVIEW_HEARING_OVERDUE')).toEqual([]);
    expect(found(await validator.validate(withEvents(sentencedOn('2006-03-01'), [], '2007-01-10')), 'REVIEW_HEARING_OVERDUE')).toEqual([]);
  });
});

describe('enforcement', () => {
  it('SECOND_WARNING_GIVEN: a warning within twelve months of the last; the anniversary is outside', async () => {
    const warnings = (second: string) => withEvents(clone(lawfulMediumDrr()), [{ type: 'warning', on: '2006-04-03' }, { type: 'warning', on: second }], second);
    const f = one(await validator.validate(warnings('2007-04-02')), 'SECOND_WARNING_GIVEN');
    expect(f.facts['enforcement.secondWarning.previousOn']).toBe('2006-04-03');
    expect(f.citations.map((c) => c.source)).toContain('Criminal Justice Act 2003');
    expect(found(await validator.validate(warnings('2007-04-03')), 'SECOND_WARNING_GIVEN')).toEqual([]);
  });

  it('SECOND_WARNING_GIVEN: twelve months from 29 February end on 28 February', async () => {
    const warnings = (second: string) => withEvents(sentencedOn('2008-01-11'), [{ type: 'warning', on: '2008-02-29' }, { type: 'warning', on: second }], second);
    expect(found(await validator.validate(warnings('2009-02-27')), 'SECOND_WARNING_GIVEN')).toHaveLength(1);
    expect(found(await validator.validate(warnings('2009-02-28')), 'SECOND_WARNING_GIVEN')).toEqual([]);
  });

  it('SECOND_WARNING_GIVEN cites the Sentencing Code for a Code case', async () => {
    const o = withEvents(clone(lawfulCodeDrr()), [{ type: 'warning', on: '2023-07-03' }, { type: 'warning', on: '2023-09-01' }]);
    expect(one(await validator.validate(o), 'SECOND_WARNING_GIVEN').citations.map((c) => c.source)).toEqual(['Sentencing Act 2020']);
  });

  // Failure, warning, then a second failure on Thursday 2006-06-01: ten working days end 2006-06-15.
  const failures: OrderEvent[] = [
    { type: 'unacceptable-failure', on: '2006-04-03' },
    { type: 'warning', on: '2006-04-05' },
    { type: 'unacceptable-failure', on: '2006-06-01' },
  ];

  it('BREACH_ACTION_LATE: breach action on the tenth working day is in time, the next working day is late', async () => {
    expect(found(await validator.validate(withEvents(clone(lawfulMediumDrr()), [...failures, { type: 'breach-initiated', on: '2006-06-15' }])), 'BREACH_ACTION_LATE')).toEqual([]);
    const f = one(await validator.validate(withEvents(clone(lawfulMediumDrr()), [...failures, { type: 'breach-initiated', on: '2006-06-16' }])), 'BREACH_ACTION_LATE');
    expect(f.facts['timescale.breachAction.dueOn']).toBe('2006-06-15');
    expect(f.facts['timescale.breachAction.afterOn']).toBe('2006-04-05');
  });

  it('BREACH_ACTION_LATE: with no breach action, pending on the due date, late the day after', async () => {
    const pending = await validator.validate(withEvents(clone(lawfulMediumDrr()), failures, '2006-06-15'));
    expect(found(pending, 'BREACH_ACTION_LATE')).toEqual([]);
    expect(dueAdvisory(pending, 'timescale.breachAction.from')?.facts['timescale.breachAction.dueOn']).toBe('2006-06-15');
    expect(found(await validator.validate(withEvents(clone(lawfulMediumDrr()), failures, '2006-06-16')), 'BREACH_ACTION_LATE')).toHaveLength(1);
  });

  it('BREACH_ACTION_LATE: a single failure, or a second one a year after the warning, calls for no breach action', async () => {
    expect(found(await validator.validate(withEvents(clone(lawfulMediumDrr()), failures.slice(0, 2), '2007-01-10')), 'BREACH_ACTION_LATE')).toEqual([]);
    const yearOn: OrderEvent[] = [failures[0]!, failures[1]!, { type: 'unacceptable-failure', on: '2007-04-05' }];
    expect(found(await validator.validate(withEvents(clone(lawfulMediumDrr()), yearOn, '2007-06-01')), 'BREACH_ACTION_LATE')).toEqual([]);
  });

  it('BREACH_ACTION_LATE: breach action closes the cycle; one later failure alone starts a new one', async () => {
    const events: OrderEvent[] = [...failures, { type: 'breach-initiated', on: '2006-06-05' }, { type: 'unacceptable-failure', on: '2006-08-01' }];
    expect(found(await validator.validate(withEvents(clone(lawfulMediumDrr()), events, '2006-10-02')), 'BREACH_ACTION_LATE')).toEqual([]);
    const again: OrderEvent[] = [...events, { type: 'unacceptable-failure', on: '2006-08-10' }];
    expect(one(await validator.validate(withEvents(clone(lawfulMediumDrr()), again, '2006-10-02')), 'BREACH_ACTION_LATE').facts['timescale.breachAction.from']).toBe('2006-08-10');
  });
});

describe('CASE_NOT_TRANSFERRED', () => {
  // A move on Monday 2006-04-03: 20 working days, across Easter and the early May holiday, end 2006-05-04.
  const moved = (completed?: { on: string; area: string }, asOf = '2006-06-01'): ProposedOrderInput =>
    withEvents(clone(lawfulMediumDrr()), [{ type: 'moved-area', on: '2006-04-03', area: 'Kent' }, ...(completed ? [{ type: 'transfer-completed' as const, ...completed }] : [])], asOf);

  it('a transfer on the due date is in time, the day after is late, and the finding is unverified', async () => {
    expect(found(await validator.validate(moved({ on: '2006-05-04', area: 'kent ' })), 'CASE_NOT_TRANSFERRED')).toEqual([]);
    const f = one(await validator.validate(moved({ on: '2006-05-05', area: 'Kent' })), 'CASE_NOT_TRANSFERRED');
    expect(f.facts['timescale.transfer.dueOn']).toBe('2006-05-04');
    expect(f.confidence).toBe('unverified');
  });

  it('a transfer to another area does not count', async () => {
    expect(one(await validator.validate(moved({ on: '2006-04-10', area: 'Surrey' })), 'CASE_NOT_TRANSFERRED').facts['timescale.transfer.metOn']).toBeNull();
  });

  it('an area override of ns.transferDays changes the outcome', async () => {
    const strict = createValidator({ parameters: { 'ns.transferDays': 5 } });
    const f = one(await strict.validate(moved({ on: '2006-05-04', area: 'Kent' })), 'CASE_NOT_TRANSFERRED');
    expect(f.facts['timescale.transfer.dueOn']).toBe('2006-04-10');
    expect(f.facts['param.ns.transferDays']).toBe(5);
  });
});

describe('PROGRAMME_START_LATE', () => {
  const withProgramme = (events: OrderEvent[], asOf: string) =>
    withEvents(sentencedOn('2006-03-01', (o) => o.requirements.push({ kind: 'programme', programme: 'ASRO', days: 20 })), events, asOf);
  // Ten working days from Wednesday 2006-03-01 end on 2006-03-15.
  const tenDays = createValidator({ parameters: { 'ns.programmeStartDays': 10 } });

  it('a start on the due date is in time, the next day late; the finding names the requirement', async () => {
    expect(found(await tenDays.validate(withProgramme([{ type: 'programme-start', on: '2006-03-15', programme: 'asro' }], '2006-04-03')), 'PROGRAMME_START_LATE')).toEqual([]);
    const f = one(await tenDays.validate(withProgramme([{ type: 'programme-start', on: '2006-03-16', programme: 'ASRO' }], '2006-04-03')), 'PROGRAMME_START_LATE');
    expect(f.requirementIndex).toBe(2);
    expect(f.confidence).toBe('unverified');
  });

  it('the default is a lenient placeholder: a start within it is not flagged, another programme does not count', async () => {
    expect(found(await validator.validate(withProgramme([{ type: 'programme-start', on: '2006-04-03', programme: 'ASRO' }], '2006-09-01')), 'PROGRAMME_START_LATE')).toEqual([]);
    const f = one(await validator.validate(withProgramme([{ type: 'programme-start', on: '2006-04-03', programme: 'Think First' }], '2006-09-01')), 'PROGRAMME_START_LATE');
    expect(f.facts['timescale.programmeStart.limitDays']).toBe(60);
  });
});

describe('proposals, asOf and the calendar range', () => {
  const busy: OrderEvent[] = [
    { type: 'warning', on: '2006-04-03' },
    { type: 'warning', on: '2006-05-03' },
    { type: 'unacceptable-failure', on: '2006-05-10' },
    { type: 'moved-area', on: '2006-04-03', area: 'Kent' },
  ];

  it('without events none of the event-based codes appear, whatever asOf says', async () => {
    const o = sentencedOn('2006-03-01', (x) => {
      drr(x).reviewIntervalWeeks = 4;
      x.requirements.push({ kind: 'programme', programme: 'ASRO' });
    });
    const r = await validator.validate({ ...o, asOf: '2007-06-01' });
    expect(all(r).map((f) => f.code).filter((c) => EVENT_CODES.includes(c))).toEqual([]);
    // The same order with events does produce them: the test above can fail.
    const inProgress = await validator.validate(withEvents(o, busy, '2007-06-01'));
    expect(new Set(all(inProgress).map((f) => f.code).filter((c) => EVENT_CODES.includes(c)))).toEqual(new Set(EVENT_CODES.filter((c) => c !== 'TIMESCALE_DUE')));
  });

  it('a deadline still ahead is no breach; the advisory gives its due date', async () => {
    const r = await validator.validate(withEvents(sentencedOn('2008-01-11'), [], '2008-01-14'));
    expect(r.breaches.filter((f) => EVENT_CODES.includes(f.code) || f.code === 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
    const dues = r.advisories.filter((f) => f.code === 'TIMESCALE_DUE').map((f) => f.message);
    expect(dues).toContain('Due by 2008-01-18: first appointment with the offender manager (as of 2008-01-14).');
    expect(dues).toContain('Due by 2008-02-01: sentence plan (as of 2008-01-14).');
  });

  it('without asOf the latest event date is used, and events after asOf are ignored', async () => {
    const latest = await validator.validate(withEvents(sentencedOn('2008-01-11'), [{ type: 'drug-test', on: '2008-01-21' }]));
    expect(one(latest, 'FIRST_APPOINTMENT_LATE').facts['events.asOf']).toBe('2008-01-21');
    const future = await validator.validate(withEvents(sentencedOn('2008-01-11'), [{ type: 'first-appointment', on: '2008-01-25' }], '2008-01-21'));
    expect(one(future, 'FIRST_APPOINTMENT_LATE').facts['timescale.firstAppointment.metOn']).toBeNull();
  });

  it('dates the calendar cannot count give no timescale finding instead of an error', async () => {
    const r = await validator.validate(withEvents(sentencedOn('2035-12-28'), [{ type: 'warning', on: '2036-01-02' }], '2036-03-01'));
    expect(found(r, 'FIRST_APPOINTMENT_LATE')).toEqual([]);
    expect(found(r, 'SENTENCE_PLAN_LATE')).toEqual([]);
  });

  it('validate never throws on arbitrary event histories, and both evaluators agree', async () => {
    const reference = createValidator({ evaluator: 'json-rules-engine' });
    const day = fc.integer({ min: -30, max: 900 }).map((d) => shift('2006-03-01', d));
    const farDay = fc.integer({ min: 10_900, max: 11_300 }).map((d) => shift('2006-03-01', d));
    const when = fc.oneof({ weight: 9, arbitrary: day }, { weight: 1, arbitrary: farDay });
    const area = fc.constantFrom('Kent', 'Surrey');
    const plainType = fc.constantFrom('first-appointment', 'sentence-plan', 'drug-test', 'unacceptable-failure', 'warning', 'breach-initiated', 'review-hearing');
    const event: fc.Arbitrary<OrderEvent> = fc.oneof(
      fc.tuple(plainType, when).map(([type, on]) => ({ type, on }) as OrderEvent),
      fc.tuple(fc.constantFrom('moved-area', 'transfer-completed'), when, area).map(([type, on, a]) => ({ type, on, area: a }) as OrderEvent),
      fc.tuple(when, fc.constantFrom('ASRO', 'OSAP')).map(([on, programme]) => ({ type: 'programme-start', on, programme }) as OrderEvent),
    );
    const base = sentencedOn('2006-03-01', (o) => {
      drr(o).reviewIntervalWeeks = 4;
      o.requirements.push({ kind: 'programme', programme: 'ASRO' });
      o.psr = { type: 'fast', requestedOn: '2006-02-20' };
    });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 40 }), fc.option(when, { nil: undefined }), async (events, asOf) => {
        const o = withEvents(base, events, asOf);
        expect(await validator.validate(o)).toEqual(await reference.validate(o));
      }),
      { numRuns: 40 },
    );
  });
});

describe('examples/order-in-progress.json', () => {
  const example = JSON.parse(readFileSync(new URL('../examples/order-in-progress.json', import.meta.url), 'utf8')) as unknown;

  it('shows late timescales and what is coming, identically under both evaluators', async () => {
    const r = await validator.validate(example);
    const late = r.breaches.map((f) => f.code);
    expect(late).toEqual(expect.arrayContaining(['FIRST_APPOINTMENT_LATE', 'BREACH_ACTION_LATE', 'REVIEW_HEARING_OVERDUE']));
    expect(r.advisories.some((f) => f.code === 'TIMESCALE_DUE')).toBe(true);
    expect(await createValidator({ evaluator: 'json-rules-engine' }).validate(example)).toEqual(r);
  });
});
