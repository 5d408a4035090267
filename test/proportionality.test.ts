import { describe, expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput } from '../src/index.js';
import { codesOf, findingOf } from './support/codes.js';
import { clone, lawfulMediumDrr } from './support/orders.js';

const validator = createValidator();
type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;

/** The lawful medium DRR at another band and intensity. */
function drrOrder(band: 'low' | 'medium' | 'high' | 'custody', intensity: Drr['intensity'], change: (o: ProposedOrderInput) => void = () => {}) {
  const order = clone(lawfulMediumDrr());
  order.offences[0]!.seriousness = band;
  (order.requirements[0] as Drr).intensity = intensity;
  change(order);
  return order;
}

describe('DRR_INTENSITY_EXCEEDS_SERIOUSNESS (inspection 4.13; CJA 2003 s.148(2)(b))', () => {
  const cases = [
    ['low', 'low', false],
    ['low', 'medium', true],
    ['low', 'high', true],
    ['medium', 'medium', false],
    ['medium', 'high', true],
    ['high', 'high', false],
    ['custody', 'high', false],
  ] as const;
  for (const [band, intensity, fires] of cases) {
    it(`${fires ? 'is' : 'is not'} a breach for a ${intensity} intensity DRR at ${band} seriousness`, async () => {
      const result = await validator.validate(drrOrder(band, intensity));
      const finding = result.breaches.find((b) => b.code === 'DRR_INTENSITY_EXCEEDS_SERIOUSNESS');
      expect(Boolean(finding)).toBe(fires);
      expect(result.ok).toBe(!fires);
      if (finding) {
        expect(finding.requirementIndex).toBe(0);
        expect(finding.facts).toMatchObject({ 'requirement.intensity': intensity, 'order.band': band });
        expect(finding.citations.map((c) => c.provision)).toEqual(expect.arrayContaining(['s.148(2)(b)', 'para 4.13']));
        // A breach of proportionality leaves the requirement itself lawful.
        expect(result.requirements[0]!.valid).toBe(true);
      }
    });
  }

  it('takes the most serious of several offences as the order band', async () => {
    const order = drrOrder('low', 'medium', (o) => o.offences.push({ committedOn: '2005-12-01', seriousness: 'medium' }));
    expect(codesOf(await validator.validate(order))).not.toContain('DRR_INTENSITY_EXCEEDS_SERIOUSNESS');
  });
});

describe('TREATMENT_NEED_EXCEEDS_SERIOUSNESS (inspection 4.13)', () => {
  // Every DRR needs a dependency or propensity (s.209(2)): that flag, with structured (tier 3)
  // treatment, is what a low intensity DRR serves, so a lawful low-band DRR is not a tension.
  it('is not raised for a dependent offender with tier 3 need at low seriousness: the low DRR serves it', async () => {
    const result = await validator.validate(drrOrder('low', 'low'));
    expect(codesOf(result)).not.toContain('TREATMENT_NEED_EXCEEDS_SERIOUSNESS');
    expect(result.ok).toBe(true);
    expect(result.requirements[0]!.valid).toBe(true);
  });

  it('is a tension when extensive (tier 4) need meets a minor offence: the low DRR allowed will not meet the need', async () => {
    const result = await validator.validate(drrOrder('low', 'low', (o) => (o.offender.need!.treatmentTier = 4 as never)));
    const finding = result.tensions.find((t) => t.code === 'TREATMENT_NEED_EXCEEDS_SERIOUSNESS');
    expect(finding?.facts).toMatchObject({ 'order.band': 'low', 'need.treatmentRank': 3, 'need.treatmentRankBasis': 'treatment tier 4' });
    // The tier-to-need mapping is our reading of para 4.13, never verified.
    expect(finding?.confidence).toBe('unverified');
    expect(result.ok).toBe(true);
  });

  it('is a tension for residential (tier 4) need at medium seriousness', async () => {
    const order = drrOrder('medium', 'medium', (o) => (o.offender.need!.treatmentTier = 4 as never));
    expect(codesOf(await validator.validate(order))).toContain('TREATMENT_NEED_EXCEEDS_SERIOUSNESS');
  });

  it('is not raised when the seriousness allows the intensity the need calls for', async () => {
    expect(codesOf(await validator.validate(drrOrder('medium', 'medium')))).not.toContain('TREATMENT_NEED_EXCEEDS_SERIOUSNESS');
    const tier4 = drrOrder('high', 'high', (o) => (o.offender.need!.treatmentTier = 4 as never));
    expect(codesOf(await validator.validate(tier4))).not.toContain('TREATMENT_NEED_EXCEEDS_SERIOUSNESS');
  });

  it('is not raised for an offender with only open-access (tier 2) need and no dependency', async () => {
    const order = drrOrder('low', 'low', (o) => {
      o.offender.need = { treatmentTier: 2 as never };
    });
    expect(codesOf(await validator.validate(order))).not.toContain('TREATMENT_NEED_EXCEEDS_SERIOUSNESS');
  });
});

