import fc from 'fast-check';
import type { ProposedOrderInput } from '../schema/order.js';
import { INTENSITIES, SERIOUSNESS_BANDS, type Seriousness } from '../schema/primitives.js';
import type { Requirement, RequirementKind } from '../schema/requirements.js';
import { datedWhere, type CaseDates, type Dated } from './case-dates.js';
import { addWorkingDaysSafe } from './working-days.js';
import { dayOf, isoOf, laterOf, plusDays, plusMonths } from './days.js';
import { Law, firstTrueFrom } from './law.js';
import { rangeOf, type ArbitraryOptions } from './options.js';
import { BAND_RANK, birthDateFor, omTiers, treatmentTiers } from './people.js';
import { pick, place, type Pick } from './place.js';
import { KIND_ORDER, lawfulRequirement, minimumMonths, requirementPicks, safeReviewWeeks, type RequirementContext, type RequirementPicks } from './requirements.js';
import { AREAS, OFFENCES, PROGRAMMES, PUNITIVE_EXCEPTIONS, nth } from './vocabulary.js';

/** The order under construction, with what generators know about it by construction (not by asking the library). */
export interface Draft {
  readonly order: MutableOrder;
  readonly law: Law;
  readonly dates: CaseDates;
  band: Seriousness;
  /** Months from sentence to end, with 0.5 for days left over, as the order was built. */
  lengthMonths: number;
  /** Whole months a requirement may run (the order, or the suspended sentence's supervision period). */
  limitMonths: number;
  age: number;
  /** Earliest date an offence may be given. */
  readonly floor: string;
}

export type MutableOrder = ProposedOrderInput & { requirements: Requirement[] };

const OLDEST = 70;
/** Extra offences reach back up to two years before the latest. */
const EARLIER_OFFENCE_DAYS = 730;

const offencePicks = fc.record({ daysEarlier: pick, rank: pick, flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), n: fc.nat({ max: 9 }) });
type OffencePicks = typeof offencePicks extends fc.Arbitrary<infer T> ? T : never;

const needArb = fc.record({ a: fc.boolean(), b: fc.boolean() });
const offenderPicks = fc.record(
  {
    omTier: omTiers(),
    treatmentTier: treatmentTiers(),
    drugs: needArb,
    alcohol: needArb,
    oasys: fc.record({ drugMisuse: fc.nat({ max: 50 }), alcoholMisuse: fc.nat({ max: 50 }), completedDaysBefore: fc.nat({ max: 60 }) }, { requiredKeys: [] }),
    ogrsPercent: fc.nat({ max: 100 }),
    rosh: fc.constantFrom('low' as const, 'medium' as const, 'high' as const, 'very-high' as const),
    ppo: fc.boolean(),
  },
  { requiredKeys: [] },
);

const provisionPicks = fc.record(
  {
    drrIntensities: fc.subarray([...INTENSITIES], { minLength: 1 }),
    drrWeeklyHours: fc.record({ low: fc.nat({ max: 30 }), medium: fc.nat({ max: 30 }), high: fc.nat({ max: 30 }) }, { requiredKeys: [] }),
    atrQualifiedProvider: fc.boolean(),
    programmes: fc.subarray([...PROGRAMMES], { minLength: 1 }),
    area: fc.constantFrom(...AREAS),
  },
  { requiredKeys: [] },
);

const psrPicks = fc.record({ type: fc.constantFrom('standard' as const, 'fast' as const, 'oral' as const), delivery: pick });

export const draftPicks = fc.record({
  type: fc.nat({ max: 3 }),
  band: fc.nat({ max: 3 }),
  requirements: fc.array(requirementPicks, { minLength: 1, maxLength: 4 }),
  noRequirements: fc.boolean(),
  length: pick,
  daysOver: fc.nat({ max: 27 }),
  operational: pick,
  supervision: fc.option(pick, { nil: undefined }),
  term: pick,
  age: pick,
  birthday: pick,
  offences: fc.array(offencePicks, { maxLength: 2 }),
  punitive: fc.nat({ max: 2 }),
  fine: fc.boolean(),
  offender: offenderPicks,
  provision: fc.option(provisionPicks, { nil: undefined }),
  psr: fc.option(psrPicks, { nil: undefined }),
});
export type DraftPicks = typeof draftPicks extends fc.Arbitrary<infer T> ? T : never;

