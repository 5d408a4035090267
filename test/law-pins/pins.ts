/**
 * The law as the tests read it: every dated value of every parameter, every regime start and every
 * roll-out date, written down here independently of rules/. The parameter files are what the library
 * runs; this table is what it must run. A mutant that moves a value by one or a date by a day changes
 * the files but not this table, so series.test.ts notices it, and boundaries.test.ts checks the value
 * at its boundary and one step past on the day it comes into force and the day before.
 *
 * Adding a dated value to rules/parameters/ fails series.test.ts until it is pinned here too, from its
 * source (the citation in the parameter's `source`, /work/shared/reference law.md and standards.md):
 * a figure changes in two places on purpose, as the law does not change by accident.
 *
 * [from, value] per parameter, oldest first; null: not in force.
 */
export const PARAMETER_PINS: Readonly<Record<string, readonly (readonly [string, unknown])[]>> = {
  // rules/parameters/national-standards.json
  "ns.psr.standardDays": [["2001-04-01", 15], ["2005-03-04", 15], ["2007-09-30", 15]],
  "ns.psr.fastDays": [["2005-04-04", 5], ["2007-09-30", 5]],
  "ns.firstAppointmentDays": [["2005-03-04", 5], ["2007-09-30", 5]],
  "ns.firstAppointmentDays.tier4": [["2005-03-04", 5], ["2007-09-30", 2]],
  "ns.sentencePlanDays": [["2005-03-04", 15], ["2007-09-30", 15]],
  "ns.sentencePlanDays.tier4": [["2005-03-04", 15], ["2007-09-30", 5]],
  "ns.drugTesting.minPerWeek": [["2005-04-04", 2], ["2007-09-30", 2]],
  "ns.drugTesting.minPerWeekReduced": [["2005-04-04", 1], ["2007-09-30", 1]],
  "ns.drugTesting.weeks": [["2005-04-04", 16], ["2007-09-30", 16]],
  "ns.breachActionDays": [["2001-04-01", 10], ["2005-03-04", 10], ["2007-09-30", 10]],
  "ns.breachWindowMonths": [["2001-04-01", 12], ["2005-03-04", 12]],
  "enforcement.warningMonths": [["2005-04-04", 12], ["2020-12-01", 12]],
  "ns.transferDays": [["2005-03-04", 20]],
  "ns.programmeStartDays": [["2005-03-04", 60]],
  // rules/parameters/orders.json
  "communityOrder.available": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "communityOrder.minAge": [["1990-01-01", null], ["2005-04-04", 18]],
  "communityOrder.maxMonths": [["1990-01-01", null], ["2005-04-04", 36], ["2020-12-01", 36]],
  "order.punitiveElementRequired": [["1990-01-01", false], ["2013-12-11", true], ["2020-12-01", true]],
  "sso.requirementsCompulsory": [["1990-01-01", null], ["2005-04-04", true], ["2012-12-03", false]],
  "sso.minCustodialWeeks": [["1990-01-01", null], ["2005-04-04", 28], ["2012-12-03", 2], ["2020-12-01", 2]],
  "sso.maxCustodialWeeks": [["1990-01-01", null], ["2005-04-04", 51], ["2012-12-03", 104], ["2020-12-01", 104]],
  "sso.minPeriodMonths": [["1990-01-01", null], ["2005-04-04", 6], ["2020-12-01", 6]],
  "sso.maxPeriodMonths": [["1990-01-01", null], ["2005-04-04", 24], ["2020-12-01", 24]],
  "dtto.available": [["1990-01-01", false], ["1998-09-30", true], ["2005-04-04", false], ["2020-12-01", false]],
  "dtto.earliestOffence": [["1990-01-01", "1998-09-30"]],
  "dtto.minAge": [["1990-01-01", null], ["1998-09-30", 16]],
  "dtto.minMonths": [["1990-01-01", null], ["1998-09-30", 6]],
  "dtto.maxMonths": [["1990-01-01", null], ["1998-09-30", 36]],
  // rules/parameters/proportionality.json
  "drr.maxIntensityRank.low": [["2005-04-04", 1]],
  "drr.maxIntensityRank.medium": [["2005-04-04", 2]],
  "drr.maxIntensityRank.high": [["2005-04-04", 3]],
  "drr.maxIntensityRank.custody": [["2005-04-04", 3]],
  "bandRange.unpaidWorkMaxHours.low": [["2005-04-04", 80], ["2017-02-01", 80]],
  "bandRange.unpaidWorkMaxHours.medium": [["2005-04-04", 150], ["2017-02-01", 150]],
  "bandRange.unpaidWorkMaxHours.high": [["2005-04-04", 300], ["2017-02-01", 300]],
  "bandRange.unpaidWorkMaxHours.custody": [["2005-04-04", 300], ["2017-02-01", 300]],
  "bandRange.activityMaxDays.low": [["2005-04-04", null]],
  "bandRange.activityMaxDays.medium": [["2005-04-04", 30]],
  "bandRange.activityMaxDays.high": [["2005-04-04", 60]],
  "bandRange.activityMaxDays.custody": [["2005-04-04", 60]],
  "bandRange.curfewMaxMonths.low": [["2005-04-04", null], ["2017-02-01", null]],
  "bandRange.curfewMaxMonths.medium": [["2005-04-04", 3], ["2017-02-01", 3]],
  "bandRange.curfewMaxMonths.high": [["2005-04-04", 6], ["2017-02-01", 12]],
  "bandRange.curfewMaxMonths.custody": [["2005-04-04", 6], ["2017-02-01", 12]],
  "bandRange.exclusionMaxMonths.low": [["2005-04-04", null], ["2017-02-01", null]],
  "bandRange.exclusionMaxMonths.medium": [["2005-04-04", 6], ["2017-02-01", 6]],
  "bandRange.exclusionMaxMonths.high": [["2005-04-04", 12], ["2017-02-01", 12]],
  "bandRange.exclusionMaxMonths.custody": [["2005-04-04", 12], ["2017-02-01", 12]],
  "omTier.maxDrrIntensityRank.1": [["2005-04-04", 0]],
  "omTier.maxDrrIntensityRank.2": [["2005-04-04", 2]],
  "omTier.maxDrrIntensityRank.3": [["2005-04-04", 3]],
  "omTier.maxDrrIntensityRank.4": [["2005-04-04", 3]],
  "omTier.treatmentFits.1": [["2005-04-04", false]],
  "omTier.treatmentFits.2": [["2005-04-04", true]],
  "omTier.treatmentFits.3": [["2005-04-04", true]],
  "omTier.treatmentFits.4": [["2005-04-04", true]],
  "treatmentTier.structuredFrom": [["2005-04-04", 3]],
  "need.treatmentTierRank.tier1": [["2005-04-04", 0]],
  "need.treatmentTierRank.tier2": [["2005-04-04", 1]],
  "need.treatmentTierRank.tier3": [["2005-04-04", 1]],
  "need.treatmentTierRank.tier4": [["2005-04-04", 3]],
  "need.oasysSevereRank": [["2005-04-04", 2]],
  "assessment.oasysDrugSevereThreshold": [["2005-04-04", 8]],
  "assessment.oasysAlcoholSevereThreshold": [["2005-04-04", 7]],
  "atr.minBandRank": [["2005-04-04", 2]],
  "provision.minWeeklyHoursLow": [["2005-04-04", null]],
  "provision.minWeeklyHoursMedium": [["2005-04-04", null]],
  "provision.minWeeklyHoursHigh": [["2005-04-04", null]],
  "assessment.oasysDrugThreshold": [["2005-04-04", 4]],
  "assessment.oasysAlcoholThreshold": [["2005-04-04", 4]],
  "assessment.ppoOgrsPercent": [["2005-04-04", 75]],
  // rules/parameters/requirements.json
  "unpaidWork.minHours": [["1990-01-01", null], ["2005-04-04", 40], ["2020-12-01", 40]],
  "unpaidWork.maxHours": [["1990-01-01", null], ["2005-04-04", 300], ["2020-12-01", 300]],
  "activity.maxDays": [["1990-01-01", null], ["2005-04-04", 60]],
  "curfew.minHoursPerDay": [["1990-01-01", null], ["2005-04-04", 2], ["2020-12-01", 2]],
  "curfew.maxHoursPerDay": [["1990-01-01", null], ["2005-04-04", 12], ["2012-12-03", 16], ["2020-12-01", 16], ["2022-06-28", 20]],
  "curfew.maxMonths": [["1990-01-01", null], ["2005-04-04", 6], ["2012-12-03", 12], ["2020-12-01", 12], ["2022-06-28", 24]],
  "curfew.maxHoursPerWeek": [["1990-01-01", null], ["2022-06-28", 112]],
  "exclusion.maxMonths": [["1990-01-01", null], ["2005-04-04", 24]],
  "attendanceCentre.maxAge": [["1990-01-01", null], ["2005-04-04", 24]],
  "attendanceCentre.minHours": [["1990-01-01", null], ["2005-04-04", 12], ["2020-12-01", 12]],
  "attendanceCentre.maxHours": [["1990-01-01", null], ["2005-04-04", 36], ["2020-12-01", 36]],
  "drr.minMonths": [["1990-01-01", null], ["2005-04-04", 6], ["2012-12-03", null]],
  "drr.reviewRequiredAboveMonths": [["1990-01-01", null], ["2005-04-04", 12], ["2020-12-01", 12]],
  "drr.minReviewIntervalMonths": [["1990-01-01", null], ["2005-04-04", 1]],
  "atr.minMonths": [["1990-01-01", null], ["2005-04-04", 6], ["2012-12-03", null]],
  "aamr.maxDays": [["1990-01-01", null], ["2012-12-03", 120]],
  "foreignTravel.maxMonths": [["1990-01-01", null], ["2012-12-03", 12]],
  "programme.recommendationRequired": [["1990-01-01", null], ["2005-04-04", true], ["2012-12-03", false]],
  "availability.unpaid-work": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.programme": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.prohibited-activity": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.curfew": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.exclusion": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.residence": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.mental-health-treatment": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.drug-rehabilitation": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.alcohol-treatment": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true]],
  "availability.activity": [["1990-01-01", false], ["2005-04-04", true], ["2015-02-01", false], ["2020-12-01", false]],
  "availability.supervision": [["1990-01-01", false], ["2005-04-04", true], ["2015-02-01", false], ["2020-12-01", false]],
  "availability.rehabilitation-activity": [["1990-01-01", false], ["2015-02-01", true], ["2020-12-01", true]],
  "availability.attendance-centre": [["1990-01-01", false], ["2005-04-04", true], ["2020-12-01", true], ["2022-06-28", false]],
  "availability.alcohol-abstinence-monitoring": [["1990-01-01", false], ["2020-05-19", true]],
  "availability.foreign-travel-prohibition": [["1990-01-01", false], ["2012-12-03", true]],
  "availability.drug-testing": [["1990-01-01", false], ["2022-06-28", true]],
  "punitive.unpaid-work": [["1990-01-01", true]],
  "punitive.curfew": [["1990-01-01", true]],
  "punitive.exclusion": [["1990-01-01", true]],
  "punitive.prohibited-activity": [["1990-01-01", true]],
  "punitive.residence": [["1990-01-01", true]],
  "punitive.foreign-travel-prohibition": [["1990-01-01", true]],
  "punitive.attendance-centre": [["1990-01-01", true]],
  "punitive.alcohol-abstinence-monitoring": [["1990-01-01", true]],
};

