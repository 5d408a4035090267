import { z } from 'zod';

/** Earliest and latest dates the library accepts: wide enough for any live caseload, narrow enough to refuse typos. */
export const DATE_RANGE = { from: '1990-01-01', to: '2100-12-31' } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD (2023-02-29 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** An ISO `YYYY-MM-DD` string that names a real calendar day between 1990 and 2100. */
export const IsoDate = z
  .string()
  .max(10)
  .refine(isIsoDate, { message: 'Expected a real calendar date written YYYY-MM-DD' })
  .refine((v) => v >= DATE_RANGE.from && v <= DATE_RANGE.to, {
    message: `Date must be between ${DATE_RANGE.from} and ${DATE_RANGE.to}`,
  });
export type IsoDate = string;

/** A date of birth: a real calendar day from 1900 on (case dates start in 1990, people earlier). */
export const BirthDate = z
  .string()
  .max(10)
  .refine(isIsoDate, { message: 'Expected a real calendar date written YYYY-MM-DD' })
  .refine((v) => v >= '1900-01-01' && v <= DATE_RANGE.to, { message: `Date of birth must be between 1900-01-01 and ${DATE_RANGE.to}` });

/** Short free text: names, descriptions, reasons. Bounded so a hostile input cannot balloon a result. */
export const Text = z.string().min(1).max(500);

/**
 * NOMS offender management tier (PC65/2005): 1 Punish, 2 Help, 3 Change, 4 Control.
 * Branded so that it can never be passed where a treatment tier is meant (inspection report 4.14).
 */
export const OmTierSchema = z.number().int().min(1).max(4).brand<'OmTier'>();
export type OmTier = z.infer<typeof OmTierSchema>;

/** NTA Models of Care treatment tier 1-4. A different scale from the offender management tier. */
export const TreatmentTierSchema = z.number().int().min(1).max(4).brand<'TreatmentTier'>();
export type TreatmentTier = z.infer<typeof TreatmentTierSchema>;

/** Make an offender management tier from a plain number, checking its range. */
export const omTier = (n: number): OmTier => OmTierSchema.parse(n);
/** Make a treatment tier from a plain number, checking its range. */
export const treatmentTier = (n: number): TreatmentTier => TreatmentTierSchema.parse(n);

export const SERIOUSNESS_BANDS = ['low', 'medium', 'high', 'custody'] as const;
export const Seriousness = z.enum(SERIOUSNESS_BANDS);
export type Seriousness = z.infer<typeof Seriousness>;

export const INTENSITIES = ['low', 'medium', 'high'] as const;
export const Intensity = z.enum(INTENSITIES);
export type Intensity = z.infer<typeof Intensity>;

/** Whole numbers with an upper bound well past any statutory limit, so the rules (not the schema) report excess. */
export const count = (max: number) => z.number().int().min(0).max(max);
