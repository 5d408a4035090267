/**
 * `proportionate/arbitraries`: fast-check arbitraries of proposed community orders for property
 * tests. Limits come from the library's own dated parameter table, so generated orders follow the
 * law when the rules change. fast-check 4 is an optional peer dependency: install it to use these.
 */
import type fc from 'fast-check';
import type { ProposedOrderInput } from '../schema/order.js';
import { drafts } from './draft.js';
import type { ArbitraryOptions } from './options.js';

export type { ArbitraryOptions } from './options.js';
export { DEFAULT_RANGE } from './options.js';
export { caseDates, type CaseDates } from './case-dates.js';
export { seriousnessBands, intensities, omTiers, treatmentTiers } from './people.js';

/** An order that is `ok`: no breach, every requirement valid, under whichever law its dates bring in. */
export function validOrder(options: ArbitraryOptions = {}): fc.Arbitrary<ProposedOrderInput> {
  return drafts(options).map((d) => d.order);
}
