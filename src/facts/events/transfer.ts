import type { InProgress } from './context.js';
import { CALENDAR_LIMIT, judgeGuarded, reported } from './deadline.js';
import { noFigure, type Figure } from './figures.js';
import { DatesByName, type EventOf } from './log.js';
import type { Outcome } from './record.js';

const areaOf = (transfer: EventOf<'transfer-completed'>): string => transfer.area;

/**
 * A move of area must be followed by a completed transfer to that area within n working days, n
 * being the figure of the standard in force on the day of the move. Transfers are indexed by area,
 * so each move finds its transfer by a binary search: linear in the record, not pairwise.
 */
export function transferFacts({ order, figures, log, asOf, record }: InProgress): void {
  const moves = log.of('moved-area', order.sentenceDate);
  if (moves.length === 0) return;
  const transfers = new DatesByName(log.of('transfer-completed', order.sentenceDate), areaOf);
  const judged: { on: string; area: string; figure: Figure; outcome: Outcome }[] = [];
  let unjudged: string[] | undefined;
  for (const move of moves) {
    const figure = figures.on('ns.transferDays', move.on);
    if (!figure) {
      (unjudged ??= []).push(noFigure('ns.transferDays', `the move to ${move.area}`, move.on));
      continue;
    }
    const metOn = transfers.firstOnOrAfter(move.area, move.on);
    const outcome = judgeGuarded(move.on, figure.value, metOn, asOf);
    if (!outcome) (unjudged ??= []).push(`the move to ${move.area} on ${move.on}: ${CALENDAR_LIMIT}`);
    else judged.push({ on: move.on, area: move.area, figure, outcome });
  }
  // Many moves may go unjudged for the same reason: the first is named and the rest counted.
  if (unjudged) record.skip('transfer', unjudged.length === 1 ? unjudged[0]! : `${unjudged[0]} (and ${unjudged.length - 1} more moves not judged)`);
  const pick = reported(judged);
  if (!pick) return;
  for (const j of judged) if (j !== pick) record.counted('transfer', j.on, j.outcome.metOn ?? j.outcome.dueOn);
  record.putDeadline('transfer', pick.on, pick.figure, pick.outcome);
  record.facts['timescale.transfer.area'] = pick.area;
}
