import { describe, expect, it } from 'vitest';
import { orderBreaching } from '../../src/arbitraries/index.js';
import { inspect, sample, type Order } from './support.js';

/**
 * A caseload whose true rates are known by construction: orders with a DRR (the library's own
 * generator), then edited by index so that which orders score at the threshold,
 * which have no requirement addressing their need, which have no tier, which carry supervision
 * and which an ATR, is decided here and counted here, independently of the report.
 */
const AREAS = ['Northtown', 'Southbridge', 'Eastmoor'] as const;
const QUALIFIED: Record<string, boolean | undefined> = { Northtown: true, Southbridge: false, Eastmoor: undefined };

interface Known {
  area: string;
  drug: boolean;
  alcohol: boolean;
  unaddressedOnly: boolean;
  noTier: boolean;
  hasDrr: boolean;
  standalone: boolean;
  hasAtr: boolean;
}

function build(n: number, seed: number): { orders: Order[]; known: Known[] } {
  // Every one has a DRR (too intense for the offence, which no measure here reads).
  const base = sample(orderBreaching('DRR_INTENSITY_EXCEEDS_SERIOUSNESS', { from: '2005-04-04', to: '2012-11-30' }), n, seed) as Order[];
  const known: Known[] = [];
  const orders = base.map((order, i) => {
    const area = AREAS[i % 3]!;
    // Nothing here addresses drug or alcohol need: the need is then unaddressed by construction.
    const unaddressedOnly = i % 7 === 0 || i % 10 === 2;
    // Supervision is added back by index below: which DRRs stand alone is decided here.
    order.requirements = order.requirements.filter((r: Order) => r.kind !== 'supervision' && r.kind !== 'rehabilitation-activity');
    if (unaddressedOnly) order.requirements = [{ kind: 'unpaid-work', hours: 100 }];
    else if (i % 4 === 1) order.requirements.push({ kind: 'supervision' });
    if (!unaddressedOnly && i % 6 === 3) order.requirements.push({ kind: 'alcohol-treatment', months: 6, setting: 'practitioner-based', offenderWilling: true });
    // 4 is the threshold itself: at or above counts, 3 does not. A missing score is not at the threshold.
    const drugScore = i % 5 === 0 ? 6 : i % 5 === 1 ? 4 : 3;
    const alcoholScore = i % 10 === 2 ? 5 : i % 9 === 0 ? undefined : 2;
    order.offender.assessment = { ...order.offender.assessment, oasys: { drugMisuse: drugScore, ...(alcoholScore === undefined ? {} : { alcoholMisuse: alcoholScore }) } };
    if (i % 4 === 0) delete order.offender.omTier;
    else order.offender.omTier = 3;
    const q = QUALIFIED[area];
    order.provision = { area, ...(q === undefined ? {} : { atrQualifiedProvider: q }) };
    order.id = `K${i}`;
    const kinds = order.requirements.map((r: Order) => r.kind);
    known.push({
      area,
      drug: drugScore >= 4,
      alcohol: alcoholScore !== undefined && alcoholScore >= 4,
      unaddressedOnly,
      noTier: i % 4 === 0,
      hasDrr: kinds.includes('drug-rehabilitation'),
      standalone: kinds.includes('drug-rehabilitation') && !kinds.includes('supervision') && !kinds.includes('rehabilitation-activity'),
      hasAtr: kinds.includes('alcohol-treatment'),
    });
    return order;
  });
  return { orders, known };
}

const ratio = (list: readonly Known[], counts: (k: Known) => boolean, meets: (k: Known) => boolean) => {
  const d = list.filter(counts);
  const numerator = d.filter(meets).length;
  return { numerator, denominator: d.length, rate: d.length === 0 ? null : numerator / d.length };
};

const EXPECTED: Record<string, { counts: (k: Known) => boolean; meets: (k: Known) => boolean }> = {
  'oasys-drugs': { counts: () => true, meets: (k) => k.drug },
  'oasys-alcohol': { counts: () => true, meets: (k) => k.alcohol },
  'oasys-either': { counts: () => true, meets: (k) => k.drug || k.alcohol },
  'need-unaddressed': { counts: (k) => k.drug || k.alcohol, meets: (k) => k.unaddressedOnly },
  'no-om-tier': { counts: () => true, meets: (k) => k.noTier },
  'standalone-drr': { counts: (k) => k.hasDrr, meets: (k) => k.standalone },
  'atr-no-qualified-provider': { counts: (k) => k.hasAtr, meets: (k) => QUALIFIED[k.area] === false },
};

describe('inspect: the inspection measures on a caseload whose rates are known by construction', () => {
  it('reports every measure, by area and overall, exactly as constructed', async () => {
    const { orders, known } = build(90, 2006);
    const report = await inspect(orders);
    expect(report.caseload.orders).toBe(90);
    expect(report.caseload.groups.map((g) => g.name)).toEqual([...AREAS].sort());
    expect(report.measures.map((m) => m.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const m of report.measures) {
      const e = EXPECTED[m.id]!;
      expect(m.overall, m.id).toEqual(ratio(known, e.counts, e.meets));
      for (const area of AREAS) expect(m.byGroup[area], `${m.id} in ${area}`).toEqual(ratio(known.filter((k) => k.area === area), e.counts, e.meets));
    }
    // The construction has something in every measure, so a rate of zero cannot pass by accident.
    for (const m of report.measures) expect(m.overall.numerator, m.id).toBeGreaterThan(0);
  });

  it('reads the threshold from the parameter in force, not a figure of its own', async () => {
    const { orders, known } = build(30, 7);
    const report = await inspect(orders, { parameters: { 'assessment.oasysDrugThreshold': 5 } });
    const drugs = report.measures.find((m) => m.id === 'oasys-drugs')!;
    // Scores of 4 no longer count; scores of 6 still do.
    expect(drugs.overall.numerator).toBe(known.filter((_, i) => i % 5 === 0).length);
  });

  it('names each measure with the paragraph of the report it reproduces and the inspection figure', async () => {
    const report = await inspect(build(6, 1).orders);
    const byId = Object.fromEntries(report.measures.map((m) => [m.id, m]));
    expect(byId['oasys-either']).toMatchObject({ paragraph: '4.3', national: { rate: 0.5 } });
    expect(byId['need-unaddressed']).toMatchObject({ paragraph: '5.15', national: { rate: 0.28 } });
    expect(byId['no-om-tier']).toMatchObject({ paragraph: '5.17', national: { rate: 0.15 } });
    expect(byId['standalone-drr']).toMatchObject({ paragraph: '4.15', national: { rate: 0.12 } });
    expect(byId['atr-no-qualified-provider']!.national).toBeNull();
  });
});
