/**
 * The library's invariants, as properties over the arbitraries it ships (issue 7). Each runs at
 * least 1,000 cases; PROPORTIONATE_PROPERTY_RUNS raises that for a longer local run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, ProposedOrderSchema, SERIOUSNESS_BANDS, type Finding, type ProposedOrderInput, type ValidationResult } from '../../src/index.js';
import { breachableCodes, breachingStage, orderBreaching, orderInProgress, proposedOrder, validOrder } from '../../src/arbitraries/index.js';
import { added, allFindings, codesOf, invalidFindings } from './findings.js';

const RUNS = Math.max(1_000, Number(process.env.PROPORTIONATE_PROPERTY_RUNS ?? 0));
/**
 * "orderBreaching(code) yields code" runs as one property per code, so that each code is sampled and
 * named when it fails: 1,000 cases each, like every other property (PROPORTIONATE_RUNS_PER_CODE
 * changes it).
 */
const RUNS_PER_CODE = Math.max(Number(process.env.PROPORTIONATE_RUNS_PER_CODE ?? 1_000), 1);

const validator = createValidator();
const check = (order: unknown): ValidationResult => validator.validateSync(order);
const atSentence = createValidator({ stage: 'sentence' });
const checkAtSentence = (order: unknown): ValidationResult => atSentence.validateSync(order);

