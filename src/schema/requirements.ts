import { z } from 'zod';
import { Intensity, Text, count } from './primitives.js';

const EmFields = {
  electronicMonitoring: z.boolean(),
  /** Why electronic monitoring is not imposed: consent withheld, no notified arrangements, or inappropriate (CJA 2003 s.177(3)). */
  emExceptionReason: Text.optional(),
};

export const UnpaidWork = z.strictObject({ kind: z.literal('unpaid-work'), hours: count(2000) });
export const Activity = z.strictObject({ kind: z.literal('activity'), days: count(1000) });
export const Programme = z.strictObject({
  kind: z.literal('programme'),
  programme: Text,
  days: count(1000).optional(),
  recommendedByOfficer: z.boolean().optional(),
});
export const ProhibitedActivity = z.strictObject({ kind: z.literal('prohibited-activity'), description: Text.optional() });
export const Curfew = z.strictObject({
  kind: z.literal('curfew'),
  hoursPerDay: z.number().min(0).max(24),
  months: count(120),
  ...EmFields,
});
export const Exclusion = z.strictObject({ kind: z.literal('exclusion'), months: count(120), ...EmFields });
export const Residence = z.strictObject({
  kind: z.literal('residence'),
  hostel: z.boolean().optional(),
  recommendedByOfficer: z.boolean().optional(),
});
export const MentalHealthTreatment = z.strictObject({
  kind: z.literal('mental-health-treatment'),
  treatment: z.enum(['resident', 'non-resident', 'practitioner']).optional(),
  offenderWilling: z.boolean().optional(),
});
export const DrugRehabilitation = z
  .strictObject({
    kind: z.literal('drug-rehabilitation'),
    intensity: Intensity,
    months: count(120),
    setting: z.enum(['residential', 'non-residential']),
    provider: z
      .strictObject({ name: Text, registered: z.boolean().optional(), area: Text.optional() })
      .optional(),
    testsPerWeek: z.number().min(0).max(21).optional(),
    /** Weeks between reviews. With `reviewIntervalMonths` absent too, the order makes no provision for review (CJA 2003 s.210). */
    reviewIntervalWeeks: count(520).optional(),
    /** Calendar months between reviews (Interpretation Act 1978 Sch. 1: "month" means calendar month); give this or the weeks, not both. */
    reviewIntervalMonths: count(120).optional(),
    recommendedByOfficer: z.boolean(),
    offenderWilling: z.boolean(),
  })
  // A review interval is given once: in weeks or in calendar months.
  .superRefine((r, ctx) => {
    if (r.reviewIntervalWeeks !== undefined && r.reviewIntervalMonths !== undefined)
      ctx.addIssue({ code: 'custom', path: ['reviewIntervalMonths'], message: 'Give the review interval in weeks or in months, not both' });
  });

export const AlcoholTreatment = z.strictObject({
  kind: z.literal('alcohol-treatment'),
  months: count(120),
  setting: z.enum(['residential', 'institution-based', 'practitioner-based']),
  director: z.strictObject({ name: Text, qualified: z.boolean() }).optional(),
  offenderWilling: z.boolean(),
});
export const Supervision = z.strictObject({ kind: z.literal('supervision') });
export const AttendanceCentre = z.strictObject({ kind: z.literal('attendance-centre'), hours: count(1000) });
export const RehabilitationActivity = z.strictObject({ kind: z.literal('rehabilitation-activity'), maxDays: count(1000) });
export const AlcoholAbstinenceMonitoring = z.strictObject({ kind: z.literal('alcohol-abstinence-monitoring'), days: count(1000) });
export const ForeignTravelProhibition = z.strictObject({ kind: z.literal('foreign-travel-prohibition'), months: count(120) });
export const DrugTesting = z.strictObject({ kind: z.literal('drug-testing') });

export const RequirementSchema = z.discriminatedUnion('kind', [
  UnpaidWork,
  Activity,
  Programme,
  ProhibitedActivity,
  Curfew,
  Exclusion,
  Residence,
  MentalHealthTreatment,
  DrugRehabilitation,
  AlcoholTreatment,
  Supervision,
  AttendanceCentre,
  RehabilitationActivity,
  AlcoholAbstinenceMonitoring,
  ForeignTravelProhibition,
  DrugTesting,
]);
export type Requirement = z.infer<typeof RequirementSchema>;
export type RequirementKind = Requirement['kind'];
export type RequirementOf<K extends RequirementKind> = Extract<Requirement, { kind: K }>;

export const REQUIREMENT_KINDS = RequirementSchema.options.map((o) => o.shape.kind.value) as readonly RequirementKind[];
