import { daysFromCivil, formatDayNumber } from '../../calendar/day-number.js';
import type { FactValue } from '../types.js';
import type { InProgress } from './context.js';
import { noFigure } from './figures.js';

const ymd = (iso: string): [number, number, number] => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
const plusDays = (date: string, days: number): string => formatDayNumber(daysFromCivil(...ymd(date)) + days);

/**
 * Recorded drug tests against PC80/2005 (SS8.12): at least the minimum in each week of the first
 * sixteen, weeks counted in sevens from sentence, judged only once a week has ended by asOf. Tests
 * are not tied to a requirement, so they are judged against the first DRR. A DTTO's testing
 * standard is not in the reference: a DTTO in progress says its tests were not judged.
 */
export function drugTestingFacts({ order, figures, log, asOf, record }: InProgress, orderFacts: Readonly<Record<string, FactValue>>): void {
  if (order.sentence.type === 'dtto') return record.skip('drugTesting', 'the reference gives no drug testing standard for a DTTO (PCC(S)A 2000 s.52; NS 2000), so its recorded tests are not judged');
  const index = order.requirements.findIndex((r) => r.kind === 'drug-rehabilitation');
  const drr = order.requirements[index];
  if (drr?.kind !== 'drug-rehabilitation') return;
  const reduced = orderFacts['order.band'] === 'low' || drr.setting === 'residential';
  const minParam = reduced ? 'ns.drugTesting.minPerWeekReduced' : 'ns.drugTesting.minPerWeek';
  const min = figures.on(minParam, order.sentenceDate);
  const weeks = figures.on('ns.drugTesting.weeks', order.sentenceDate);
  if (!min || !weeks) return record.skip('drugTesting', noFigure(min ? 'ns.drugTesting.weeks' : minParam, 'the sentence', order.sentenceDate));
  const tests = log.of('drug-test', order.sentenceDate).map((t) => t.on);
  let checked = 0;
  let below = 0;
  let firstBelow: { from: string; tests: number } | null = null;
  // Tests are in date order and weeks follow each other: one pointer walks both.
  let t = 0;
  for (let w = 0; w < weeks.value; w++) {
    const from = plusDays(order.sentenceDate, 7 * w);
    const to = plusDays(from, 6);
    if (to > asOf) break;
    checked++;
    while (t < tests.length && tests[t]! < from) t++;
    let count = 0;
    while (t < tests.length && tests[t]! <= to) {
      count++;
      t++;
    }
    if (count < min.value) {
      below++;
      firstBelow ??= { from, tests: count };
    }
  }
  const f = record.facts;
  f['timescale.drugTesting.requirementIndex'] = index;
  f['timescale.drugTesting.reduced'] = reduced;
  f['timescale.drugTesting.minPerWeek'] = min.value;
  f['timescale.drugTesting.weeksChecked'] = checked;
  f['timescale.drugTesting.weeksBelow'] = below;
  f['timescale.drugTesting.firstWeekBelowFrom'] = firstBelow?.from ?? null;
  f['timescale.drugTesting.testsInFirstWeekBelow'] = firstBelow?.tests ?? null;
  f['timescale.drugTesting.belowStandard'] = below > 0;
}
