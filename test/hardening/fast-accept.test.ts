/**
 * The accept path (src/schema/fast-accept.ts) against zod, the source of truth: whenever the path
 * says an input is valid, zod says so too and returns the same output, key for key and in the same
 * order, built afresh and leaving the input as it was. When the path is not sure, zod decides, so
 * refusals are zod's by construction. Inputs: valid orders from the library's arbitraries, the same
 * orders mutated at a random place, and anything at all. A path that never accepted would pass
 * that vacuously, so it must also accept (nearly) every valid order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderInProgress, proposedOrder, validOrder } from '../../src/arbitraries/index.js';
import { acceptOrder, fastAccepter } from '../../src/schema/fast-accept.js';
import { ProposedOrderSchema } from '../../src/schema/order.js';
import { lawfulMediumDrr } from '../support/orders.js';

type Node = Record<string, unknown> | unknown[];

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

/** Every object and list reachable from a value, cycles and all. */
function nodesOf(value: unknown, seen = new Set<object>()): Set<object> {
  if (!isNode(value) || seen.has(value)) return seen;
  seen.add(value);
  for (const key of Object.keys(value)) nodesOf((value as Record<string, unknown>)[key], seen);
  return seen;
}

/** Keys in their order at every level: toStrictEqual does not look at order, zod's output has one. */
function keyOrder(value: unknown): unknown {
  if (!isNode(value)) return null;
  return Object.keys(value).map((key) => [key, keyOrder((value as Record<string, unknown>)[key])]);
}

/** The same path without generated code, as under a Content-Security-Policy: it must answer alike. */
const interpreted = fastAccepter(ProposedOrderSchema, { generateCode: false });

/** Whether the accept path took the input, having checked that zod agrees with what it returned. */
function agreesWithZod(input: unknown): boolean {
  const fast = acceptOrder(input);
  const zod = ProposedOrderSchema.safeParse(input);
  expect(interpreted(input), 'the interpreted path answers otherwise').toStrictEqual(fast);
  if (fast === undefined) return false;
  expect(zod.success, 'the accept path took an input zod refuses').toBe(true);
  expect(fast.success).toBe(true);
  expect(fast.data).toStrictEqual(zod.data);
  expect(keyOrder(fast.data)).toEqual(keyOrder(zod.data));
  // zod builds its output afresh: nothing in it is the caller's own object.
  const given = nodesOf(input);
  for (const node of nodesOf(fast.data)) expect(given.has(node), 'the output shares an object with the input').toBe(false);
  return true;
}

const RUNS = { valid: 600, mutated: 3000, anything: 2000 };

const validOrders = fc.oneof(proposedOrder(), orderInProgress(), orderInProgress({ onSchedule: true }), validOrder());

/** Values that break a field one way or another, and some that fit one somewhere else. */
const STRANGE_VALUES: readonly unknown[] = [
  undefined, null, true, false, 0, -0, -1, 0.5, 1, 4, 5, 21, 24, 50, 51, 120, 121, 168, 520, 2000, 2001, 1e21,
  Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity, '', 'x', 'x'.repeat(101), 'x'.repeat(501), 'x'.repeat(100_000),
  '2023-02-30', '2023-02-29', '2024-02-29', '2100-02-29', '2000-02-29', '1900-02-29', '1899-12-31', '1900-01-01',
  '1989-12-31', '1990-01-01', '2100-12-31', '2101-01-01', '2020-1-01', '2020-01-01T00:00:00Z', '2020-13-01', ' 2020-01-01',
  'low', 'medium', 'high', 'custody', 'community-order', 'suspended-sentence-order', 'dtto', 'standard',
  'drug-rehabilitation', 'alcohol-treatment', 'curfew', 'first-appointment', 'drug-test', 'moved-area',
  [], [1], {}, { kind: 'supervision' }, { type: 'warning', on: '2020-01-01' }, new Date(0), new Map(), Object.create(null),
];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'extra', '', 'kind', 'type', 'on', 'id'];

