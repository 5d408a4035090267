/**
 * Fuzzing the input boundary: whatever arrives, an order is either refused whole (an
 * InvalidOrderError whose every issue names a real place in the input) or validated whole (a
 * frozen result), and the input is left as it was.
 *
 * 100,000 inputs in all by default, in `npm test` (about 40 s of CPU); the count is shared out
 * between the generators below.
 * A longer run (about five minutes and 250 s of CPU on the 2-core build machine):
 *
 *   PROPORTIONATE_FUZZ_RUNS=1000000 npx vitest run test/hardening/fuzz.test.ts
 *
 * fast-check prints the seed and path of any failure; replay it with PROPORTIONATE_FUZZ_SEED=<seed>
 * (and the same PROPORTIONATE_FUZZ_RUNS).
 *
 * The options are fuzzed too (PROPORTIONATE_FUZZ_RUNS / 500 overrides and / 1000 packs, as each
 * builds a validator): parameter overrides and rule packs either build a validator whose every value fits
 * its type and which answers every order, or are refused with a ParameterError or RulePackError,
 * quickly and in a short message; a pack that loads gives the same findings under both evaluators.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createValidator,
  EventSchema,
  INTENSITIES,
  InvalidOrderError,
  LIMITS,
  REQUIREMENT_KINDS,
  SERIOUSNESS_BANDS,
  type SafeValidateResult,
  type Validator,
} from '../../src/index.js';
import { ParameterError, RulePackError } from '../../src/index.js';
import { BUNDLED_PARAMETERS } from '../../src/engine/bundled.js';
import { OPERATORS } from '../../src/engine/pack.js';
import { ORDER_FACTS } from '../../src/facts/catalog.js';
import { PARAMETER_TYPES, typeProblem } from '../../src/law/parameter-types.js';
import { lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';
import { at, everyFieldOrder, expectNoPollution, extraPack, firstUnfrozen, prototypeSnapshot } from './support.js';

const TOTAL = Number(process.env.PROPORTIONATE_FUZZ_RUNS ?? 100_000);
const SEED = process.env.PROPORTIONATE_FUZZ_SEED === undefined ? undefined : Number(process.env.PROPORTIONATE_FUZZ_SEED);
// Most inputs are near-valid orders, where a half-checked field could slip through; the reference
// evaluator is about thirty times slower, so it gets a small share of the same generator.
const SHARE = { anything: 0.36, json: 0.16, shaped: 0.08, mutated: 0.398, reference: 0.002 } as const;
// At least 50 of each, so that even a short run meets every generator.
const runs = (share: number) => Math.max(50, Math.round(TOTAL * share));
// Generous: the build machine is shared, and a slow run is not a failure of the property.
const timeout = (share: number) => Math.max(120_000, runs(share) * 6);
const params = (share: number): fc.Parameters<unknown> => ({ numRuns: runs(share), ...(SEED === undefined ? {} : { seed: SEED }) });

// ---------------------------------------------------------------------------------------------
// The check made of every input

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

interface Tally {
  accepted: number;
  refused: number;
}

/**
 * The generated orders (mutated and shaped) arrive frozen all the way down: a write to one by the
 * library (ES modules, so strict mode) throws and fails the property. Only the fast-check
 * `anything` and JSON inputs need the slower before-and-after comparison.
 */
