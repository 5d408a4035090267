import type { ResolvedParameters } from '../law/resolve.js';
import type { Provision } from '../schema/order.js';
import { REQUIREMENT_KINDS, type Requirement, type RequirementKind } from '../schema/requirements.js';
import { intervalInMonths } from './dates.js';
import type { FactValue } from './types.js';

/** Parameter names per kind, built once rather than per requirement. */
const AVAILABILITY_PARAMETER = Object.fromEntries(REQUIREMENT_KINDS.map((k) => [k, `availability.${k}`])) as Record<RequirementKind, string>;

const INTENSITY_RANK = { low: 1, medium: 2, high: 3 } as const;

/** The area's minimum weekly hours for a DRR intensity (rules/parameters/proportionality.json). */
export const minWeeklyHoursParameter = (intensity: 'low' | 'medium' | 'high'): string =>
  `provision.minWeeklyHours${intensity[0]!.toUpperCase()}${intensity.slice(1)}`;

/**
 * The facts of every requirement, null where a field does not apply, so rules never meet an undefined
 * fact. One object literal with every key, so each requirement's facts share one shape from the start
 * (cheaper to build and to read than a spread of a frozen template).
 */
function blankFacts(index: number, kind: string, available: boolean): Record<string, FactValue> {
  return {
    'requirement.hours': null,
    'requirement.days': null,
    'requirement.months': null,
    'requirement.hoursPerDay': null,
    'requirement.hoursPerWeek': null,
    'requirement.electronicMonitoring': null,
    'requirement.emException': null,
    'requirement.intensity': null,
    'requirement.intensityRank': null,
    'requirement.setting': null,
    'requirement.testsPerWeek': null,
    'requirement.hasReview': null,
    'requirement.reviewIntervalWeeks': null,
    'requirement.reviewIntervalMonths': null,
    'requirement.reviewIntervalDays': null,
    'requirement.reviewIntervalWholeMonths': null,
    'requirement.reviewIntervalShortFrom': null,
    'requirement.reviewIntervalShortTo': null,
    'requirement.recommendedByOfficer': null,
    'requirement.offenderWilling': null,
    'requirement.provider.name': null,
    'requirement.provider.registered': null,
    'requirement.provider.area': null,
    'requirement.provider.outOfArea': null,
    'requirement.director.recorded': null,
    'requirement.director.qualified': null,
    'requirement.hostel': null,
    'requirement.programme': null,
    'requirement.programmeRunsLocally': null,
    'requirement.treatment': null,
    'requirement.intensityCommissioned': null,
    'requirement.weeklyHoursAvailable': null,
    'requirement.weeklyHoursMinimum': null,
    'requirement.index': index,
    'requirement.kind': kind,
    'requirement.available': available,
  };
}

/**
 * Facts of one requirement; rules in a requirement-scoped pack see these beside the order facts.
 * `sentenceDate` places a DRR's reviews in the calendar; without it an interval in weeks is taken
 * at its shortest in any month (31 days a month).
 */