/** The day each regime starts (rules/regimes.json): law.md sections 0 and 9. */
export const REGIME_START_PINS: Readonly<Record<string, string>> = {
  "pcc-s-a-2000": "1990-01-01",
  "cja-2003": "2005-04-04",
  "laspo-2012": "2012-12-03",
  "ora-2014": "2015-02-01",
  "sentencing-code": "2020-12-01",
  "pcsc-2022": "2022-06-28",
};

/** National roll-outs of a kind a regime lists (rules/regimes.json): [kind, from, keyed on]. */
export const ROLLOUT_PINS: readonly (readonly [string, string, string])[] = [
  ["dtto", "1998-09-30", "offence"],
  ["alcohol-abstinence-monitoring", "2020-05-19", "sentence"],
];

/**
 * The operator of every comparison of a fact with a `param.*` limit, as the law words it: a maximum
 * ("not more than N", "up to N") is broken above it (greaterThan), a minimum ("not less than N", "at
 * least N") below it (lessThan), and a threshold ("N or more", "of N+", "on or after") is met at it
 * (greaterThanInclusive). boundaries.test.ts judges each probe by the operator pinned here, not by the
 * one in the pack, so an operator moved to its off-by-one twin fails there; a new comparison fails
 * until it is pinned here from its source. Key: `rule fact param`.
 */
