import fc from 'fast-check';
import type { ProposedOrderInput } from '../schema/order.js';
import { BREAKERS, breakPicks, breakPicksWithEvents } from './breakers/index.js';
import { earlierOf } from './days.js';
import { buildFrom, draftSources } from './draft.js';
import { LAST_SENTENCE_WITH_EVENTS } from './in-progress.js';
import { rangeOf, type ArbitraryOptions } from './options.js';

/** Every finding code `orderBreaching` can make fire: each code of kind `invalid` or `breach` that an order can carry. */
export const breachableCodes: readonly string[] = Object.freeze(Object.keys(BREAKERS).sort());

/**
 * Codes of kind `invalid` or `breach` that the bundled rules can produce but `orderBreaching` does
 * not make, each with the reason. Empty while every such code is covered; the kit's own tests fail
 * when a new code appears in neither list.
 */
export const notGenerable: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The stage at which an order from `orderBreaching(code)` yields `code`: `'sentence'` for what a
 * draft has not yet filled in (the DRR treatment provider, say), judged with
 * `createValidator({ stage: 'sentence' })`; `'proposal'` (the default stage) for every other code,
 * whose orders yield it at both stages.
 */
export function breachingStage(code: string): 'proposal' | 'sentence' {
  const breaker = BREAKERS[code];
  if (!breaker) throw new RangeError(`breachingStage: no generator for ${JSON.stringify(code)}`);
  return breaker.stage ?? 'proposal';
}

/**
 * Orders that yield `code` (and possibly other findings too), at the stage `breachingStage(code)` names: a lawful order with the one thing
 * changed that the code is about, leaning on the value just past the limit. Throws for a code it
 * cannot make, and for options under which the code cannot arise (a DTTO breach pinned to 2020, say).
 */
export function orderBreaching(code: string, options: ArbitraryOptions = {}): fc.Arbitrary<ProposedOrderInput> {
  const breaker = BREAKERS[code];
  if (!breaker) throw new RangeError(`orderBreaching: no generator for ${JSON.stringify(code)}; it makes one of ${breachableCodes.join(', ')}`);
  const range = rangeOf(options);
  const pinned = breaker.needsCalendar ? { ...options, to: earlierOf(range.to, LAST_SENTENCE_WITH_EVENTS) } : options;
  if (pinned.to !== undefined && range.from > pinned.to)
    throw new RangeError(`orderBreaching(${code}): the finding is judged in working days, which the bank holiday calendar counts only for sentences up to ${LAST_SENTENCE_WITH_EVENTS}`);
  return fc.record({ source: draftSources(pinned, breaker.when, `an order breaching ${code}`), b: breaker.needsCalendar ? breakPicksWithEvents : breakPicks }).map(({ source, b }) => {
    const draft = buildFrom(source);
    breaker.apply(draft, b);
    return draft.order;
  });
}
