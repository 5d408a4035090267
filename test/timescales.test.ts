import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type Finding, type ProposedOrderInput, type ValidationResult } from '../src/index.js';
import { addWorkingDays } from '../src/calendar/index.js';
import { deriveEventFacts } from '../src/facts/events.js';
import { deriveOrderFacts, keyDatesOf } from '../src/facts/order.js';
import { createResolver } from '../src/law/resolve.js';
import { BUNDLED_PARAMETERS } from '../src/engine/bundled.js';
import { ProposedOrderSchema, type ProposedOrder } from '../src/schema/order.js';
import { findingCodes } from '../src/rules.js';
import { renderCodes } from '../src/cli/codes.js';
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

/** The kind each code is reported as, written out here so a rule whose kind changes is caught. */
const KIND: Readonly<Record<string, Finding['kind']>> = {
  PSR_LATE: 'breach',
  FIRST_APPOINTMENT_LATE: 'breach',
  SENTENCE_PLAN_LATE: 'breach',
  REVIEW_HEARING_OVERDUE: 'breach',
  BREACH_ACTION_LATE: 'breach',
  SECOND_WARNING_GIVEN: 'breach',
  CASE_NOT_TRANSFERRED: 'breach',
  PROGRAMME_START_LATE: 'breach',
  DRUG_TESTING_BELOW_STANDARD: 'breach',
  TIMESCALE_DUE: 'advisory',
  TIMESCALE_NOT_JUDGED: 'advisory',
  CALENDAR_BEYOND_RECORDED_HOLIDAYS: 'advisory',
};
const LIST_OF_KIND = { breach: 'breaches', advisory: 'advisories', tension: 'tensions' } as const;

