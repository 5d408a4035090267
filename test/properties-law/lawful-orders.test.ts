import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type Finding } from '../../src/index.js';
import { BUNDLED_PARAMETERS } from '../../src/engine/bundled.js';
import type { KeyDates } from '../../src/law/parameters.js';
import { availableUnder, regimeFor } from '../../src/law/regimes.js';
import { createResolver } from '../../src/law/resolve.js';
import { packs } from '../../src/rules.js';
import { REQUIREMENT_KINDS, type RequirementKind } from '../../src/schema/requirements.js';
import { addDays, addMonths, type Order, type Requirement } from '../codes/fixtures.js';
import { CHANGE_DAYS, isoOfDay } from './dates.js';

/** The statutory packs this property speaks for: the other packs (proportionality, timescales) judge other things. */
const STATUTORY_PACKS = /^rules\/(cja-2003|cca-2013|pcc-s-a-2000|laspo-2012|regimes|guidance\/sentencing-ranges)\//;
const STATUTORY_CODES = new Set(packs.filter((p) => STATUTORY_PACKS.test(p.file)).flatMap((p) => p.rules.map((r) => r.event.type)));

const resolver = createResolver(BUNDLED_PARAMETERS);
const validator = createValidator();
const BANDS = ['low', 'medium', 'high', 'custody'] as const;

const FIRST = Date.parse('2005-04-04T00:00:00Z') / 86_400_000;
const LAST = Date.parse('2026-06-30T00:00:00Z') / 86_400_000;
/** Case dates under the CJA 2003 and later law, often either side of a change: offence, then conviction within 400 days, then sentence. */
const lawDates: fc.Arbitrary<KeyDates> = fc
  .tuple(
    fc.oneof(fc.integer({ min: FIRST, max: LAST }), fc.tuple(fc.constantFrom(...CHANGE_DAYS.filter((d) => d > '2005-04-04')), fc.integer({ min: -400, max: 5 })).map(([d, lead]) => Date.parse(`${d}T00:00:00Z`) / 86_400_000 + lead)),
    fc.integer({ min: 0, max: 400 }),
    fc.integer({ min: 0, max: 120 }),
  )
  .map(([o, gap1, gap2]) => {
    const offence = Math.max(FIRST, Math.min(LAST, o));
    return { offence: isoOfDay(offence), conviction: isoOfDay(offence + gap1), sentence: isoOfDay(offence + gap1 + gap2) };
  });

/** A number the law allows: from `min` to the lower of the statutory cap and the band's range, where each exists. */
const within = (min: number, ...caps: (number | null)[]) => fc.integer({ min, max: Math.max(min, Math.min(...caps.map((c) => c ?? Number.POSITIVE_INFINITY))) });

/**
 * An order built only from requirements inside their limits, for an offender and dates that meet
 * the order-level rules, at a band whose guideline ranges the requirements respect. Every figure is
 * read from the law in force for the dates, so the property holds the rules to their parameters.
 */
