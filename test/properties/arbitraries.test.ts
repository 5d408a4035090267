/**
 * The property-testing kit itself (issue 7): its orders are what it says they are, its options pin
 * what they say, it leans on the law's limits, and it shrinks to small counterexamples.
 */
import { addMonths, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIMES, createValidator, ProposedOrderSchema, regimeFor, type OmTier, type ProposedOrderInput, type TreatmentTier } from '../../src/index.js';
import { findingCodes, parameters } from '../../src/rules.js';
import { createResolver } from '../../src/law/resolve.js';
import { REQUIREMENT_KINDS, type RequirementKind } from '../../src/schema/requirements.js';
import {
  breachableCodes,
  caseDates,
  lawfulRequirement,
  notGenerable,
  omTiers,
  orderBreaching,
  orderInProgress,
  proposedOrder,
  seriousnessBands,
  treatmentTiers,
  validOrder,
} from '../../src/arbitraries/index.js';
import { dayOf, isoOf, plusMonths } from '../../src/arbitraries/days.js';
import { allFindings } from './findings.js';

const validator = createValidator();
const resolver = createResolver(parameters);
const lawOn = (o: ProposedOrderInput) =>
  resolver.resolve({ offence: o.offences.map((x) => x.committedOn).sort().at(-1)!, conviction: o.convictionDate, sentence: o.sentenceDate });
const num = (o: ProposedOrderInput, name: string) => lawOn(o)[name]!.value as number;