async function checkOne(validator: Validator, input: unknown, tally: Tally, touched?: readonly Path[]): Promise<SafeValidateResult> {
  const frozenInput = touched !== undefined;
  const before = frozenInput ? '' : fc.stringify(input);
  const outcome = await validator.safeValidate(input); // must not throw: a throw fails the property
  // safeValidate passes on anything validate throws but an InvalidOrderError, so its never throwing
  // already says validate throws nothing else; validate itself runs on every fourth input to keep
  // that true whatever safeValidate becomes, and to check the two agree.
  let thrown: unknown;
  let result: unknown;
  const again = (tally.accepted + tally.refused) % 4 === 0;
  if (again) {
    try {
      result = await validator.validate(input);
    } catch (error) {
      thrown = error;
    }
  }
  if (!frozenInput && fc.stringify(input) !== before) throw new Error('the input was changed by validation');

  if (outcome.success) {
    tally.accepted++;
    if (thrown !== undefined) throw new Error(`safeValidate accepted what validate refused: ${String(thrown)}`);
    if (again && JSON.stringify(result) !== JSON.stringify(outcome.result)) throw new Error('validate and safeValidate disagree on the same input');
    const open = firstUnfrozen(outcome.result);
    if (open !== undefined) throw new Error(`result not frozen at ${open}`);
    const requirements = (input as { requirements: unknown[] }).requirements;
    if (outcome.result.requirements.length !== requirements.length) throw new Error('a requirement is missing from the result');
    return outcome;
  }

  tally.refused++;
  if (again && !(thrown instanceof InvalidOrderError)) throw new Error(`validate threw something other than InvalidOrderError: ${String(thrown)}`);
  const { error } = outcome;
  if (!(error instanceof InvalidOrderError)) throw new Error('safeValidate returned an error that is not an InvalidOrderError');
  if (error.issues.length === 0) throw new Error('a refusal with no issue');
  for (const issue of error.issues) {
    if (!Array.isArray(issue.path) || typeof issue.message !== 'string' || issue.message.length === 0) throw new Error(`malformed issue ${JSON.stringify(issue)}`);
    // An object gets refusals at its fields; only a non-object root is refused as a whole.
    if (isPlainObject(input) && issue.path.length === 0 && !issue.keys?.length) throw new Error(`a root-level issue on an object input: ${issue.message}`);
    // The path leads to a real place: everything but its last step exists in the input.
    const parent = at(input, issue.path.slice(0, -1));
    if (issue.path.length > 0 && (parent === null || typeof parent !== 'object')) throw new Error(`issue path ${issue.path.join('.')} leads nowhere in the input`);
    if (issue.keys?.length) {
      const holder = at(input, issue.path) as object;
      for (const key of issue.keys) if (!(key in holder)) throw new Error(`unknown key ${key} is not at ${issue.path.join('.')}`);
    }
    // A valid order changed in known places is refused at those places, not above or beside them.
    if (touched && !touched.some((t) => explains(t, issue)))
      throw new Error(`issue at ${issue.path.join('.') || '(root)'} (${issue.message}) is not where the order was changed: ${touched.map((t) => t.join('.') || '(root)').join(', ')}`);
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Mutations of valid orders

const EVENT_TYPES = EventSchema.options.map((o) => o.shape.type.value);
/** Values that are valid somewhere in the schema, grouped by field, so that a tweak keeps an order plausible. */
const ENUM_GROUPS: readonly (readonly string[])[] = [
  SERIOUSNESS_BANDS,
  INTENSITIES,
  REQUIREMENT_KINDS,
  EVENT_TYPES,
  ['community-order', 'suspended-sentence-order', 'dtto'],
  ['residential', 'non-residential'],
  ['residential', 'institution-based', 'practitioner-based'],
  ['standard', 'fast', 'oral'],
  ['low', 'medium', 'high', 'very-high'],
  ['resident', 'non-resident', 'practitioner'],
];
const ENUM_VALUES = [...new Set(ENUM_GROUPS.flat())];
const HOSTILE_STRINGS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '\u0000', '\ud800', '${x}', '{order.band}'];
// Each number a schema or a rule turns on, and one either side of it.
const LIMIT_NUMBERS = [0, 1, 2, 3, 4, 5, 6, 12, 16, 20, 24, 36, 40, 50, 60, 100, 104, 120, 168, 300, 500, 520, 1000, 2000].flatMap((n) => [n - 1, n, n + 1]);
const EDGE_DATES = ['1989-12-31', '1990-01-01', '1899-12-31', '1900-01-01', '2100-12-31', '2101-01-01', '2005-04-03', '2005-04-04', '2012-12-02', '2012-12-03', '2015-02-01', '2020-12-01', '2022-06-28', '2000-02-29', '1900-02-29', '2023-02-29', '2024-02-29', '0000-00-00', '2006-1-10', '2006-01-10T00:00:00Z', '９９９９-01-01'];
const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = fc.integer({ min: -3_000, max: 42_000 }).map((d) => new Date(Date.UTC(1990, 0, 1) + d * DAY).toISOString().slice(0, 10));

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ENUM_VALUES) },
  { weight: 3, arbitrary: isoDate },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_DATES) },
  { weight: 3, arbitrary: fc.constantFrom(...LIMIT_NUMBERS) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 3_000 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, 2 ** 53 + 2, 0.5) },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** `pick` steers a walk from the root: each step stops there or goes into one child. */
