import fc from 'fast-check';
import { INTENSITIES, SERIOUSNESS_BANDS } from '../schema/primitives.js';
import { Curfew, ForeignTravelProhibition, UnpaidWork, AttendanceCentre, AlcoholAbstinenceMonitoring, Activity, Exclusion, DrugRehabilitation, AlcoholTreatment } from '../schema/requirements.js';
import { SentenceSchema } from '../schema/order.js';
import type { RequirementKind, RequirementOf } from '../schema/requirements.js';
import type { OrderEvent } from '../schema/events.js';
import { laterOf, plusDays, plusMonths } from './days.js';
import type { Draft } from './draft.js';
import { lengthen, removeKind, requirementIndex, requirementOf, satisfyNeeds, setBand, toCommunityOrder } from './edit.js';
import { addEvents, limit, nextSittingDay, progressPicks, workingDaysAfter, type ProgressPicks } from './in-progress.js';
import type { Law } from './law.js';
import { birthDateFor } from './people.js';
import { above, below, pick, place } from './place.js';
import { KIND_ORDER, lawfulRequirement, requirementPicks, safeTestsPerWeek } from './requirements.js';
import { AREAS, DIRECTORS, nth } from './vocabulary.js';

/** Random choices a breaker may use, the same for every code so that one arbitrary serves them all. */
const commonPicks = {
  p: pick,
  q: pick,
  /** Which way to break it, where there are several (below or above a range, say). */
  variant: fc.nat({ max: 5 }),
  requirement: requirementPicks,
  birthday: pick,
};
export const breakPicks = fc.record(commonPicks);
/** With a record of events to break, for the findings judged from events. */
export const breakPicksWithEvents = fc.record({ ...commonPicks, progress: progressPicks });
export type BreakPicks = typeof breakPicks extends fc.Arbitrary<infer T> ? T & { readonly progress?: ProgressPicks } : never;

/** How to turn a lawful draft into one that yields a given code. */
export interface Breaker {
  /** Law on the case dates under which the finding can arise at all (a minimum period that exists, a requirement that exists). */
  readonly when?: (law: Law) => boolean;
  /** The finding is judged from events, which the bank holiday calendar (1995-2035) must be able to count. */
  readonly needsCalendar?: boolean;
  apply(draft: Draft, b: BreakPicks): void;
}

/** The schema's bounds, so that out-of-range values stay schema-valid input and reach the rules. */
const maxOf = (field: { maxValue: number | null }): number => field.maxValue ?? Number.MAX_SAFE_INTEGER;
const optionalMax = (field: { unwrap(): { maxValue: number | null } }): number => maxOf(field.unwrap());

/** Past `limit` on either side, within the schema: `variant` chooses the side where both exist. */
function outside(b: BreakPicks, lo: number, hi: number, min: number, max: number): number {
  const canGoBelow = lo > min;
  const canGoAbove = hi < max;
  return (b.variant % 2 === 0 && canGoBelow) || !canGoAbove ? below(b.p, lo, min) : above(b.p, hi, max);
}

/** A breaker that edits the first requirement of `kind` (adding a lawful one where there is none). */
function onRequirement<K extends RequirementKind>(
  kind: K,
  edit: (r: RequirementOf<K>, draft: Draft, b: BreakPicks) => void,
  when: (law: Law) => boolean = () => true,
  needsCalendar = false,
): Breaker {
  return {
    needsCalendar,
    when: (law) => law.available(kind) && when(law),
    apply(draft, b) {
      edit(requirementOf(draft, kind, { ...b.requirement, kind: 0 }), draft, b);
    },
  };
}

/** Set the offender's needs; `undefined` removes the assessment of that need. */
function setNeed(draft: Draft, key: 'drugs' | 'alcohol', value: Record<string, boolean> | undefined): void {
  const need = { ...draft.order.offender.need };
  if (value === undefined) delete need[key];
  else (need as Record<string, unknown>)[key] = value;
  draft.order.offender = { ...draft.order.offender, need };
}

