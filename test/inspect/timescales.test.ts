import { describe, expect, it } from 'vitest';
import { orderBreaching, validOrder } from '../../src/arbitraries/index.js';
import { addWorkingDays } from '../../src/calendar/index.js';
import { histogramMedian } from '../../src/inspect/tally.js';
import { inspect, sample, type Order } from './support.js';

/**
 * Orders put in progress here: the first appointment d working days after sentence (d = i mod 9),
 * no sentence plan yet, read on the tenth working day. With the national standard's 5 working days
 * for a first appointment (tier 3 here) and 15 for a sentence plan, d <= 5 is met, d > 5 is missed,
 * and every sentence plan is not yet due: known by construction, not by judging.
 */
const LIMIT = 5;

function build(n: number, seed: number) {
  const orders = sample(validOrder({ from: '2005-04-04', to: '2011-12-31' }), n, seed) as Order[];
  const days: number[] = [];
  for (const [i, order] of orders.entries()) {
    const d = i % 9;
    days.push(d);
    order.id = `T${i}`;
    order.offender.omTier = 3;
    delete order.psr;
    order.requirements = order.requirements.filter((r: Order) => r.kind !== 'programme' && r.kind !== 'drug-rehabilitation');
    if (order.requirements.length === 0) order.requirements = [{ kind: 'unpaid-work', hours: 100 }];
    order.provision = { area: i % 2 ? 'Northtown' : 'Southbridge' };
    order.events = [{ type: 'first-appointment', on: addWorkingDays(order.sentenceDate, d) }];
    order.asOf = addWorkingDays(order.sentenceDate, 10);
  }
  return { orders, days };
}

describe('inspect: national standard timescales on orders whose outcomes are known by construction', () => {
  it('counts first appointments met and missed, the working-day median and the worst cases, and sentence plans not yet due', async () => {
    const { orders, days } = build(45, 11);
    const report = await inspect(orders);
    const fa = report.timescales.find((t) => t.name === 'firstAppointment')!;
    const met = days.filter((d) => d <= LIMIT).length;
    expect(fa).toMatchObject({ met, missed: days.length - met, due: 0, notJudged: 0 });
    expect(fa.compliance).toEqual({ numerator: met, denominator: days.length, rate: met / days.length });
    const sorted = [...days].sort((a, b) => a - b);
    expect(fa.medianWorkingDays).toBe(sorted[(sorted.length - 1) / 2]);
    expect(fa.medianOf).toBe(days.length);
    // The worst: the latest first appointments, 8 working days against 5, earliest line first.
    expect(fa.worst.map((w) => w.id)).toEqual(['T8', 'T17', 'T26', 'T35', 'T44']);
    expect(fa.worst.every((w) => w.severity === 8 - LIMIT && w.unit === 'working days late')).toBe(true);
    const plan = report.timescales.find((t) => t.name === 'sentencePlan')!;
    expect(plan).toMatchObject({ met: 0, missed: 0, due: days.length, notJudged: 0 });
    for (const area of ['Northtown', 'Southbridge']) {
      const mine = days.filter((_, i) => (i % 2 ? 'Northtown' : 'Southbridge') === area);
      expect(fa.byGroup[area]).toMatchObject({ met: mine.filter((d) => d <= LIMIT).length, missed: mine.filter((d) => d > LIMIT).length });
    }
  });

  it('counts compliance by month of sentence', async () => {
    const { orders, days } = build(27, 5);
    const report = await inspect(orders);
    const fa = report.timescales.find((t) => t.name === 'firstAppointment')!;
    const expected = new Map<string, { met: number; missed: number }>();
    orders.forEach((o, i) => {
      const m = expected.get(o.sentenceDate.slice(0, 7)) ?? { met: 0, missed: 0 };
      if (days[i]! <= LIMIT) m.met++;
      else m.missed++;
      expected.set(o.sentenceDate.slice(0, 7), m);
    });
    expect(fa.byMonth.map(({ month, met, missed }) => [month, { met, missed }])).toEqual([...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  });

  it('counts a missed timescale from the breach finding: every order generated late is missed, no order on schedule is', async () => {
    const late = sample(orderBreaching('FIRST_APPOINTMENT_LATE'), 12, 3);
    const { orders } = build(9, 4);
    const report = await inspect([...late, ...orders.filter((_, i) => i % 9 <= LIMIT)]);
    const fa = report.timescales.find((t) => t.name === 'firstAppointment')!;
    expect(fa.missed).toBe(12);
    expect(fa.met).toBeGreaterThanOrEqual(LIMIT + 1);
  });

  it('says which timescales were not judged and why, from TIMESCALE_NOT_JUDGED', async () => {
    // A DTTO in progress: the reference gives no drug testing standard for one.
    const dttos = sample(validOrder({ regime: 'pcc-s-a-2000', from: '2004-01-01', to: '2005-04-03' }), 20, 9).filter((o: Order) => o.sentence.type === 'dtto' && o.requirements.some((r: Order) => r.kind === 'drug-rehabilitation') === false);
    expect(dttos.length).toBeGreaterThan(0);
    for (const o of dttos as Order[]) {
      o.events = [{ type: 'first-appointment', on: o.sentenceDate }];
      o.asOf = addWorkingDays(o.sentenceDate, 30);
    }
    const report = await inspect(dttos);
    const testing = report.timescales.find((t) => t.name === 'drugTesting')!;
    expect(testing.notJudged).toBe(dttos.length);
    expect(testing.notJudgedReasons).toHaveLength(1);
    expect(testing.notJudgedReasons[0]!.reason).toMatch(/no drug testing standard for a DTTO/);
    expect(testing.compliance.rate).toBeNull();
  });
});

describe('histogramMedian', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(histogramMedian({})).toEqual({ median: null, of: 0 });
    expect(histogramMedian({ 3: 1 })).toEqual({ median: 3, of: 1 });
    expect(histogramMedian({ 1: 1, 4: 1 })).toEqual({ median: 2.5, of: 2 });
    expect(histogramMedian({ 0: 2, 7: 1, 9: 4 })).toEqual({ median: 9, of: 7 });
    expect(histogramMedian({ 10: 1, 2: 2 })).toEqual({ median: 2, of: 3 });
  });
});
