import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, InvalidOrderError, ParameterError, RulePackError } from '../../src/index.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';
import { at, everyFieldOrder, expectNoPollution, extraPack, prototypeSnapshot, thrownBy, withOwnKey } from './support.js';

// Keys that, assigned or merged naively, reach an object's prototype. Each must be refused as an
// unknown key, wherever it appears, whether it came from JSON.parse or from an object literal.
const KEYS = ['__proto__', 'constructor', 'prototype'] as const;

// Every object in the input schema, so a hole in one nested strict object would show.
const OBJECT_PATHS: readonly (string | number)[][] = [
  [],
  ['offender'],
  ['offender', 'assessment'],
  ['offender', 'assessment', 'oasys'],
  ['offender', 'need'],
  ['offender', 'need', 'drugs'],
  ['offender', 'need', 'alcohol'],
  ['offences', 0],
  ['sentence'],
  ['requirements', 0],
  ['requirements', 0, 'provider'],
  ['requirements', 1, 'director'],
  ['requirements', 2],
  ['psr'],
  ['provision'],
  ['provision', 'drrWeeklyHours'],
  ['events', 0],
  ['events', 3],
];

const validator = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });
let before: string[];
beforeAll(() => {
  before = prototypeSnapshot();
});
afterAll(() => expectNoPollution(before));

async function refusal(input: unknown): Promise<InvalidOrderError> {
  const outcome = await validator.safeValidate(input);
  expect(outcome.success).toBe(false);
  if (outcome.success) throw new Error('accepted');
  expect(outcome.error).toBeInstanceOf(InvalidOrderError);
  await expect(reference.validate(input)).rejects.toBeInstanceOf(InvalidOrderError);
  return outcome.error;
}

