/**
 * Issue 13.2: the treatment need is ranked from what the assessment records (the treatment tier;
 * OASys scores where no tier is given), never from the s.209(2) dependency every DRR needs.
 */
import { describe, expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput, type ValidationResult } from '../src/index.js';
import { parameters } from '../src/rules.js';
import { codesOf } from './support/codes.js';
import { clone, lawfulMediumDrr } from './support/orders.js';

const validator = createValidator();
type Band = 'low' | 'medium' | 'high' | 'custody';
type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;

/** The lawful DRR at `band`, low intensity (lawful at every band), with the need given. */
function order(band: Band, need: NonNullable<ProposedOrderInput['offender']['need']>, oasys?: { drugMisuse?: number; alcoholMisuse?: number }) {
  const o = clone(lawfulMediumDrr());
  o.offences[0]!.seriousness = band;
  (o.requirements[0] as Drr).intensity = 'low';
  o.offender.need = need;
  if (oasys) o.offender.assessment = { oasys };
  else delete o.offender.assessment;
  return o;
}
const dependent = { dependentOrPropensity: true, requiresAndSusceptible: true };
const tension = (r: ValidationResult) => r.tensions.find((t) => t.code === 'TREATMENT_NEED_EXCEEDS_SERIOUSNESS');

describe('need from the treatment tier, at each band', () => {
  // Tier 4 (residential) is the extensive need of para 4.13; tier 2 and 3 are met by a low intensity order.
  const expected: Record<2 | 3 | 4, Record<Band, boolean>> = {
    2: { low: false, medium: false, high: false, custody: false },
    3: { low: false, medium: false, high: false, custody: false },
    4: { low: true, medium: true, high: false, custody: false },
  };
  for (const tier of [2, 3, 4] as const)
    for (const band of ['low', 'medium', 'high', 'custody'] as const) {
      const fires = expected[tier][band];
      it(`tier ${tier} at ${band} seriousness: ${fires ? 'a tension' : 'no tension'}`, async () => {
        const result = await validator.validate(order(band, { drugs: dependent, treatmentTier: tier as never }));
        expect(result.ok).toBe(true);
        const finding = tension(result);
        if (!fires) {
          expect(finding).toBeUndefined();
          return;
        }
        expect(finding).toMatchObject({ kind: 'tension', facts: { 'offender.treatmentTier': tier, 'need.treatmentRank': 3, 'need.treatmentRankBasis': `treatment tier ${tier}`, 'order.band': band } });
        expect(finding!.message).toContain('treatment tier 4: need rank 3');
        expect(finding!.confidence).toBe('unverified');
      });
    }

  it('reads the mapping from a dated parameter that names its source, unverified', () => {
    for (const tier of [1, 2, 3, 4]) {
      const p = parameters[`need.treatmentTierRank.tier${tier}`]!;
      expect(p.values[0]).toMatchObject({ from: '2005-04-04', confidence: 'M' });
      expect(p.values[0]!.source).toMatch(/para 4\.13/);
    }
  });

  it('follows an area that reads the tiers differently (the mapping is data)', async () => {
    const strict = createValidator({ parameters: { 'need.treatmentTierRank.tier3': 2 } });
    const result = await strict.validate(order('low', { drugs: dependent, treatmentTier: 3 as never }));
    expect(tension(result)?.facts).toMatchObject({ 'need.treatmentRank': 2 });
  });

  it('no longer flags a lawful low-band DRR for the dependency every DRR needs (the old false alarm)', async () => {
    const result = await validator.validate(order('low', { drugs: dependent, treatmentTier: 3 as never }, { drugMisuse: 6 }));
    expect(codesOf(result)).not.toContain('TREATMENT_NEED_EXCEEDS_SERIOUSNESS');
    expect(result.ok).toBe(true);
  });
});

describe('need from OASys when no tier is recorded', () => {
  it('a severe section 8 score (8 or more) ranks the need above a low intensity DRR: a tension at low seriousness only', async () => {
    const low = await validator.validate(order('low', { drugs: dependent }, { drugMisuse: 8 }));
    expect(tension(low)?.facts).toMatchObject({ 'offender.treatmentTier': null, 'need.treatmentRank': 2, 'need.treatmentRankBasis': 'OASys section 8 (drug misuse) score 8, severe from 8' });
    expect(tension(low)?.confidence).toBe('unverified');
    expect(tension(await validator.validate(order('medium', { drugs: dependent }, { drugMisuse: 8 })))).toBeUndefined();
  });

  it('a score below severe does not', async () => {
    const result = await validator.validate(order('low', { drugs: dependent }, { drugMisuse: 7 }));
    expect(tension(result)).toBeUndefined();
    expect(codesOf(result)).not.toContain('TREATMENT_NEED_NOT_RANKED');
  });

  it('the recorded tier decides over the OASys score', async () => {
    expect(tension(await validator.validate(order('low', { drugs: dependent, treatmentTier: 3 as never }, { drugMisuse: 20 })))).toBeUndefined();
  });

  it('reads the section the treatment addresses: alcohol (severe from 7) for an ATR', async () => {
    const atr = (alcoholMisuse: number) => {
      const o = order('low', { alcohol: { dependent: true, requiresAndSusceptible: true } }, { alcoholMisuse, drugMisuse: 30 });
      o.offences[0]!.seriousness = 'medium';
      o.requirements = [{ kind: 'alcohol-treatment', months: 9, setting: 'practitioner-based', director: { name: 'Dr A', qualified: true }, offenderWilling: true }, { kind: 'supervision' }];
      return o;
    };
    // Medium seriousness allows rank 2, so a severe alcohol score (rank 2) is no tension there...
    expect(tension(await validator.validate(atr(7)))).toBeUndefined();
    // ...and at low seriousness it is, from section 9, not from the high drug score.
    const low = atr(7);
    low.offences[0]!.seriousness = 'low';
    expect(tension(await validator.validate(low))?.facts).toMatchObject({ 'need.treatmentRankBasis': 'OASys section 9 (alcohol misuse) score 7, severe from 7' });
    const mild = atr(6);
    mild.offences[0]!.seriousness = 'low';
    expect(tension(await validator.validate(mild))).toBeUndefined();
  });
});

describe('TREATMENT_NEED_NOT_RANKED', () => {
  it('says the need was not weighed when neither a tier nor the relevant OASys score is recorded', async () => {
    const result = await validator.validate(order('low', { drugs: dependent }));
    const advisory = result.advisories.find((a) => a.code === 'TREATMENT_NEED_NOT_RANKED');
    expect(advisory).toMatchObject({ kind: 'advisory', facts: { 'offender.treatmentTier': null, 'need.treatmentAssessed': false } });
    expect(tension(result)).toBeUndefined();
    expect(result.ok).toBe(true);
  });

  it('is not raised once the tier is recorded, or the OASys section the DRR addresses', async () => {
    expect(codesOf(await validator.validate(order('low', { drugs: dependent, treatmentTier: 2 as never })))).not.toContain('TREATMENT_NEED_NOT_RANKED');
    expect(codesOf(await validator.validate(order('low', { drugs: dependent }, { drugMisuse: 0 })))).not.toContain('TREATMENT_NEED_NOT_RANKED');
    // An alcohol score says nothing about the need a DRR addresses.
    expect(codesOf(await validator.validate(order('low', { drugs: dependent }, { alcoholMisuse: 9 })))).toContain('TREATMENT_NEED_NOT_RANKED');
  });
});
