import { Activity, AlcoholAbstinenceMonitoring, AlcoholTreatment, AttendanceCentre, Curfew, DrugRehabilitation, Exclusion, ForeignTravelProhibition, UnpaidWork } from '../../schema/requirements.js';
import { lengthen, requirementIndex, satisfyNeeds, toCommunityOrder } from '../edit.js';
import { birthDateFor } from '../people.js';
import { above, below, place } from '../place.js';
import { KIND_ORDER, lawfulRequirement } from '../requirements.js';
import { DIRECTORS, nth } from '../vocabulary.js';
import { atSentence, failCondition, isNumber, maxOf, onRequirement, outside, setNeed, type Breaker } from './kit.js';
import { safeReviewWeeks } from '../requirements.js';

/** Requirements: the statutory conditions and limits of each kind, and its existence under the case's law. */

/** A treatment period just under its statutory minimum, only where the minimum was in force (before LASPO 2012). */
const periodBelowMinimum = (kind: 'drug-rehabilitation' | 'alcohol-treatment', minimum: string): Breaker =>
  onRequirement(
    kind,
    (r, d, b) => {
      r.months = below(b.p, d.law.limit(minimum), 0);
    },
    (law) => isNumber(law.num(minimum)),
  );

export const REQUIREMENT_BREAKERS: Readonly<Record<string, Breaker>> = {
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
  // With no monitoring and no reason recorded: at the proposal stage the reason may yet be given.
  CURFEW_WITHOUT_EM: atSentence(
    onRequirement('curfew', (r) => {
      r.electronicMonitoring = false;
      delete r.emExceptionReason;
    }),
  ),
  EXCLUSION_PERIOD_EXCEEDED: onRequirement('exclusion', (r, d, b) => {
    r.months = above(b.p, d.law.limit('exclusion.maxMonths'), maxOf(Exclusion.shape.months));
  }),
  EXCLUSION_WITHOUT_EM: atSentence(
    onRequirement('exclusion', (r) => {
      r.electronicMonitoring = false;
      delete r.emExceptionReason;
    }),
  ),
  // Recorded as not recommended: a recommendation not yet recorded fails only at sentence.
  RESIDENCE_HOSTEL_NOT_RECOMMENDED: onRequirement('residence', (r) => {
    r.hostel = true;
    r.recommendedByOfficer = false;
  }),
  MENTAL_HEALTH_TREATMENT_NOT_WILLING: onRequirement('mental-health-treatment', (r) => {
    r.offenderWilling = false;
  }),
  MENTAL_HEALTH_TREATMENT_KIND_NOT_SPECIFIED_AT_SENTENCE: atSentence(
    onRequirement('mental-health-treatment', (r) => {
      delete r.treatment;
    }),
  ),
  PROGRAMME_DAYS_NOT_SPECIFIED_AT_SENTENCE: atSentence(
    onRequirement('programme', (r) => {
      delete r.days;
    }),
  ),
  PROGRAMME_NOT_RECOMMENDED: onRequirement(
    'programme',
    (r) => {
      r.recommendedByOfficer = false;
    },
    (law) => law.is('programme.recommendationRequired'),
  ),
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
  DRR_NO_DEPENDENCY: onRequirement('drug-rehabilitation', (_r, d) => failCondition(d, 'drugs', 'dependentOrPropensity', 'requiresAndSusceptible', 'dependentOrPropensity')),
  DRR_NOT_SUSCEPTIBLE: onRequirement('drug-rehabilitation', (_r, d) => failCondition(d, 'drugs', 'dependentOrPropensity', 'requiresAndSusceptible', 'requiresAndSusceptible')),
  // Positive evidence: the area commissions no DRR at all, and no provider is named.
  DRR_NO_ARRANGEMENTS: onRequirement('drug-rehabilitation', (r, d) => {
    delete r.provider;
    d.order.provision = { ...d.order.provision, drrIntensities: [] };
  }),
  DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE: atSentence(
    onRequirement('drug-rehabilitation', (r) => {
      delete r.provider;
    }),
  ),
  DRR_NOT_RECOMMENDED: onRequirement('drug-rehabilitation', (r) => {
    r.recommendedByOfficer = false;
  }),
  DRR_NOT_WILLING: onRequirement('drug-rehabilitation', (r) => {
    r.offenderWilling = false;
  }),
  DRR_PERIOD_TOO_SHORT: periodBelowMinimum('drug-rehabilitation', 'drr.minMonths'),
  DRR_PERIOD_EXCEEDS_ORDER: onRequirement('drug-rehabilitation', (r, d, b) => {
    r.months = above(b.p, d.limitMonths, maxOf(DrugRehabilitation.shape.months));
    // Keep review provision so that only the period is wrong.
    if (r.reviewIntervalMonths === undefined) r.reviewIntervalWeeks ??= safeReviewWeeks(d.law);
  }),
  // No review provision: at the proposal stage it may yet be given.
  DRR_REVIEW_REQUIRED: atSentence(
    onRequirement('drug-rehabilitation', (r, d, b) => {
      const above12 = d.law.limit('drr.reviewRequiredAboveMonths');
      lengthen(d, above12 + 1);
      r.months = Math.max(above12 + 1, place(b.p, above12 + 1, Math.max(above12 + 1, d.limitMonths)));
      delete r.reviewIntervalWeeks;
      delete r.reviewIntervalMonths;
    }),
  ),
  // Under three weeks is short of a month from any date; so is any interval under the minimum in months.
  DRR_REVIEW_INTERVAL_TOO_SHORT: onRequirement('drug-rehabilitation', (r, d, b) => {
    delete r.reviewIntervalWeeks;
    delete r.reviewIntervalMonths;
    if (b.variant % 2 === 0) r.reviewIntervalWeeks = below(b.p, 4, 0);
    else r.reviewIntervalMonths = below(b.p, d.law.limit('drr.minReviewIntervalMonths'), 0);
  }),

  // Alcohol treatment requirement (CJA 2003 s.212; Sentencing Act 2020 Sch. 9 paras 23-24).
  ATR_NOT_DEPENDENT: onRequirement('alcohol-treatment', (_r, d) => failCondition(d, 'alcohol', 'dependent', 'requiresAndSusceptible', 'dependent')),
  ATR_NOT_SUSCEPTIBLE: onRequirement('alcohol-treatment', (_r, d) => failCondition(d, 'alcohol', 'dependent', 'requiresAndSusceptible', 'requiresAndSusceptible')),
  ATR_NOT_WILLING: onRequirement('alcohol-treatment', (r) => {
    r.offenderWilling = false;
  }),
  // Positive evidence: an unqualified director named, or none named where the area has no qualified provider.
  ATR_NO_QUALIFIED_DIRECTOR: onRequirement('alcohol-treatment', (r, d, b) => {
    if (b.variant % 2 === 0) r.director = { name: nth(DIRECTORS, b.variant), qualified: false };
    else {
      delete r.director;
      d.order.provision = { ...d.order.provision, atrQualifiedProvider: false };
    }
  }),
  ATR_DIRECTOR_NOT_SPECIFIED_AT_SENTENCE: atSentence(
    onRequirement('alcohol-treatment', (r) => {
      delete r.director;
    }),
  ),
  ATR_PERIOD_TOO_SHORT: periodBelowMinimum('alcohol-treatment', 'atr.minMonths'),
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
};
