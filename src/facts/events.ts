import type { ResolvedParameters } from '../law/resolve.js';
import type { ProposedOrder } from '../schema/order.js';
import type { FactValue } from './types.js';

/** Names and meanings of the event facts below; merged into the fact catalogue that rule packs are checked against. */
export const EVENT_FACTS: Readonly<Record<string, string>> = {};

/**
 * Facts about an order in progress (its events and `asOf`), for the national standard timescale rules.
 * An order without events is a proposal: these facts stay null and the timescale rules do not run.
 */
export function deriveEventFacts(
  _order: ProposedOrder,
  _params: ResolvedParameters,
  _orderFacts: Readonly<Record<string, FactValue>>,
): Record<string, FactValue> {
  return {};
}