/** Law under which some lawful order exists: a community order (2005 on) or a DTTO (offences 1998-2005). */
export const lawfulOrderExists = (law: Law): boolean => law.communityOrders || law.dtto;

/** Everything a lawful draft is built from. Building is a pure function of these, so shrinking can rebuild at will. */
export interface DraftSource {
  readonly when: Dated;
  readonly picks: DraftPicks;
  readonly floor: string;
}

/**
 * Sources of lawful drafts: every order built from them is `ok` under the bundled rules. `accept`
 * narrows the case dates further (for a breach that only some law allows).
 */
export function draftSources(options: ArbitraryOptions, accept: (law: Law) => boolean = () => true, what = 'a lawful order'): fc.Arbitrary<DraftSource> {
  const floor = rangeOf(options).from;
  return fc.record({ when: datedWhere(options, (law) => lawfulOrderExists(law) && accept(law), what), picks: draftPicks }).map(({ when, picks }) => ({ when, picks, floor }));
}

export const buildFrom = (s: DraftSource): Draft => buildDraft(s.when.law, s.when.dates, s.picks, s.floor);

/** The kinds the picks ask for, among those the law allows, each once, never an ATR beside an AAMR. */
function kindsFor(law: Law, picks: readonly RequirementPicks[]): RequirementKind[] {
  const allowed = KIND_ORDER.filter((k) => law.available(k));
  const kinds = [...new Set(picks.map((p) => allowed[p.kind % allowed.length]!))];
  return kinds.includes('alcohol-treatment') ? kinds.filter((k) => k !== 'alcohol-abstinence-monitoring') : kinds;
}

/**
 * A DTTO is itself the treatment order; its treatment is recorded as a drug rehabilitation
 * requirement where the DRR proportionality guidance (PC57/2005) was in force at sentence. Before it
 * the intensity rule compares against a missing maximum and fires for any intensity, so such a DTTO
 * is left with no requirement, which the law allows.
 */
function dttoKinds(law: Law, band: Seriousness): RequirementKind[] {
  return law.maxIntensityRank(band) === null ? [] : ['drug-rehabilitation'];
}

export function buildDraft(law: Law, dates: CaseDates, p: DraftPicks, floor: string): Draft {
  const type = !law.communityOrders ? 'dtto' : p.type === 3 ? 'suspended-sentence-order' : 'community-order';
  // Suspending a sentence means the custody threshold was passed (SPEC: the custody band).
  const band: Seriousness = type === 'suspended-sentence-order' ? 'custody' : SERIOUSNESS_BANDS[p.band]!;
  const optionalRequirements = type === 'suspended-sentence-order' && !law.is('sso.requirementsCompulsory') && p.noRequirements;
  const kinds: RequirementKind[] = type === 'dtto' ? dttoKinds(law, band) : optionalRequirements ? [] : kindsFor(law, p.requirements);
  const shortest = Math.max(1, ...kinds.map((k) => minimumMonths(k, law)));

  const sentence = dates.sentence;
  const order: MutableOrder = {
    offender: { dateOfBirth: '' },
    offences: [],
    convictionDate: dates.conviction,
    sentenceDate: sentence,
    sentence: { type, endDate: '' },
    requirements: [],
  };
  let lengthMonths: number;
  let limitMonths: number;
  if (type === 'suspended-sentence-order') {
    const min = Math.max(law.limit('sso.minPeriodMonths'), shortest);
    const operational = place(p.operational, min, law.limit('sso.maxPeriodMonths'));
    const supervision = p.supervision === undefined ? undefined : place(p.supervision, min, operational);
    order.sentence = {
      type,
      endDate: plusMonths(sentence, operational),
      custodialTermWeeks: place(p.term, law.limit('sso.minCustodialWeeks'), law.limit('sso.maxCustodialWeeks')),
      operationalPeriodMonths: operational,
      ...(supervision === undefined ? {} : { supervisionPeriodMonths: supervision }),
    };
    lengthMonths = operational;
    limitMonths = supervision ?? operational;
  } else {
    const max = type === 'dtto' ? law.limit('dtto.maxMonths') : law.limit('communityOrder.maxMonths');
    const min = type === 'dtto' ? Math.max(law.limit('dtto.minMonths'), shortest) : shortest;
    const months = place(p.length, min, max);
    const over = months < max ? p.daysOver : 0;
    order.sentence = { type, endDate: plusDays(plusMonths(sentence, months), over) };
    if (type === 'community-order' && p.fine) order.sentence.fine = true;
    lengthMonths = over > 0 ? months + 0.5 : months;
    limitMonths = months;
  }

  const draft: Draft = { order, law, dates, band, lengthMonths, limitMonths, age: 0, floor };
  const ctx: RequirementContext = { law, band, limitMonths };
  // There are never more kinds than picks: kinds come from the picks, each kind once.
  order.requirements = kinds.map((kind, i) => lawfulRequirement(kind, p.requirements[i]!, ctx));
  if (type === 'dtto') {
    // Review is always mandatory for a DTTO (PCC(S)A 2000 s.54; law.md section 4).
    const drr = order.requirements[0];
    if (drr?.kind === 'drug-rehabilitation' && drr.reviewIntervalWeeks === undefined && drr.reviewIntervalMonths === undefined) drr.reviewIntervalWeeks = safeReviewWeeks(law);
  }
  meetPunitiveElement(draft, p, ctx);

  const attendance = order.requirements.some((r) => r.kind === 'attendance-centre');
  const minAge = type === 'dtto' ? law.limit('dtto.minAge') : law.limit('communityOrder.minAge');
  setAge(draft, place(p.age, minAge, attendance ? law.limit('attendanceCentre.maxAge') : OLDEST), p.birthday);
  order.offences = offencesFor(draft, p.offences, floor);
  order.offender = { ...order.offender, ...offenderFor(draft, p) };
  if (p.provision) order.provision = provisionFor(draft, p.provision);
  if (p.psr) order.psr = psrFor(draft, p.psr);
  return draft;
}