export const COMPARISON_PINS: Readonly<Record<string, 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive'>> = {
  "AAMR_DAYS_EXCEEDED requirement.days aamr.maxDays": "greaterThan",
  "ACTIVITY_DAYS_EXCEEDED requirement.days activity.maxDays": "greaterThan", // not more than 60 days in the aggregate (s.201(5))
  "ATR_PERIOD_TOO_SHORT requirement.months atr.minMonths": "lessThan",
  "ATTENDANCE_CENTRE_AGE offender.ageAtConviction attendanceCentre.maxAge": "greaterThan", // aged under 25 (s.177(1)(l)): 24 is the greatest age allowed
  "ATTENDANCE_CENTRE_HOURS_OUT_OF_RANGE requirement.hours attendanceCentre.minHours": "lessThan",
  "ATTENDANCE_CENTRE_HOURS_OUT_OF_RANGE requirement.hours attendanceCentre.maxHours": "greaterThan",
  "CURFEW_HOURS_OUT_OF_RANGE requirement.hoursPerDay curfew.minHoursPerDay": "lessThan",
  "CURFEW_HOURS_OUT_OF_RANGE requirement.hoursPerDay curfew.maxHoursPerDay": "greaterThan",
  "CURFEW_PERIOD_EXCEEDED requirement.months curfew.maxMonths": "greaterThan",
  "CURFEW_WEEKLY_HOURS_AT_RISK requirement.hoursPerWeek curfew.maxHoursPerWeek": "greaterThan",
  "DRR_PERIOD_TOO_SHORT requirement.months drr.minMonths": "lessThan",
  "DRR_REVIEW_REQUIRED requirement.months drr.reviewRequiredAboveMonths": "greaterThan", // review required if the period is more than 12 months (s.210; Code Sch. 9 para 21)
  "DRR_REVIEW_INTERVAL_TOO_SHORT:weeks requirement.reviewIntervalWholeMonths drr.minReviewIntervalMonths": "lessThan", // intervals of not less than one month
  "DRR_REVIEW_INTERVAL_TOO_SHORT:months requirement.reviewIntervalMonths drr.minReviewIntervalMonths": "lessThan", // intervals of not less than one month
  "EXCLUSION_PERIOD_EXCEEDED requirement.months exclusion.maxMonths": "greaterThan",
  "OFFENDER_UNDER_18:community offender.ageAtConviction communityOrder.minAge": "lessThan", // aged 18 or over
  "OFFENDER_UNDER_18:dtto offender.ageAtConviction dtto.minAge": "lessThan", // aged 16 or over (PCC(S)A 2000 s.52(1))
  "ORDER_TOO_LONG:community order.lengthMonths communityOrder.maxMonths": "greaterThan",
  "ORDER_TOO_LONG:sso order.lengthMonths sso.maxPeriodMonths": "greaterThan",
  "ORDER_TOO_LONG:dtto order.lengthMonths dtto.maxMonths": "greaterThan",
  "SSO_TERM_OUT_OF_RANGE sso.custodialTermWeeks sso.minCustodialWeeks": "lessThan",
  "SSO_TERM_OUT_OF_RANGE sso.custodialTermWeeks sso.maxCustodialWeeks": "greaterThan",
  "SSO_PERIOD_OUT_OF_RANGE sso.operationalPeriodMonths sso.minPeriodMonths": "lessThan",
  "SSO_PERIOD_OUT_OF_RANGE sso.operationalPeriodMonths sso.maxPeriodMonths": "greaterThan",
  "SSO_PERIOD_OUT_OF_RANGE sso.supervisionPeriodMonths sso.minPeriodMonths": "lessThan",
  "SSO_PERIOD_OUT_OF_RANGE sso.supervisionPeriodMonths sso.maxPeriodMonths": "greaterThan",
  "UNPAID_WORK_HOURS_OUT_OF_RANGE requirement.hours unpaidWork.minHours": "lessThan",
  "UNPAID_WORK_HOURS_OUT_OF_RANGE requirement.hours unpaidWork.maxHours": "greaterThan",
  "DRUG_NEED_UNADDRESSED assessment.oasys.drugMisuse assessment.oasysDrugThreshold": "greaterThanInclusive", // OASys section score of four or more (HMI Probation 2006 para 5.9)
  "ALCOHOL_NEED_UNADDRESSED assessment.oasys.alcoholMisuse assessment.oasysAlcoholThreshold": "greaterThanInclusive", // OASys section score of four or more (HMI Probation 2006 para 5.9)
  "PPO_NOT_FLAGGED assessment.ogrsPercent assessment.ppoOgrsPercent": "greaterThanInclusive", // OGRS high band 75-89% (standards.md 6.2)
  "DRR_INTENSITY_EXCEEDS_SERIOUSNESS requirement.intensityRank drr.maxIntensityRank": "greaterThan",
  "ATR_AT_LOW_SERIOUSNESS order.bandRank atr.minBandRank": "lessThan", // below the medium band (rank 2)
  "OM_TIER_INTENSITY_MISMATCH:drr requirement.intensityRank omTier.maxDrrIntensityRank": "greaterThan",
  "REQUIREMENT_ABOVE_BAND_RANGE:unpaid-work requirement.hours bandRange.unpaidWorkMaxHours": "greaterThan",
  "REQUIREMENT_ABOVE_BAND_RANGE:activity requirement.days bandRange.activityMaxDays": "greaterThan",
  "REQUIREMENT_ABOVE_BAND_RANGE:curfew requirement.months bandRange.curfewMaxMonths": "greaterThan",
  "REQUIREMENT_ABOVE_BAND_RANGE:exclusion requirement.months bandRange.exclusionMaxMonths": "greaterThan",
  "TREATMENT_NEED_EXCEEDS_SERIOUSNESS need.treatmentRank drr.maxIntensityRank": "greaterThan",
  "FOREIGN_TRAVEL_PERIOD_EXCEEDED requirement.months foreignTravel.maxMonths": "greaterThan",
  "DRUG_TESTING_BELOW_STANDARD:proposed requirement.testsPerWeek ns.drugTesting.minPerWeek": "lessThan", // at least twice a week (PC80/2005, SS8.12)
  "DRUG_TESTING_BELOW_STANDARD:proposed-reduced requirement.testsPerWeek ns.drugTesting.minPerWeekReduced": "lessThan", // at least once a week (PC80/2005, SS8.12)
  "DTTO_NOT_AVAILABLE:before-1998 date.earliestOffence dtto.earliestOffence": "lessThan", // offences committed on or after 30 September 1998 (PCC(S)A 2000 s.52(1))
  "DTTO_NOT_AVAILABLE:replaced date.earliestOffence dtto.earliestOffence": "greaterThanInclusive", // an earliest offence on or after the DTTO floor: the before-1998 twin does not apply
};
