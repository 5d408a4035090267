import { describe, expect, expectTypeOf, it } from 'vitest';
import { omTier, treatmentTier, type OmTier, type TreatmentTier } from '../src/index.js';

// The inspection (4.14) found "tier" meant two things. These functions stand for any API that takes one tier.
const describeOmTier = (tier: OmTier): string => ['Punish', 'Help', 'Change', 'Control'][tier - 1]!;
const describeTreatmentTier = (tier: TreatmentTier): string => `Models of Care tier ${tier}`;

describe('offender management tier and treatment tier are different types', () => {
  it('accepts each tier where it is meant', () => {
    expect(describeOmTier(omTier(1))).toBe('Punish');
    expect(describeTreatmentTier(treatmentTier(4))).toBe('Models of Care tier 4');
  });

  it('refuses one where the other is meant, and plain numbers for both (checked by tsc)', () => {
    expectTypeOf<OmTier>().not.toEqualTypeOf<TreatmentTier>();
    expectTypeOf<TreatmentTier>().not.toMatchTypeOf<OmTier>();
    // @ts-expect-error a treatment tier is not an offender management tier
    describeOmTier(treatmentTier(3));
    // @ts-expect-error an offender management tier is not a treatment tier
    describeTreatmentTier(omTier(3));
    // @ts-expect-error a bare number is neither
    describeOmTier(3);
  });

  it('checks the range when a tier is made', () => {
    expect(() => omTier(5)).toThrow();
    expect(() => treatmentTier(0)).toThrow();
  });
});