const all = (r: ValidationResult): Finding[] => [...r.breaches, ...r.tensions, ...r.advisories, ...r.requirements.flatMap((q) => q.findings.filter((f) => f.kind === 'invalid'))];
/** The findings of `code`, each checked to carry the code's kind and to sit in that kind's list of the result. */
const found = (r: ValidationResult, code: string): Finding[] => {
  const kind = KIND[code];
  if (kind === undefined) throw new Error(`test/timescales.test.ts: no expected kind for ${code}`);
  const hits = all(r).filter((f) => f.code === code);
  for (const f of hits) expect(f.kind, `${code} kind`).toBe(kind);
  if (kind !== 'invalid') expect(r[LIST_OF_KIND[kind]].filter((f) => f.code === code)).toEqual(hits);
  return hits;
};
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
    expect(dueAdvisory(pending, 'timescale.reviewHearing.interval')?.facts['timescale.reviewHearing.dueOn']).toBe('2006-04-18');
    expect(one(await validator.validate(reviewed('2006-03-17', [], '2006-04-19')), 'REVIEW_HEARING_OVERDUE').facts['timescale.reviewHearing.dueOn']).toBe('2006-04-18');
  });

  it('an interval in months runs in calendar months: 1 month from 31 January is due on the last day of February', async () => {
    const monthly = (asOf: string) =>
      withEvents(sentencedOn('2006-01-31', (o) => Object.assign(drr(o), { reviewIntervalWeeks: undefined, reviewIntervalMonths: 1 })), [], asOf);
    const pending = await validator.validate(monthly('2006-02-28'));
    expect(found(pending, 'REVIEW_HEARING_OVERDUE')).toEqual([]);
    const due = dueAdvisory(pending, 'timescale.reviewHearing.interval');
    expect(due?.facts['timescale.reviewHearing.dueOn']).toBe('2006-02-28');
    expect(due?.facts['timescale.reviewHearing.interval']).toBe('1 month');
    const late = one(await validator.validate(monthly('2006-03-01')), 'REVIEW_HEARING_OVERDUE');
    expect(late.facts['timescale.reviewHearing.dueOn']).toBe('2006-02-28');
    expect(late.message).toContain('every 1 month');
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
    expect(f.facts['timescale.transfer.limitDays']).toBe(5);
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

  it('a timescale past the recorded bank holidays is still judged, says so, and is no more than secondary', async () => {
    // Sentenced Friday 2035-12-28: five working days (New Year 2036 out) end Monday 2036-01-07.
    const r = await validator.validate(withEvents(sentencedOn('2035-12-28'), [{ type: 'warning', on: '2036-01-02' }], '2036-03-01'));
    const f = one(r, 'FIRST_APPOINTMENT_LATE');
    expect(f.facts['timescale.firstAppointment.dueOn']).toBe('2036-01-07');
    expect(f.confidence).toBe('secondary');
    expect(one(r, 'CALENDAR_BEYOND_RECORDED_HOLIDAYS').facts['calendar.timescalesBeyond']).toEqual(['first appointment', 'sentence plan']);
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

/** An order sentenced on `sentenceDate`: a DTTO before the 2003 Act's orders began, a community order after. */
function caseSentencedOn(sentenceDate: string, change: (o: ProposedOrderInput) => void = () => {}): ProposedOrderInput {
  if (sentenceDate >= '2005-04-04') return sentencedOn(sentenceDate, change);
  const o = clone(lawfulMediumDrr());
  o.offences = [{ ...o.offences[0]!, committedOn: shift(sentenceDate, -200) }];
  o.convictionDate = shift(sentenceDate, -30);
  o.sentenceDate = sentenceDate;
  o.sentence = { type: 'dtto', endDate: shift(sentenceDate, 540) };
  o.requirements = [];
  change(o);
  return o;
}

const notJudged = (r: ValidationResult): readonly string[] => (found(r, 'TIMESCALE_NOT_JUDGED')[0]?.facts['timescales.notJudged'] as readonly string[] | undefined) ?? [];

describe('the national standard in force when the clock ran (issue 13.3)', () => {
  it('a PSR requested in 2002 is judged by NS 2000 (rev. 2002): 15 working days, verified', async () => {
    // Requested Thursday 2002-01-10: 15 working days end Thursday 2002-01-31.
    const psr = (deliveredOn: string) => caseSentencedOn('2002-03-01', (o) => (o.psr = { type: 'standard', requestedOn: '2002-01-10', deliveredOn }));
    expect(found(await validator.validate(psr('2002-01-31')), 'PSR_LATE')).toEqual([]);
    const f = one(await validator.validate(psr('2002-02-01')), 'PSR_LATE');
    expect(f.facts['timescale.psr.dueOn']).toBe('2002-01-31');
    expect(f.facts['timescale.psr.standard']).toMatch(/^National Standards 2000/);
    expect(f.confidence).toBe('verified');
  });

  it('a PSR requested in 2006 is judged by NS 2005, whose figure is secondary', async () => {
    const f = one(await validator.validate({ ...clone(lawfulMediumDrr()), psr: { type: 'standard', requestedOn: '2006-02-01', deliveredOn: '2006-02-23' } }), 'PSR_LATE');
    expect(f.facts['timescale.psr.limitDays']).toBe(15);
    expect(f.facts['timescale.psr.standard']).not.toMatch(/^National Standards 2000/);
    expect(f.confidence).toBe('secondary');
  });

  // A DTTO: failure Monday 2002-03-04, warning, failure Wednesday 2002-05-01. Ten working days,
  // with the early May holiday (Monday 6 May) out, end Thursday 2002-05-16.
  const dttoBreach = (breachOn: string) =>
    withEvents(caseSentencedOn('2002-02-01'), [
      { type: 'unacceptable-failure', on: '2002-03-04' },
      { type: 'warning', on: '2002-03-06' },
      { type: 'unacceptable-failure', on: '2002-05-01' },
      { type: 'breach-initiated', on: breachOn },
    ]);

  it('breach action in 2002 (a DTTO) is judged by NS 2000: ten working days, in a period that is an unverified default', async () => {
    expect(found(await validator.validate(dttoBreach('2002-05-16')), 'BREACH_ACTION_LATE')).toEqual([]);
    const f = one(await validator.validate(dttoBreach('2002-05-17')), 'BREACH_ACTION_LATE');
    expect(f.facts['timescale.breachAction.dueOn']).toBe('2002-05-16');
    expect(f.facts['timescale.breachAction.windowMonths']).toBe(12);
    expect(f.facts['timescale.breachAction.standard']).toMatch(/^National Standards 2000/);
    expect(f.confidence).toBe('unverified');
    expect(f.citations.map((c) => c.source)).toContain('National Standards 2000 (rev. 2002), PC43/2004');
    expect(f.citations.map((c) => c.source)).not.toContain('Criminal Justice Act 2003');
  });

  it('breach action in 2006 on an order sentenced in 2004 is judged by NS 2005, not by the standard at sentence', async () => {
    const events = (breachOn: string): OrderEvent[] => [
      { type: 'unacceptable-failure', on: '2006-03-01' },
      { type: 'unacceptable-failure', on: '2006-06-01' },
      { type: 'breach-initiated', on: breachOn },
    ];
    // Thursday 2006-06-01: ten working days end 2006-06-15.
    expect(found(await validator.validate(withEvents(caseSentencedOn('2004-06-01'), events('2006-06-15'))), 'BREACH_ACTION_LATE')).toEqual([]);
    const f = one(await validator.validate(withEvents(caseSentencedOn('2004-06-01'), events('2006-06-16'))), 'BREACH_ACTION_LATE');
    expect(f.facts['timescale.breachAction.standard']).toMatch(/NPS Performance Report 18/);
  });

  it('a timescale with no figure for the standard then in force says it was not judged; one that has a figure does not', async () => {
    const r = await validator.validate(
      withEvents(caseSentencedOn('2000-06-01', (o) => (o.psr = { type: 'standard', requestedOn: '2000-05-02', deliveredOn: '2000-06-30' })), [
        { type: 'first-appointment', on: '2000-08-01' },
        { type: 'unacceptable-failure', on: '2000-07-03' },
        { type: 'unacceptable-failure', on: '2000-07-10' },
      ]),
    );
    for (const code of ['PSR_LATE', 'FIRST_APPOINTMENT_LATE', 'SENTENCE_PLAN_LATE', 'BREACH_ACTION_LATE']) expect(found(r, code)).toEqual([]);
    const reasons = notJudged(r);
    expect(reasons.map((x) => x.split(':')[0])).toEqual(['pre-sentence report', 'first appointment', 'sentence plan', 'breach action', 'drug testing']);
    expect(reasons[0]).toContain('ns.psr.standardDays');
    expect(reasons[0]).toContain('2000-05-02');
    expect(reasons[3]).toContain('ns.breachWindowMonths');
    expect(r.ok).toBe(true);
    // The same order in progress in 2006 is judged throughout.
    expect(found(await validator.validate(withEvents(sentencedOn('2006-03-01'), [{ type: 'first-appointment', on: '2006-03-02' }], '2006-04-03')), 'TIMESCALE_NOT_JUDGED')).toEqual([]);
  });

  it('a fast report before 4 April 2005 has no figure in the reference and is not judged', async () => {
    const fast = (requestedOn: string) => ({ ...clone(lawfulMediumDrr()), psr: { type: 'fast' as const, requestedOn, deliveredOn: shift(requestedOn, 30) } });
    const before = await validator.validate(fast('2005-04-01'));
    expect(found(before, 'PSR_LATE')).toEqual([]);
    expect(notJudged(before)[0]).toContain('ns.psr.fastDays');
    expect(one(await validator.validate(fast('2005-04-04')), 'PSR_LATE').facts['timescale.psr.limitDays']).toBe(5);
  });
});

/**
 * Every national standard figure at every change date, written out by hand so a changed figure or
 * a moved date is caught: the clock starting the day before and the day of the change, with the
 * event on the last day allowed and one working day later.
 */
const CHANGES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  'ns.psr.standardDays': [['2001-04-01', 15], ['2005-03-04', 15], ['2007-09-30', 15]],
  'ns.psr.fastDays': [['2005-04-04', 5], ['2007-09-30', 5]],
  'ns.firstAppointmentDays': [['2005-03-04', 5], ['2007-09-30', 5]],
  'ns.firstAppointmentDays.tier4': [['2005-03-04', 5], ['2007-09-30', 2]],
  'ns.sentencePlanDays': [['2005-03-04', 15], ['2007-09-30', 15]],
  'ns.sentencePlanDays.tier4': [['2005-03-04', 15], ['2007-09-30', 5]],
  'ns.breachActionDays': [['2001-04-01', 10], ['2005-03-04', 10], ['2007-09-30', 10]],
  'ns.transferDays': [['2005-03-04', 20]],
  'ns.programmeStartDays': [['2005-03-04', 60]],
};

/** The order whose `param` clock starts on `start`, with the event that meets it on `met`, and the timescale's fact prefix. */
function clockFor(param: string, start: string, met: string): { order: ProposedOrderInput; timescale: string; code: string } {
  const tier4 = param.endsWith('.tier4') ? (o: ProposedOrderInput) => (o.offender.omTier = 4) : () => {};
  const readOn = shift(met, 30);
  switch (param.replace(/\.tier4$/, '')) {
    case 'ns.psr.standardDays':
    case 'ns.psr.fastDays': {
      const type = param === 'ns.psr.fastDays' ? ('fast' as const) : ('standard' as const);
      return { order: caseSentencedOn(shift(met, 10), (o) => (o.psr = { type, requestedOn: start, deliveredOn: met })), timescale: 'psr', code: 'PSR_LATE' };
    }
    case 'ns.firstAppointmentDays':
      return { order: withEvents(caseSentencedOn(start, tier4), [{ type: 'first-appointment', on: met }], readOn), timescale: 'firstAppointment', code: 'FIRST_APPOINTMENT_LATE' };
    case 'ns.sentencePlanDays':
      return { order: withEvents(caseSentencedOn(start, tier4), [{ type: 'sentence-plan', on: met }], readOn), timescale: 'sentencePlan', code: 'SENTENCE_PLAN_LATE' };
    case 'ns.breachActionDays': {
      const events: OrderEvent[] = [{ type: 'unacceptable-failure', on: shift(start, -20) }, { type: 'unacceptable-failure', on: start }, { type: 'breach-initiated', on: met }];
      return { order: withEvents(caseSentencedOn(shift(start, -60)), events, readOn), timescale: 'breachAction', code: 'BREACH_ACTION_LATE' };
    }
    case 'ns.transferDays':
      return { order: withEvents(caseSentencedOn(shift(start, -30)), [{ type: 'moved-area', on: start, area: 'Kent' }, { type: 'transfer-completed', on: met, area: 'Kent' }], readOn), timescale: 'transfer', code: 'CASE_NOT_TRANSFERRED' };
    case 'ns.programmeStartDays':
      return {
        order: withEvents(caseSentencedOn(start, (o) => o.requirements.push({ kind: 'programme', programme: 'ASRO' })), [{ type: 'programme-start', on: met, programme: 'ASRO' }], readOn),
        timescale: 'programmeStart',
        code: 'PROGRAMME_START_LATE',
      };
    default:
      throw new Error(`no clock for ${param}`);
  }
}

describe('every national standard change date: the day before and the day of, at the figure and one step past', () => {
  it('the table lists every change date of every national standard timescale', () => {
    for (const [param, rows] of Object.entries(CHANGES)) expect(rows.map(([from]) => from), param).toEqual(BUNDLED_PARAMETERS[param]!.values.map((v) => v.from));
  });

  const rows = Object.entries(CHANGES).flatMap(([param, changes]) => changes.map(([from, days], i) => ({ param, from, days, previous: changes[i - 1]?.[1] })));

  it.each(rows)('$param from $from: $days working days', async ({ param, from, days, previous }) => {
    const source = BUNDLED_PARAMETERS[param]!.values.find((v) => v.from === from)!.source;
    // The day of the change: its figure, met on the last day and late one working day after.
    const due = addWorkingDays(from, days);
    const onTime = clockFor(param, from, due);
    const inTime = await validator.validate(onTime.order);
    expect(found(inTime, onTime.code)).toEqual([]);
    const late = clockFor(param, from, addWorkingDays(from, days + 1));
    const f = one(await validator.validate(late.order), late.code);
    expect(f.facts[`timescale.${late.timescale}.limitDays`]).toBe(days);
    expect(f.facts[`timescale.${late.timescale}.dueOn`]).toBe(due);
    // The day before: the earlier figure, from another source, or none and a word saying so.
    const dayBefore = shift(from, -1);
    const before = clockFor(param, dayBefore, addWorkingDays(dayBefore, (previous ?? days) + 1));
    const r = await validator.validate(before.order);
    if (previous === undefined) {
      expect(found(r, before.code)).toEqual([]);
      // Breach action needs a period for the second failure first: before NS 2000's figures there is neither.
      expect(notJudged(r).join(' ')).toContain(param === 'ns.breachActionDays' ? 'breach action: no national standard figure' : param);
    } else {
      const g = one(r, before.code);
      expect(g.facts[`timescale.${before.timescale}.limitDays`]).toBe(previous);
      expect(g.facts[`timescale.${before.timescale}.standard`]).not.toBe(source);
    }
  });
});

describe('the calendar past its recorded years (issue 13.5)', () => {
  it.each([
    // Sentenced Wednesday 2036-04-09: Good Friday 11 and Easter Monday 14 April out; due Friday 18th.
    { sentence: '2036-04-09', due: '2036-04-18', next: '2036-04-21' },
    // Sentenced Wednesday 2099-04-08: Good Friday 10 and Easter Monday 13 April out; due Friday 17th.
    { sentence: '2099-04-08', due: '2099-04-17', next: '2099-04-20' },
  ])('a first appointment after sentence on $sentence is judged on the regular pattern and says so', async ({ sentence, due, next }) => {
    const o = (on: string) => withEvents(sentencedOn(sentence), [{ type: 'first-appointment', on }, { type: 'sentence-plan', on }], shift(due, 40));
    const inTime = await validator.validate(o(due));
    expect(found(inTime, 'FIRST_APPOINTMENT_LATE')).toEqual([]);
    expect(one(inTime, 'CALENDAR_BEYOND_RECORDED_HOLIDAYS').facts['calendar.recordedTo']).toBe('2035-12-31');
    const f = one(await validator.validate(o(next)), 'FIRST_APPOINTMENT_LATE');
    expect(f.facts['timescale.firstAppointment.dueOn']).toBe(due);
    expect(f.confidence).toBe('secondary');
  });

  it('inside the recorded years there is no calendar advisory and the finding stays verified', async () => {
    const r = await validator.validate(withEvents(sentencedOn('2030-01-08'), [{ type: 'first-appointment', on: '2030-01-16' }], '2030-02-20'));
    expect(found(r, 'CALENDAR_BEYOND_RECORDED_HOLIDAYS')).toEqual([]);
    expect(one(r, 'FIRST_APPOINTMENT_LATE').confidence).toBe('verified');
  });

  it('a pre-sentence report requested before the recorded years says so too', async () => {
    const r = await validator.validate({ ...caseSentencedOn('2001-06-01'), psr: { type: 'standard', requestedOn: '1994-12-20', deliveredOn: '1995-01-20' } });
    // NS 2000 figures start in 2001, so this report is not judged; the calendar advisory needs a judged timescale.
    expect(found(r, 'CALENDAR_BEYOND_RECORDED_HOLIDAYS')).toEqual([]);
    expect(notJudged(r)).toHaveLength(1);
  });

  it('a timescale the calendar cannot count at all is reported as not judged', async () => {
    const long = createValidator({ parameters: { 'ns.transferDays': 400 } });
    const r = await long.validate(withEvents(sentencedOn('2100-06-01', (o) => (o.sentence.endDate = '2100-12-31')), [{ type: 'moved-area', on: '2100-07-01', area: 'Kent' }], '2100-12-31'));
    expect(found(r, 'CASE_NOT_TRANSFERRED')).toEqual([]);
    expect(notJudged(r).join(' ')).toMatch(/case transfer: the move to Kent on 2100-07-01: the bank holiday calendar counts working days only from 1990 to 2101/);
  });
});

describe('moves and transfers are matched by area, linearly (issue 14.5)', () => {
  const resolver = createResolver(BUNDLED_PARAMETERS);
  /** `n` moves, each to its own area and each transferred on time, as a parsed order (the schema caps events at 2,000; the facts do not). */
  function manyMoves(n: number): ProposedOrder {
    const base = ProposedOrderSchema.parse(sentencedOn('2006-03-01'));
    const events = Array.from({ length: n }, (_, i) => {
      const on = shift('2006-03-02', i % 300);
      return [
        { type: 'moved-area' as const, on, area: `Area ${i}` },
        { type: 'transfer-completed' as const, on: shift(on, 3), area: `area ${i} ` },
      ];
    }).flat();
    return { ...base, events, asOf: '2007-06-01' };
  }
  const factsOf = (order: ProposedOrder) => {
    const dates = keyDatesOf(order);
    const params = resolver.resolve(dates);
    return deriveEventFacts(order, params, deriveOrderFacts(order, dates, params, undefined).facts);
  };
  /** Fastest of several runs: the least disturbed by whatever else the machine is doing. */
  const fastest = (order: ProposedOrder): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 9; k++) {
      const t = performance.now();
      factsOf(order);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };

  it('every move finds its own transfer', () => {
    const facts = factsOf(manyMoves(50));
    expect(facts['timescale.transfer.late']).toBe(false);
    expect(facts['timescale.transfer.metOn']).not.toBeNull();
  });

  it('eight times the moves cost about eight times as much, not 64 times (pairwise matching)', () => {
    // A wide spread keeps the test far from its bound on a busy machine: linear work gives ~8,
    // pairwise 64; 2,000 against 4,000 moves (2x against 4x) would sit within the noise.
    const small = manyMoves(2000);
    const large = manyMoves(16_000);
    factsOf(small);
    factsOf(large);
    expect(fastest(large) / fastest(small)).toBeLessThan(32);
  });
});

describe('proportionate codes lists the new codes', () => {
  it.each(['TIMESCALE_NOT_JUDGED', 'CALENDAR_BEYOND_RECORDED_HOLIDAYS'])('%s, an advisory with a message and a citation', (code) => {
    const entry = findingCodes.find((c) => c.code === code);
    expect(entry?.kind).toBe('advisory');
    expect(entry?.citations.length).toBeGreaterThan(0);
    expect(renderCodes(findingCodes)).toContain(`${code}  advisory`);
  });
});
