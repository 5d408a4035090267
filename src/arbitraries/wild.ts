import fc from 'fast-check';
import { SentenceSchema } from '../schema/order.js';
import { INTENSITIES } from '../schema/primitives.js';
import type { Requirement, RequirementKind } from '../schema/requirements.js';
import * as Schemas from '../schema/requirements.js';
import type { Law } from './law.js';
import { KIND_ORDER } from './requirements.js';
import { AREAS, DIRECTORS, EM_EXCEPTIONS, PROGRAMMES, PROHIBITED_ACTIVITIES, PROVIDERS, nth } from './vocabulary.js';

/**
 * A number anywhere the schema allows, leaning on the law's limits and the values either side of
 * them: uniform numbers almost never land on a limit, where the mistakes are.
 */
export type Wild = { readonly near: number; readonly delta: number } | { readonly fraction: number };
export const wildPick: fc.Arbitrary<Wild> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ near: fc.nat({ max: 7 }), delta: fc.integer({ min: -1, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ fraction: fc.nat({ max: 999_999 }) }) },
);

export function wild(w: Wild, limits: readonly (number | null)[], min: number, max: number): number {
  const known = limits.filter((l): l is number => l !== null);
  if ('near' in w && known.length > 0) return Math.min(max, Math.max(min, known[w.near % known.length]! + w.delta));
  const f = 'fraction' in w ? w.fraction / 1_000_000 : 0;
  return min + Math.floor(f * (max - min + 1));
}

const bound = (field: { maxValue: number | null }) => field.maxValue ?? 1_000;
export const bounds = {
  unpaidHours: bound(Schemas.UnpaidWork.shape.hours),
  activityDays: bound(Schemas.Activity.shape.days),
  programmeDays: bound(Schemas.Programme.shape.days.unwrap()),
  curfewHours: bound(Schemas.Curfew.shape.hoursPerDay),
  curfewMonths: bound(Schemas.Curfew.shape.months),
  exclusionMonths: bound(Schemas.Exclusion.shape.months),
  drrMonths: bound(Schemas.DrugRehabilitation.shape.months),
  testsPerWeek: bound(Schemas.DrugRehabilitation.shape.testsPerWeek.unwrap()),
  reviewWeeks: bound(Schemas.DrugRehabilitation.shape.reviewIntervalWeeks.unwrap()),
  reviewMonths: bound(Schemas.DrugRehabilitation.shape.reviewIntervalMonths.unwrap()),
  atrMonths: bound(Schemas.AlcoholTreatment.shape.months),
  attendanceHours: bound(Schemas.AttendanceCentre.shape.hours),
  rarDays: bound(Schemas.RehabilitationActivity.shape.maxDays),
  aamrDays: bound(Schemas.AlcoholAbstinenceMonitoring.shape.days),
  travelMonths: bound(Schemas.ForeignTravelProhibition.shape.months),
  custodialWeeks: bound(SentenceSchema.shape.custodialTermWeeks.unwrap()),
  periodMonths: bound(SentenceSchema.shape.operationalPeriodMonths.unwrap()),
};

/** Free text: a plausible phrase, or (less often) any short string, which the rules must carry without tripping. */
export const text = (list: readonly string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...list) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) });

export const wildRequirementPicks = fc.record({
  kind: fc.constantFrom(...KIND_ORDER),
  x: wildPick,
  y: wildPick,
  z: wildPick,
  flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
  present: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
  intensity: fc.constantFrom(...INTENSITIES),
  name: text([...PROVIDERS, ...PROGRAMMES]),
  reason: text([...EM_EXCEPTIONS, ...PROHIBITED_ACTIVITIES]),
  n: fc.nat({ max: 11 }),
  half: fc.boolean(),
});
export type WildRequirementPicks = typeof wildRequirementPicks extends fc.Arbitrary<infer T> ? T : never;

