import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import {
  AAMR,
  ATR,
  ATTENDANCE,
  CURFEW,
  DRR,
  FTPR,
  PROGRAMME,
  UPW,
  addDays,
  addMonths,
  alcoholNeed,
  bornYearsBefore,
  cja,
  dtto,
  onDates,
  type CaseDates,
  type Order,
  type Requirement,
} from '../codes/fixtures.js';

const validator = createValidator();
type Key = keyof CaseDates;

/**
 * One change in the law: the date it takes effect, the case date it keys on, an order that shows
 * it, and what the order's result looks like under the old and the new law.
 */
interface Change {
  readonly name: string;
  readonly from: string;
  readonly key: Key;
  readonly order: (dates: CaseDates) => Order;
  readonly observe: (result: ValidationResult) => unknown;
  readonly before: unknown;
  readonly after: unknown;
}

const codesAt = (result: ValidationResult, index: number) => result.requirements[index]!.findings.map((f) => f.code);
const notInRegime = (index: number) => (r: ValidationResult) => codesAt(r, index).includes('REQUIREMENT_NOT_IN_REGIME');
const has = (code: string) => (r: ValidationResult) =>
  [...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories].some((f) => f.code === code);

/** A community order on these dates whose requirements are UPW (40 hours, punitive) followed by `extra`. */
function communityOrder(dates: CaseDates, extra: Requirement[], change: (o: Order) => void = () => {}): Order {
  const o = onDates(cja(), dates);
  o.offender.need = { drugs: { dependentOrPropensity: true, requiresAndSusceptible: true }, alcohol: { ...alcoholNeed, dependent: false } };
  o.requirements = [UPW(40), ...extra];
  change(o);
  return o;
}
const young = (dates: CaseDates) => (o: Order) => (o.offender.dateOfBirth = bornYearsBefore(dates.conviction, 20));
const sso = (weeks: number, requirements: Requirement[]) => (dates: CaseDates) => {
  const o = communityOrder(dates, []);
  o.requirements = requirements;
  o.sentence = { type: 'suspended-sentence-order', endDate: addMonths(dates.sentence, 18), custodialTermWeeks: weeks, operationalPeriodMonths: 18, supervisionPeriodMonths: 12 };
  return o;
};

