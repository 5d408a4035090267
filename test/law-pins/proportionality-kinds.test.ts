import { describe, expect, it } from 'vitest';
import { judgedByBoth } from '../support/judge.js';
import { ATR, DRR, UPW, alcoholNeed, cja, cjaAtr, drugNeed, type Order, type Requirement } from '../codes/fixtures.js';

// The proportionality guidance is written for one treatment at a time, but its pack
// (rules/guidance/drr-atr-proportionality.json) runs over every DRR and every ATR. Each rule must find
// only the treatment its source speaks of:
//  * STANDALONE_DRR: 'Half Full and Half Empty' (2006) para 4.15 is about the DRR without supervision
//    (or, from 2015, a RAR); an ATR without supervision is not that finding.
//  * ATR_AT_LOW_SERIOUSNESS: the ATR guidance (Project 6 / NOMS; Pycroft 2012) expects an ATR normally
//    only at medium and high seriousness; a low intensity DRR at low seriousness is proportionate
//    (para 4.13: low intensity at low seriousness) and gets no ATR finding.
//  * OM_TIER_INTENSITY_MISMATCH for an ATR: PC65/2005, tier 1 is 'Punish' only, so a treatment
//    requirement does not fit it; tiers 2 'Help', 3 'Change' and 4 'Control' do, and with no tier
//    recorded nothing is judged. A DRR at tier 1 gets its own (intensity) finding, once, not the ATR's.
// Each case lists the exact findings of the family by requirement, so a rule that reaches the other
// treatment, or a twin that fires beside it, fails here.
/** `CODE:kind@index` of every requirement finding whose code is in `family` (not de-duplicated). */
async function familyOf(order: Order, family: readonly string[]): Promise<string[]> {
  return (await judgedByBoth(order)).requirements
    .flatMap((q) => q.findings)
    .filter((f) => family.includes(f.code))
    .map((f) => `${f.code}:${f.kind}@${f.requirementIndex}`)
    .sort();
}

/** The 2005-law order with these requirements, for an offender with both a drug and an alcohol need. */
const both = (requirements: Requirement[], change: (o: Order) => void = () => {}): Order =>
  cja((o) => {
    o.offender.need = { drugs: { ...drugNeed }, alcohol: { ...alcoholNeed }, treatmentTier: 3 } as never;
    o.offender.assessment = { oasys: { drugMisuse: 8, alcoholMisuse: 8 } } as never;
    o.requirements = requirements;
    change(o);
  });

describe('STANDALONE_DRR (inspection para 4.15) is about a DRR, not an ATR', () => {
  const family = ['STANDALONE_DRR'];
  it('an ATR with unpaid work and no supervision: no finding', async () => {
    expect(await familyOf(cjaAtr((o, atr) => (o.requirements = [atr, UPW(100)])), family)).toEqual([]);
  });
  it('an ATR alone: no finding', async () => {
    expect(await familyOf(cjaAtr((o, atr) => (o.requirements = [atr])), family)).toEqual([]);
  });
  it('a DRR beside an ATR, no supervision: the DRR only', async () => {
    expect(await familyOf(both([structuredClone(ATR), structuredClone(DRR), UPW(100)]), family)).toEqual(['STANDALONE_DRR:tension@1']);
  });
  it('a DRR beside an ATR and supervision: no finding', async () => {
    expect(await familyOf(both([structuredClone(ATR), structuredClone(DRR), { kind: 'supervision' }]), family)).toEqual([]);
  });
});

describe('ATR_AT_LOW_SERIOUSNESS (ATR guidance: medium and high seriousness) is about an ATR, not a DRR', () => {
  const family = ['ATR_AT_LOW_SERIOUSNESS'];
  const low = (o: Order) => (o.offences[0]!.seriousness = 'low');
  const lowDrr = { ...structuredClone(DRR), intensity: 'low' } as Requirement;
  it('a low intensity DRR with supervision at low seriousness: no finding', async () => {
    expect(await familyOf(cja((o) => (low(o), (o.requirements = [lowDrr, { kind: 'supervision' }]))), family)).toEqual([]);
  });
  it('an ATR at low seriousness: the ATR', async () => {
    expect(await familyOf(cjaAtr(low), family)).toEqual(['ATR_AT_LOW_SERIOUSNESS:tension@0']);
  });
  it('a low intensity DRR beside an ATR at low seriousness: the ATR only', async () => {
    expect(await familyOf(both([lowDrr, structuredClone(ATR), { kind: 'supervision' }], low), family)).toEqual(['ATR_AT_LOW_SERIOUSNESS:tension@1']);
  });
  it('both at medium seriousness: no finding', async () => {
    expect(await familyOf(both([lowDrr, structuredClone(ATR), { kind: 'supervision' }]), family)).toEqual([]);
  });
});

describe('OM_TIER_INTENSITY_MISMATCH (PC65/2005 tiers; inspection paras 4.13-4.14) for an ATR and for a DRR', () => {
  const family = ['OM_TIER_INTENSITY_MISMATCH'];
  const TIERS = [1, 2, 3, 4, undefined] as const;
  const tiered = (tier: (typeof TIERS)[number]) => (o: Order) => {
    if (tier === undefined) delete o.offender.omTier;
    else o.offender.omTier = tier as never;
  };
  for (const tier of TIERS) {
    // Tier 1 is punishment only: no treatment fits it. Tiers 2-4 take an ATR; no tier, nothing judged.
    const expected = tier === 1 ? ['OM_TIER_INTENSITY_MISMATCH:tension@0'] : [];
    it(`an ATR with supervision at ${tier === undefined ? 'no tier recorded' : `tier ${tier}`}: ${expected.join(', ') || 'no finding'}`, async () => {
      expect(await familyOf(cjaAtr(tiered(tier)), family)).toEqual(expected);
    });
  }
  // A medium DRR: tier 1 fits no DRR, tier 2 fits up to medium, tiers 3 and 4 any. One finding at most,
  // the DRR's own (it names the intensity), never the ATR's (which names alcohol treatment).
  for (const tier of TIERS) {
    const expected = tier === 1 ? ['OM_TIER_INTENSITY_MISMATCH:tension@0'] : [];
    it(`a medium DRR with supervision at ${tier === undefined ? 'no tier recorded' : `tier ${tier}`}: ${expected.join(', ') || 'no finding'}`, async () => {
      const order = cja(tiered(tier));
      expect(await familyOf(order, family)).toEqual(expected);
      const findings = (await judgedByBoth(order)).requirements[0]!.findings.filter((f) => f.code === family[0]);
      for (const f of findings) {
        expect(f.message).toContain('DRR');
        expect(f.message).not.toContain('alcohol');
      }
    });
  }
  it('a medium DRR beside an ATR at tier 1: one finding on each', async () => {
    expect(await familyOf(both([structuredClone(DRR), structuredClone(ATR), { kind: 'supervision' }], tiered(1)), family)).toEqual([
      'OM_TIER_INTENSITY_MISMATCH:tension@0',
      'OM_TIER_INTENSITY_MISMATCH:tension@1',
    ]);
  });
  it('a high DRR beside an ATR at tier 2: the DRR only (tier 2 takes a treatment, not a high intensity)', async () => {
    const high = { ...structuredClone(DRR), intensity: 'high' } as Requirement;
    expect(
      await familyOf(
        both([high, structuredClone(ATR), { kind: 'supervision' }], (o) => {
          tiered(2)(o);
          o.offences[0]!.seriousness = 'high';
        }),
        family,
      ),
    ).toEqual(['OM_TIER_INTENSITY_MISMATCH:tension@0']);
  });
});