type Pick = readonly number[];
type Mutation =
  | { op: 'tweak'; pick: Pick; shift: number; choice: number }
  | { op: 'set'; pick: Pick; value: unknown }
  | { op: 'remove'; pick: Pick }
  | { op: 'retype'; pick: Pick }
  | { op: 'oversize'; pick: Pick; size: number }
  | { op: 'addKey'; pick: Pick; key: string; value: unknown }
  | { op: 'fill'; pick: Pick; over: number };

const pick = fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 7 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ op: fc.constant('tweak' as const), pick, shift: fc.integer({ min: -400, max: 400 }), choice: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set' as const), pick, value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retype' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('oversize' as const), pick, size: fc.constantFrom(499, 500, 501, 2_000, 100_000) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('addKey' as const), pick, key: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 12 })), value }),
  },
  // Filling a list to its limit is the dearest input to check (2,000 events are each parsed), so most fills go past it.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fill' as const), pick, over: fc.constantFrom(-1, 0, 1, 1, 2) }) },
);

type Path = (string | number)[];
/** The place a pick leads to: one step in six stops where it is (the root rarely), the others go into a child. */
function placeAt(root: unknown, pick: Pick): Path {
  const path: Path = [];
  let v = root;
  for (const [i, p] of pick.entries()) {
    if (v === null || typeof v !== 'object' || (i > 0 && p % 6 === 0)) break;
    const keys = Object.keys(v);
    if (keys.length === 0) break;
    const key = keys[p % keys.length]!;
    path.push(Array.isArray(v) ? Number(key) : key);
    v = (v as Record<string, unknown>)[key];
  }
  return path;
}

function retyped(v: unknown): unknown {
  if (typeof v === 'string') return ISO_DATE.test(v) ? Number(v.replaceAll('-', '')) : [v];
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 0;
  if (Array.isArray(v)) return { ...v };
  if (v !== null && typeof v === 'object') return Object.values(v);
  return {};
}

function tweaked(v: unknown, m: Extract<Mutation, { op: 'tweak' }>): unknown {
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return Number.isInteger(v) ? Math.max(0, v + (m.shift % 13)) : v + m.shift / 100;
  // Mostly small date moves, which keep the chronology and cross the dates the law turns on; a few large ones.
  if (typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)))
    return new Date(Date.parse(v) + (m.choice % 4 ? m.shift % 45 : m.shift * 3) * DAY).toISOString().slice(0, 10);
  if (typeof v === 'string') {
    const group = ENUM_GROUPS.find((g) => g.includes(v));
    return group ? group[m.choice % group.length] : `${v} ${m.choice}`.slice(0, 500);
  }
  if (Array.isArray(v)) return v.length && m.shift % 2 ? v.filter((_, i) => i !== m.choice % v.length) : [...v, v[m.choice % Math.max(1, v.length)] ?? null];
  return v;
}

/** A list's limit, by the name of the field that holds it. */
const LIMIT_OF: Readonly<Record<string, number>> = { requirements: LIMITS.requirements, offences: LIMITS.offences, events: LIMITS.events, programmes: LIMITS.programmes, drrIntensities: 3 };