const CHANGES: readonly Change[] = [
  // PCC(S)A 2000 s.52(1) [V].
  { name: 'DTTOs begin', from: '1998-09-30', key: 'offence', order: (d) => onDates(dtto(), d, 12), observe: has('DTTO_NOT_AVAILABLE'), before: true, after: false },
  // S.I. 2005/950; offence keying [V-sec].
  {
    name: 'CJA 2003 community orders replace PCC(S)A orders',
    from: '2005-04-04',
    key: 'offence',
    order: (d) => communityOrder(d, [DRR]),
    observe: (r) => [r.regime.id, notInRegime(0)(r), notInRegime(1)(r)],
    before: ['pcc-s-a-2000', true, true],
    after: ['cja-2003', false, false],
  },
  { name: 'the DTTO ends', from: '2005-04-04', key: 'offence', order: (d) => onDates(dtto(), d, 12), observe: has('DTTO_NOT_AVAILABLE'), before: false, after: true },
  // LASPO 2012 Part 3 (S.I. 2012/2906), by sentence date.
  { name: 'LASPO regime', from: '2012-12-03', key: 'sentence', order: (d) => communityOrder(d, []), observe: (r) => r.regime.id, before: 'cja-2003', after: 'laspo-2012' },
  { name: 'curfew 16 hours a day', from: '2012-12-03', key: 'sentence', order: (d) => communityOrder(d, [CURFEW(16, 3)]), observe: has('CURFEW_HOURS_OUT_OF_RANGE'), before: true, after: false },
  { name: 'curfew within 12 months', from: '2012-12-03', key: 'sentence', order: (d) => communityOrder(d, [CURFEW(8, 12)]), observe: has('CURFEW_PERIOD_EXCEEDED'), before: true, after: false },
  { name: 'DRR minimum removed', from: '2012-12-03', key: 'sentence', order: (d) => communityOrder(d, [{ ...DRR, months: 3 }]), observe: has('DRR_PERIOD_TOO_SHORT'), before: true, after: false },
  {
    name: 'ATR minimum removed',
    from: '2012-12-03',
    key: 'sentence',
    order: (d) => communityOrder(d, [{ ...ATR, months: 3 }], (o) => (o.offender.need = { alcohol: { ...alcoholNeed } })),
    observe: has('ATR_PERIOD_TOO_SHORT'),
    before: true,
    after: false,
  },
  { name: 'programme recommendation repealed', from: '2012-12-03', key: 'sentence', order: (d) => communityOrder(d, [PROGRAMME(20, false)]), observe: has('PROGRAMME_NOT_RECOMMENDED'), before: true, after: false },
  { name: 'foreign travel prohibition', from: '2012-12-03', key: 'sentence', order: (d) => communityOrder(d, [FTPR(6)]), observe: notInRegime(1), before: true, after: false },
  { name: 'SSO of 14 days', from: '2012-12-03', key: 'sentence', order: sso(2, [UPW(40)]), observe: has('SSO_TERM_OUT_OF_RANGE'), before: true, after: false },
  { name: 'SSO of 2 years', from: '2012-12-03', key: 'sentence', order: sso(104, [UPW(40)]), observe: has('SSO_TERM_OUT_OF_RANGE'), before: true, after: false },
  { name: 'SSO requirements optional', from: '2012-12-03', key: 'sentence', order: sso(40, []), observe: has('NO_REQUIREMENTS'), before: true, after: false },
  // CCA 2013 Sch. 16 para 4: offences on or after commencement.
  {
    name: 'punitive element',
    from: '2013-12-11',
    key: 'offence',
    order: (d) => communityOrder(d, [DRR], (o) => o.requirements.shift()),
    observe: has('PUNITIVE_ELEMENT_MISSING'),
    before: false,
    after: true,
  },
  // ORA 2014 (S.I. 2015/40), by offence date [M].
  {
    name: 'RAR replaces activity and supervision',
    from: '2015-02-01',
    key: 'offence',
    order: (d) => communityOrder(d, [{ kind: 'rehabilitation-activity', maxDays: 20 }, { kind: 'activity', days: 20 }, { kind: 'supervision' }]),
    observe: (r) => [r.regime.id, notInRegime(1)(r), notInRegime(2)(r), notInRegime(3)(r)],
    before: ['laspo-2012', true, false, false],
    after: ['ora-2014', false, true, true],
  },
  // S.I. 2020/478, by sentence date.
  { name: 'AAMR nationally', from: '2020-05-19', key: 'sentence', order: (d) => communityOrder(d, [AAMR(60)]), observe: notInRegime(1), before: true, after: false },
  // Sentencing Code, by conviction date [M].
  {
    name: 'Sentencing Code',
    from: '2020-12-01',
    key: 'conviction',
    order: (d) => communityOrder(d, [UPW(301)]),
    observe: (r) => [r.regime.id, r.requirements[1]!.findings.find((f) => f.code === 'UNPAID_WORK_HOURS_OUT_OF_RANGE')!.citations[0]!.source],
    before: ['ora-2014', 'Criminal Justice Act 2003'],
    after: ['sentencing-code', 'Sentencing Act 2020'],
  },
  // PCSC 2022, by conviction date (the amended text says so).
  { name: 'PCSC regime', from: '2022-06-28', key: 'conviction', order: (d) => communityOrder(d, []), observe: (r) => r.regime.id, before: 'sentencing-code', after: 'pcsc-2022' },
  { name: 'curfew 20 hours a day', from: '2022-06-28', key: 'conviction', order: (d) => communityOrder(d, [CURFEW(17, 3)]), observe: has('CURFEW_HOURS_OUT_OF_RANGE'), before: true, after: false },
  { name: 'curfew 112 hours a week', from: '2022-06-28', key: 'conviction', order: (d) => communityOrder(d, [CURFEW(16.5, 3)]), observe: has('CURFEW_WEEKLY_HOURS_AT_RISK'), before: false, after: true },
  { name: 'curfew within 2 years', from: '2022-06-28', key: 'conviction', order: (d) => communityOrder(d, [CURFEW(8, 13)]), observe: has('CURFEW_PERIOD_EXCEEDED'), before: true, after: false },
  { name: 'drug testing requirement', from: '2022-06-28', key: 'conviction', order: (d) => communityOrder(d, [{ kind: 'drug-testing' }]), observe: notInRegime(1), before: true, after: false },
  { name: 'no attendance centre for adults', from: '2022-06-28', key: 'conviction', order: (d) => communityOrder(d, [ATTENDANCE(24)], young(d)), observe: notInRegime(1), before: false, after: true },
];

const DAY_BEFORE = -1;
const MONTH = 30;

/** Case dates with the keyed date on `keyed` and the others placed in order around it. */
function datesFor(key: Key, keyed: string, others: { early: string; late: string }): CaseDates {
  if (key === 'offence') return { offence: keyed, conviction: others.late, sentence: addDays(others.late, MONTH) };
  if (key === 'conviction') return { offence: others.early, conviction: keyed, sentence: others.late };
  return { offence: others.early, conviction: addDays(others.early, 1), sentence: keyed };
}

