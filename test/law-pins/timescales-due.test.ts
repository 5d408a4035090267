import { describe, expect, it } from 'vitest';
import type { Finding, ProposedOrderInput, ValidationResult } from '../../src/index.js';
import { judgedByBoth as judged, ofCode } from '../support/judge.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';

// Twins told apart by one condition, each case written exactly (the family of findings of one code, with
// kind, requirement, message and figures), so a rule that loses the condition telling the twins apart shows
// as a second finding, a missing one, or a finding on the wrong requirement.
/** Findings of one code, once each (a requirement's finding is listed under the requirement and in its kind's list). */
const onRequirements = (r: ValidationResult, code: string): number[] =>
  r.requirements.map((q) => q.findings.filter((f) => f.code === code).length);

/** The same lawful medium DRR, sentenced under NS 2007 (from 30 September 2007), with the offender on a tier. */
const ns2007 = (omTier: 1 | 2 | 3 | 4): ProposedOrderInput => {
  const o = clone(lawfulMediumDrr());
  return {
    ...o,
    offender: { ...o.offender, omTier },
    offences: [{ committedOn: '2008-01-08', seriousness: 'medium', imprisonable: true, description: 'Shop theft, repeated' }],
    convictionDate: '2008-01-30',
    sentenceDate: '2008-02-06',
    sentence: { type: 'community-order', endDate: '2009-02-05' },
  };
};

describe('first appointment and sentence plan are due by the figure for the tier (NS 2007: 5 and 15 working days; tier 4: 2 and 5)', () => {
  // Sentenced Wednesday 2008-02-06 (no bank holiday before Easter, 21 March 2008): 2 working days end
  // Friday 2008-02-08, 5 end Wednesday 2008-02-13, 15 end Wednesday 2008-02-27 (standards.md 2.3, NS-FIRST-CONTACT,
  // NS-PLAN). asOf Thursday 2008-02-07: an order in progress (an events list, empty), everything still ahead.
  const pending = (omTier: 3 | 4): ProposedOrderInput => ({ ...ns2007(omTier), events: [], asOf: '2008-02-07' });
  const dueOf = (r: ValidationResult, name: 'firstAppointment' | 'sentencePlan'): Finding[] =>
    ofCode(r, 'TIMESCALE_DUE').filter((f) => `timescale.${name}.dueOn` in f.facts);

  it.each([
    {
      tier: 3 as const,
      first: { dueOn: '2008-02-13', param: 'param.ns.firstAppointmentDays', days: 5, message: 'Due by 2008-02-13: first appointment with the offender manager (as of 2008-02-07).' },
      plan: { dueOn: '2008-02-27', param: 'param.ns.sentencePlanDays', days: 15, message: 'Due by 2008-02-27: sentence plan (as of 2008-02-07).' },
    },
    {
      tier: 4 as const,
      first: { dueOn: '2008-02-08', param: 'param.ns.firstAppointmentDays.tier4', days: 2, message: 'Due by 2008-02-08: first appointment with the offender manager (tier 4) (as of 2008-02-07).' },
      plan: { dueOn: '2008-02-13', param: 'param.ns.sentencePlanDays.tier4', days: 5, message: 'Due by 2008-02-13: sentence plan (tier 4) (as of 2008-02-07).' },
    },
  ])('tier $tier: one TIMESCALE_DUE for each, by the tier\'s own figure', async ({ tier, first, plan }) => {
    const r = await judged(pending(tier));
    for (const [name, want] of [['firstAppointment', first], ['sentencePlan', plan]] as const) {
      const dues = dueOf(r, name);
      expect(dues.map((f) => [f.kind, f.message]), name).toEqual([['advisory', want.message]]);
      expect(dues[0]!.facts).toEqual({ [`timescale.${name}.dueOn`]: want.dueOn, 'events.asOf': '2008-02-07', [want.param]: want.days });
    }
    expect(ofCode(r, 'FIRST_APPOINTMENT_LATE')).toEqual([]);
    expect(ofCode(r, 'SENTENCE_PLAN_LATE')).toEqual([]);
  });

  it.each([3, 4] as const)('tier %s: both met on the day after sentence, neither is due (nor late)', async (tier) => {
    const r = await judged({
      ...pending(tier),
      events: [
        { type: 'first-appointment', on: '2008-02-07' },
        { type: 'sentence-plan', on: '2008-02-07' },
      ],
    });
    expect(dueOf(r, 'firstAppointment')).toEqual([]);
    expect(dueOf(r, 'sentencePlan')).toEqual([]);
    expect(ofCode(r, 'FIRST_APPOINTMENT_LATE')).toEqual([]);
    expect(ofCode(r, 'SENTENCE_PLAN_LATE')).toEqual([]);
  });

  it.each([3, 4] as const)('tier %s: both passed unmet by asOf 2008-03-05: late, not due', async (tier) => {
    const r = await judged({ ...ns2007(tier), events: [], asOf: '2008-03-05' });
    expect(dueOf(r, 'firstAppointment')).toEqual([]);
    expect(dueOf(r, 'sentencePlan')).toEqual([]);
    expect(ofCode(r, 'FIRST_APPOINTMENT_LATE').length).toBeGreaterThan(0);
    expect(ofCode(r, 'SENTENCE_PLAN_LATE').length).toBeGreaterThan(0);
  });
});