/** A generated order, with the places its mutations touched. */
interface Mutant {
  readonly order: Record<string, unknown>;
  readonly touched: Path[];
}

function apply({ order, touched }: Mutant, m: Mutation): Mutant {
  const path = placeAt(order, m.pick);
  const current = at(order, path);
  // Removing an element shifts the ones after it: the whole list counts as touched.
  touched.push(m.op === 'remove' && typeof path.at(-1) === 'number' ? path.slice(0, -1) : path);
  const replace = (next: unknown): void => {
    if (path.length === 0) return;
    (at(order, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = next;
  };
  switch (m.op) {
    case 'tweak':
      replace(tweaked(current, m));
      break;
    case 'set':
      replace(m.value);
      break;
    case 'remove': {
      const parent = at(order, path.slice(0, -1));
      if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
      else if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[path.at(-1) as string];
      break;
    }
    case 'retype':
      replace(retyped(current));
      break;
    case 'oversize':
      if (typeof current === 'string') replace(current.padEnd(m.size, 'x'));
      else if (Array.isArray(current)) replace(Array.from({ length: Math.min(m.size, 2 * LIMITS.events + 1) }, (_, i) => current[i % Math.max(1, current.length)] ?? null));
      else if (typeof current === 'number') replace(current * m.size);
      else replace('x'.repeat(m.size));
      break;
    case 'addKey':
      if (current !== null && typeof current === 'object' && !Array.isArray(current))
        Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else replace(m.value);
      break;
    case 'fill': {
      const limit = LIMIT_OF[String(path.at(-1))];
      if (Array.isArray(current) && limit !== undefined && current.length > 0) replace(Array.from({ length: limit + m.over }, (_, i) => current[i % current.length]));
      else replace(tweaked(current, { op: 'tweak', pick: [], shift: m.over, choice: 0 }));
      break;
    }
  }
  return { order, touched };
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean => prefix.length <= path.length && prefix.every((step, i) => step === path[i]);

/**
 * Whether a refusal at `issue` can be due to a change at `touched`: at or inside the changed place,
 * or anywhere in an object whose `kind` or `type` changed (it is read as another kind). Checks
 * across fields (chronology) are custom issues and may land anywhere.
 */
function explains(touched: Path, issue: { path: readonly (string | number)[]; code: string }): boolean {
  if (issue.code === 'custom' || startsWith(issue.path, touched)) return true;
  const last = touched.at(-1);
  return (last === 'kind' || last === 'type') && startsWith(issue.path, touched.slice(0, -1));
}

const FIXTURES = [lawfulMediumDrr, lawfulCodeDrr, everyFieldOrder];
const mutatedOrder: fc.Arbitrary<Mutant> = fc
  .record({ fixture: fc.constantFrom(...FIXTURES.keys()), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
  .map(({ fixture, mutations }) => {
    const { order, touched } = mutations.reduce(apply, { order: FIXTURES[fixture]!() as Record<string, unknown>, touched: [] });
    return { order: freezeAll(order), touched };
  });

function freezeAll<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeAll(child);
  }
  return value;
}

// A valid order with whole fields replaced by any JSON or removed: past the root check, into each field's.
const ORDER_FIELDS = ['offender', 'offences', 'convictionDate', 'sentenceDate', 'sentence', 'requirements', 'psr', 'provision', 'events', 'asOf'];
const shapedOrder = fc
  .record({
    fixture: fc.constantFrom(...FIXTURES.keys()),
    fields: fc.array(fc.record({ field: fc.constantFrom(...ORDER_FIELDS), value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ fixture, fields }): Mutant => {
    const order = FIXTURES[fixture]!() as Record<string, unknown>;
    for (const { field, value } of fields) {
      if (value === undefined) delete order[field];
      else order[field] = value;
    }
    return { order: freezeAll(order), touched: fields.map(({ field }) => [field]) };
  });

// ---------------------------------------------------------------------------------------------

describe(`fuzzing validate and safeValidate with ${TOTAL.toLocaleString('en-GB')} inputs`, () => {
  const validator = createValidator();
  let before: string[];
  beforeAll(() => {
    before = prototypeSnapshot();
  });
  afterAll(() => expectNoPollution(before));

  const property = (validator: Validator, arb: fc.Arbitrary<unknown>, tally: Tally) =>
    fc.asyncProperty(arb, async (input) => {
      await checkOne(validator, input, tally);
    });
  const mutantProperty = (validator: Validator, arb: fc.Arbitrary<Mutant>, tally: Tally) =>
    fc.asyncProperty(arb, async ({ order, touched }) => {
      await checkOne(validator, order, tally, touched);
    });

  it(
    'anything at all: primitives, symbols, bigints, dates, maps, sparse arrays, null prototypes',
    async () => {
      const tally = { accepted: 0, refused: 0 };
      const anything = fc.anything({
        maxDepth: 3,
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
      });
      await fc.assert(property(validator, anything, tally), params(SHARE.anything));
      expect(tally.refused).toBe(runs(SHARE.anything));
    },
    timeout(SHARE.anything),
  );

  it(
    'any JSON value',
    async () => {
      const tally = { accepted: 0, refused: 0 };
      await fc.assert(property(validator, fc.jsonValue(), tally), params(SHARE.json));
      expect(tally.accepted + tally.refused).toBe(runs(SHARE.json));
    },
    timeout(SHARE.json),
  );

  it(
    "an order's fields, each valid or any JSON",
    async () => {
      const tally = { accepted: 0, refused: 0 };
      await fc.assert(mutantProperty(validator, shapedOrder, tally), params(SHARE.shaped));
      expect(tally.accepted + tally.refused).toBe(runs(SHARE.shaped));
    },
    timeout(SHARE.shaped),
  );

  it(
    'valid orders with fields tweaked, replaced, removed, retyped, oversized, filled to their limits, or given extra keys',
    async () => {
      const tally = { accepted: 0, refused: 0 };
      await fc.assert(mutantProperty(validator, mutatedOrder, tally), params(SHARE.mutated));
      // Enough mutants must pass that the evaluator, not only the schema, is fuzzed.
      console.info(`mutated orders: ${tally.accepted} accepted, ${tally.refused} refused`);
      expect(tally.accepted / runs(SHARE.mutated)).toBeGreaterThan(0.15);
      expect(tally.refused / runs(SHARE.mutated)).toBeGreaterThan(0.15);
    },
    timeout(SHARE.mutated),
  );

  it(
    'the same mutants through the json-rules-engine evaluator, which must agree with the default',
    async () => {
      const tally = { accepted: 0, refused: 0 };
      const reference = createValidator({ evaluator: 'json-rules-engine' });
      await fc.assert(
        fc.asyncProperty(mutatedOrder, async ({ order, touched }) => {
          const theirs = await checkOne(reference, order, tally, touched);
          const ours = await validator.safeValidate(order);
          expect(ours.success).toBe(theirs.success);
          if (ours.success && theirs.success) expect(ours.result).toEqual(theirs.result);
        }),
        params(SHARE.reference),
      );
      expect(tally.accepted).toBeGreaterThan(0);
    },
    timeout(SHARE.reference * 50),
  );
});

// ---------------------------------------------------------------------------------------------
// Exotic values: getters and Proxies in place of data

const boom = () => {
  throw new Error('boom');
};
const EXOTIC = {
  revoked: () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  hostile: () => new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }),
  getter: undefined,
} as const;
// Generated as a plan and built inside the property: fast-check could not print a revoked Proxy.
const exoticPlan = fc.record({ fixture: fc.constantFrom(...FIXTURES.keys()), pick, kind: fc.constantFrom(...(Object.keys(EXOTIC) as (keyof typeof EXOTIC)[])) });
const exoticOrder = ({ fixture, pick, kind }: { fixture: number; pick: Pick; kind: keyof typeof EXOTIC }) => {
  const order = FIXTURES[fixture]!() as Record<string, unknown>;
  let path = placeAt(order, pick);
  if (path.length === 0) path = ['offender'];
  const parent = at(order, path.slice(0, -1)) as object;
  const key = String(path.at(-1));
  if (kind === 'getter') Object.defineProperty(parent, key, { get: boom, enumerable: true, configurable: true });
  else Object.defineProperty(parent, key, { value: EXOTIC[kind](), enumerable: true, writable: true, configurable: true });
  return { order, path };
};

// ---------------------------------------------------------------------------------------------
// Options: parameter overrides and rule packs

// Each run builds a validator (two for a pack, one per evaluator), some fifty times dearer than validating an order.
const OVERRIDE_RUNS = Math.max(60, Math.round(TOTAL / 500));
const PACK_RUNS = Math.max(60, Math.round(TOTAL / 1000));
const optionParams = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });
const PARAMETER_NAMES = Object.keys(BUNDLED_PARAMETERS);
const ORDERS = FIXTURES.map((f) => freezeAll(f()));

/** Values a policy team might type: mostly plausible, some of the wrong type. */
const overrideValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LIMIT_NUMBERS) },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('36 months', 'abc', '36', '2005-04-04', '') },
  { weight: 1, arbitrary: value },
);
const datedValue = fc.record(
  { from: fc.oneof({ weight: 4, arbitrary: isoDate }, { weight: 1, arbitrary: fc.constantFrom(...EDGE_DATES) }), value: overrideValue, source: fc.constantFrom('Local note', ''), confidence: fc.constantFrom('M', 'V', 'X') },
  { requiredKeys: ['from', 'value', 'source'] },
);
const series = fc.array(datedValue, { minLength: 0, maxLength: 5 });
const override: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: overrideValue },
  { weight: 2, arbitrary: series.map((vs) => [...vs].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) },
  { weight: 1, arbitrary: series },
  {
    weight: 1,
    arbitrary: fc.record({
      description: fc.constant('Fuzzed parameter'),
      type: fc.constantFrom(...PARAMETER_TYPES, 'furlongs'),
      keyedOn: fc.constantFrom('offence', 'conviction', 'sentence', 'birthday'),
      values: series,
    }),
  },
);
/** Values of the parameter's own type, the kind a policy team means to give. */
const typedValue = (type: string): fc.Arbitrary<unknown> =>
  type === 'boolean'
    ? fc.boolean()
    : type === 'date'
      ? isoDate
      : type === 'percent'
        ? fc.double({ min: 0, max: 100, noNaN: true })
        : type === 'tier'
          ? fc.integer({ min: 1, max: 4 })
          : fc.nat({ max: 60 });
