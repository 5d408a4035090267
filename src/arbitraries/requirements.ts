import fc from 'fast-check';
import { INTENSITIES, type Seriousness } from '../schema/primitives.js';
import { REQUIREMENT_KINDS, type Requirement, type RequirementKind, type RequirementOf } from '../schema/requirements.js';
import type { Law } from './law.js';
import { pick, place, type Pick } from './place.js';
import { DIRECTORS, EM_EXCEPTIONS, PROGRAMMES, PROHIBITED_ACTIVITIES, PROVIDERS, nth } from './vocabulary.js';

/**
 * Random choices for one requirement, made before the law for the case is known. The same picks
 * make a lawful requirement of any kind once `lawfulRequirement` reads the limits in force.
 */
export interface RequirementPicks {
  /** Which kind, as an index into the kinds the case's law allows. */
  readonly kind: number;
  readonly a: Pick;
  readonly b: Pick;
  readonly c: Pick;
  readonly d: Pick;
  readonly flags: readonly [boolean, boolean, boolean, boolean];
  /** Which name or reason from a short list. */
  readonly n: number;
}

export const requirementPicks: fc.Arbitrary<RequirementPicks> = fc.record({
  kind: fc.nat({ max: REQUIREMENT_KINDS.length - 1 }),
  a: pick,
  b: pick,
  c: pick,
  d: pick,
  flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
  n: fc.nat({ max: 11 }),
});

/** Kinds in the order shrinking prefers: the library's subject first, then the usual companions. */
const PREFERRED: readonly RequirementKind[] = ['drug-rehabilitation', 'supervision', 'rehabilitation-activity', 'unpaid-work', 'alcohol-treatment', 'curfew', 'programme', 'drug-testing'];
export const KIND_ORDER: readonly RequirementKind[] = [...PREFERRED, ...REQUIREMENT_KINDS.filter((k) => !PREFERRED.includes(k))];

/** What a requirement's limits depend on besides its own fields. */
export interface RequirementContext {
  readonly law: Law;
  /** The order's seriousness band (the most serious offence). */
  readonly band: Seriousness;
  /** Whole months a requirement may run: the order, or a suspended sentence's supervision period. */
  readonly limitMonths: number;
}

/** Periods are at least a month: a zero-month requirement is schema-valid but no court makes one. */
const monthsWithin = (p: Pick, lo: number | null, hi: number): number => place(p, Math.max(1, lo ?? 1), hi);

/** Rehabilitation activity days and programme days have no statutory maximum; these ranges are only for realism. */
const UNLIMITED_DAYS = 60;
/** Review intervals up to six months: long enough to cover practice, short enough to stay plausible. */
const LONGEST_REVIEW_WEEKS = 26;
/** Tests a week in a generated DRR: never under the national standard minimum of the strictest band. */
const MOST_TESTS_PER_WEEK = 7;

const em = (p: RequirementPicks) =>
  p.flags[0] ? { electronicMonitoring: true } : { electronicMonitoring: false, emExceptionReason: nth(EM_EXCEPTIONS, p.n) };

/**
 * Fewest whole weeks between DRR reviews that are not less than the minimum interval in calendar
 * months from whatever date a review falls on: a calendar month is at most 31 days (5 weeks for one month).
 */
export function safeReviewWeeks(law: Law): number {
  return Math.ceil((31 * law.limit('drr.minReviewIntervalMonths')) / 7);
}

/** Lowest DRR tests a week that meets the standard in every band and setting. */
export function safeTestsPerWeek(law: Law): number {
  return Math.max(law.num('ns.drugTesting.minPerWeek') ?? 2, law.num('ns.drugTesting.minPerWeekReduced') ?? 1, 1);
}

/**
 * A requirement of `kind` that meets every statutory condition and limit in force for the case:
 * valid by itself. The order must still meet the conditions outside it (needs, the offender's
 * willingness recorded in the offender's assessment, age for an attendance centre).
 */
export function lawfulRequirement<K extends RequirementKind>(kind: K, p: RequirementPicks, ctx: RequirementContext): RequirementOf<K> {
  return build(kind, p, ctx) as RequirementOf<K>;
}

