import type { ResolvedParameters } from '../../law/resolve.js';
import type { ProposedOrder } from '../../schema/order.js';
import { keyDatesOf } from '../order.js';
import type { FactValue, ParameterOrigin } from '../types.js';
import { breachActionFacts } from './breach-action.js';
import type { InProgress } from './context.js';
import { drugTestingFacts } from './drug-testing.js';
import { Figures } from './figures.js';
import { fromSentenceFacts } from './from-sentence.js';
import { EventLog } from './log.js';
import { NO_EVENT_FACTS } from './names.js';
import { programmeStartFacts } from './programme-start.js';
import { psrFacts } from './psr.js';
import { EventFactsRecord } from './record.js';
import { reviewHearingFacts } from './review-hearing.js';
import { secondWarningFacts } from './second-warning.js';
import { transferFacts } from './transfer.js';

export { EVENT_FACTS } from './names.js';

/**
 * Facts about an order in progress (its events and `asOf`), for the national standard timescale
 * rules in rules/national-standards/. Each timescale (one module here) is computed and reduced to
 * plain values (ISO dates, counts, booleans) so a rule only tests e.g.
 * `timescale.firstAppointment.late equal true`.
 *
 * - Only events dated on or before `asOf` count: the record is read as it stood that day.
 * - Each timescale is judged by the national standard in force when its clock started (the
 *   request, the sentence, the failure, the move), not by the sentence date.
 * - A timescale that applies but cannot be judged (no figure for the standard then in force, or a
 *   date the calendar cannot count) says so in `timescales.notJudged`; one counted outside the
 *   years whose bank holidays are recorded says so in `calendar.timescalesBeyond`.
 */

const PROPOSAL_FACTS: Readonly<Record<string, FactValue>> = Object.freeze({ ...NO_EVENT_FACTS, 'events.inProgress': false });

/** Where each timescale fact's figure came from, by the facts object deriveEventFacts returned. */
const originsByFacts = new WeakMap<object, Readonly<Record<string, ParameterOrigin>>>();
const NO_ORIGINS: Readonly<Record<string, ParameterOrigin>> = Object.freeze({});

/**
 * The provenance of the event facts derived for one order: the figure of the standard each
 * timescale was judged by, so a finding that reads it carries that standard's confidence (and a
 * lowered one where the calendar counted past the recorded bank holidays).
 */
export function eventFactOrigins(facts: Readonly<Record<string, FactValue>>): Readonly<Record<string, ParameterOrigin>> {
  return originsByFacts.get(facts) ?? NO_ORIGINS;
}

/** The date timescales are judged on: asOf, else the latest event's date. The clock is never read. */
function judgedOn(order: ProposedOrder): string | null {
  if (order.asOf !== undefined) return order.asOf;
  let latest: string | null = null;
  for (const e of order.events ?? []) if (latest === null || e.on > latest) latest = e.on;
  return latest;
}

/**
 * Facts about an order in progress, for the national standard timescale rules. An order without
 * events is a proposal: these facts stay null and the timescale rules do not run, except the
 * pre-sentence report, which is judged on the psr record alone.
 */
export function deriveEventFacts(
  order: ProposedOrder,
  params: ResolvedParameters,
  orderFacts: Readonly<Record<string, FactValue>>,
): Readonly<Record<string, FactValue>> {
  const inProgress = order.events !== undefined;
  // Most orders checked are proposals with no report dates: they share one frozen set of facts.
  if (!inProgress && order.psr === undefined && order.asOf === undefined) return PROPOSAL_FACTS;
  const record = new EventFactsRecord();
  const figures = new Figures(params, keyDatesOf(order));
  const asOf = judgedOn(order);
  record.facts['events.inProgress'] = inProgress;
  record.facts['events.asOf'] = asOf;
  psrFacts(order, figures, asOf, record);
  if (inProgress && asOf !== null) {
    const ctx: InProgress = { order, asOf, log: new EventLog(order.events!, asOf), figures, record };
    fromSentenceFacts(ctx);
    secondWarningFacts(ctx);
    breachActionFacts(ctx);
    transferFacts(ctx);
    programmeStartFacts(ctx);
    reviewHearingFacts(ctx);
    drugTestingFacts(ctx, orderFacts);
  }
  const facts = record.finish();
  originsByFacts.set(facts, record.originsSoFar());
  return facts;
}