const lawfulOrder: fc.Arbitrary<Order> = fc
  .tuple(lawDates, fc.constantFrom(...BANDS), fc.boolean())
  .chain(([dates, band, suspended]) => {
    const p = resolver.resolve(dates);
    const num = (name: string) => (typeof p[name]?.value === 'number' ? (p[name]!.value as number) : null);
    const regime = regimeFor(dates).id;
    const kinds = REQUIREMENT_KINDS.filter((k) => availableUnder(regime, k, dates));
    const isSso = suspended && band === 'custody';
    const range = (family: string) => num(`bandRange.${family}.${band}`);

    const shape = isSso
      ? fc
          .record({ operational: within(num('sso.minPeriodMonths')!, num('sso.maxPeriodMonths')), weeks: within(num('sso.minCustodialWeeks')!, num('sso.maxCustodialWeeks')) })
          .chain(({ operational, weeks }) => within(num('sso.minPeriodMonths')!, operational).map((supervision) => ({ length: operational, limit: supervision, weeks })))
      : within(6, num('communityOrder.maxMonths')).map((length) => ({ length, limit: length, weeks: 0 }));

    const picks = fc.tuple(shape, fc.subarray(kinds, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 360 }));
    return picks.chain(([order, chosen, ageSeed, daysAfterBirthday]) => {
      // An AAMR is for an offender who is not dependent; an ATR for one who is: never both.
      const picked = chosen.includes('alcohol-treatment') ? chosen.filter((k) => k !== 'alcohol-abstinence-monitoring') : chosen;
      // Attendance centres are for offenders under 25; otherwise any adult age.
      const age = 19 + (picked.includes('attendance-centre') ? ageSeed % 6 : ageSeed);
      // Not less than a calendar month from any review date: 31 days a month, so 5 weeks for one month (issue 13).
      const reviewed = within(Math.ceil((31 * num('drr.minReviewIntervalMonths')!) / 7), 8);
      const drr = (months: number) =>
        (months > num('drr.reviewRequiredAboveMonths')! ? reviewed : fc.option(reviewed, { nil: undefined })).map(
          (reviewIntervalWeeks): Requirement => ({
            kind: 'drug-rehabilitation',
            intensity: 'low',
            months,
            setting: 'non-residential',
            provider: { name: 'Community Drug Team', registered: true },
            testsPerWeek: 2,
            ...(reviewIntervalWeeks === undefined ? {} : { reviewIntervalWeeks }),
            recommendedByOfficer: true,
            offenderWilling: true,
          }),
        );
      // Built only for the kinds picked: a limit not in force on these dates is null.
      const arb: Record<RequirementKind, () => fc.Arbitrary<Requirement>> = {
        'unpaid-work': () => within(num('unpaidWork.minHours')!, num('unpaidWork.maxHours'), range('unpaidWorkMaxHours')).map((hours) => ({ kind: 'unpaid-work', hours })),
        activity: () => within(1, num('activity.maxDays'), range('activityMaxDays')).map((days) => ({ kind: 'activity', days })),
        programme: () => within(1, 120).map((days) => ({ kind: 'programme', programme: 'Thinking Skills', days, recommendedByOfficer: true })),
        'prohibited-activity': () => fc.constant({ kind: 'prohibited-activity' }),
        curfew: () =>
          fc
            .tuple(within(num('curfew.minHoursPerDay')!, num('curfew.maxHoursPerDay')), within(1, num('curfew.maxMonths'), range('curfewMaxMonths'), order.length))
            .map(([hoursPerDay, months]) => ({ kind: 'curfew', hoursPerDay, months, electronicMonitoring: true })),
        exclusion: () => within(1, num('exclusion.maxMonths'), range('exclusionMaxMonths')).map((months) => ({ kind: 'exclusion', months, electronicMonitoring: true })),
        residence: () => fc.boolean().map((hostel) => ({ kind: 'residence', hostel, recommendedByOfficer: true })),
        'mental-health-treatment': () =>
          fc.constantFrom('resident', 'non-resident', 'practitioner').map((treatment) => ({ kind: 'mental-health-treatment', treatment, offenderWilling: true })),
        'drug-rehabilitation': () => within(num('drr.minMonths') ?? 1, order.limit).chain(drr),
        'alcohol-treatment': () =>
          within(num('atr.minMonths') ?? 1, order.limit).map((months) => ({
            kind: 'alcohol-treatment',
            months,
            setting: 'practitioner-based',
            director: { name: 'Alcohol Team', qualified: true },
            offenderWilling: true,
          })),
        supervision: () => fc.constant({ kind: 'supervision' }),
        'attendance-centre': () => within(num('attendanceCentre.minHours')!, num('attendanceCentre.maxHours')).map((hours) => ({ kind: 'attendance-centre', hours })),
        'rehabilitation-activity': () => within(1, 60).map((maxDays) => ({ kind: 'rehabilitation-activity', maxDays })),
        'alcohol-abstinence-monitoring': () => within(1, num('aamr.maxDays')).map((days) => ({ kind: 'alcohol-abstinence-monitoring', days })),
        'foreign-travel-prohibition': () => within(1, num('foreignTravel.maxMonths')).map((months) => ({ kind: 'foreign-travel-prohibition', months })),
        'drug-testing': () => fc.constant({ kind: 'drug-testing' }),
      };
      return fc.tuple(...picked.map((k) => arb[k]())).map((requirements): Order => {
        const punitive = requirements.some((r) => p[`punitive.${r.kind}`]?.value === true);
        const needsFine = !isSso && p['order.punitiveElementRequired']!.value === true && !punitive;
        const birthday = `${Number(dates.conviction.slice(0, 4)) - age}${dates.conviction.slice(4)}`.replace(/-02-29$/, '-02-28');
        return {
          offender: {
            dateOfBirth: addDays(birthday, -daysAfterBirthday),
            need: { drugs: { dependentOrPropensity: true, requiresAndSusceptible: true }, alcohol: { dependent: picked.includes('alcohol-treatment'), requiresAndSusceptible: true } },
          },
          offences: [{ committedOn: dates.offence, seriousness: band, imprisonable: true }],
          convictionDate: dates.conviction,
          sentenceDate: dates.sentence,
          sentence: isSso
            ? { type: 'suspended-sentence-order', endDate: addMonths(dates.sentence, order.length), custodialTermWeeks: order.weeks, operationalPeriodMonths: order.length, supervisionPeriodMonths: order.limit }
            : { type: 'community-order', endDate: addMonths(dates.sentence, order.length), ...(needsFine ? { fine: true } : {}) },
          requirements,
        };
      });
    });
  });

const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.code}: ${f.message}`).join('\n');

describe('an order inside every statutory limit and its band range', () => {
  it('has no invalid requirement, no statutory breach and no range tension', async () => {
    expect(STATUTORY_CODES.size).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(lawfulOrder, async (order) => {
        const result = await validator.validate(order);
        const invalid = result.requirements.flatMap((r) => r.findings.filter((f) => f.kind === 'invalid'));
        expect(invalid, describeFindings(invalid)).toEqual([]);
        const statutory = [...result.breaches, ...result.tensions].filter((f) => STATUTORY_CODES.has(f.code));
        expect(statutory, describeFindings(statutory)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
