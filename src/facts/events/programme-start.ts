import type { InProgress } from './context.js';
import { CALENDAR_LIMIT, judgeGuarded, reported } from './deadline.js';
import { noFigure } from './figures.js';
import { nameKey } from './log.js';
import type { Outcome } from './record.js';

const isProgramme = (r: { readonly kind: string }): boolean => r.kind === 'programme';

/** Each programme requirement needs a programme-start event naming the same programme, within n working days of sentence. */
export function programmeStartFacts({ order, figures, log, asOf, record }: InProgress): void {
  // Most orders have no programme requirement: looked for before anything is made.
  if (!order.requirements.some(isProgramme)) return;
  const figure = figures.on('ns.programmeStartDays', order.sentenceDate);
  if (!figure) return record.skip('programmeStart', noFigure('ns.programmeStartDays', 'the sentence', order.sentenceDate));
  // The first start of each programme, by name: one pass over the starts, one look-up per requirement.
  const firstStart = new Map<string, string>();
  for (const s of log.of('programme-start', order.sentenceDate)) if (!firstStart.has(nameKey(s.programme))) firstStart.set(nameKey(s.programme), s.on);
  const judged: { index: number; programme: string; outcome: Outcome }[] = [];
  for (let index = 0; index < order.requirements.length; index++) {
    const req = order.requirements[index]!;
    if (req.kind !== 'programme') continue;
    const metOn = firstStart.get(nameKey(req.programme)) ?? null;
    const outcome = judgeGuarded(order.sentenceDate, figure.value, metOn, asOf);
    if (!outcome) return record.skip('programmeStart', CALENDAR_LIMIT);
    judged.push({ index, programme: req.programme, outcome });
  }
  const pick = reported(judged);
  if (!pick) return;
  for (const j of judged) if (j !== pick) record.counted('programmeStart', order.sentenceDate, j.outcome.metOn ?? j.outcome.dueOn);
  record.putDeadline('programmeStart', order.sentenceDate, figure, pick.outcome);
  record.facts['timescale.programmeStart.programme'] = pick.programme;
  record.facts['timescale.programmeStart.requirementIndex'] = pick.index;
}