describe('each change in the law takes effect on its day, by the date it keys on', () => {
  for (const c of CHANGES) {
    const eve = addDays(c.from, DAY_BEFORE);
    const around = { early: addDays(c.from, -3 * MONTH), late: addDays(c.from, 2 * MONTH) };
    const outcome = async (dates: CaseDates) => c.observe(await validator.validate(c.order(dates)));

    it(`${c.name} (${c.from}, by ${c.key} date): the old law the day before, the new law that day`, async () => {
      expect(await outcome(datesFor(c.key, eve, around))).toEqual(c.before);
      expect(await outcome(datesFor(c.key, c.from, around))).toEqual(c.after);
    });

    it(`${c.name}: moving the other dates across ${c.from} changes nothing`, async () => {
      if (c.key === 'offence') {
        // The offence stays before the change; conviction and sentence move from before it to after it.
        for (const conviction of [eve, c.from, around.late])
          expect(await outcome({ offence: addDays(eve, -1), conviction, sentence: addDays(conviction, 1) })).toEqual(c.before);
      } else if (c.key === 'sentence') {
        // The sentence stays on the day of the change; offence and conviction move from before it to that day.
        for (const offence of [around.early, eve, c.from]) expect(await outcome({ offence, conviction: offence, sentence: c.from })).toEqual(c.after);
      } else {
        // Convicted the day before: the sentence moves across. Convicted that day: the offence moves across.
        for (const sentence of [eve, c.from, around.late]) expect(await outcome({ offence: around.early, conviction: eve, sentence })).toEqual(c.before);
        for (const offence of [around.early, eve, c.from]) expect(await outcome({ offence, conviction: c.from, sentence: around.late })).toEqual(c.after);
      }
    });
  }
});

describe('the Sentencing Code reaches every conviction from 1 December 2020 (clean sweep)', () => {
  const offence = '2004-06-01';
  const dates = (conviction: string): CaseDates => ({ offence, conviction, sentence: addDays(conviction, 20) });

  it('a 2004 offence convicted on 1 December 2020 gets a Code community order, not the PCC(S)A law', async () => {
    const before = await validator.validate(communityOrder(dates('2020-11-30'), [DRR]));
    const after = await validator.validate(communityOrder(dates('2020-12-01'), [DRR]));
    expect([before.regime.id, notInRegime(0)(before), notInRegime(1)(before)]).toEqual(['pcc-s-a-2000', true, true]);
    expect([after.regime.id, after.regime.decidedBy, notInRegime(0)(after), notInRegime(1)(after)]).toEqual(['sentencing-code', 'convictionDate', false, false]);
  });

  it('a 2014 offence convicted under the Code gets a RAR, not supervision', async () => {
    const order = (conviction: string) => communityOrder({ offence: '2014-06-01', conviction, sentence: addDays(conviction, 20) }, [{ kind: 'supervision' }, { kind: 'rehabilitation-activity', maxDays: 10 }]);
    const before = await validator.validate(order('2020-11-30'));
    const after = await validator.validate(order('2020-12-01'));
    expect([notInRegime(1)(before), notInRegime(2)(before)]).toEqual([false, true]);
    expect([notInRegime(1)(after), notInRegime(2)(after)]).toEqual([true, false]);
  });
});

describe('the result names the regime and the date that decided it', () => {
  const cases: [CaseDates, string, string, string][] = [
    [{ offence: '2004-06-01', conviction: '2005-06-01', sentence: '2005-07-01' }, 'pcc-s-a-2000', 'offenceDate', '2004-06-01'],
    [{ offence: '2006-01-10', conviction: '2006-02-01', sentence: '2006-03-01' }, 'cja-2003', 'offenceDate', '2006-01-10'],
    [{ offence: '2012-11-01', conviction: '2012-11-20', sentence: '2012-12-03' }, 'laspo-2012', 'sentenceDate', '2012-12-03'],
    [{ offence: '2015-02-01', conviction: '2015-03-01', sentence: '2015-04-01' }, 'ora-2014', 'offenceDate', '2015-02-01'],
    [{ offence: '2019-01-01', conviction: '2020-12-01', sentence: '2021-01-01' }, 'sentencing-code', 'convictionDate', '2020-12-01'],
    [{ offence: '2022-01-01', conviction: '2022-06-28', sentence: '2022-07-01' }, 'pcsc-2022', 'convictionDate', '2022-06-28'],
  ];
  it.each(cases)('%j is decided as %s by the %s (%s)', async (dates, id, decidedBy, date) => {
    const result = await validator.validate(communityOrder(dates, []));
    expect(result.regime).toMatchObject({ id, decidedBy, date });
  });
});
