/**
 * Differential test (issue 8): the compiled evaluator and json-rules-engine, the reference
 * semantics, give identical results for generated orders of every sort; and (issue 16) the same
 * trace outcomes, rule by rule and condition by condition.
 *
 * CI runs 10,000 cases (about 30 s on this project's 2-core machine: json-rules-engine takes some
 * 2-3 ms a case). The documented longer run is 1,000,000 cases, under an hour on one core:
 *
 *   PROPORTIONATE_DIFF_RUNS=1000000 npx vitest run test/properties/differential.test.ts --testTimeout=0
 *
 * A failure prints fast-check's seed and path; rerun just that case with
 * PROPORTIONATE_DIFF_SEED=<seed> PROPORTIONATE_DIFF_PATH=<path>.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput, type RuleTrace, type TraceCondition, type ValidationResult } from '../../src/index.js';
import { breachableCodes, orderBreaching, orderInProgress, proposedOrder, validOrder } from '../../src/arbitraries/index.js';

const RUNS = Number(process.env.PROPORTIONATE_DIFF_RUNS ?? 10_000);
/** Traced runs cost json-rules-engine a little more (its result trees are read); 1,000 take a few seconds. */
const TRACE_RUNS = Number(process.env.PROPORTIONATE_TRACE_RUNS ?? 1_000);
const SEED = process.env.PROPORTIONATE_DIFF_SEED === undefined ? undefined : Number(process.env.PROPORTIONATE_DIFF_SEED);
const PATH = process.env.PROPORTIONATE_DIFF_PATH;

const compiled = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });

/** Both sides of every limit: anything the schema takes, lawful orders, orders in progress, and each breach. */
const orders: fc.Arbitrary<ProposedOrderInput> = fc.oneof(
  { weight: 4, arbitrary: proposedOrder() },
  { weight: 1, arbitrary: validOrder() },
  { weight: 2, arbitrary: orderInProgress() },
  { weight: 3, arbitrary: fc.oneof(...breachableCodes.map((code) => orderBreaching(code))) },
);

it(
  `the compiled evaluator agrees with json-rules-engine (${RUNS.toLocaleString('en-GB')} orders)`,
  async () => {
    await fc.assert(
      fc.asyncProperty(orders, async (order) => {
        const expected = JSON.stringify(await reference.validate(order));
        expect(JSON.stringify(compiled.validateSync(order))).toBe(expected);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }) },
    );
  },
  // About 12 ms a case for json-rules-engine; generous so a loaded CI machine does not time out.
  Math.max(300_000, RUNS * 60),
);

/**
 * What "evaluated" means, precisely: a condition is evaluated by an evaluator when its trace
 * outcome is `true` or `false`, and skipped when it is `'skipped'`. The compiled path evaluates
 * `all` and `any` left to right and stops at the first part that decides them. json-rules-engine
 * evaluates the parts of an `all` or `any` in priority groups and stops only between groups; the
 * packs give conditions no priority (load refuses the key), so it evaluates every part, and each
 * named condition once per run. So: every condition the compiled path evaluated, json-rules-engine
 * evaluated too, with the same fact value, compared value, parameters and outcome; every rule
 * fired or not alike; and json-rules-engine skipped nothing.
 *
 * `projected` is json-rules-engine's tree cut down to what the compiled path evaluated, so the two
 * compare as strings; a difference is then shown as a tree diff of the one rule where it lies.
 */
function projected(reference: TraceCondition, compiled: TraceCondition): TraceCondition {
  if (compiled.outcome === 'skipped') return { ...compiled, shapeOf: shape(reference) } as unknown as TraceCondition;
  if ('all' in compiled && 'all' in reference) return { all: reference.all.map((r, i) => projected(r, compiled.all[i] ?? r)), outcome: reference.outcome };
  if ('any' in compiled && 'any' in reference) return { any: reference.any.map((r, i) => projected(r, compiled.any[i] ?? r)), outcome: reference.outcome };
  if ('not' in compiled && 'not' in reference) return { not: projected(reference.not, compiled.not), outcome: reference.outcome };
  if ('condition' in compiled && 'condition' in reference)
    return { condition: reference.condition, outcome: reference.outcome, definition: projected(reference.definition, compiled.definition) };
  return reference;
}
/** A skipped part still has to be the same condition of the pack on both sides. */
const shape = (node: TraceCondition): string =>
  JSON.stringify(node, (key, value) => (key === 'outcome' || key === 'factValue' || key === 'comparedValue' || key === 'parameters' ? undefined : value));
const withShapes = (node: TraceCondition): TraceCondition => projected(node, node);

function skippedAnything(node: TraceCondition): boolean {
  if (node.outcome === 'skipped') return true;
  if ('all' in node) return node.all.some(skippedAnything);
  if ('any' in node) return node.any.some(skippedAnything);
  if ('not' in node) return skippedAnything(node.not);
  if ('condition' in node) return skippedAnything(node.definition);
  return false;
}

const withoutTrace = ({ trace: _trace, ...rest }: ValidationResult) => rest;
const firedKeys = (trace: readonly RuleTrace[]) => trace.filter((t) => t.fired).map((t) => `${t.code}@${t.requirementIndex ?? 'order'}`);
const findingKeys = (r: ValidationResult) =>
  [...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories].map((f) => `${f.code}@${f.requirementIndex ?? 'order'}`);

it(
  `the compiled trace and json-rules-engine's result trees agree on every rule and every evaluated condition (${TRACE_RUNS.toLocaleString('en-GB')} orders)`,
  async () => {
    await fc.assert(
      fc.asyncProperty(orders, async (order) => {
        const plain = compiled.validateSync(order);
        const mine = compiled.validateSync(order, { explain: true });
        const theirs = await reference.validate(order, { explain: true });
        // Explaining changes nothing else, with either evaluator.
        expect(JSON.stringify(withoutTrace(mine))).toBe(JSON.stringify(plain));
        expect(JSON.stringify(withoutTrace(theirs))).toBe(JSON.stringify(plain));
        // The trace says fired exactly where a finding was raised.
        expect(new Set(firedKeys(mine.trace!))).toEqual(new Set(findingKeys(plain)));
        const a = mine.trace!;
        const b = theirs.trace!;
        expect(b.map(({ conditions: _c, ...head }) => head)).toEqual(a.map(({ conditions: _c, ...head }) => head));
        for (let i = 0; i < a.length; i++) {
          expect(skippedAnything(b[i]!.conditions), `json-rules-engine skipped a condition of ${b[i]!.rule}`).toBe(false);
          const left = JSON.stringify(withShapes(a[i]!.conditions));
          const right = JSON.stringify(projected(b[i]!.conditions, a[i]!.conditions));
          if (left !== right) expect(JSON.parse(right), `${a[i]!.rule} on ${a[i]!.requirementIndex ?? 'the order'}`).toEqual(JSON.parse(left));
        }
      }),
      { numRuns: TRACE_RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }) },
    );
  },
  Math.max(300_000, TRACE_RUNS * 100),
);
