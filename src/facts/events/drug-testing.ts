import { formatDayNumber } from '../../calendar/day-number.js';
import { dayNumberOf } from '../dates.js';
import type { FactValue } from '../types.js';
import type { InProgress } from './context.js';
import { noFigure } from './figures.js';

const isDrr = (r: { readonly kind: string }): boolean => r.kind === 'drug-rehabilitation';

/** The day number of test `i`, or Infinity past the last. */
const dayOfTest = (tests: readonly { readonly on: string }[], i: number): number => (i < tests.length ? dayNumberOf(tests[i]!.on) : Infinity);

/**
 * Recorded drug tests against PC80/2005 (SS8.12): at least the minimum in each week of the first
 * sixteen, weeks counted in sevens from sentence, judged only once a week has ended by asOf. Tests
 * are not tied to a requirement, so they are judged against the first DRR. A DTTO's testing
 * standard is not in the reference: a DTTO in progress says its tests were not judged.
 */
export function drugTestingFacts({ order, figures, log, asOf, record }: InProgress, orderFacts: Readonly<Record<string, FactValue>>): void {
  if (order.sentence.type === 'dtto') return record.skip('drugTesting', 'the reference gives no drug testing standard for a DTTO (PCC(S)A 2000 s.52; NS 2000), so its recorded tests are not judged');
  const index = order.requirements.findIndex(isDrr);
  const drr = order.requirements[index];
  if (drr?.kind !== 'drug-rehabilitation') return;
  const reduced = orderFacts['order.band'] === 'low' || drr.setting === 'residential';
  const minParam = reduced ? 'ns.drugTesting.minPerWeekReduced' : 'ns.drugTesting.minPerWeek';
  const min = figures.on(minParam, order.sentenceDate);
  const weeks = figures.on('ns.drugTesting.weeks', order.sentenceDate);
  if (!min || !weeks) return record.skip('drugTesting', noFigure(min ? 'ns.drugTesting.weeks' : minParam, 'the sentence', order.sentenceDate));
  const tests = log.of('drug-test', order.sentenceDate);
  let checked = 0;
  let below = 0;
  let firstBelow: { from: string; tests: number } | null = null;
  // Weeks are counted in day numbers, which for real dates are in the order of the ISO strings: a
  // date is written out only for the first week below the standard.
  const sentenced = dayNumberOf(order.sentenceDate);
  const lastDay = dayNumberOf(asOf);
  // Tests are in date order and weeks follow each other: one pointer walks both, and each test's
  // day is read once, when the pointer reaches it (past the last test, never: Infinity).
  let t = 0;
  let testDay = dayOfTest(tests, 0);
  for (let w = 0; w < weeks.value; w++) {
    const from = sentenced + 7 * w;
    const to = from + 6;
    if (to > lastDay) break;
    checked++;
    while (testDay < from) testDay = dayOfTest(tests, ++t);
    let count = 0;
    while (testDay <= to) {
      count++;
      testDay = dayOfTest(tests, ++t);
    }
    if (count < min.value) {
      below++;
      firstBelow ??= { from: formatDayNumber(from), tests: count };
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