/** Any requirement the schema accepts, whether or not the law allows it. */
export function wildRequirement(kind: RequirementKind, p: WildRequirementPicks, law: Law): Requirement {
  const [f0, f1, f2, f3, f4] = p.flags;
  const [o0, o1, o2, o3] = p.present;
  const n = (name: string) => law.num(name);
  switch (kind) {
    case 'unpaid-work':
      return { kind, hours: wild(p.x, [n('unpaidWork.minHours'), n('unpaidWork.maxHours'), n('bandRange.unpaidWorkMaxHours.low'), n('bandRange.unpaidWorkMaxHours.medium')], 0, bounds.unpaidHours) };
    case 'activity':
      return { kind, days: wild(p.x, [n('activity.maxDays'), n('bandRange.activityMaxDays.medium')], 0, bounds.activityDays) };
    case 'programme':
      return {
        kind,
        programme: p.name,
        ...(o0 ? { days: wild(p.x, [1, n('activity.maxDays')], 0, bounds.programmeDays) } : {}),
        ...(o1 ? { recommendedByOfficer: f0 } : {}),
      };
    case 'prohibited-activity':
      return { kind, ...(o0 ? { description: p.reason } : {}) };
    case 'curfew': {
      const hours = wild(p.x, [n('curfew.minHoursPerDay'), n('curfew.maxHoursPerDay')], 0, bounds.curfewHours);
      return {
        kind,
        hoursPerDay: p.half && hours < bounds.curfewHours ? hours + 0.5 : hours,
        months: wild(p.y, [n('curfew.maxMonths'), n('bandRange.curfewMaxMonths.medium'), n('bandRange.curfewMaxMonths.high')], 0, bounds.curfewMonths),
        electronicMonitoring: f0,
        ...(o0 ? { emExceptionReason: p.reason } : {}),
      };
    }
    case 'exclusion':
      return { kind, months: wild(p.y, [n('exclusion.maxMonths'), n('bandRange.exclusionMaxMonths.medium')], 0, bounds.exclusionMonths), electronicMonitoring: f0, ...(o0 ? { emExceptionReason: p.reason } : {}) };
    case 'residence':
      return { kind, ...(o0 ? { hostel: f0 } : {}), ...(o1 ? { recommendedByOfficer: f1 } : {}) };
    case 'mental-health-treatment':
      return { kind, ...(o0 ? { treatment: nth(['resident', 'non-resident', 'practitioner'] as const, p.n) } : {}), ...(o1 ? { offenderWilling: f0 } : {}) };
    case 'drug-rehabilitation':
      return {
        kind,
        intensity: p.intensity,
        months: wild(p.y, [n('drr.minMonths'), n('drr.reviewRequiredAboveMonths'), n('communityOrder.maxMonths')], 0, bounds.drrMonths),
        setting: f0 ? 'residential' : 'non-residential',
        ...(o0 ? { provider: { name: p.name, ...(o2 ? { registered: f1 } : {}), ...(o3 ? { area: nth(AREAS, p.n) } : {}) } } : {}),
        ...(o1 ? { testsPerWeek: wild(p.z, [n('ns.drugTesting.minPerWeek'), n('ns.drugTesting.minPerWeekReduced')], 0, bounds.testsPerWeek) } : {}),
        // Around one calendar month: 4 weeks (a month only in a 28-day February), 5 weeks, 1 month.
        ...(f4 ? (o3 ? { reviewIntervalMonths: wild(p.x, [n('drr.minReviewIntervalMonths')], 0, bounds.reviewMonths) } : { reviewIntervalWeeks: wild(p.x, [4, 5], 0, bounds.reviewWeeks) }) : {}),
        recommendedByOfficer: f2,
        offenderWilling: f3,
      };
    case 'alcohol-treatment':
      return {
        kind,
        months: wild(p.y, [n('atr.minMonths'), n('communityOrder.maxMonths')], 0, bounds.atrMonths),
        setting: nth(['residential', 'institution-based', 'practitioner-based'] as const, p.n),
        ...(o0 ? { director: { name: nth(DIRECTORS, p.n), qualified: f1 } } : {}),
        offenderWilling: f2,
      };
    case 'supervision':
    case 'drug-testing':
      return { kind };
    case 'attendance-centre':
      return { kind, hours: wild(p.x, [n('attendanceCentre.minHours'), n('attendanceCentre.maxHours')], 0, bounds.attendanceHours) };
    case 'rehabilitation-activity':
      return { kind, maxDays: wild(p.x, [], 0, bounds.rarDays) };
    case 'alcohol-abstinence-monitoring':
      return { kind, days: wild(p.x, [n('aamr.maxDays')], 0, bounds.aamrDays) };
    case 'foreign-travel-prohibition':
      return { kind, months: wild(p.y, [n('foreignTravel.maxMonths')], 0, bounds.travelMonths) };
  }
}