const typedOverride = (type: string): fc.Arbitrary<unknown> => {
  const v = fc.oneof({ weight: 8, arbitrary: typedValue(type) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: overrideValue });
  const typedSeries = fc
    .uniqueArray(fc.record({ from: isoDate, value: v, source: fc.constant('Local note'), confidence: fc.constant('M') }), { minLength: 1, maxLength: 4, selector: (d) => d.from })
    .map((vs) => [...vs].sort((a, b) => (a.from < b.from ? -1 : 1)));
  return fc.oneof({ weight: 4, arbitrary: v }, { weight: 4, arbitrary: typedSeries }, { weight: 1, arbitrary: override });
};
const overrides = fc
  .uniqueArray(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PARAMETER_NAMES) }, { weight: 1, arbitrary: fc.constantFrom('local.cap', 'Bad name', ...HOSTILE_STRINGS) }), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), Object.hasOwn(BUNDLED_PARAMETERS, name) ? typedOverride(BUNDLED_PARAMETERS[name]!.type) : override))))
  .map((entries) => Object.fromEntries(entries));

const ORDER_FACT_NAMES = Object.keys(ORDER_FACTS);
const scalar = fc.oneof(fc.integer({ min: -2, max: 40 }), fc.boolean(), fc.constant(null), fc.constantFrom('low', 'medium', 'high', 'custody', 'community-order'));
const LIST_OPERATORS: readonly string[] = ['in', 'notIn'];
const leaf = fc
  .record({
    fact: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...ORDER_FACT_NAMES) }, { weight: 1, arbitrary: fc.constantFrom('order.nope', 'param.drr.minMonths', '__proto__') }),
    operator: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...OPERATORS) }, { weight: 1, arbitrary: fc.constant('regex') }),
    scalar,
    list: fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('low', 'medium', 'high')), { maxLength: 3 }),
    wrongShape: fc.nat({ max: 30 }),
  })
  // Mostly the value the operator takes (a list for in and notIn), now and then the other shape.
  .map(({ fact, operator, scalar, list, wrongShape }) => ({ fact, operator, value: LIST_OPERATORS.includes(operator) === (wrongShape > 0) ? list : scalar }));
