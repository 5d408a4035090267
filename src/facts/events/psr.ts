import type { ProposedOrder } from '../../schema/order.js';
import { CALENDAR_LIMIT, judgeGuarded } from './deadline.js';
import { noFigure, type Figures } from './figures.js';
import type { EventFactsRecord } from './record.js';

/**
 * The pre-sentence report, judged on the psr record alone (a proposal too), by the standard in
 * force on the day the court requested it.
 */
export function psrFacts(order: ProposedOrder, figures: Figures, asOf: string | null, record: EventFactsRecord): void {
  const psr = order.psr;
  if (!psr) return;
  record.facts['timescale.psr.type'] = psr.type;
  if (psr.type === 'oral' || psr.unnecessary === true || psr.requestedOn === undefined) return;
  const requestedOn = psr.requestedOn;
  // With no delivery recorded, the report is judged on the sentence date (a sentence passed with no
  // report recorded), or on asOf if that comes first. With neither date to judge on, a proposal's
  // report may simply be unrecorded, so there is nothing to judge yet.
  if (psr.deliveredOn === undefined && asOf === null) return;
  const param = psr.type === 'fast' ? 'ns.psr.fastDays' : 'ns.psr.standardDays';
  const figure = figures.on(param, requestedOn);
  if (!figure) return record.skip('psr', noFigure(param, `the ${psr.type} report's request`, requestedOn));
  const days = figure.value;
  let outcome;
  if (psr.deliveredOn !== undefined) {
    outcome = judgeGuarded(requestedOn, days, psr.deliveredOn, psr.deliveredOn);
  } else {
    const judgedOn = asOf! < order.sentenceDate ? asOf! : order.sentenceDate;
    const o = judgeGuarded(requestedOn, days, null, judgedOn);
    outcome = o && { ...o, pending: o.pending && asOf! < order.sentenceDate };
  }
  if (!outcome) return record.skip('psr', CALENDAR_LIMIT);
  record.putDeadline('psr', requestedOn, figure, outcome);
}
