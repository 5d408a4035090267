import fc from 'fast-check';
import type { ProposedOrderInput } from '../schema/order.js';
import { DATE_RANGE, INTENSITIES, SERIOUSNESS_BANDS } from '../schema/primitives.js';
import { BREAKERS } from './breakers/index.js';
import { orderBreaching } from './breaching.js';
import { datedWhere } from './case-dates.js';
import { dayOf, earlierOf, isoOf, laterOf, plusDays, plusMonths } from './days.js';
import { buildFrom, draftSources } from './draft.js';
import type { Law } from './law.js';
import { rangeOf, type ArbitraryOptions } from './options.js';
import { birthDateFor, omTiers, treatmentTiers } from './people.js';
import { pick } from './place.js';
import { AREAS, OFFENCES, PROGRAMMES } from './vocabulary.js';
import { bounds, text, wild, wildPick, wildRequirement, wildRequirementPicks } from './wild.js';

const needPicks = fc.record({ a: fc.boolean(), b: fc.boolean() });

const wildPicks = fc.record({
  type: fc.constantFrom('community-order' as const, 'suspended-sentence-order' as const, 'dtto' as const),
  age: wildPick,
  birthday: pick,
  seriousness: fc.array(fc.constantFrom(...SERIOUSNESS_BANDS), { minLength: 1, maxLength: 3 }),
  daysEarlier: fc.array(fc.nat({ max: 1_500 }), { minLength: 2, maxLength: 2 }),
  offenceFlags: fc.record({ imprisonable: fc.boolean(), triggerOffence: fc.boolean(), description: text(OFFENCES) }, { requiredKeys: [] }),
  length: wildPick,
  daysOver: fc.nat({ max: 30 }),
  term: wildPick,
  termHalf: fc.boolean(),
  operational: wildPick,
  supervision: fc.option(wildPick, { nil: undefined }),
  fine: fc.option(fc.boolean(), { nil: undefined }),
  punitiveException: fc.option(fc.constant('Exceptional circumstances recorded'), { nil: undefined }),
  requirements: fc.array(wildRequirementPicks, { maxLength: 5 }),
  offender: fc.record(
    {
      omTier: omTiers(),
      treatmentTier: treatmentTiers(),
      drugs: needPicks,
      alcohol: needPicks,
      drugMisuse: fc.nat({ max: 50 }),
      alcoholMisuse: fc.nat({ max: 50 }),
      ogrsPercent: fc.double({ min: 0, max: 100, noNaN: true }),
      rosh: fc.constantFrom('low' as const, 'medium' as const, 'high' as const, 'very-high' as const),
      ppo: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  psr: fc.option(
    fc.record({ type: fc.constantFrom('standard' as const, 'fast' as const, 'oral' as const), requestedOn: fc.integer({ min: -30, max: 30 }), deliveredOn: fc.integer({ min: -30, max: 60 }), unnecessary: fc.boolean() }, { requiredKeys: ['type'] }),
    { nil: undefined },
  ),
  provision: fc.option(
    fc.record(
      {
        drrIntensities: fc.subarray([...INTENSITIES]),
        drrWeeklyHours: fc.record({ low: fc.nat({ max: 40 }), medium: fc.nat({ max: 40 }), high: fc.nat({ max: 40 }) }, { requiredKeys: [] }),
        atrQualifiedProvider: fc.boolean(),
        programmes: fc.subarray([...PROGRAMMES]),
        area: fc.constantFrom(...AREAS),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  ),
});
type WildPicks = typeof wildPicks extends fc.Arbitrary<infer T> ? T : never;

/** Any order the schema accepts, whatever the law says of it: a proposal, so no events. */
function wildOrder(options: ArbitraryOptions): fc.Arbitrary<ProposedOrderInput> {
  const { from } = rangeOf(options);
  return fc.record({ when: datedWhere(options, () => true, 'any order'), p: wildPicks }).map(({ when: { law, dates }, p }) => buildWild(law, dates, p, from));
}

const EARLIEST_BIRTH = '1900-01-01';

function buildWild(law: Law, dates: { offence: string; conviction: string; sentence: string }, p: WildPicks, floor: string): ProposedOrderInput {
  const age = wild(p.age, [law.num('communityOrder.minAge'), law.num('dtto.minAge'), law.num('attendanceCentre.maxAge')], 10, 90);
  const offences = p.seriousness.map((seriousness, i) => ({
    committedOn: i === 0 ? dates.offence : laterOf(floor, plusDays(dates.offence, -p.daysEarlier[(i - 1) % 2]!)),
    seriousness,
    ...p.offenceFlags,
  }));
  const earliest = offences.reduce((min, o) => earlierOf(min, o.committedOn), dates.offence);
  // Born no later than the first offence: the schema refuses anything else.
  const dateOfBirth = earlierOf(laterOf(birthDateFor(age, dates.conviction, p.birthday), EARLIEST_BIRTH), earliest);
  const o = p.offender;
  const months = wild(p.length, [law.num('communityOrder.maxMonths'), law.num('sso.maxPeriodMonths'), law.num('drr.reviewRequiredAboveMonths'), 6], 0, 60);
  const endDate = plusDays(plusMonths(dates.sentence, months), months === 0 ? 1 + p.daysOver : p.daysOver);
  const sentence =
    p.type === 'suspended-sentence-order'
      ? {
          type: p.type,
          endDate,
          custodialTermWeeks: Math.max(0.5, wild(p.term, [law.num('sso.minCustodialWeeks'), law.num('sso.maxCustodialWeeks')], 0, bounds.custodialWeeks - 1) + (p.termHalf ? 0.5 : 0)),
          operationalPeriodMonths: wild(p.operational, [law.num('sso.minPeriodMonths'), law.num('sso.maxPeriodMonths')], 0, bounds.periodMonths),
          ...(p.supervision ? { supervisionPeriodMonths: wild(p.supervision, [law.num('sso.minPeriodMonths'), law.num('sso.maxPeriodMonths')], 0, bounds.periodMonths) } : {}),
        }
      : p.type === 'community-order'
        ? { type: p.type, endDate, ...(p.fine === undefined ? {} : { fine: p.fine }), ...(p.punitiveException ? { punitiveExceptionReason: p.punitiveException } : {}) }
        : { type: p.type, endDate };
  const need = {
    ...(o.drugs ? { drugs: { dependentOrPropensity: o.drugs.a, requiresAndSusceptible: o.drugs.b } } : {}),
    ...(o.alcohol ? { alcohol: { dependent: o.alcohol.a, requiresAndSusceptible: o.alcohol.b } } : {}),
    ...(o.treatmentTier !== undefined ? { treatmentTier: o.treatmentTier } : {}),
  };
  const oasys = { ...(o.drugMisuse !== undefined ? { drugMisuse: o.drugMisuse } : {}), ...(o.alcoholMisuse !== undefined ? { alcoholMisuse: o.alcoholMisuse } : {}) };
  const assessment = {
    ...(Object.keys(oasys).length > 0 ? { oasys } : {}),
    ...(o.ogrsPercent !== undefined ? { ogrsPercent: o.ogrsPercent } : {}),
    ...(o.rosh !== undefined ? { rosh: o.rosh } : {}),
    ...(o.ppo !== undefined ? { ppo: o.ppo } : {}),
  };
  const near = (days: number) => isoOf(Math.max(dayOf(DATE_RANGE.from), dayOf(dates.conviction) + days));
  return {
    offender: {
      dateOfBirth,
      ...(o.omTier !== undefined ? { omTier: o.omTier } : {}),
      ...(Object.keys(assessment).length > 0 ? { assessment } : {}),
      ...(Object.keys(need).length > 0 ? { need } : {}),
    },
    offences,
    convictionDate: dates.conviction,
    sentenceDate: dates.sentence,
    sentence,
    requirements: p.requirements.map((r) => wildRequirement(r.kind, r, law)),
    ...(p.psr
      ? {
          psr: {
            type: p.psr.type,
            ...(p.psr.requestedOn !== undefined ? { requestedOn: near(p.psr.requestedOn) } : {}),
            ...(p.psr.deliveredOn !== undefined ? { deliveredOn: near(p.psr.deliveredOn) } : {}),
            ...(p.psr.unnecessary !== undefined ? { unnecessary: p.psr.unnecessary } : {}),
          },
        }
      : {}),
    ...(p.provision
      ? {
          provision: {
            ...(p.provision.drrIntensities ? { drrIntensities: [...p.provision.drrIntensities] } : {}),
            ...(p.provision.drrWeeklyHours ? { drrWeeklyHours: { ...p.provision.drrWeeklyHours } } : {}),
            ...(p.provision.atrQualifiedProvider !== undefined ? { atrQualifiedProvider: p.provision.atrQualifiedProvider } : {}),
            ...(p.provision.programmes ? { programmes: [...p.provision.programmes] } : {}),
            ...(p.provision.area ? { area: p.provision.area } : {}),
          },
        }
      : {}),
  };
}

/** Breaches that make sense for a proposal: those judged without events. */
const proposalCodes = Object.entries(BREAKERS)
  .filter(([, b]) => !b.needsCalendar)
  .map(([code]) => code);

/**
 * Any order the schema accepts (no events: a proposal). Out-of-limit values, missing optional
 * fields, requirements outside their regime and odd but permitted chronologies all appear, mixed
 * with lawful orders and orders one step from lawful, so code under test meets both sides of every limit.
 */
export function proposedOrder(options: ArbitraryOptions = {}): fc.Arbitrary<ProposedOrderInput> {
  const nearMisses = proposalCodes.flatMap((code) => {
    try {
      return [orderBreaching(code, options)];
    } catch {
      // Codes that cannot arise under the options (a DTTO breach in 2020) are left out.
      return [];
    }
  });
  const lawful = (() => {
    try {
      return [{ weight: 1, arbitrary: draftSources(options).map((s) => buildFrom(s).order) }];
    } catch {
      return [];
    }
  })();
  return fc.oneof(
    { weight: 4, arbitrary: wildOrder(options) },
    ...lawful,
    ...(nearMisses.length > 0 ? [{ weight: 2, arbitrary: fc.oneof(...nearMisses) }] : []),
  );
}