const NAMED = ['c0', 'c1', 'c2', 'c3'];
const { node: condition } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
    fc.record({ condition: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...NAMED) }, { weight: 1, arbitrary: fc.constant('missing') }) }),
  ),
}));
/** A named condition that doubles: c{i} -> all[c{i+1}, c{i+1}], to grow packs past their bounds. */
const fuzzedPack = fc
  .record({
    named: fc.array(condition, { minLength: NAMED.length, maxLength: NAMED.length }),
    root: condition,
    doubling: fc.option(fc.integer({ min: 2, max: 30 }), { nil: undefined }),
    allowCycles: fc.nat({ max: 9 }),
  })
  .map(({ named, root, doubling, allowCycles }) => {
    const pack = extraPack();
    // Mostly, c{i} refers only to c{j} with j > i (no cycle); one pack in ten keeps what it drew.
    const acyclic = (node: unknown, i: number): unknown => {
      const n = node as Record<string, unknown>;
      if (typeof n.condition === 'string') {
        const j = NAMED.indexOf(n.condition);
        return j < 0 || j > i ? n : i + 1 < NAMED.length ? { condition: NAMED[i + 1] } : { fact: 'order.requirementCount', operator: 'greaterThan', value: 0 };
      }
      if (Array.isArray(n.all)) return { all: n.all.map((c) => acyclic(c, i)) };
      if (Array.isArray(n.any)) return { any: n.any.map((c) => acyclic(c, i)) };
      if (n.not !== undefined) return { not: acyclic(n.not, i) };
      return n;
    };
    const conditions: Record<string, unknown> = Object.fromEntries(named.map((c, i) => [NAMED[i]!, allowCycles === 0 ? c : acyclic(c, i)]));
    if (doubling !== undefined) {
      for (let i = 0; i < doubling; i++) conditions[`d${i}`] = { all: [{ condition: `d${i + 1}` }, { condition: `d${i + 1}` }] };
      conditions[`d${doubling}`] = { fact: 'order.requirementCount', operator: 'greaterThan', value: 0 };
      root = { any: [root, { condition: 'd0' }] };
    }
    if (Object.keys(conditions).length) pack.conditions = conditions;
    pack.rules[0].conditions = 'all' in root || 'any' in root || 'not' in root || 'condition' in root ? root : { all: [root] };
    return pack;
  });