/** A need with one of its two conditions failed: recorded false, or not assessed at all. */
function failCondition(draft: Draft, b: BreakPicks, key: 'drugs' | 'alcohol', first: string, second: string, failed: string): void {
  if (b.variant % 3 === 2) return setNeed(draft, key, undefined);
  setNeed(draft, key, { [first]: failed !== first, [second]: failed !== second });
}

const isNumber = (v: number | null): v is number => v !== null;

/** Record an event-based timescale as missed: the event late, or never recorded with the record read after the deadline. */
function missed(draft: Draft, b: BreakPicks, due: string, event: (on: string) => OrderEvent, drop: (type: string) => boolean): void {
  const late = workingDaysAfter(due, 1 + place(b.p, 0, 10));
  addEvents(draft, progressOf(b), true, late);
  draft.order.events = (draft.order.events ?? []).filter((e) => !drop(e.type));
  if (b.variant % 2 === 0) draft.order.events.push(event(late));
}

const sortEvents = (draft: Draft) => draft.order.events?.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

function progressOf(b: BreakPicks): ProgressPicks {
  if (!b.progress) throw new Error('A breaker judged from events needs needsCalendar set, so that it is given events to break');
  return b.progress;
}

const withoutEnforcement: (p: ProgressPicks) => ProgressPicks = (p) => ({ ...p, enforcement: 0 });

/**
 * One breaker per finding code of kind `invalid` or `breach`. Each starts from a lawful draft and
 * changes what the code is about, leaning on the value just past the limit.
 */