describe('a late review hearing is a breach of the DRR that provides for review (CJA 2003 s.210)', () => {
  // Two 12-month DRRs: the first (index 0) makes no provision for review (s.210(1): "may" for 12 months or
  // less); the second (index 2) provides for review monthly. Sentenced Wednesday 2006-03-01, the first review
  // is due a calendar month on, Saturday 2006-04-01, so Monday 2006-04-03; asOf 2006-04-10 none was held.
  const order = (): ProposedOrderInput => {
    const o = clone(lawfulMediumDrr());
    const drr = o.requirements[0] as Record<string, unknown>;
    o.requirements = [clone(drr), { kind: 'supervision' }, { ...clone(drr), reviewIntervalMonths: 1 }] as ProposedOrderInput['requirements'];
    return { ...o, events: [], asOf: '2006-04-10' };
  };

  it('one REVIEW_HEARING_OVERDUE, on requirement 2 only', async () => {
    const r = await judged(order());
    expect(onRequirements(r, 'REVIEW_HEARING_OVERDUE')).toEqual([0, 0, 1]);
    const found = r.breaches.filter((f) => f.code === 'REVIEW_HEARING_OVERDUE');
    expect(found.map((f) => [f.kind, f.requirementIndex])).toEqual([['breach', 2]]);
    expect(found[0]!.facts).toMatchObject({
      'timescale.reviewHearing.interval': '1 month',
      'timescale.reviewHearing.dueOn': '2006-04-03',
      'timescale.reviewHearing.heldOn': null,
    });
  });

  it('the hearing held on the due day: none', async () => {
    const r = await judged({ ...order(), events: [{ type: 'review-hearing', on: '2006-04-03' }] });
    expect(ofCode(r, 'REVIEW_HEARING_OVERDUE')).toEqual([]);
  });
});