describe('STANDALONE_DRR (inspection 4.15)', () => {
  it('is a tension on a DRR with no supervision requirement', async () => {
    const order = clone(lawfulMediumDrr());
    order.requirements = [order.requirements[0]!, { kind: 'unpaid-work', hours: 60 }];
    const result = await validator.validate(order);
    expect(findingOf(result, 'STANDALONE_DRR')).toMatchObject({ kind: 'tension', requirementIndex: 0 });
    expect(result.ok).toBe(true);
  });

  it('is not raised with supervision, or with a rehabilitation activity requirement after 2015', async () => {
    expect(codesOf(await validator.validate(lawfulMediumDrr()))).not.toContain('STANDALONE_DRR');
    const rar = clone(lawfulMediumDrr());
    rar.offences[0]!.committedOn = '2016-01-10';
    Object.assign(rar, { convictionDate: '2016-02-01', sentenceDate: '2016-03-01', sentence: { type: 'community-order', endDate: '2017-09-01' } });
    rar.requirements[1] = { kind: 'rehabilitation-activity', maxDays: 20 };
    expect(codesOf(await validator.validate(rar))).not.toContain('STANDALONE_DRR');
  });
});

describe('ATR_AT_LOW_SERIOUSNESS (Project 6 / NOMS ATR guidance)', () => {
  const atrOrder = (band: 'low' | 'medium') => {
    const order = clone(lawfulMediumDrr());
    order.offences[0]!.seriousness = band;
    order.offender.need = { alcohol: { dependent: true, requiresAndSusceptible: true }, treatmentTier: 3 as never };
    order.requirements = [
      { kind: 'alcohol-treatment', months: 9, setting: 'practitioner-based', director: { name: 'Dr A', qualified: true }, offenderWilling: true },
      { kind: 'supervision' },
    ];
    return order;
  };
  it('is a tension for an ATR at low seriousness', async () => {
    const result = await validator.validate(atrOrder('low'));
    expect(findingOf(result, 'ATR_AT_LOW_SERIOUSNESS')).toMatchObject({ kind: 'tension', requirementIndex: 0, confidence: 'secondary' });
  });
  it('is not raised at medium seriousness', async () => {
    expect(codesOf(await validator.validate(atrOrder('medium')))).not.toContain('ATR_AT_LOW_SERIOUSNESS');
  });
});

describe('OM_TIER_INTENSITY_MISMATCH (PC65/2005; inspection 4.14)', () => {
  const withTier = (tier: number, intensity: Drr['intensity']) => drrOrder('high', intensity, (o) => (o.offender.omTier = tier as never));
  it('is a tension for tier 1 (punish only) with any DRR', async () => {
    const result = await validator.validate(withTier(1, 'low'));
    expect(findingOf(result, 'OM_TIER_INTENSITY_MISMATCH')).toMatchObject({ kind: 'tension', requirementIndex: 0 });
  });
  it('is a tension for tier 2 with a high intensity DRR, not a medium one', async () => {
    expect(codesOf(await validator.validate(withTier(2, 'high')))).toContain('OM_TIER_INTENSITY_MISMATCH');
    expect(codesOf(await validator.validate(withTier(2, 'medium')))).not.toContain('OM_TIER_INTENSITY_MISMATCH');
  });
  it('is not raised for tiers 3 and 4, nor when no tier is recorded', async () => {
    expect(codesOf(await validator.validate(withTier(3, 'high')))).not.toContain('OM_TIER_INTENSITY_MISMATCH');
    expect(codesOf(await validator.validate(withTier(4, 'high')))).not.toContain('OM_TIER_INTENSITY_MISMATCH');
    const none = withTier(3, 'high');
    delete none.offender.omTier;
    expect(codesOf(await validator.validate(none))).not.toContain('OM_TIER_INTENSITY_MISMATCH');
  });
  it('is a tension for tier 1 with an ATR', async () => {
    const order = clone(lawfulMediumDrr());
    order.offender.omTier = 1 as never;
    order.offender.need = { alcohol: { dependent: true, requiresAndSusceptible: true } };
    order.requirements = [{ kind: 'alcohol-treatment', months: 9, setting: 'residential', director: { name: 'Dr A', qualified: true }, offenderWilling: true }, { kind: 'supervision' }];
    expect(codesOf(await validator.validate(order))).toContain('OM_TIER_INTENSITY_MISMATCH');
  });
  it('never reads the treatment tier as the offender management tier', async () => {
    // Treatment tier 1 with OM tier 3: no mismatch. Were the tiers confused, tier 1 would flag the DRR.
    const order = withTier(3, 'high');
    order.offender.need!.treatmentTier = 1 as never;
    expect(codesOf(await validator.validate(order))).not.toContain('OM_TIER_INTENSITY_MISMATCH');
  });
});
