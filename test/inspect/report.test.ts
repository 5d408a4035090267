import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderBreaching, orderInProgress, validOrder } from '../../src/arbitraries/index.js';
import { inspect, sample, type Order } from './support.js';

const RANK: Record<string, number> = { low: 1, medium: 2, high: 3, custody: 3 };
const BANDS = ['low', 'medium', 'high', 'custody'];
/** The order's band as SPEC section 2 defines it: the highest seriousness of its offences. */
const bandOf = (o: Order): string => BANDS[Math.max(...o.offences.map((x: Order) => BANDS.indexOf(x.seriousness)))]!;

describe('inspect: DRR intensity against seriousness (para 4.13)', () => {
  it('counts each DRR in its cell and marks the cells the rules found disproportionate, and only those', async () => {
    const tooIntense = sample(orderBreaching('DRR_INTENSITY_EXCEEDS_SERIOUSNESS'), 15, 21) as Order[];
    const lawful = (sample(validOrder(), 60, 22) as Order[]).filter((o) => o.requirements.some((r: Order) => r.kind === 'drug-rehabilitation'));
    const orders = [...tooIntense, ...lawful];
    const report = await inspect(orders);
    const expected: Record<string, Record<string, number>> = {};
    for (const o of orders)
      for (const r of o.requirements as Order[]) {
        if (r.kind !== 'drug-rehabilitation') continue;
        const row = (expected[r.intensity] ??= {});
        row[bandOf(o)] = (row[bandOf(o)] ?? 0) + 1;
      }
    let marked = 0;
    for (const i of report.intensity.intensities)
      for (const b of report.intensity.bands) {
        const cell = report.intensity.overall[i]![b]!;
        expect(cell.requirements, `${i} x ${b}`).toBe(expected[i]?.[b] ?? 0);
        // Only an intensity above what the band allows is ever marked (para 4.13: low allows low, medium medium, high and custody high).
        if (cell.disproportionate > 0) expect(RANK[i]!, `${i} x ${b}`).toBeGreaterThan(RANK[b]!);
        marked += cell.disproportionate;
      }
    // Every generated breach is in a marked cell; no lawful order adds one.
    expect(marked).toBeGreaterThanOrEqual(tooIntense.length);
    const lawfulOnly = await inspect(lawful);
    expect(Object.values(lawfulOnly.intensity.overall).flatMap((row) => Object.values(row)).every((c) => c.disproportionate === 0)).toBe(true);
  });
});

describe('inspect: findings by code and the most serious orders', () => {
  it('counts orders and findings by code from the results, and ranks orders by invalid requirements, then breaches, then tensions', async () => {
    const invalid = sample(orderBreaching('DRR_NOT_WILLING'), 3, 1) as Order[];
    const breach = sample(orderBreaching('ORDER_TOO_LONG'), 3, 2) as Order[];
    const fine = sample(validOrder(), 6, 3) as Order[];
    [...invalid, ...breach, ...fine].forEach((o, i) => (o.id = `C${i}`));
    const report = await inspect([...fine, ...breach, ...invalid]);
    expect(report.findings.overall.find((r) => r.code === 'DRR_NOT_WILLING')).toMatchObject({ kind: 'invalid', orders: 3 });
    expect(report.findings.overall.find((r) => r.code === 'ORDER_TOO_LONG')).toMatchObject({ kind: 'breach', orders: 3 });
    const top = report.mostSerious.slice(0, 3).map((s) => s.id);
    expect(new Set(top)).toEqual(new Set(['C0', 'C1', 'C2']));
    for (const s of report.mostSerious) expect(s.invalid + s.breach + s.tension).toBeGreaterThan(0);
  });
});

describe('inspect: invariants on any caseload', () => {
  it('groups add up to the whole; no rate counts more than its denominator; timescale outcomes never exceed the orders', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(orderInProgress(), validOrder()), { minLength: 1, maxLength: 12 }), async (orders) => {
        const report = await inspect(orders);
        const groups = report.caseload.groups.map((g) => g.name);
        expect(report.caseload.groups.reduce((s, g) => s + g.orders, 0)).toBe(orders.length);
        for (const m of report.measures) {
          expect(m.overall.numerator).toBeLessThanOrEqual(m.overall.denominator);
          expect(groups.reduce((s, g) => s + m.byGroup[g]!.numerator, 0)).toBe(m.overall.numerator);
          expect(groups.reduce((s, g) => s + m.byGroup[g]!.denominator, 0)).toBe(m.overall.denominator);
        }
        for (const t of report.timescales) {
          expect(t.met + t.missed + t.due + t.notJudged).toBeLessThanOrEqual(orders.length);
          expect(groups.reduce((s, g) => s + t.byGroup[g]!.missed, 0)).toBe(t.missed);
          expect(t.byMonth.reduce((s, m) => s + m.met + m.missed, 0)).toBe(t.met + t.missed);
        }
        for (const r of report.findings.overall) expect(groups.reduce((s, g) => s + (report.findings.byGroup[g]!.find((x) => x.code === r.code)?.orders ?? 0), 0)).toBe(r.orders);
      }),
      { numRuns: 15 },
    );
  });

  it('gives the same report whatever the order of the lines, apart from which line each case is on', async () => {
    const orders = sample(orderInProgress(), 20, 8) as Order[];
    orders.forEach((o, i) => (o.id = `P${i}`));
    const strip = (r: Awaited<ReturnType<typeof inspect>>) => JSON.parse(JSON.stringify({ ...r, timescales: r.timescales.map(({ worst: _w, ...t }) => t), mostSerious: null }));
    expect(strip(await inspect([...orders].reverse()))).toEqual(strip(await inspect(orders)));
  });

  it('does not mutate the orders it reads', async () => {
    const orders = sample(orderInProgress(), 5, 4);
    const copy = structuredClone(orders);
    await inspect(orders);
    expect(orders).toEqual(copy);
  });
});