function build(kind: RequirementKind, p: RequirementPicks, { law, band, limitMonths }: RequirementContext): Requirement {
  const [f0, f1, f2, f3] = p.flags;
  switch (kind) {
    case 'unpaid-work':
      return { kind, hours: place(p.a, law.limit('unpaidWork.minHours'), law.limit('unpaidWork.maxHours')) };
    case 'activity':
      return { kind, days: place(p.a, 1, law.limit('activity.maxDays')) };
    case 'programme':
      // Recommendation recorded, so the requirement is valid at the sentence stage under the 2003 Act as enacted too.
      return { kind, programme: nth(PROGRAMMES, p.n), days: place(p.a, 1, UNLIMITED_DAYS), recommendedByOfficer: true };
    case 'prohibited-activity':
      return { kind, ...(f0 ? { description: nth(PROHIBITED_ACTIVITIES, p.n) } : {}) };
    case 'curfew':
      return {
        kind,
        hoursPerDay: place(p.a, law.limit('curfew.minHoursPerDay'), law.limit('curfew.maxHoursPerDay')),
        months: monthsWithin(p.b, 1, Math.min(law.limit('curfew.maxMonths'), limitMonths)),
        ...em(p),
      };
    case 'exclusion':
      return { kind, months: monthsWithin(p.b, 1, Math.min(law.limit('exclusion.maxMonths'), limitMonths)), ...em(p) };
    case 'residence':
      return { kind, ...(f0 ? { hostel: true, recommendedByOfficer: true } : f1 ? { recommendedByOfficer: true } : {}) };
    case 'mental-health-treatment':
      // Willingness recorded, so the requirement is valid at the sentence stage too.
      return { kind, treatment: nth(['non-resident', 'resident', 'practitioner'] as const, p.n), offenderWilling: true };
    case 'drug-rehabilitation': {
      const months = monthsWithin(p.b, law.num('drr.minMonths'), limitMonths);
      const reviewAbove = law.limit('drr.reviewRequiredAboveMonths');
      const minWeeks = safeReviewWeeks(law);
      const minMonths = law.limit('drr.minReviewIntervalMonths');
      // Reviews in calendar months now and then, else in weeks (review hearings are scheduled from weeks).
      const review = p.n % 4 === 3 ? { reviewIntervalMonths: place(p.c, minMonths, Math.ceil(LONGEST_REVIEW_WEEKS / 4)) } : { reviewIntervalWeeks: place(p.c, minWeeks, LONGEST_REVIEW_WEEKS) };
      return {
        kind,
        intensity: INTENSITIES[place(p.a, 1, law.maxIntensityRank(band) ?? INTENSITIES.length) - 1]!,
        months,
        setting: f0 ? 'residential' : 'non-residential',
        provider: { name: nth(PROVIDERS, p.n), ...(f1 ? { registered: true } : {}) },
        ...(f2 ? { testsPerWeek: place(p.d, safeTestsPerWeek(law), MOST_TESTS_PER_WEEK) } : {}),
        ...(months > reviewAbove || f3 ? review : {}),
        recommendedByOfficer: true,
        offenderWilling: true,
      };
    }
    case 'alcohol-treatment':
      return {
        kind,
        months: monthsWithin(p.b, law.num('atr.minMonths'), limitMonths),
        setting: nth(['practitioner-based', 'institution-based', 'residential'] as const, p.n),
        director: { name: nth(DIRECTORS, p.n), qualified: true },
        offenderWilling: true,
      };
    case 'supervision':
    case 'drug-testing':
      return { kind };
    case 'attendance-centre':
      return { kind, hours: place(p.a, law.limit('attendanceCentre.minHours'), law.limit('attendanceCentre.maxHours')) };
    case 'rehabilitation-activity':
      return { kind, maxDays: place(p.a, 1, UNLIMITED_DAYS) };
    case 'alcohol-abstinence-monitoring':
      return { kind, days: place(p.a, 1, law.limit('aamr.maxDays')) };
    case 'foreign-travel-prohibition':
      return { kind, months: monthsWithin(p.b, 1, law.limit('foreignTravel.maxMonths')) };
  }
}

/** Shortest period the law allows a requirement of this kind (1 where it sets none). */
export function minimumMonths(kind: RequirementKind, law: Law): number {
  if (kind === 'drug-rehabilitation') return Math.max(1, law.num('drr.minMonths') ?? 1);
  if (kind === 'alcohol-treatment') return Math.max(1, law.num('atr.minMonths') ?? 1);
  return 1;
}
