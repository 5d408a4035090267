import { addCalendarMonths } from '../dates.js';
import type { InProgress } from './context.js';
import { CALENDAR_LIMIT, judgeGuarded } from './deadline.js';
import { noFigure, type Figure } from './figures.js';
import type { Outcome } from './record.js';

const WINDOW_MONTHS = ['timescale.breachAction.windowMonths'] as const;

/**
 * Breach action: an unacceptable failure within the warning period of an earlier failure or warning
 * (the second unacceptable failure, NS 2000/2002; CJA 2003 Sch. 8 paras 5-6) must be met by breach
 * proceedings within n working days, n being the figure of the standard in force on the day of that
 * failure. Breach proceedings close the cycle: failures and warnings before them no longer count
 * towards the next one. The period is the statute's where it sets one; an order under a law with
 * none (a DTTO) takes the national standard's, read on the failure's day.
 */
export function breachActionFacts({ order, figures, log, asOf, record }: InProgress): void {
  const statutory = figures.caseValue('enforcement.warningMonths');
  const failures = log.of('unacceptable-failure', order.sentenceDate);
  const warnings = log.of('warning', order.sentenceDate);
  const breaches = log.of('breach-initiated', order.sentenceDate);
  let cycleAfter = '';
  let latestWarning: string | null = null;
  let w = 0;
  let b = 0;
  let last: { from: string; afterOn: string; figure: Figure; window: Figure; outcome: Outcome } | undefined;
  for (let i = 0; i < failures.length; i++) {
    const failure = failures[i]!.on;
    while (w < warnings.length && warnings[w]!.on < failure) latestWarning = warnings[w++]!.on;
    if (failure <= cycleAfter) continue;
    // The latest earlier failure or warning in this cycle gives the longest window.
    const previousFailure = i > 0 ? failures[i - 1]!.on : null;
    let afterOn: string | null = null;
    if (previousFailure !== null && previousFailure > cycleAfter) afterOn = previousFailure;
    if (latestWarning !== null && latestWarning > cycleAfter && (afterOn === null || latestWarning > afterOn)) afterOn = latestWarning;
    if (afterOn === null) continue;
    const window = statutory ?? figures.on('ns.breachWindowMonths', failure);
    if (!window) {
      record.skip('breachAction', noFigure('ns.breachWindowMonths', 'a further unacceptable failure', failure));
      return;
    }
    if (failure >= addCalendarMonths(afterOn, window.value)) continue;
    const figure = figures.on('ns.breachActionDays', failure);
    if (!figure) {
      record.skip('breachAction', noFigure('ns.breachActionDays', 'the failure that called for breach action', failure));
      return;
    }
    // Failures and breaches are both in date order: the first breach on or after this failure is found by moving forward.
    while (b < breaches.length && breaches[b]!.on < failure) b++;
    const metOn = breaches[b]?.on ?? null;
    const outcome = judgeGuarded(failure, figure.value, metOn, asOf);
    if (!outcome) {
      record.skip('breachAction', CALENDAR_LIMIT);
      return;
    }
    last = { from: failure, afterOn, figure, window, outcome };
    if (outcome.late || outcome.pending) break;
    cycleAfter = metOn!;
  }
  if (!last) return;
  // The period decides whether breach action was called for at all, so a finding is no surer than it.
  record.putDeadline('breachAction', last.from, last.figure, last.outcome, statutory ? undefined : last.window.origin);
  record.facts['timescale.breachAction.afterOn'] = last.afterOn;
  record.facts['timescale.breachAction.windowMonths'] = last.window.value;
  if (!statutory) record.putOrigin(WINDOW_MONTHS, last.window.origin);
}