/** Build a validator from fuzzed options: a validator, or the refusal it must be. */
function buildOrRefuse(build: () => Validator, refusals: readonly (new (...args: never[]) => Error)[]): Validator | undefined {
  const started = performance.now();
  try {
    return build();
  } catch (error) {
    if (!refusals.some((type) => error instanceof type)) throw error;
    const { message } = error as Error;
    if (message.length > 2_000) throw new Error(`a refusal of ${message.length} characters`);
    // Bounds meant to catch a hang or an explosion (seconds to minutes), not a busy machine.
    if (performance.now() - started > 10_000) throw new Error(`a refusal that took ${Math.round(performance.now() - started)} ms: ${message}`);
    return undefined;
  } finally {
    if (performance.now() - started > 10_000) throw new Error('building a validator took more than 10 s');
  }
}

describe(`fuzzing exotic values with ${OVERRIDE_RUNS.toLocaleString('en-GB')} orders`, () => {
  it(
    'a getter or a Proxy anywhere in a valid order: an InvalidOrderError at that place from validate, safeValidate and validateSync',
    async () => {
      const validator = createValidator();
      await fc.assert(
        fc.asyncProperty(exoticPlan, async (plan) => {
          const { order, path } = exoticOrder(plan);
          const answer = await validator.safeValidate(order); // must not throw
          expect(answer.success).toBe(false);
          if (answer.success) return;
          expect(answer.error).toBeInstanceOf(InvalidOrderError);
          expect(answer.error.issues.some((i) => startsWith(path, i.path) || startsWith(i.path, path))).toBe(true);
          await expect(validator.validate(order)).rejects.toBeInstanceOf(InvalidOrderError);
          expect(() => validator.validateSync(order)).toThrow(InvalidOrderError);
        }),
        optionParams(OVERRIDE_RUNS),
      );
    },
    Math.max(300_000, OVERRIDE_RUNS * 500),
  );
});