describe('what the kit generates', () => {
  it.each([
    ['validOrder', validOrder()],
    ['proposedOrder', proposedOrder()],
    ['orderInProgress', orderInProgress()],
    ['orderInProgress on schedule', orderInProgress({ onSchedule: true })],
  ] as const)('%s is always schema-valid input', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (order) => {
        const parsed = ProposedOrderSchema.safeParse(order);
        expect(parsed.success ? [] : parsed.error.issues).toStrictEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('proposedOrder reaches past the limits as well as inside them', () => {
    const samples = fc.sample(proposedOrder(), { numRuns: 1_000, seed: 42 });
    const results = samples.map((o) => validator.validateSync(o));
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(50);
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(300);
    expect(samples.some((o) => o.requirements.length === 0)).toBe(true);
    expect(samples.every((o) => o.events === undefined)).toBe(true);
  });

  it('orderInProgress records events from sentence on, in date order, none after asOf', () => {
    fc.assert(
      fc.property(orderInProgress(), (order) => {
        const on = order.events!.map((e) => e.on);
        expect(on).toStrictEqual([...on].sort());
        expect(on.every((d) => d >= order.sentenceDate)).toBe(true);
        if (order.asOf !== undefined) expect(on.every((d) => d <= order.asOf!)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('orderInProgress off schedule meets and misses timescales', () => {
    const codes = fc.sample(orderInProgress(), { numRuns: 1_000, seed: 7 }).flatMap((o) => allFindings(validator.validateSync(o)).map((f) => f.code));
    for (const code of ['FIRST_APPOINTMENT_LATE', 'DRUG_TESTING_BELOW_STANDARD', 'BREACH_ACTION_LATE']) expect(codes).toContain(code);
  });
});

describe('orderBreaching and the finding codes', () => {
  const generable = findingCodes.filter((c) => c.kind === 'invalid' || c.kind === 'breach').map((c) => c.code);

  it('covers every invalid or breach code the rules can produce, or says why not', () => {
    const unaccounted = generable.filter((code) => !breachableCodes.includes(code) && !(code in notGenerable));
    expect(unaccounted).toStrictEqual([]);
    for (const reason of Object.values(notGenerable)) expect(reason.length).toBeGreaterThan(20);
    expect(Object.keys(notGenerable).filter((code) => breachableCodes.includes(code))).toStrictEqual([]);
  });

  it('offers only codes that the rules produce, of kind invalid or breach', () => {
    expect(breachableCodes.filter((code) => !generable.includes(code))).toStrictEqual([]);
  });

  it('refuses a code it cannot make, naming it', () => {
    expect(() => orderBreaching('NOT_A_CODE')).toThrow(/NOT_A_CODE/);
    const tension = findingCodes.find((c) => c.kind === 'tension')!.code;
    expect(() => orderBreaching(tension)).toThrow(new RegExp(tension));
  });

  it('refuses options under which the code cannot arise', () => {
    // Every offence before 4 April 2005 could still get a DTTO.
    expect(() => orderBreaching('DTTO_NOT_AVAILABLE', { regime: 'pcc-s-a-2000', from: '2003-01-01', to: '2005-04-03' })).toThrow(/DTTO_NOT_AVAILABLE/);
    // The DRR minimum period was repealed for sentences from 3 December 2012.
    expect(() => orderBreaching('DRR_PERIOD_TOO_SHORT', { regime: 'pcsc-2022' })).toThrow(/No case dates/);
  });

  it('follows the law in force: a DRR is too short only under a minimum, and only just under it', () => {
    const samples = fc.sample(orderBreaching('DRR_PERIOD_TOO_SHORT'), { numRuns: 300, seed: 3 });
    for (const o of samples) expect(num(o, 'drr.minMonths')).not.toBeNull();
    const months = samples.map((o) => (o.requirements.find((r) => r.kind === 'drug-rehabilitation' && r.months < num(o, 'drr.minMonths')) as { months: number }).months);
    expect(months).toContain(num(samples[0]!, 'drr.minMonths') - 1);
  });
});

describe('options', () => {
  it.each(REGIMES.map((r) => [r.id]))('regime %s pins the law that applies', (regime) => {
    fc.assert(
      fc.property(validOrder({ regime }), (order) => {
        expect(validator.validateSync(order).regime.id).toBe(regime);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(caseDates({ regime }), (dates) => {
        expect(regimeFor(dates).id).toBe(regime);
        expect(dates.offence <= dates.conviction && dates.conviction <= dates.sentence).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('from and to bound every offence, the conviction and the sentence', () => {
    const range = { from: '2012-11-20', to: '2013-01-10' };
    fc.assert(
      fc.property(fc.oneof(validOrder(range), proposedOrder(range), orderBreaching('ORDER_TOO_LONG', range)), (order) => {
        const dates = [...order.offences.map((o) => o.committedOn), order.convictionDate, order.sentenceDate];
        expect(dates.filter((d) => d < range.from || d > range.to)).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses impossible options at once', () => {
    expect(() => validOrder({ from: '2023-02-29' })).toThrow(/from/);
    expect(() => validOrder({ from: '2020-01-01', to: '2019-01-01' })).toThrow(/after/);
    expect(() => validOrder({ regime: 'magna-carta' as never })).toThrow(/regime/);
    // Before 30 September 1998 neither a DTTO nor a community order could be made.
    expect(() => validOrder({ from: '1990-01-01', to: '1998-09-29' })).toThrow(/No case dates/);
  });
});

describe('leaning on the limits', () => {
  const samples = fc.sample(validOrder(), { numRuns: 4_000, seed: 11 });

  it('puts unpaid work hours exactly on each statutory limit, often', () => {
    const withHours = samples.flatMap((o) => o.requirements.flatMap((r) => (r.kind === 'unpaid-work' ? [{ o, hours: r.hours }] : [])));
    const atMin = withHours.filter(({ o, hours }) => hours === num(o, 'unpaidWork.minHours')).length;
    const atMax = withHours.filter(({ o, hours }) => hours === num(o, 'unpaidWork.maxHours')).length;
    expect(atMin / withHours.length).toBeGreaterThan(0.1);
    expect(atMax / withHours.length).toBeGreaterThan(0.1);
  });

  it('puts curfew hours on the maximum in force, whichever act set it', () => {
    const maxima = new Set(
      samples.flatMap((o) => o.requirements.flatMap((r) => (r.kind === 'curfew' && r.hoursPerDay === num(o, 'curfew.maxHoursPerDay') ? [r.hoursPerDay] : []))),
    );
    // 12 hours (CJA 2003), 16 (LASPO 2012), 20 (PCSC 2022), read from the parameter table.
    const all = new Set(parameters['curfew.maxHoursPerDay']!.values.flatMap((v) => (v.value === null ? [] : [v.value])));
    expect(maxima).toStrictEqual(all);
  });

  it('puts sentence dates on the first day of new law and the day before it', () => {
    const changes = new Set([...Object.values(parameters).flatMap((p) => p.values.map((v) => v.from)), ...REGIMES.map((r) => r.startsOn)]);
    const dayBefore = new Set([...changes].map((d) => isoOf(dayOf(d) - 1)));
    expect(samples.filter((o) => changes.has(o.sentenceDate)).length / samples.length).toBeGreaterThan(0.05);
    expect(samples.filter((o) => dayBefore.has(o.sentenceDate)).length / samples.length).toBeGreaterThan(0.05);
  });

  it('makes offenders exactly 18 on the day of conviction, and just short of 19', () => {
    const ages = samples.map((o) => o.offender.dateOfBirth).map((dob, i) => ({ dob, conviction: samples[i]!.convictionDate }));
    expect(ages.some(({ dob, conviction }) => dob.slice(5) === conviction.slice(5) && Number(conviction.slice(0, 4)) - Number(dob.slice(0, 4)) === 18)).toBe(true);
  });
});

describe('shrinking', () => {
  it('shrinks a failure on validOrder to one offence and few requirements, with no optional records', () => {
    const run = fc.check(fc.property(validOrder(), (o) => !o.requirements.some((r) => r.kind === 'curfew')), { seed: 5, numRuns: 500 });
    expect(run.failed).toBe(true);
    const [order] = run.counterexample!;
    expect(order.offences).toHaveLength(1);
    expect(order.requirements.length).toBeLessThanOrEqual(2);
    expect(order.provision).toBeUndefined();
    expect(order.psr).toBeUndefined();
    expect(order.offender.assessment).toBeUndefined();
  });

  it('shrinks an orderBreaching failure to the value just past the limit', () => {
    const run = fc.check(
      fc.property(orderBreaching('UNPAID_WORK_HOURS_OUT_OF_RANGE'), () => false),
      { seed: 5, numRuns: 100 },
    );
    const [order] = run.counterexample as [ProposedOrderInput];
    const hours = order.requirements.flatMap((r) => (r.kind === 'unpaid-work' ? [r.hours] : []));
    expect(hours.some((h) => h === num(order, 'unpaidWork.minHours') - 1 || h === num(order, 'unpaidWork.maxHours') + 1)).toBe(true);
    expect(order.offences).toHaveLength(1);
  });
});

describe('small arbitraries', () => {
  it('gives tiers 1 to 4, typed apart', () => {
    fc.assert(
      fc.property(omTiers(), treatmentTiers(), seriousnessBands(), (om, treatment, band) => {
        expect([om, treatment].every((t) => Number.isInteger(t) && t >= 1 && t <= 4)).toBe(true);
        expect(['low', 'medium', 'high', 'custody']).toContain(band);
      }),
      { numRuns: 200 },
    );
    const mixUp = (t: TreatmentTier): OmTier => {
      // @ts-expect-error a treatment tier is not an offender management tier (inspection report 4.14)
      const om: OmTier = t;
      return om;
    };
    expect(mixUp).toBeTypeOf('function');
  });

  /** A lawful order with room for any lawful requirement: 36 months, every need met, aged 20. */
  const roomy = (year: number, kind: RequirementKind, requirement: unknown): unknown => ({
    offender: {
      dateOfBirth: `${year - 20}-01-01`,
      need: {
        drugs: { dependentOrPropensity: true, requiresAndSusceptible: true },
        alcohol: { dependent: kind !== 'alcohol-abstinence-monitoring', requiresAndSusceptible: true },
      },
    },
    offences: [{ committedOn: `${year}-02-01`, seriousness: 'high' }],
    convictionDate: `${year}-03-01`,
    sentenceDate: `${year}-04-01`,
    sentence: { type: 'community-order', endDate: `${year + 3}-04-01`, fine: true },
    requirements: [requirement],
  });

  // Years in which no parameter or regime changes, so any date in them has the same law.
  describe.each([[2008], [2023]])('lawfulRequirement in %i', (year) => {
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const kinds = REQUIREMENT_KINDS.filter((kind) => lawOn(roomy(year, kind, {}) as ProposedOrderInput)[`availability.${kind}`]!.value === true);

    it.each(kinds.map((k) => [k]))('%s is valid on its own', (kind) => {
      fc.assert(
        fc.property(lawfulRequirement(kind, range), (requirement) => {
          expect(requirement.kind).toBe(kind);
          const result = validator.validateSync(roomy(year, kind, requirement));
          expect(result.requirements[0]!.findings.filter((f) => f.kind === 'invalid' || f.kind === 'breach')).toStrictEqual([]);
        }),
        { numRuns: 200 },
      );
    });

    it('refuses a kind that the law of the year does not have', () => {
      for (const kind of REQUIREMENT_KINDS.filter((k) => !kinds.includes(k))) expect(() => lawfulRequirement(kind, range)).toThrow(/No case dates/);
    });
  });
});

describe('date arithmetic of the generators', () => {
  it('agrees with the platform calendar on every day from 1990 to 2100', () => {
    for (let day = dayOf('1990-01-01'); day <= dayOf('2100-12-31'); day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(isoOf(day)).toBe(iso);
      expect(dayOf(iso)).toBe(day);
    }
  });

  it('adds months as date-fns does, clamping to the end of a shorter month', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOf('1990-01-01'), max: dayOf('2095-12-31') }), fc.integer({ min: -120, max: 120 }), (day, months) => {
        const iso = isoOf(day);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(plusMonths(iso, months)).toBe(format(addMonths(new Date(y, m - 1, d), months), 'yyyy-MM-dd'));
      }),
      { numRuns: 2_000 },
    );
  });
});