export function deriveRequirementFacts(
  req: Requirement,
  index: number,
  params: ResolvedParameters,
  coRegime: boolean,
  provision: Provision | undefined,
  sentenceDate?: string,
): Record<string, FactValue> {
  const f = blankFacts(index, req.kind, coRegime && params[AVAILABILITY_PARAMETER[req.kind]]?.value === true);
  switch (req.kind) {
    case 'unpaid-work':
    case 'attendance-centre':
      f['requirement.hours'] = req.hours;
      break;
    case 'activity':
    case 'alcohol-abstinence-monitoring':
      f['requirement.days'] = req.days;
      break;
    case 'rehabilitation-activity':
      f['requirement.days'] = req.maxDays;
      break;
    case 'programme':
      f['requirement.days'] = req.days ?? null;
      f['requirement.programme'] = req.programme;
      f['requirement.recommendedByOfficer'] = req.recommendedByOfficer ?? null;
      f['requirement.programmeRunsLocally'] = provision?.programmes ? provision.programmes.some((p) => p.toLowerCase() === req.programme.toLowerCase()) : null;
      break;
    case 'curfew':
      f['requirement.hoursPerDay'] = req.hoursPerDay;
      f['requirement.hoursPerWeek'] = req.hoursPerDay * 7;
      f['requirement.months'] = req.months;
      f['requirement.electronicMonitoring'] = req.electronicMonitoring;
      f['requirement.emException'] = req.emExceptionReason !== undefined;
      break;
    case 'exclusion':
      f['requirement.months'] = req.months;
      f['requirement.electronicMonitoring'] = req.electronicMonitoring;
      f['requirement.emException'] = req.emExceptionReason !== undefined;
      break;
    case 'residence':
      f['requirement.hostel'] = req.hostel ?? null;
      f['requirement.recommendedByOfficer'] = req.recommendedByOfficer ?? null;
      break;
    case 'mental-health-treatment':
      f['requirement.treatment'] = req.treatment ?? null;
      f['requirement.offenderWilling'] = req.offenderWilling ?? null;
      break;
    case 'drug-rehabilitation': {
      f['requirement.intensity'] = req.intensity;
      f['requirement.intensityRank'] = INTENSITY_RANK[req.intensity];
      f['requirement.months'] = req.months;
      f['requirement.setting'] = req.setting;
      f['requirement.testsPerWeek'] = req.testsPerWeek ?? null;
      f['requirement.hasReview'] = req.reviewIntervalWeeks !== undefined || req.reviewIntervalMonths !== undefined;
      f['requirement.reviewIntervalWeeks'] = req.reviewIntervalWeeks ?? null;
      f['requirement.reviewIntervalMonths'] = req.reviewIntervalMonths ?? null;
      if (req.reviewIntervalMonths !== undefined) f['requirement.reviewIntervalWholeMonths'] = req.reviewIntervalMonths;
      if (req.reviewIntervalWeeks !== undefined) {
        const days = req.reviewIntervalWeeks * 7;
        f['requirement.reviewIntervalDays'] = days;
        if (sentenceDate === undefined) f['requirement.reviewIntervalWholeMonths'] = Math.floor(days / 31);
        else {
          const shortest = intervalInMonths(sentenceDate, req.months, days);
          f['requirement.reviewIntervalWholeMonths'] = shortest.wholeMonths;
          f['requirement.reviewIntervalShortFrom'] = shortest.from;
          f['requirement.reviewIntervalShortTo'] = shortest.to;
        }
      }
      f['requirement.recommendedByOfficer'] = req.recommendedByOfficer;
      f['requirement.offenderWilling'] = req.offenderWilling;
      f['requirement.provider.name'] = req.provider?.name ?? null;
      f['requirement.provider.registered'] = req.provider?.registered ?? null;
      f['requirement.provider.area'] = req.provider?.area ?? null;
      f['requirement.provider.outOfArea'] =
        req.setting === 'residential' && req.provider?.area !== undefined && provision?.area !== undefined
          ? req.provider.area.toLowerCase() !== provision.area.toLowerCase()
          : null;
      f['requirement.intensityCommissioned'] = provision?.drrIntensities ? provision.drrIntensities.includes(req.intensity) : null;
      f['requirement.weeklyHoursAvailable'] = provision?.drrWeeklyHours?.[req.intensity] ?? null;
      f['requirement.weeklyHoursMinimum'] = (params[minWeeklyHoursParameter(req.intensity)]?.value as number | null | undefined) ?? null;
      break;
    }
    case 'alcohol-treatment':
      f['requirement.months'] = req.months;
      f['requirement.setting'] = req.setting;
      f['requirement.offenderWilling'] = req.offenderWilling;
      f['requirement.director.recorded'] = req.director !== undefined;
      f['requirement.director.qualified'] = req.director?.qualified ?? null;
      break;
    case 'foreign-travel-prohibition':
      f['requirement.months'] = req.months;
      break;
    case 'supervision':
    case 'prohibited-activity':
    case 'drug-testing':
      break;
  }
  return f;
}
