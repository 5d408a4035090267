import { z } from 'zod';
import { EventSchema } from './events.js';
import { BirthDate, Intensity, IsoDate, OmTierSchema, Seriousness, Text, TreatmentTierSchema, count } from './primitives.js';
import { RequirementSchema } from './requirements.js';

/** Upper bounds on list sizes: generous for real orders, small enough that a hostile input cannot stall a caseload run. */
export const LIMITS = { offences: 100, requirements: 40, events: 2000, programmes: 100 } as const;

export const OffenderSchema = z.strictObject({
  dateOfBirth: BirthDate,
  omTier: OmTierSchema.optional(),
  assessment: z
    .strictObject({
      oasys: z
        .strictObject({
          /** OASys section 8 (drug misuse) score. */
          drugMisuse: count(50).optional(),
          /** OASys section 9 (alcohol misuse) score. */
          alcoholMisuse: count(50).optional(),
          completedOn: IsoDate.optional(),
        })
        .optional(),
      ogrsPercent: z.number().min(0).max(100).optional(),
      rosh: z.enum(['low', 'medium', 'high', 'very-high']).optional(),
      ppo: z.boolean().optional(),
    })
    .optional(),
  need: z
    .strictObject({
      drugs: z.strictObject({ dependentOrPropensity: z.boolean(), requiresAndSusceptible: z.boolean() }).optional(),
      alcohol: z.strictObject({ dependent: z.boolean(), requiresAndSusceptible: z.boolean() }).optional(),
      treatmentTier: TreatmentTierSchema.optional(),
    })
    .optional(),
});

export const OffenceSchema = z.strictObject({
  committedOn: IsoDate,
  seriousness: Seriousness,
  imprisonable: z.boolean().optional(),
  triggerOffence: z.boolean().optional(),
  description: Text.optional(),
});

export const SentenceSchema = z
  .strictObject({
    type: z.enum(['community-order', 'suspended-sentence-order', 'dtto']),
    endDate: IsoDate,
    custodialTermWeeks: z.number().positive().max(520).optional(),
    operationalPeriodMonths: count(120).optional(),
    supervisionPeriodMonths: count(120).optional(),
    /** A fine imposed with a community order: it meets the punitive element (CJA 2003 s.177(2A)(b)). */
    fine: z.boolean().optional(),
    /** Exceptional circumstances that make a punitive element unjust (CJA 2003 s.177(2B)). */
    punitiveExceptionReason: Text.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.type !== 'community-order') {
      for (const key of ['fine', 'punitiveExceptionReason'] as const) {
        if (s[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `Only a community order has ${key}` });
      }
    }
    if (s.type !== 'suspended-sentence-order') {
      for (const key of ['custodialTermWeeks', 'operationalPeriodMonths', 'supervisionPeriodMonths'] as const) {
        if (s[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `Only a suspended sentence order has ${key}` });
      }
      return;
    }
    for (const key of ['custodialTermWeeks', 'operationalPeriodMonths'] as const) {
      if (s[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `A suspended sentence order needs ${key}` });
    }
  });

export const PsrSchema = z.strictObject({
  type: z.enum(['standard', 'fast', 'oral']),
  requestedOn: IsoDate.optional(),
  deliveredOn: IsoDate.optional(),
  unnecessary: z.boolean().optional(),
});

export const ProvisionSchema = z.strictObject({
  drrIntensities: z.array(Intensity).max(3).optional(),
  drrWeeklyHours: z
    .strictObject({
      low: z.number().min(0).max(168).optional(),
      medium: z.number().min(0).max(168).optional(),
      high: z.number().min(0).max(168).optional(),
    })
    .optional(),
  atrQualifiedProvider: z.boolean().optional(),
  programmes: z.array(Text).max(LIMITS.programmes).optional(),
  area: Text.optional(),
});

/** The caller's case reference (a CRN, say): echoed in the result, never judged. */
export const CaseId = z.string().min(1).max(100);

export const ProposedOrderSchema = z
  .strictObject({
    id: CaseId.optional(),
    offender: OffenderSchema,
    offences: z.array(OffenceSchema).min(1).max(LIMITS.offences),
    convictionDate: IsoDate,
    sentenceDate: IsoDate,
    sentence: SentenceSchema,
    requirements: z.array(RequirementSchema).max(LIMITS.requirements),
    psr: PsrSchema.optional(),
    provision: ProvisionSchema.optional(),
    events: z.array(EventSchema).max(LIMITS.events).optional(),
    asOf: IsoDate.optional(),
  })
  .superRefine((o, ctx) => {
    // Impossible chronology is bad input, not a finding: no rule can reason about it.
    o.offences.forEach((offence, i) => {
      if (offence.committedOn > o.convictionDate)
        ctx.addIssue({ code: 'custom', path: ['offences', i, 'committedOn'], message: 'Offence committed after the conviction date' });
      if (offence.committedOn < o.offender.dateOfBirth)
        ctx.addIssue({ code: 'custom', path: ['offences', i, 'committedOn'], message: 'Offence committed before the offender was born' });
    });
    if (o.sentenceDate < o.convictionDate)
      ctx.addIssue({ code: 'custom', path: ['sentenceDate'], message: 'Sentence date is before the conviction date' });
    if (o.sentence.endDate <= o.sentenceDate)
      ctx.addIssue({ code: 'custom', path: ['sentence', 'endDate'], message: 'The order must end after the sentence date' });
  });

export type ProposedOrder = z.infer<typeof ProposedOrderSchema>;
export type ProposedOrderInput = z.input<typeof ProposedOrderSchema>;
export type Offender = ProposedOrder['offender'];
export type Offence = ProposedOrder['offences'][number];
export type Provision = z.infer<typeof ProvisionSchema>;