describe(`fuzzing the options with ${OVERRIDE_RUNS.toLocaleString('en-GB')} overrides and ${PACK_RUNS.toLocaleString('en-GB')} packs`, () => {
  it(
    'parameter overrides: refused with a ParameterError, or every value fits its type and every order is answered',
    async () => {
      const tally = { accepted: 0, refused: 0 };
      let built = 0;
      await fc.assert(
        fc.asyncProperty(overrides, async (parameters) => {
          const validator = buildOrRefuse(() => createValidator({ parameters }), [ParameterError]);
          if (!validator) return;
          built++;
          for (const [name, definition] of Object.entries(validator.parameters)) {
            for (const v of definition.values) {
              const problem = typeProblem(definition.type, v.value);
              if (problem) throw new Error(`${name} from ${v.from} was accepted but ${problem}`);
            }
          }
          for (const order of ORDERS) await checkOne(validator, order, tally, []);
        }),
        optionParams(OVERRIDE_RUNS),
      );
      console.info(`fuzzed overrides: ${built} of ${OVERRIDE_RUNS} accepted`);
      // Both sides must be reached for the property to mean anything.
      expect(built).toBeGreaterThan(OVERRIDE_RUNS * 0.1);
      expect(built).toBeLessThan(OVERRIDE_RUNS);
    },
    Math.max(300_000, OVERRIDE_RUNS * 500),
  );

  it(
    'rule packs: refused with a RulePackError, or loaded and giving the same findings under both evaluators',
    async () => {
      const tally = { accepted: 0, refused: 0 };
      let built = 0;
      await fc.assert(
        fc.asyncProperty(fuzzedPack, async (pack) => {
          const compiled = buildOrRefuse(() => createValidator({ rules: [pack] }), [RulePackError]);
          const reference = buildOrRefuse(() => createValidator({ rules: [pack], evaluator: 'json-rules-engine' }), [RulePackError]);
          expect(reference === undefined).toBe(compiled === undefined);
          if (!compiled || !reference) return;
          built++;
          for (const order of ORDERS) {
            const ours = await checkOne(compiled, order, tally, []);
            const theirs = await reference.safeValidate(order);
            expect(theirs.success).toBe(ours.success);
            if (ours.success && theirs.success) expect(ours.result).toEqual(theirs.result);
          }
        }),
        optionParams(PACK_RUNS),
      );
      console.info(`fuzzed packs: ${built} of ${PACK_RUNS} loaded`);
      expect(built).toBeGreaterThan(PACK_RUNS * 0.05);
      expect(built).toBeLessThan(PACK_RUNS);
    },
    Math.max(300_000, PACK_RUNS * 2_000),
  );
});