export const BREAKERS: Readonly<Record<string, Breaker>> = {
  // Orders as a whole (CJA 2003 ss.177, 189; PCC(S)A 2000 s.52).
  OFFENDER_UNDER_18: {
    apply(draft, b) {
      const min = draft.order.sentence.type === 'dtto' ? draft.law.limit('dtto.minAge') : draft.law.limit('communityOrder.minAge');
      const age = below(b.p, min, 10);
      draft.age = age;
      draft.order.offender = { ...draft.order.offender, dateOfBirth: birthDateFor(age, draft.dates.conviction, b.birthday) };
      // Earlier offences must still follow the birth date.
      draft.order.offences = draft.order.offences.filter((o, i) => i === 0 || o.committedOn > draft.order.offender.dateOfBirth);
    },
  },
  NO_REQUIREMENTS: {
    when: (law) => law.communityOrders,
    apply(draft) {
      if (draft.order.sentence.type !== 'suspended-sentence-order' || !draft.law.is('sso.requirementsCompulsory')) toCommunityOrder(draft);
      draft.order.requirements = [];
    },
  },
  ORDER_TOO_LONG: {
    apply(draft, b) {
      const s = draft.order.sentence;
      const max = draft.law.limit(s.type === 'dtto' ? 'dtto.maxMonths' : s.type === 'suspended-sentence-order' ? 'sso.maxPeriodMonths' : 'communityOrder.maxMonths');
      // One day past the maximum is the likeliest: that is where a months-versus-days mistake shows.
      s.endDate = b.variant % 2 === 0 ? plusDays(plusMonths(draft.order.sentenceDate, max), 1 + place(b.p, 0, 27)) : plusMonths(draft.order.sentenceDate, above(b.p, max, max + 24));
    },
  },
  DTTO_NOT_AVAILABLE: {
    when: (law) => !law.dtto,
    apply(draft) {
      draft.order.sentence = { type: 'dtto', endDate: draft.order.sentence.endDate };
    },
  },
  SSO_TERM_OUT_OF_RANGE: {
    when: (law) => law.communityOrders,
    apply(draft, b) {
      const s = toSuspended(draft, b);
      const lo = draft.law.limit('sso.minCustodialWeeks');
      const hi = draft.law.limit('sso.maxCustodialWeeks');
      // Whole weeks short (the schema wants a positive term), half a week short, or too long.
      if (b.variant % 3 === 0 && lo > 1) s.custodialTermWeeks = below(b.p, lo, 1);
      else if (b.variant % 3 === 1 && lo > 0.5) s.custodialTermWeeks = lo - 0.5;
      else s.custodialTermWeeks = above(b.p, hi, optionalMax(SentenceSchema.shape.custodialTermWeeks));
    },
  },
  SSO_PERIOD_OUT_OF_RANGE: {
    when: (law) => law.communityOrders,
    apply(draft, b) {
      const s = toSuspended(draft, b);
      const lo = draft.law.limit('sso.minPeriodMonths');
      const hi = draft.law.limit('sso.maxPeriodMonths');
      const max = optionalMax(SentenceSchema.shape.operationalPeriodMonths);
      const operational = s.operationalPeriodMonths!;
      if (b.variant % 3 === 0) s.operationalPeriodMonths = outside(b, lo, hi, 0, max);
      else if (b.variant % 3 === 1) s.supervisionPeriodMonths = outside(b, lo, hi, 0, max);
      // A supervision period longer than the operational period it sits in.
      else if (operational < hi) s.supervisionPeriodMonths = above(b.p, operational, hi);
      else s.supervisionPeriodMonths = above(b.p, hi, max);
    },
  },
  PUNITIVE_ELEMENT_MISSING: {
    when: (law) => law.communityOrders && law.is('order.punitiveElementRequired') && KIND_ORDER.some((k) => law.available(k) && !law.punitive(k)),
    apply(draft, b) {
      toCommunityOrder(draft);
      const { law } = draft;
      draft.order.requirements = draft.order.requirements.filter((r) => !law.punitive(r.kind));
      if (draft.order.requirements.length === 0) {
        const kinds = KIND_ORDER.filter((k) => law.available(k) && !law.punitive(k));
        requirementIndex(draft, kinds[b.variant % kinds.length]!, b.requirement);
      }
    },
  },
  DRR_INTENSITY_EXCEEDS_SERIOUSNESS: onRequirement(
    'drug-rehabilitation',
    (r, draft, b) => {
      const bands = SERIOUSNESS_BANDS.filter((band) => (draft.law.maxIntensityRank(band) ?? INTENSITIES.length) < INTENSITIES.length);
      const band = bands[b.variant % bands.length]!;
      setBand(draft, band);
      r.intensity = INTENSITIES[above(b.q, draft.law.maxIntensityRank(band)!, INTENSITIES.length) - 1]!;
    },
    (law) => SERIOUSNESS_BANDS.some((band) => (law.maxIntensityRank(band) ?? INTENSITIES.length) < INTENSITIES.length),
  ),

  // Requirements: statutory conditions and limits.
  UNPAID_WORK_HOURS_OUT_OF_RANGE: onRequirement('unpaid-work', (r, d, b) => {
    r.hours = outside(b, d.law.limit('unpaidWork.minHours'), d.law.limit('unpaidWork.maxHours'), 0, maxOf(UnpaidWork.shape.hours));
  }),
  ACTIVITY_DAYS_EXCEEDED: onRequirement('activity', (r, d, b) => {
    r.days = above(b.p, d.law.limit('activity.maxDays'), maxOf(Activity.shape.days));
  }),
  CURFEW_HOURS_OUT_OF_RANGE: onRequirement('curfew', (r, d, b) => {
    const lo = d.law.limit('curfew.minHoursPerDay');
    const hi = d.law.limit('curfew.maxHoursPerDay');
    // Hours need not be whole: half an hour past a limit is past it.
    r.hoursPerDay = b.variant >= 4 ? (b.variant === 4 ? lo - 0.5 : hi + 0.5) : outside(b, lo, hi, 0, maxOf(Curfew.shape.hoursPerDay));
  }),
  CURFEW_PERIOD_EXCEEDED: onRequirement('curfew', (r, d, b) => {
    r.months = above(b.p, d.law.limit('curfew.maxMonths'), maxOf(Curfew.shape.months));
  }),
  CURFEW_WITHOUT_EM: onRequirement('curfew', (r) => {
    r.electronicMonitoring = false;
    delete r.emExceptionReason;
  }),
  EXCLUSION_PERIOD_EXCEEDED: onRequirement('exclusion', (r, d, b) => {
    r.months = above(b.p, d.law.limit('exclusion.maxMonths'), maxOf(Exclusion.shape.months));
  }),
  EXCLUSION_WITHOUT_EM: onRequirement('exclusion', (r) => {
    r.electronicMonitoring = false;
    delete r.emExceptionReason;
  }),
  RESIDENCE_HOSTEL_NOT_RECOMMENDED: onRequirement('residence', (r, _d, b) => {
    r.hostel = true;
    if (b.variant % 2 === 0) r.recommendedByOfficer = false;
    else delete r.recommendedByOfficer;
  }),
  MENTAL_HEALTH_TREATMENT_NOT_WILLING: onRequirement('mental-health-treatment', (r) => {
    r.offenderWilling = false;
  }),
  MENTAL_HEALTH_TREATMENT_KIND_NOT_SPECIFIED: onRequirement('mental-health-treatment', (r) => {
    delete r.treatment;
  }),
  PROGRAMME_NOT_RECOMMENDED: onRequirement(
    'programme',
    (r) => {
      r.recommendedByOfficer = false;
    },
    (law) => law.is('programme.recommendationRequired'),
  ),
  PROGRAMME_DAYS_NOT_SPECIFIED: onRequirement('programme', (r) => {
    delete r.days;
  }),
  ATTENDANCE_CENTRE_AGE: onRequirement('attendance-centre', (_r, d, b) => {
    const age = above(b.p, d.law.limit('attendanceCentre.maxAge'), 70);
    d.age = age;
    d.order.offender = { ...d.order.offender, dateOfBirth: birthDateFor(age, d.dates.conviction, b.birthday) };
  }),
  ATTENDANCE_CENTRE_HOURS_OUT_OF_RANGE: onRequirement('attendance-centre', (r, d, b) => {
    r.hours = outside(b, d.law.limit('attendanceCentre.minHours'), d.law.limit('attendanceCentre.maxHours'), 0, maxOf(AttendanceCentre.shape.hours));
  }),
  FOREIGN_TRAVEL_PERIOD_EXCEEDED: onRequirement('foreign-travel-prohibition', (r, d, b) => {
    r.months = above(b.p, d.law.limit('foreignTravel.maxMonths'), maxOf(ForeignTravelProhibition.shape.months));
  }),
  AAMR_DAYS_EXCEEDED: onRequirement('alcohol-abstinence-monitoring', (r, d, b) => {
    r.days = above(b.p, d.law.limit('aamr.maxDays'), maxOf(AlcoholAbstinenceMonitoring.shape.days));
  }),
  AAMR_DEPENDENT_OFFENDER: onRequirement('alcohol-abstinence-monitoring', (_r, d, b) => {
    setNeed(d, 'alcohol', { dependent: true, requiresAndSusceptible: b.variant % 2 === 0 });
  }),
  ATR_WITH_AAMR: {
    when: (law) => law.available('alcohol-treatment') && law.available('alcohol-abstinence-monitoring'),
    apply(draft, b) {
      requirementIndex(draft, 'alcohol-treatment', b.requirement);
      draft.order.requirements.push({ kind: 'alcohol-abstinence-monitoring', days: place(b.p, 1, draft.law.limit('aamr.maxDays')) });
    },
  },

  // Drug rehabilitation requirement (CJA 2003 ss.209-211; Sentencing Act 2020 Sch. 9 paras 19-22).
  DRR_NO_DEPENDENCY: onRequirement('drug-rehabilitation', (_r, d, b) => failCondition(d, b, 'drugs', 'dependentOrPropensity', 'requiresAndSusceptible', 'dependentOrPropensity')),
  DRR_NOT_SUSCEPTIBLE: onRequirement('drug-rehabilitation', (_r, d, b) => failCondition(d, b, 'drugs', 'dependentOrPropensity', 'requiresAndSusceptible', 'requiresAndSusceptible')),
  DRR_NO_ARRANGEMENTS: onRequirement('drug-rehabilitation', (r) => {
    delete r.provider;
  }),
  DRR_NOT_RECOMMENDED: onRequirement('drug-rehabilitation', (r) => {
    r.recommendedByOfficer = false;
  }),
  DRR_NOT_WILLING: onRequirement('drug-rehabilitation', (r) => {
    r.offenderWilling = false;
  }),
  DRR_PERIOD_TOO_SHORT: onRequirement(
    'drug-rehabilitation',
    (r, d, b) => {
      r.months = below(b.p, d.law.limit('drr.minMonths'), 0);
    },
    (law) => isNumber(law.num('drr.minMonths')),
  ),
  DRR_PERIOD_EXCEEDS_ORDER: onRequirement('drug-rehabilitation', (r, d, b) => {
    r.months = above(b.p, d.limitMonths, maxOf(DrugRehabilitation.shape.months));
    // Keep review provision so that only the period is wrong.
    r.reviewIntervalWeeks ??= d.law.limit('drr.minReviewIntervalWeeks');
  }),
  DRR_REVIEW_REQUIRED: onRequirement('drug-rehabilitation', (r, d, b) => {
    const above12 = d.law.limit('drr.reviewRequiredAboveMonths');
    lengthen(d, above12 + 1);
    r.months = Math.max(above12 + 1, place(b.p, above12 + 1, Math.max(above12 + 1, d.limitMonths)));
    delete r.reviewIntervalWeeks;
  }),
  DRR_REVIEW_INTERVAL_TOO_SHORT: onRequirement('drug-rehabilitation', (r, d, b) => {
    r.reviewIntervalWeeks = below(b.p, d.law.limit('drr.minReviewIntervalWeeks'), 0);
  }),

  // Alcohol treatment requirement (CJA 2003 s.212; Sentencing Act 2020 Sch. 9 paras 23-24).
  ATR_NOT_DEPENDENT: onRequirement('alcohol-treatment', (_r, d, b) => failCondition(d, b, 'alcohol', 'dependent', 'requiresAndSusceptible', 'dependent')),
  ATR_NOT_SUSCEPTIBLE: onRequirement('alcohol-treatment', (_r, d, b) => failCondition(d, b, 'alcohol', 'dependent', 'requiresAndSusceptible', 'requiresAndSusceptible')),
  ATR_NOT_WILLING: onRequirement('alcohol-treatment', (r) => {
    r.offenderWilling = false;
  }),
  ATR_NO_QUALIFIED_DIRECTOR: onRequirement('alcohol-treatment', (r, d, b) => {
    if (b.variant % 3 === 0) delete r.director;
    else if (b.variant % 3 === 1) r.director = { name: nth(DIRECTORS, b.variant), qualified: false };
    else d.order.provision = { ...d.order.provision, atrQualifiedProvider: false };
  }),
  ATR_PERIOD_TOO_SHORT: onRequirement(
    'alcohol-treatment',
    (r, d, b) => {
      r.months = below(b.p, d.law.limit('atr.minMonths'), 0);
    },
    (law) => isNumber(law.num('atr.minMonths')),
  ),
  ATR_PERIOD_EXCEEDS_ORDER: onRequirement('alcohol-treatment', (r, d, b) => {
    r.months = above(b.p, d.limitMonths, maxOf(AlcoholTreatment.shape.months));
  }),

  REQUIREMENT_NOT_IN_REGIME: {
    when: (law) => !law.communityOrders || KIND_ORDER.some((k) => !law.available(k)),
    apply(draft, b) {
      const { law } = draft;
      if (!law.communityOrders) {
        // Before the 2003 Act's orders existed, any requirement of a community order is out of its regime.
        toCommunityOrder(draft);
        if (draft.order.requirements.length === 0) requirementIndex(draft, 'drug-rehabilitation', b.requirement);
        return;
      }
      const missing = KIND_ORDER.filter((k) => !law.available(k));
      const kind = missing[b.variant % missing.length]!;
      // The availability rule checks the kind only; a lawful-looking requirement keeps other findings away.
      draft.order.requirements.push(lawfulRequirement(kind, b.requirement, { law, band: draft.band, limitMonths: draft.limitMonths }));
      satisfyNeeds(draft);
    },
  },

  // National standards (PC80/2005; NS 2005/2007), judged from a psr record or from events.
  PSR_LATE: {
    when: (law) => isNumber(law.num('ns.psr.standardDays')) && isNumber(law.num('ns.psr.fastDays')),
    needsCalendar: true,
    apply(draft, b) {
      const type = b.variant % 2 === 0 ? 'standard' : 'fast';
      const days = draft.law.limit(type === 'standard' ? 'ns.psr.standardDays' : 'ns.psr.fastDays');
      const requestedOn = draft.order.convictionDate;
      draft.order.psr = { type, requestedOn, deliveredOn: workingDaysAfter(requestedOn, days + 1 + place(b.p, 0, 10)) };
    },
  },
  FIRST_APPOINTMENT_LATE: timescaleFromSentence('ns.firstAppointmentDays', 'first-appointment'),
  SENTENCE_PLAN_LATE: timescaleFromSentence('ns.sentencePlanDays', 'sentence-plan'),
  SECOND_WARNING_GIVEN: {
    when: (law) => isNumber(law.num('enforcement.warningMonths')),
    needsCalendar: true,
    apply(draft, b) {
      const first = plusDays(draft.order.sentenceDate, place(b.p, 1, 180));
      // The day before the anniversary is the last day a warning counts as a second one.
      const lastDay = plusDays(plusMonths(first, draft.law.limit('enforcement.warningMonths')), -1);
      const second = plusDays(lastDay, -place(b.q, 0, 300));
      addEvents(draft, withoutEnforcement(progressOf(b)), true, laterOf(second, first));
      draft.order.events!.push({ type: 'warning', on: first }, { type: 'warning', on: laterOf(second, plusDays(first, 1)) });
      sortEvents(draft);
    },
  },
  BREACH_ACTION_LATE: {
    when: (law) => isNumber(law.num('ns.breachActionDays')) && isNumber(law.num('enforcement.warningMonths')),
    needsCalendar: true,
    apply(draft, b) {
      const first = plusDays(draft.order.sentenceDate, place(b.p, 1, 180));
      const lastDay = plusDays(plusMonths(first, draft.law.limit('enforcement.warningMonths')), -1);
      const second = laterOf(plusDays(lastDay, -place(b.q, 0, 300)), plusDays(first, 1));
      const due = workingDaysAfter(second, limit(draft, 'ns.breachActionDays'));
      const late = workingDaysAfter(due, 1 + place(b.p, 0, 10));
      addEvents(draft, withoutEnforcement(progressOf(b)), true, late);
      draft.order.events!.push({ type: 'unacceptable-failure', on: first }, { type: 'unacceptable-failure', on: second });
      if (b.variant % 3 === 1) draft.order.events!.push({ type: 'warning', on: first });
      if (b.variant % 2 === 0) draft.order.events!.push({ type: 'breach-initiated', on: late });
      sortEvents(draft);
    },
  },
  CASE_NOT_TRANSFERRED: {
    when: (law) => isNumber(law.num('ns.transferDays')),
    needsCalendar: true,
    apply(draft, b) {
      const moved = plusDays(draft.order.sentenceDate, place(b.q, 1, 300));
      const area = nth(AREAS, b.variant);
      const due = workingDaysAfter(moved, limit(draft, 'ns.transferDays'));
      const late = workingDaysAfter(due, 1 + place(b.p, 0, 10));
      addEvents(draft, { ...progressOf(b), move: undefined }, true, late);
      draft.order.events!.push({ type: 'moved-area', on: moved, area });
      // Late, never, or on time but to another area than the one moved to.
      if (b.variant % 3 === 0) draft.order.events!.push({ type: 'transfer-completed', on: late, area });
      if (b.variant % 3 === 2) draft.order.events!.push({ type: 'transfer-completed', on: moved, area: nth(AREAS, b.variant + 1) });
      sortEvents(draft);
    },
  },
  PROGRAMME_START_LATE: {
    when: (law) => law.available('programme') && isNumber(law.num('ns.programmeStartDays')),
    needsCalendar: true,
    apply(draft, b) {
      const r = requirementOf(draft, 'programme', b.requirement);
      const due = workingDaysAfter(draft.order.sentenceDate, limit(draft, 'ns.programmeStartDays'));
      missed(draft, b, due, (on) => ({ type: 'programme-start', on, programme: r.programme }), (type) => type === 'programme-start');
      sortEvents(draft);
    },
  },
  REVIEW_HEARING_OVERDUE: onRequirement('drug-rehabilitation', (r, d, b) => {
    const s = d.order.sentenceDate;
    r.reviewIntervalWeeks ??= place(b.q, d.law.limit('drr.minReviewIntervalWeeks'), d.law.limit('drr.minReviewIntervalWeeks') + 4);
    // The first hearing falls due only if the DRR (and the order) is still running then.
    const due = nextSittingDay(plusDays(s, 7 * r.reviewIntervalWeeks));
    let months = 1;
    while (plusMonths(s, months) < plusDays(due, 1)) months++;
    lengthen(d, months);
    r.months = Math.min(Math.max(r.months, months), d.limitMonths);
    missed(d, b, due, (on) => ({ type: 'review-hearing', on }), (type) => type === 'review-hearing');
    sortEvents(d);
  }, undefined, true),
  DRUG_TESTING_BELOW_STANDARD: onRequirement('drug-rehabilitation', (r, d, b) => {
    const reduced = d.band === 'low' || r.setting === 'residential';
    const min = d.law.limit(reduced ? 'ns.drugTesting.minPerWeekReduced' : 'ns.drugTesting.minPerWeek');
    r.testsPerWeek = safeTestsPerWeek(d.law);
    if (b.variant % 2 === 0) {
      // Too few tests ordered.
      r.testsPerWeek = below(b.p, min, 0);
      return;
    }
    // Too few tests recorded in one week of the testing period.
    const week = place(b.q, 0, d.law.limit('ns.drugTesting.weeks') - 1);
    const from = plusDays(d.order.sentenceDate, 7 * week);
    const to = plusDays(from, 6);
    addEvents(d, progressOf(b), true, to);
    d.order.events = d.order.events!.filter((e) => e.type !== 'drug-test' || e.on < from || e.on > to);
    for (let k = 0; k < below(b.p, min, 0); k++) d.order.events.push({ type: 'drug-test', on: plusDays(from, k) });
    sortEvents(d);
  }, (law) => [law.num('ns.drugTesting.minPerWeek'), law.num('ns.drugTesting.minPerWeekReduced'), law.num('ns.drugTesting.weeks')].every((v) => v !== null && v >= 1), true),
};