describe('dangerous keys in a proposed order', () => {
  it('the base order is valid, so each refusal below is due to the key alone', async () => {
    expect((await validator.safeValidate(everyFieldOrder())).success).toBe(true);
  });

  for (const key of KEYS) {
    for (const path of OBJECT_PATHS) {
      const where = path.join('.') || '(root)';
      it(`refuses "${key}" at ${where} from JSON.parse, naming the object and the key`, async () => {
        const order = everyFieldOrder();
        withOwnKey(at(order, path) as object, key, { polluted: 'yes' });
        const parsed: unknown = JSON.parse(JSON.stringify(order));
        expect(Object.hasOwn(at(parsed, path) as object, key)).toBe(true);
        const error = await refusal(parsed);
        const issue = error.issues.find((i) => i.code === 'unrecognized_keys' && i.path.join('.') === path.join('.'));
        expect(issue, error.message).toBeDefined();
        expect(issue!.keys).toEqual([key]);
        expect(issue!.message).toContain(key);
        expectNoPollution(before);
      });

      it(`refuses "${key}" at ${where} as an own property of an object literal`, async () => {
        const order = everyFieldOrder();
        withOwnKey(at(order, path) as object, key, { polluted: 'yes' });
        const error = await refusal(order);
        expect(error.issues.some((i) => i.path.join('.') === path.join('.') && i.keys?.includes(key))).toBe(true);
        expectNoPollution(before);
      });
    }
  }

  for (const path of OBJECT_PATHS.filter((p) => p.length > 0)) {
    it(`refuses an object at ${path.join('.')} whose prototype carries fields (a literal __proto__)`, async () => {
      const order = everyFieldOrder();
      const parent = at(order, path.slice(0, -1)) as Record<string | number, unknown>;
      // `{ __proto__: x }` in a literal sets the prototype: the fields are inherited, not own.
      parent[path.at(-1)!] = { __proto__: { ...(parent[path.at(-1)!] as object), polluted: 'yes' } };
      const error = await refusal(order);
      expect(error.issues.some((i) => i.path.join('.') === path.join('.') && i.keys?.includes('polluted'))).toBe(true);
      expectNoPollution(before);
    });
  }

  const ENUM_FIELDS: readonly (string | number)[][] = [
    ['offences', 0, 'seriousness'],
    ['sentence', 'type'],
    ['requirements', 0, 'kind'],
    ['requirements', 0, 'intensity'],
    ['requirements', 0, 'setting'],
    ['events', 0, 'type'],
    ['psr', 'type'],
    ['offender', 'assessment', 'rosh'],
    ['provision', 'drrIntensities', 0],
  ];
  for (const path of ENUM_FIELDS) {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      it(`refuses "${name}" as the value of ${path.join('.')}, at that path`, async () => {
        const order = everyFieldOrder();
        (at(order, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = name;
        const error = await refusal(order);
        expect(error.issues.map((i) => i.path.join('.'))).toContain(path.join('.'));
      });
    }
  }

  it('a result never carries a key from the input onto an object prototype', async () => {
    const order = JSON.parse(JSON.stringify(lawfulMediumDrr()).replace('{"kind":"supervision"}', '{"kind":"supervision","__proto__":{"valid":false}}'));
    await refusal(order);
    const good = await validator.validate(clone(lawfulMediumDrr()));
    for (const r of good.requirements) expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  });
});

describe('dangerous keys in rule packs', () => {
  const FILE = 'local/extra.json';
  const load = (data: unknown) => createValidator({ rules: [{ file: FILE, data }] });

  it('the extra pack loads and fires without the key', async () => {
    const result = await load(JSON.parse(JSON.stringify(extraPack()))).validate(lawfulMediumDrr());
    expect(result.advisories.map((f) => f.code)).toContain('LOCAL_HAS_REQUIREMENTS');
  });

  // Where a key can hide: the pack, a rule, the root of its conditions (a zod record, which would
  // otherwise drop `__proto__` without a word), a leaf, a value object, the event and a citation.
  const PLACES: readonly { where: (string | number)[]; rule: boolean }[] = [
    { where: [], rule: false },
    { where: ['rules', 0], rule: true },
    { where: ['rules', 0, 'conditions'], rule: true },
    { where: ['rules', 0, 'conditions', 'all', 0], rule: true },
    { where: ['rules', 0, 'event', 'params'], rule: true },
    { where: ['rules', 0, 'event', 'params', 'citations', 0], rule: true },
  ];
  for (const key of KEYS) {
    for (const { where, rule } of PLACES) {
      it(`refuses "${key}" at ${where.join('.') || '(pack)'}, naming the file${rule ? ', the rule' : ''} and the path`, () => {
        const pack = extraPack();
        withOwnKey(at(pack, where) as object, key, { polluted: 'yes' });
        const error = thrownBy(() => load(JSON.parse(JSON.stringify(pack))));
        expect(error).toBeInstanceOf(RulePackError);
        const e = error as RulePackError;
        expect(e.file).toBe(FILE);
        if (rule) expect(e.rule).toBe('LOCAL_HAS_REQUIREMENTS');
        expect(e.message).toContain(FILE);
        expect(e.message).toContain([...where, key].join('.'));
        expectNoPollution(before);
      });
    }
  }

  it('refuses a named condition called "constructor"', () => {
    const pack: Record<string, any> = { ...extraPack(), conditions: { constructor: { all: [{ fact: 'order.requirementCount', operator: 'greaterThan', value: 0 }] } } };
    pack.rules[0].conditions = { all: [{ condition: 'constructor' }] };
    const error = thrownBy(() => load(pack)) as RulePackError;
    expect(error).toBeInstanceOf(RulePackError);
    expect(error.message).toMatch(/conditions\.constructor/);
  });

  for (const fact of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
    it(`refuses "${fact}" as a fact name: Object.prototype members are not facts`, () => {
      const pack = extraPack();
      pack.rules[0].conditions.all[0].fact = fact;
      const error = thrownBy(() => load(pack)) as RulePackError;
      expect(error).toBeInstanceOf(RulePackError);
      expect(error.message).toContain(`unknown fact "${fact}"`);
      expect(error.rule).toBe('LOCAL_HAS_REQUIREMENTS');
    });
  }

  it('refuses a pack whose prototype carries its fields', () => {
    const error = thrownBy(() => load({ __proto__: extraPack() })) as RulePackError;
    expect(error).toBeInstanceOf(RulePackError);
    expect(error.message).toMatch(/not a plain object/);
    expectNoPollution(before);
  });
});

describe('dangerous keys in parameter overrides', () => {
  for (const key of KEYS) {
    it(`refuses "${key}" as a parameter name from JSON, naming it`, () => {
      const overrides = JSON.parse(`{"${key}": {"polluted": "yes"}}`);
      const error = thrownBy(() => createValidator({ parameters: overrides })) as ParameterError;
      expect(error).toBeInstanceOf(ParameterError);
      expect(error.message).toContain(key);
      expectNoPollution(before);
    });

    it(`refuses "${key}" inside a dated override series`, () => {
      const series = [withOwnKey({ from: '2010-01-01', value: 8, source: 'Test', confidence: 'M' }, key, { polluted: 'yes' })];
      const error = thrownBy(() => createValidator({ parameters: JSON.parse(JSON.stringify({ 'drr.minMonths': series })) })) as ParameterError;
      expect(error).toBeInstanceOf(ParameterError);
      expect(error.message).toContain(`drr.minMonths.0.${key}`);
      expectNoPollution(before);
    });
  }

  it('refuses overrides whose prototype carries parameters (a literal __proto__)', () => {
    const error = thrownBy(() => createValidator({ parameters: { __proto__: { 'drr.minMonths': 3 } } as Record<string, unknown> }));
    expect(error).toBeInstanceOf(ParameterError);
    expectNoPollution(before);
  });
});
