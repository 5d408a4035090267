import { z } from 'zod';

/** Earliest and latest dates the library accepts: wide enough for any live caseload, narrow enough to refuse typos. */
export const DATE_RANGE = { from: '1990-01-01', to: '2100-12-31' } as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** True when `value` is a real calendar date written as YYYY-MM-DD (2023-02-29 is not). Arithmetic only: it runs for every date of every order. */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (i < 4) y = y * 10 + digit;
    else if (i < 7) m = m * 10 + digit;
    else d = d * 10 + digit;
  }
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** A real calendar date between `from` and `to`, checked in one pass so that each date costs one check. */
const dateBetween = (from: string, to: string, label: string) =>
  z.string().max(10).superRefine((v, ctx) => {
    if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: 'Expected a real calendar date written YYYY-MM-DD' });
    else if (v < from || v > to) ctx.addIssue({ code: 'custom', message: `${label} must be between ${from} and ${to}` });
  });

/** An ISO `YYYY-MM-DD` string that names a real calendar day between 1990 and 2100. */
export const IsoDate = dateBetween(DATE_RANGE.from, DATE_RANGE.to, 'Date');
export type IsoDate = string;

/** A date of birth: a real calendar day from 1900 on (case dates start in 1990, people earlier). */
export const BirthDate = dateBetween('1900-01-01', DATE_RANGE.to, 'Date of birth');

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