/** Orders of every sort: proposals anywhere in the schema, lawful orders, orders in progress. */
const anyOrder: fc.Arbitrary<ProposedOrderInput> = fc.oneof({ weight: 3, arbitrary: proposedOrder() }, validOrder(), orderInProgress());

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('the validator', () => {
  it('is deterministic: the same order gives the same result, from one validator or a fresh one', () => {
    const other = createValidator();
    fc.assert(
      fc.property(anyOrder, (order) => {
        const first = JSON.stringify(check(order));
        expect(JSON.stringify(check(order))).toBe(first);
        expect(JSON.stringify(other.validateSync(order))).toBe(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('never changes its input, and accepts an input frozen all the way down', () => {
    fc.assert(
      fc.property(anyOrder, (order) => {
        const copy = structuredClone(order);
        const result = JSON.stringify(check(order));
        expect(order).toStrictEqual(copy);
        expect(JSON.stringify(check(deepFreeze(structuredClone(order))))).toBe(result);
      }),
      { numRuns: RUNS },
    );
  });

  it('validates any schema-valid order without throwing', () => {
    fc.assert(
      fc.property(anyOrder, (order) => {
        expect(ProposedOrderSchema.safeParse(order).success).toBe(true);
        const result = check(order);
        expect(result.requirements).toHaveLength(order.requirements.length);
        expect(result.ok).toBe(result.breaches.length === 0 && result.requirements.every((r) => r.valid));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('permuting the requirements', () => {
  /** `order[i]` moves to `position[i]`. */
  const permuted = fc.record({ order: anyOrder, keys: fc.array(fc.nat({ max: 99 }), { minLength: 8, maxLength: 8 }) }).map(({ order, keys }) => {
    const n = order.requirements.length;
    const newOrder = [...Array(n).keys()].sort((a, b) => keys[a % 8]! - keys[b % 8]! || a - b);
    const position: number[] = [];
    newOrder.forEach((old, at) => (position[old] = at));
    return { order, moved: { ...order, requirements: newOrder.map((i) => order.requirements[i]!) }, position };
  });

  /** What a finding should become: every requirement index (its own and any in its facts) moved, nothing else. */
  function moveFinding(f: Finding, position: readonly number[]): string {
    const facts: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(f.facts)) {
      if ((name === 'requirement.index' || name.endsWith('.requirementIndex')) && typeof value === 'number') facts[name] = position[value];
      else facts[name] = value;
    }
    return JSON.stringify({ ...f, ...(f.requirementIndex === undefined ? {} : { requirementIndex: position[f.requirementIndex] }), facts });
  }

  it('only permutes the indices in the result', () => {
    fc.assert(
      fc.property(permuted, ({ order, moved, position }) => {
        const before = check(order);
        const after = check(moved);
        expect(after.ok).toBe(before.ok);
        expect(after.regime).toStrictEqual(before.regime);
        const expected = allFindings(before).map((f) => moveFinding(f, position)).sort();
        const actual = allFindings(after).map((f) => JSON.stringify(f)).sort();
        expect(actual).toStrictEqual(expected);
        before.requirements.forEach((r, i) => {
          expect(after.requirements[position[i]!]!.valid).toBe(r.valid);
          expect(after.requirements[position[i]!]!.kind).toBe(r.kind);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('monotonicity', () => {
  const rank = (band: string) => SERIOUSNESS_BANDS.indexOf(band as (typeof SERIOUSNESS_BANDS)[number]);
  const withDrr = anyOrder.filter((o) => o.requirements.some((r) => r.kind === 'drug-rehabilitation'));

  it('raising seriousness never adds DRR_INTENSITY_EXCEEDS_SERIOUSNESS', () => {
    const raised = fc.record({ order: withDrr, offence: fc.nat(), steps: fc.integer({ min: 1, max: 3 }) }).map(({ order, offence, steps }) => {
      const i = offence % order.offences.length;
      const from = order.offences[i]!.seriousness;
      const to = SERIOUSNESS_BANDS[Math.min(rank(from) + steps, SERIOUSNESS_BANDS.length - 1)]!;
      return { order, raised: { ...order, offences: order.offences.map((o, j) => (j === i ? { ...o, seriousness: to } : o)) } };
    });
    const intensity = (r: ValidationResult) => allFindings(r).filter((f) => f.code === 'DRR_INTENSITY_EXCEEDS_SERIOUSNESS');
    fc.assert(
      fc.property(raised, ({ order, raised }) => {
        expect(added(intensity(check(order)), intensity(check(raised)))).toStrictEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("lowering a DRR's intensity never adds an invalid finding", () => {
    const lowered = fc.record({ order: withDrr, which: fc.nat(), to: fc.nat() }).map(({ order, which, to }) => {
      const drrs = order.requirements.flatMap((r, i) => (r.kind === 'drug-rehabilitation' ? [i] : []));
      const index = drrs[which % drrs.length]!;
      const drr = order.requirements[index] as Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;
      const lower = (['low', 'medium', 'high'] as const).slice(0, ['low', 'medium', 'high'].indexOf(drr.intensity));
      const intensity = lower.length === 0 ? drr.intensity : lower[to % lower.length]!;
      return { order, lowered: { ...order, requirements: order.requirements.map((r, i) => (i === index ? { ...drr, intensity } : r)) } };
    });
    fc.assert(
      fc.property(lowered, ({ order, lowered }) => {
        expect(added(invalidFindings(check(order)), invalidFindings(check(lowered)))).toStrictEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('giving willingness or a recommendation never adds a finding', () => {
    const consenting = fc.record({ order: anyOrder, mask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }) }).map(({ order, mask }) => ({
      order,
      given: {
        ...order,
        requirements: order.requirements.map((r, i) => {
          if (!mask[i % 8]) return r;
          switch (r.kind) {
            case 'drug-rehabilitation':
              return { ...r, offenderWilling: true, recommendedByOfficer: true };
            case 'alcohol-treatment':
              return { ...r, offenderWilling: true };
            case 'mental-health-treatment':
              return { ...r, offenderWilling: true };
            case 'programme':
            case 'residence':
              return { ...r, recommendedByOfficer: true };
            default:
              return r;
          }
        }),
      },
    }));
    fc.assert(
      fc.property(consenting, ({ order, given }) => {
        expect(added(allFindings(check(order)), allFindings(check(given)))).toStrictEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the stage', () => {
  // The sentence stage adds only what a draft had not yet filled in: whatever is wrong with a
  // proposal on the evidence stays wrong in the order the court is about to make.
  it('never clears at the sentence stage an invalid requirement or breach found at the proposal stage', () => {
    fc.assert(
      fc.property(anyOrder, (order) => {
        const [drafted, sentenced] = [check(order), checkAtSentence(order)];
        const blocking = (r: ValidationResult) => allFindings(r).filter((f) => f.kind === 'invalid' || f.kind === 'breach');
        expect(added(blocking(sentenced), blocking(drafted))).toStrictEqual([]);
        if (sentenced.ok) expect(drafted.ok).toBe(true);
        expect(sentenced.regime).toStrictEqual(drafted.regime);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the arbitraries keep their promises', () => {
  it('validOrder() is always ok', () => {
    fc.assert(
      fc.property(validOrder(), (order) => {
        const result = check(order);
        expect(allFindings(result).filter((f) => f.kind === 'invalid' || f.kind === 'breach')).toStrictEqual([]);
        expect(result.ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('validOrder() is ok at the sentence stage too: everything the order must specify is filled in', () => {
    fc.assert(
      fc.property(validOrder(), (order) => {
        const result = checkAtSentence(order);
        expect(allFindings(result).filter((f) => f.kind === 'invalid' || f.kind === 'breach')).toStrictEqual([]);
        expect(result.ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('orderInProgress({ onSchedule: true }) is always ok', () => {
    fc.assert(
      fc.property(orderInProgress({ onSchedule: true }), (order) => {
        const result = check(order);
        expect(allFindings(result).filter((f) => f.kind === 'invalid' || f.kind === 'breach')).toStrictEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  describe('orderBreaching(code) always yields code', () => {
    it.each(breachableCodes.map((code) => [code]))('%s', (code) => {
      fc.assert(
        fc.property(orderBreaching(code), (order) => {
          expect(codesOf(breachingStage(code) === 'sentence' ? checkAtSentence(order) : check(order))).toContain(code);
        }),
        { numRuns: RUNS_PER_CODE },
      );
    });
  });
});
