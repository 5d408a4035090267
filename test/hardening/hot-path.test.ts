import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderInProgress, validOrder } from '../../src/arbitraries/index.js';
import { BUNDLED_PARAMETERS } from '../../src/engine/bundled.js';
import { isNumeric } from '../../src/engine/operators.js';
import { deriveEventFacts, eventFactOrigins } from '../../src/facts/events.js';
import { deriveOrderFacts, keyDatesOf } from '../../src/facts/order.js';
import { mayCarryOrigin } from '../../src/facts/origins.js';
import { createResolver } from '../../src/law/resolve.js';
import { ProposedOrderSchema } from '../../src/schema/order.js';
import { REQUIREMENT_KINDS } from '../../src/schema/requirements.js';
import { createValidator } from '../../src/index.js';

/**
 * The shortcuts of the validation hot path (issue 19) against what they stand in for: a finding's
 * confidence looks up only the facts that can carry an origin, and the numeric guard skips
 * json-rules-engine's string round trip for numbers and null.
 */

const resolver = createResolver(BUNDLED_PARAMETERS);

describe('a finding looks up the origin of only the facts that can carry one', () => {
  it('every origin the derivations give is of a fact mayCarryOrigin names', () => {
    fc.assert(
      fc.property(fc.oneof(validOrder(), orderInProgress()), (input) => {
        const order = ProposedOrderSchema.parse(input);
        const dates = keyDatesOf(order);
        const params = resolver.resolve(dates);
        const derived = deriveOrderFacts(order, dates, params, order.provision, 'proposal');
        const events = deriveEventFacts(order, params, derived.facts);
        const named = [...Object.keys(derived.origins), ...Object.keys(derived.paramOrigins), ...Object.keys(eventFactOrigins(events))];
        for (const name of named) expect(mayCarryOrigin(name), name).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the requirement facts drawn from parameters are among them, and facts read from the order are not', () => {
    expect(mayCarryOrigin('requirement.available')).toBe(true);
    expect(mayCarryOrigin('requirement.weeklyHoursMinimum')).toBe(true);
    expect(mayCarryOrigin('need.treatmentRank')).toBe(true);
    expect(mayCarryOrigin('timescale.firstAppointment.late')).toBe(true);
    expect(mayCarryOrigin('requirement.months')).toBe(false);
    expect(mayCarryOrigin('order.lengthMonths')).toBe(false);
  });
});

describe('the order facts', () => {
  it('have one has.* fact per requirement kind, in REQUIREMENT_KINDS order, each true exactly when the order has that kind', () => {
    fc.assert(
      fc.property(validOrder(), (input) => {
        const order = ProposedOrderSchema.parse(input);
        const dates = keyDatesOf(order);
        const { facts } = deriveOrderFacts(order, dates, resolver.resolve(dates), order.provision);
        expect(Object.keys(facts).filter((k) => k.startsWith('has.'))).toEqual(REQUIREMENT_KINDS.map((k) => `has.${k}`));
        for (const k of REQUIREMENT_KINDS) expect(facts[`has.${k}`]).toBe(order.requirements.some((r) => r.kind === k));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the numeric guard', () => {
  /** json-rules-engine's own test, which isNumeric must answer exactly as. */
  const reference = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
  const outcome = (guard: (v: unknown) => boolean, v: unknown): { answer: boolean } | { threw: string } => {
    try {
      return { answer: guard(v) };
    } catch (error) {
      return { threw: (error as Error).constructor.name };
    }
  };

  it('answers as json-rules-engine for the values facts hold and any other', () => {
    const special = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 0, 1e21, 5e-324, Number.MAX_VALUE, null, undefined, '', ' 12', '12abc', 'Infinity', 'NaN', true, false, [], ['3'], [1, 2], { toString: {} });
    fc.assert(
      fc.property(fc.oneof(special, fc.double(), fc.integer(), fc.string(), fc.anything()), (v) => {
        // A value that cannot become a string (`{ toString: {} }`) throws in both: the same answer too.
        expect(outcome(isNumeric, v)).toEqual(outcome(reference, v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validations do not leak into each other', () => {
  it('an order validated between two others leaves their results unchanged', () => {
    const validator = createValidator();
    fc.assert(
      fc.property(orderInProgress(), validOrder(), (a, b) => {
        const first = JSON.stringify(validator.validateSync(a));
        validator.validateSync(b);
        expect(JSON.stringify(validator.validateSync(a))).toBe(first);
        // A fresh validator (nothing cached: epochs, figures) gives the same answer.
        expect(JSON.stringify(createValidator().validateSync(a))).toBe(first);
      }),
      { numRuns: 40 },
    );
  });
});