/** From the Crime and Courts Act 2013: a punishment requirement, a fine, or recorded exceptional circumstances. */
function meetPunitiveElement(draft: Draft, p: DraftPicks, ctx: RequirementContext): void {
  const { order, law } = draft;
  if (order.sentence.type !== 'community-order' || !law.is('order.punitiveElementRequired')) return;
  if (order.sentence.fine || order.requirements.some((r) => law.punitive(r.kind))) return;
  const punitiveKind = KIND_ORDER.find((k) => law.available(k) && law.punitive(k) && k !== 'alcohol-abstinence-monitoring');
  if (p.punitive === 0 || punitiveKind === undefined) order.sentence.fine = true;
  else if (p.punitive === 1) order.sentence.punitiveExceptionReason = PUNITIVE_EXCEPTIONS[0];
  else order.requirements.push(lawfulRequirement(punitiveKind, p.requirements[0]!, ctx));
}

/** Give the offender this age on the conviction date. */
export function setAge(draft: Draft, age: number, birthday: Pick): void {
  draft.age = age;
  draft.order.offender = { ...draft.order.offender, dateOfBirth: birthDateFor(age, draft.dates.conviction, birthday) };
}

function offencesFor(draft: Draft, picks: readonly OffencePicks[], floor: string): MutableOrder['offences'] {
  const { dates, band } = draft;
  const dob = draft.order.offender.dateOfBirth;
  // A DTTO reaches only offences from the day it came into force; earlier ones would make it unlawful.
  const dttoFrom = draft.order.sentence.type === 'dtto' ? firstTrueFrom('dtto.available') : null;
  const earliest = [floor, plusDays(dob, 1), dttoFrom ?? floor].reduce(laterOf);
  const latest = { committedOn: dates.offence, seriousness: band, ...describe(picks[0]) };
  const others = picks.map((o) => ({
    committedOn: isoOf(place(o.daysEarlier, Math.max(dayOf(earliest), dayOf(dates.offence) - EARLIER_OFFENCE_DAYS), dayOf(dates.offence))),
    seriousness: SERIOUSNESS_BANDS[place(o.rank, 1, BAND_RANK[band]) - 1]!,
    ...describe(o),
  }));
  return [latest, ...others];
}

