import { addCalendarMonths } from '../dates.js';
import type { InProgress } from './context.js';

/**
 * The statutory one-warning rule (CJA 2003 Sch. 8 para 5(1)(a)): a warning given while an earlier one
 * is within its period. A warning on the anniversary of the last is outside "the previous twelve
 * months", the reading that flags fewer cases. An order under a law with no warning period (a DTTO)
 * has no such rule to break.
 */
export function secondWarningFacts({ order, figures, log, record }: InProgress): void {
  const months = figures.caseValue('enforcement.warningMonths')?.value;
  if (months === undefined) return;
  const warnings = log.of('warning', order.sentenceDate);
  record.facts['enforcement.secondWarning.given'] = false;
  for (let i = 1; i < warnings.length; i++) {
    const previous = warnings[i - 1]!.on;
    if (warnings[i]!.on < addCalendarMonths(previous, months)) {
      record.facts['enforcement.secondWarning.given'] = true;
      record.facts['enforcement.secondWarning.on'] = warnings[i]!.on;
      record.facts['enforcement.secondWarning.previousOn'] = previous;
      return;
    }
  }
}