type Mutation =
  | { readonly op: 'drop' }
  | { readonly op: 'add'; readonly key: string; readonly value: unknown }
  | { readonly op: 'set'; readonly value: unknown }
  | { readonly op: 'nudge'; readonly pick: number }
  | { readonly op: 'empty' }
  | { readonly op: 'inherit' }
  | { readonly op: 'bare' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ op: 'drop' as const }),
  fc.record({ op: fc.constant('add' as const), key: fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string()), value: fc.constantFrom(...STRANGE_VALUES) }),
  fc.record({ op: fc.constant('set' as const), value: fc.constantFrom(...STRANGE_VALUES) }),
  fc.record({ op: fc.constant('set' as const), value: fc.anything({ maxDepth: 2 }) }),
  fc.record({ op: fc.constant('nudge' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('nudge' as const), pick: fc.nat() }),
  fc.constant({ op: 'empty' as const }),
  fc.constant({ op: 'inherit' as const }),
  fc.constant({ op: 'bare' as const }),
);

/** Every place in a value, as the node that holds it and the key it sits under. */
function placesOf(root: Node): [Node, string][] {
  const places: [Node, string][] = [];
  const walk = (node: Node) => {
    for (const key of Object.keys(node)) {
      places.push([node, key]);
      const child = (node as Record<string, unknown>)[key];
      if (isNode(child)) walk(child);
    }
  };
  walk(root);
  return places;
}

/**
 * An own, enumerable `__proto__` key, as JSON.parse makes one, where plain assignment would set the
 * prototype. An array's `length` is left as it is: no input has a list without one, and redefining
 * it to anything but a whole number throws here, in the mutator, not in the code under test.
 */
const putKey = (node: Node, key: string, value: unknown) => {
  if (Array.isArray(node) && key === 'length') return;
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
};

/** A value next to the one there: a number either side of it or of zero, a string a character longer or shorter, a day later or earlier. Limits are where the mistakes are. */
function nudged(value: unknown, pick: number): unknown {
  if (typeof value === 'number') {
    const near = [value + 1, value - 1, value + 0.5, value - 0.5, 0, -0, -1, 0.5, -value, value * 2, value + Number.EPSILON];
    return near[pick % near.length];
  }
  if (typeof value === 'string') {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
    const near = [
      value + 'x', value.slice(1), value.repeat(2),
      ...(Number.isNaN(day) ? [] : [-86_400_000, 86_400_000, -366 * 86_400_000, 40 * 366 * 86_400_000].map((ms) => new Date(day + ms).toISOString().slice(0, 10))),
    ];
    return near[pick % near.length];
  }
  if (typeof value === 'boolean') return pick % 2 === 0 ? !value : String(value);
  return value;
}

function mutate(order: unknown, picks: readonly { readonly at: number; readonly change: Mutation }[]): unknown {
  const root = { order: structuredClone(order) } as Record<string, unknown>;
  for (const { at, change } of picks) {
    const places = placesOf(root);
    if (places.length === 0) break;
    const [node, key] = places[at % places.length]!;
    const value = (node as Record<string, unknown>)[key];
    switch (change.op) {
      case 'drop':
        // Not splice: an added `constructor` key would send it looking for a species.
        if (Array.isArray(node)) node.copyWithin(Number(key), Number(key) + 1).length--;
        else delete node[key];
        break;
      case 'add':
        putKey(isNode(value) ? value : node, change.key, change.value);
        break;
      case 'set':
        putKey(node, key, change.value);
        break;
      case 'nudge':
        putKey(node, key, nudged(value, change.pick));
        break;
      case 'empty':
        putKey(node, key, Array.isArray(value) ? [] : isNode(value) ? {} : value);
        break;
      case 'inherit':
        // The same fields, read through the prototype: zod reads inherited keys, so the path must too.
        if (isNode(value)) putKey(node, key, Object.create(value));
        break;
      case 'bare':
        if (isNode(value) && !Array.isArray(value)) putKey(node, key, Object.assign(Object.create(null), value));
        break;
    }
  }
  return root.order;
}