function describe(o: OffencePicks | undefined) {
  if (!o) return {};
  return {
    ...(o.flags[0] ? { imprisonable: o.n % 3 !== 0 } : {}),
    ...(o.flags[1] ? { triggerOffence: o.n % 2 === 0 } : {}),
    ...(o.flags[2] ? { description: nth(OFFENCES, o.n) } : {}),
  };
}

/** The offender's record, with the needs that the order's treatment requirements must be satisfied of. */
function offenderFor(draft: Draft, p: DraftPicks): Partial<MutableOrder['offender']> {
  const o = p.offender;
  const kinds = new Set(draft.order.requirements.map((r) => r.kind));
  const drugs = kinds.has('drug-rehabilitation')
    ? { dependentOrPropensity: true, requiresAndSusceptible: true }
    : o.drugs && { dependentOrPropensity: o.drugs.a, requiresAndSusceptible: o.drugs.b };
  const alcohol = kinds.has('alcohol-treatment')
    ? { dependent: true, requiresAndSusceptible: true }
    : kinds.has('alcohol-abstinence-monitoring')
      ? { dependent: false, requiresAndSusceptible: o.alcohol?.b ?? false }
      : o.alcohol && { dependent: o.alcohol.a, requiresAndSusceptible: o.alcohol.b };
  const need = {
    ...(drugs ? { drugs } : {}),
    ...(alcohol ? { alcohol } : {}),
    ...(o.treatmentTier !== undefined ? { treatmentTier: o.treatmentTier } : {}),
  };
  const oasys = o.oasys && {
    ...(o.oasys.drugMisuse !== undefined ? { drugMisuse: o.oasys.drugMisuse } : {}),
    ...(o.oasys.alcoholMisuse !== undefined ? { alcoholMisuse: o.oasys.alcoholMisuse } : {}),
    ...(o.oasys.completedDaysBefore !== undefined ? { completedOn: plusDays(draft.dates.sentence, -o.oasys.completedDaysBefore) } : {}),
  };
  const assessment = {
    ...(oasys ? { oasys } : {}),
    ...(o.ogrsPercent !== undefined ? { ogrsPercent: o.ogrsPercent } : {}),
    ...(o.rosh !== undefined ? { rosh: o.rosh } : {}),
    ...(o.ppo !== undefined ? { ppo: o.ppo } : {}),
  };
  return {
    ...(o.omTier !== undefined ? { omTier: o.omTier } : {}),
    ...(Object.keys(assessment).length > 0 ? { assessment } : {}),
    ...(Object.keys(need).length > 0 ? { need } : {}),
  };
}

function provisionFor(draft: Draft, p: NonNullable<DraftPicks['provision']>): NonNullable<MutableOrder['provision']> {
  const atr = draft.order.requirements.some((r) => r.kind === 'alcohol-treatment');
  // An ATR needs a qualified provider; saying the area has none would make it unlawful.
  const { atrQualifiedProvider, drrIntensities, programmes, drrWeeklyHours, area } = p;
  return {
    ...(drrIntensities ? { drrIntensities: [...drrIntensities] } : {}),
    ...(drrWeeklyHours ? { drrWeeklyHours: { ...drrWeeklyHours } } : {}),
    ...(atrQualifiedProvider === undefined ? {} : { atrQualifiedProvider: atrQualifiedProvider || atr }),
    ...(programmes ? { programmes: [...programmes] } : {}),
    ...(area ? { area } : {}),
  };
}

/** A report requested at conviction and delivered within its national standard, never after sentence. */
function psrFor(draft: Draft, p: NonNullable<DraftPicks['psr']>): NonNullable<MutableOrder['psr']> {
  const { conviction, sentence } = draft.dates;
  if (p.type === 'oral') return { type: 'oral', requestedOn: conviction, deliveredOn: conviction };
  const days = draft.law.num(p.type === 'fast' ? 'ns.psr.fastDays' : 'ns.psr.standardDays');
  const due = days === null ? sentence : addWorkingDaysSafe(conviction, days) ?? conviction;
  const lastDay = due < sentence ? due : sentence;
  return { type: p.type, requestedOn: conviction, deliveredOn: isoOf(place(p.delivery, dayOf(conviction), dayOf(lastDay))) };
}
