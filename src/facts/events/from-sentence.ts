import { CALENDAR_LIMIT, judgeGuarded } from './deadline.js';
import type { InProgress } from './context.js';
import { noFigure } from './figures.js';

const FROM_SENTENCE = [
  { name: 'firstAppointment', param: 'ns.firstAppointmentDays', event: 'first-appointment' },
  { name: 'sentencePlan', param: 'ns.sentencePlanDays', event: 'sentence-plan' },
] as const;

/**
 * First appointment and sentence plan: n working days from sentence (the day the clock starts, so
 * the standard in force at sentence), shorter for tier 4 where the standard says so.
 */
export function fromSentenceFacts({ order, figures, log, asOf, record }: InProgress): void {
  const tier4 = order.offender.omTier === 4;
  for (const c of FROM_SENTENCE) {
    const param = tier4 ? `${c.param}.tier4` : c.param;
    const figure = figures.on(param, order.sentenceDate);
    if (!figure) {
      record.skip(c.name, noFigure(param, 'the sentence', order.sentenceDate));
      continue;
    }
    const outcome = judgeGuarded(order.sentenceDate, figure.value, log.first(c.event, order.sentenceDate), asOf);
    if (outcome) record.putDeadline(c.name, order.sentenceDate, figure, outcome);
    else record.skip(c.name, CALENDAR_LIMIT);
  }
}
