import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import { parameters } from '../../src/rules.js';
import { addDays } from '../codes/fixtures.js';
import { holds, parameterComparisons } from './comparisons.js';
import { COMPARISON_PINS, PARAMETER_PINS } from './pins.js';
import { CONTEXT, KEYED_BY, PROBES, REQUIREMENT_OF, baseOrder } from './probes.js';

// Generated from the law as data: for every rule that compares a fact with a dated parameter, and every
// dated value of that parameter (read from the bundle at run time, with its figure taken from pins.ts),
// an order on the day the value comes into force at the boundary and one step past, and the same two
// orders the day before, judged by the value then in force. Each expects the rule's code exactly when
// the comparison holds, so an operator off by one, a value moved by one or a date moved by a day shows.
type Stage = NonNullable<Parameters<typeof createValidator>[0]>['stage'];
const validators = new Map<string, { compiled: ReturnType<typeof createValidator>; reference: ReturnType<typeof createValidator> }>();
/** Both evaluators for the stage a rule is for (the default stage when it names none). */
function validatorsFor(stage: string | undefined) {
  const key = stage ?? '';
  if (!validators.has(key)) {
    const options = stage ? { stage: stage as Stage } : {};
    validators.set(key, { compiled: createValidator(options), reference: createValidator({ ...options, evaluator: 'json-rules-engine' }) });
  }
  return validators.get(key)!;
}

const codesOf = (r: ValidationResult) => [...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories].map((f) => f.code);

/** The pinned figure of `name` in force on `day`: the last pinned value from on or before it. */
function pinnedOn(name: string, day: string): unknown {
  const series = PARAMETER_PINS[name] ?? parameters[name]!.values.map((v) => [v.from, v.value] as const);
  let value: unknown = null;
  for (const [from, v] of series) if (from <= day) value = v;
  return value;
}

/** The dated series a comparison reads: the parameter itself, or one per band or tier it is keyed by. */
const seriesOf = (parameter: string) =>
  parameters[parameter]
    ? [{ name: parameter, keyed: undefined }]
    : KEYED_BY.filter((k) => parameters[`${parameter}.${k.suffix}`]).map((k) => ({ name: `${parameter}.${k.suffix}`, keyed: k }));

const everyComparison = parameterComparisons().filter((c) => seriesOf(c.parameter).length > 0);
const pinKey = (c: { rule: string; fact: string; parameter: string }) => `${c.rule} ${c.fact} ${c.parameter}`;

describe('every comparison of a fact with a limit uses the operator pinned from the law', () => {
  it('the packs compare as pins.ts says (a new comparison fails until it is pinned)', () => {
    expect(Object.fromEntries(parameterComparisons().map((c) => [pinKey(c), c.operator]))).toEqual(COMPARISON_PINS);
  });
});
const comparisons = everyComparison.filter((c) => PROBES[c.fact] && (!c.kinds || c.kinds.some((k) => REQUIREMENT_OF[k])));

describe('every dated limit a rule compares with, at its boundary and one step past, the day it comes in and the day before', () => {
  it('reaches every comparison of a fact with a parameter that the packs make (a new kind of fact needs a probe in probes.ts)', () => {
    const unreached = everyComparison
      .filter((c) => !comparisons.includes(c))
      // A date, not a count: pinned by dtto.test.ts. A rank derived from the need through the need.* parameters: no single input sets it.
      .filter((c) => c.fact !== 'date.earliestOffence' && c.fact !== 'need.treatmentRank');
    expect(unreached.map((c) => `${c.rule}: ${c.fact} ${c.operator} param.${c.parameter}`)).toEqual([]);
  });

  for (const c of comparisons) {
    const probe = PROBES[c.fact]!;
    // Judged by the pinned operator, not the pack's, so an operator moved to its twin fails here.
    const operator = COMPARISON_PINS[pinKey(c)] ?? c.operator;
    const step = probe.step ?? 1;
    const kind = c.requirementKind ?? c.kinds?.find((k) => REQUIREMENT_OF[k]);
    const reachable = (x: number) => !probe.range || (x >= probe.range[0] && x <= probe.range[1]);
    for (const { name, keyed } of seriesOf(c.parameter)) {
      for (const entry of parameters[name]!.values) {
        const limit = pinnedOn(name, entry.from);
        if (typeof limit !== 'number') continue;
        const past = operator.startsWith('less') ? limit - step : limit + step;
        // A rank at the end of its scale has no input one step past it: the boundary alone is probed there.
        const xs = [limit, past].filter(reachable);
        if (xs.length === 0) continue;
        for (const day of [entry.from, addDays(entry.from, -1)]) {
          const inForce = pinnedOn(name, day);
          it(`${c.rule}: ${c.fact} ${operator} param.${name} on ${day} (${inForce === null ? 'not in force' : `limit ${String(inForce)}`}), at ${xs.join(' and ')}`, async () => {
            for (const x of xs) {
              const order = baseOrder(day, c.orderType, kind ? REQUIREMENT_OF[kind]!() : undefined);
              keyed?.set(order);
              CONTEXT[c.rule]?.(order);
              probe.set(order, x);
              const { compiled, reference } = validatorsFor(c.stage);
              const result = await compiled.validate(order);
              expect(JSON.stringify(await reference.validate(order)), 'both evaluators agree').toBe(JSON.stringify(result));
              const expected = typeof inForce === 'number' && holds(operator, x, inForce);
              expect(codesOf(result).includes(c.code), `${c.code} with ${c.fact} = ${x} on ${day}`).toBe(expected);
            }
          });
        }
      }
    }
  }
});
