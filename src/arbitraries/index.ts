/**
 * `proportionate/arbitraries`: fast-check arbitraries of proposed community orders, for property
 * tests of code built on this library. Limits come from the library's own dated parameter table, so
 * generated orders follow the law when the rules change. fast-check 4 is an optional peer
 * dependency: install it to use these.
 */
import fc from 'fast-check';
import type { ProposedOrderInput } from '../schema/order.js';
import type { RequirementKind, RequirementOf } from '../schema/requirements.js';
import { SERIOUSNESS_BANDS } from '../schema/primitives.js';
import { datedWhere } from './case-dates.js';
import { buildFrom, draftSources, lawfulOrderExists } from './draft.js';
import { addEvents, progressPicks } from './in-progress.js';
import type { ArbitraryOptions } from './options.js';
import { lawfulRequirement as buildRequirement, requirementPicks } from './requirements.js';

export type { ArbitraryOptions } from './options.js';
export { DEFAULT_RANGE } from './options.js';
export { caseDates, type CaseDates } from './case-dates.js';
export { seriousnessBands, intensities, omTiers, treatmentTiers } from './people.js';
export { orderBreaching, breachableCodes, breachingStage, notGenerable } from './breaching.js';
export { proposedOrder } from './proposed.js';

/**
 * An order that is `ok`, no breach and every requirement valid, under whichever law its dates bring
 * in, at either stage: everything the order must specify is filled in.
 */
export function validOrder(options: ArbitraryOptions = {}): fc.Arbitrary<ProposedOrderInput> {
  return draftSources(options).map((s) => buildFrom(s).order);
}

export interface InProgressOptions extends ArbitraryOptions {
  /**
   * Every national standard timescale judged by `asOf` is met, so the order stays `ok`. Otherwise
   * (the default) events fall either side of their deadlines and timescale breaches come and go.
   */
  readonly onSchedule?: boolean;
}

/**
 * A lawful order some way into its life: first appointment, sentence plan, drug tests, review
 * hearings, programme starts, enforcement and transfers, read on `asOf` (given, or the latest event).
 */
export function orderInProgress(options: InProgressOptions = {}): fc.Arbitrary<ProposedOrderInput> {
  const onSchedule = options.onSchedule === true;
  return fc.record({ source: draftSources(options), progress: progressPicks }).map(({ source, progress }) => {
    const draft = buildFrom(source);
    addEvents(draft, progress, onSchedule);
    return draft.order;
  });
}

/**
 * A requirement of `kind` within every statutory limit of its own, for case dates within the options
 * under which the kind exists. How long it may run against the order is the order's business: its
 * period fits the longest community order.
 */
export function lawfulRequirement<K extends RequirementKind>(kind: K, options: ArbitraryOptions = {}): fc.Arbitrary<RequirementOf<K>> {
  return fc
    .record({ when: datedWhere(options, (law) => lawfulOrderExists(law) && law.available(kind), `a ${kind} requirement`), picks: requirementPicks, band: fc.constantFrom(...SERIOUSNESS_BANDS) })
    .map(({ when, picks, band }) => buildRequirement(kind, picks, { law: when.law, band, limitMonths: when.law.limit('communityOrder.maxMonths') }));
}