describe('the accept path agrees with zod', () => {
  it(`takes ${RUNS.valid} valid orders (nearly) all, with zod's own output, and leaves them as they were`, () => {
    let valid = 0;
    let taken = 0;
    fc.assert(
      fc.property(validOrders, (order) => {
        const before = structuredClone(order);
        if (ProposedOrderSchema.safeParse(order).success) valid++;
        if (agreesWithZod(order)) taken++;
        expect(order).toStrictEqual(before);
      }),
      { numRuns: RUNS.valid },
    );
    expect(valid).toBe(RUNS.valid);
    expect(taken / valid).toBeGreaterThanOrEqual(0.95);
  });

  it(`takes only what zod takes, as zod takes it, from ${RUNS.mutated} mutated orders`, () => {
    let taken = 0;
    let zodTook = 0;
    fc.assert(
      fc.property(validOrders, fc.array(fc.record({ at: fc.nat(), change: mutation }), { minLength: 1, maxLength: 3 }), (order, picks) => {
        const input = mutate(order, picks);
        if (ProposedOrderSchema.safeParse(input).success) zodTook++;
        if (agreesWithZod(input)) taken++;
      }),
      { numRuns: RUNS.mutated },
    );
    // Some mutants stay valid (an optional field dropped, a date moved within range): the path must take those too, not only the untouched orders.
    expect(zodTook).toBeGreaterThan(RUNS.mutated / 20);
    expect(taken / zodTook).toBeGreaterThanOrEqual(0.95);
  });

  it(`takes only what zod takes from ${RUNS.anything} arbitrary values`, () => {
    const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withDate: true, withMap: true, withSet: true, withObjectString: true, withTypedArray: true });
    fc.assert(fc.property(anything, (input) => void agreesWithZod(input)), { numRuns: RUNS.anything });
  });

  it('leaves to zod what it cannot read without throwing, and zod refuses it as before', () => {
    const order = lawfulMediumDrr() as unknown as Record<string, unknown>;
    Object.defineProperty(order, 'sentenceDate', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(acceptOrder(order)).toBeUndefined();
    const { proxy, revoke } = Proxy.revocable(lawfulMediumDrr(), {});
    revoke();
    expect(acceptOrder(proxy)).toBeUndefined();
  });

  it('takes an order whose optional field is present but undefined, keeping the key as zod does', () => {
    const order = { ...lawfulMediumDrr(), asOf: undefined };
    expect(agreesWithZod(order)).toBe(true);
    expect(Object.hasOwn(acceptOrder(order)!.data, 'asOf')).toBe(true);
  });

  it('agrees with zod at the edges of every field of the order schema, one field at a time', () => {
    // Each leaf inside an object of its own, so that it is tested as it runs in an order: written into the object's code.
    let taken = 0;
    for (const leaf of leavesOf(ProposedOrderSchema)) {
      const accept = fastAccepter(z.strictObject({ v: leaf as z.ZodType }));
      const unwritten = fastAccepter(z.strictObject({ v: leaf as z.ZodType }), { generateCode: false });
      const parse = z.strictObject({ v: leaf as z.ZodType });
      for (const v of EDGES) {
        const input = { v };
        const fast = accept(input);
        const zod = parse.safeParse(input);
        expect(unwritten(input)).toStrictEqual(fast);
        if (fast === undefined) continue;
        taken++;
        expect(zod.success, `${String(v)} taken where zod refuses it`).toBe(true);
        expect(fast.data).toStrictEqual(zod.data);
      }
    }
    expect(taken).toBeGreaterThan(100);
  });
});

const BOUNDS = [0, 1, 4, 10, 20, 21, 24, 50, 100, 120, 168, 500, 520, 1000, 2000];
/** Numbers on and either side of every bound in the schema, strings of every length a bound turns on, and dates at the ends of their ranges. */
const EDGES: readonly unknown[] = [
  ...BOUNDS.flatMap((b) => [b - 1, b - 0.5, b - 1e-9, b, b + 1e-9, b + 0.5, b + 1]),
  -0, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE,
  ...[0, 1, 9, 10, 11, 99, 100, 101, 499, 500, 501].map((n) => 'x'.repeat(n)),
  '1899-12-31', '1900-01-01', '1900-02-29', '1904-02-29', '1989-12-31', '1990-01-01', '1992-02-29', '2000-02-29', '2023-02-29', '2023-02-30', '2100-12-31', '2101-01-01', '2100-02-29',
  'low', 'medium', 'high', 'very-high', 'custody', 'resident', 'standard', 'dtto', 'warning', 'curfew',
  true, false, null, undefined, [], {}, '1', '0',
];

/** The leaves of a schema and the optional wrappers around them: whatever an object's code may have written into it. */
function leavesOf(schema: unknown, found = new Set<unknown>()): Set<unknown> {
  const def = (schema as { _zod: { def: { type: string; shape?: Record<string, unknown>; options?: unknown[]; element?: unknown; innerType?: unknown } } })._zod.def;
  if (def.type === 'object') for (const field of Object.values(def.shape ?? {})) leavesOf(field, found);
  else if (def.type === 'union') for (const option of def.options ?? []) leavesOf(option, found);
  else if (def.type === 'array') leavesOf(def.element, found);
  else {
    found.add(schema);
    if (def.type === 'optional') leavesOf(def.innerType, found);
  }
  return found;
}