describe('a programme started late is a breach of that programme requirement only (ns.programmeStartDays: 60 working days)', () => {
  // Sentenced Wednesday 2006-03-01: 60 working days (bank holidays 14 and 17 April, 1 May, 29 May 2006) end
  // Tuesday 2006-05-30. The first programme (index 2) started on 2006-03-15, in time; the second (index 3)
  // had not started by asOf 2006-06-05.
  const order = (): ProposedOrderInput => {
    const o = clone(lawfulMediumDrr());
    o.requirements = [
      ...o.requirements,
      { kind: 'programme', programme: 'Think First' },
      { kind: 'programme', programme: 'ASRO' },
    ] as ProposedOrderInput['requirements'];
    return { ...o, events: [{ type: 'programme-start', on: '2006-03-15', programme: 'Think First' }], asOf: '2006-06-05' };
  };

  it('one PROGRAMME_START_LATE, on requirement 3 (ASRO) only', async () => {
    const r = await judged(order());
    expect(onRequirements(r, 'PROGRAMME_START_LATE')).toEqual([0, 0, 0, 1]);
    const found = r.breaches.filter((f) => f.code === 'PROGRAMME_START_LATE');
    expect(found.map((f) => [f.kind, f.requirementIndex])).toEqual([['breach', 3]]);
    expect(found[0]!.facts).toMatchObject({
      'timescale.programmeStart.programme': 'ASRO',
      'timescale.programmeStart.dueOn': '2006-05-30',
      'timescale.programmeStart.metOn': null,
    });
  });

  it('both started in time: none', async () => {
    const o = order();
    const r = await judged({ ...o, events: [...o.events!, { type: 'programme-start', on: '2006-03-16', programme: 'ASRO' }] });
    expect(ofCode(r, 'PROGRAMME_START_LATE')).toEqual([]);
  });
});

describe('proposed drug testing: the full standard (2 a week) only, for a medium non-residential DRR (PC80/2005, SS8.12)', () => {
  // The reduced standard (1 a week) is for the low band or residential treatment only (standards.md 1.2):
  // a medium non-residential DRR proposing no tests at all falls below the full standard, and that is the
  // one finding; it is not also judged by the reduced standard.
  const proposing = (band: 'low' | 'medium', setting: 'residential' | 'non-residential', testsPerWeek: number): ProposedOrderInput => {
    const o = clone(lawfulMediumDrr());
    const drr = { ...(o.requirements[0] as Record<string, unknown>), setting, testsPerWeek };
    return {
      ...o,
      offences: [{ ...o.offences[0]!, seriousness: band }],
      requirements: [drr, ...o.requirements.slice(1)] as ProposedOrderInput['requirements'],
    };
  };
  const proposed = (r: ValidationResult): [string, number | undefined, unknown][] =>
    ofCode(r, 'DRUG_TESTING_BELOW_STANDARD')
      .filter((f) => 'requirement.testsPerWeek' in f.facts)
      .filter((f, i, all) => all.indexOf(f) === i)
      .map((f) => [f.kind, f.requirementIndex, f.facts['param.ns.drugTesting.minPerWeek'] ?? f.facts['param.ns.drugTesting.minPerWeekReduced']]);

  it('medium, non-residential, 0 a week: one breach, against the full minimum of 2', async () => {
    const r = await judged(proposing('medium', 'non-residential', 0));
    expect(onRequirements(r, 'DRUG_TESTING_BELOW_STANDARD')).toEqual([1, 0]);
    const found = r.breaches.filter((f) => f.code === 'DRUG_TESTING_BELOW_STANDARD');
    expect(found).toHaveLength(1);
    expect(found[0]!.facts).toMatchObject({ 'requirement.testsPerWeek': 0, 'param.ns.drugTesting.minPerWeek': 2 });
    expect('param.ns.drugTesting.minPerWeekReduced' in found[0]!.facts).toBe(false);
    expect(proposed(r)).toEqual([['breach', 0, 2]]);
  });

  it('medium, residential, 0 a week: one breach, against the reduced minimum of 1', async () => {
    const r = await judged(proposing('medium', 'residential', 0));
    expect(onRequirements(r, 'DRUG_TESTING_BELOW_STANDARD')).toEqual([1, 0]);
    const found = r.breaches.filter((f) => f.code === 'DRUG_TESTING_BELOW_STANDARD');
    expect(found).toHaveLength(1);
    expect(found[0]!.facts).toMatchObject({ 'requirement.testsPerWeek': 0, 'param.ns.drugTesting.minPerWeekReduced': 1 });
  });

  it('medium, non-residential, 1 a week: below the full standard only', async () => {
    const r = await judged(proposing('medium', 'non-residential', 1));
    expect(proposed(r)).toEqual([['breach', 0, 2]]);
  });
});