/** First appointment or sentence plan: the event late, or missing with the record read after the deadline. */
function timescaleFromSentence(param: string, type: 'first-appointment' | 'sentence-plan'): Breaker {
  return {
    when: (law) => isNumber(law.num(param)) && isNumber(law.num(`${param}.tier4`)),
    needsCalendar: true,
    apply(draft, b) {
      const due = workingDaysAfter(draft.order.sentenceDate, limit(draft, param, true));
      missed(draft, b, due, (on) => ({ type, on }), (t) => t === type);
      sortEvents(draft);
    },
  };
}

/** Make the draft a suspended sentence order whose every other term is lawful. */
function toSuspended(draft: Draft, b: BreakPicks) {
  const { law } = draft;
  const s = draft.order.sentence;
  if (s.type === 'suspended-sentence-order') return s;
  const operational = place(b.q, Math.max(law.limit('sso.minPeriodMonths'), Math.min(draft.limitMonths, law.limit('sso.maxPeriodMonths'))), law.limit('sso.maxPeriodMonths'));
  draft.order.sentence = {
    type: 'suspended-sentence-order',
    endDate: plusMonths(draft.order.sentenceDate, operational),
    custodialTermWeeks: place(b.q, law.limit('sso.minCustodialWeeks'), law.limit('sso.maxCustodialWeeks')),
    operationalPeriodMonths: operational,
  };
  draft.lengthMonths = operational;
  draft.limitMonths = operational;
  setBand(draft, 'custody');
  for (const r of draft.order.requirements) if ('months' in r && r.months > operational) r.months = operational;
  return draft.order.sentence;
}
