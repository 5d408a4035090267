import fc from 'fast-check';
import { INTENSITIES, SERIOUSNESS_BANDS, omTier, treatmentTier, type Intensity, type OmTier, type Seriousness, type TreatmentTier } from '../schema/primitives.js';
import { dayOf, isoOf, minusYears, plusDays } from './days.js';
import { place, type Pick } from './place.js';

/** A seriousness band; shrinks to `low`. */
export const seriousnessBands = (): fc.Arbitrary<Seriousness> => fc.constantFrom(...SERIOUSNESS_BANDS);

/** A DRR intensity; shrinks to `low`. */
export const intensities = (): fc.Arbitrary<Intensity> => fc.constantFrom(...INTENSITIES);

/** An offender management tier (PC65/2005), branded so it cannot stand in for a treatment tier. */
export const omTiers = (): fc.Arbitrary<OmTier> => fc.integer({ min: 1, max: 4 }).map(omTier);

/** An NTA Models of Care treatment tier, branded so it cannot stand in for an offender management tier. */
export const treatmentTiers = (): fc.Arbitrary<TreatmentTier> => fc.integer({ min: 1, max: 4 }).map(treatmentTier);

export const BAND_RANK: Readonly<Record<Seriousness, number>> = { low: 1, medium: 2, high: 3, custody: 4 };

/**
 * A date of birth giving exactly `age` whole years on `on`. The pick leans on the two edges: a
 * birthday that very day, and one due tomorrow.
 */
export function birthDateFor(age: number, on: string, p: Pick): string {
  const latest = minusYears(on, age);
  const earliest = plusDays(minusYears(on, age + 1), 1);
  return isoOf(place(p, dayOf(earliest), dayOf(latest)));
}
