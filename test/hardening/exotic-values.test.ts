import { describe, expect, it } from 'vitest';
import { createValidator, InvalidOrderError, ParameterError, RulePackError } from '../../src/index.js';
import { lawfulMediumDrr } from '../support/orders.js';
import { extraPack, thrownBy } from './support.js';

const validator = createValidator();

const boom = () => {
  throw new Error('boom from a getter');
};
const revoked = (target: object = {}) => {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
};
/** A Proxy every one of whose traps throws. */
const hostile = (target: object = {}) =>
  new Proxy(target, {
    get: boom,
    has: boom,
    ownKeys: boom,
    getOwnPropertyDescriptor: boom,
    getPrototypeOf: boom,
  });
const withGetter = <T extends object>(target: T, key: string): T => Object.defineProperty(target, key, { get: boom, enumerable: true, configurable: true });

/** The order with one value swapped for an exotic one at a path. */
function orderWith(path: (string | number)[], value: unknown): unknown {
  const order = lawfulMediumDrr() as unknown as Record<string | number, unknown>;
  let node = order;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return order;
}

const EXOTIC_ORDERS: readonly [string, () => unknown][] = [
  ['a revoked Proxy as the order', () => revoked(lawfulMediumDrr())],
  ['a Proxy whose traps throw as the order', () => hostile(lawfulMediumDrr())],
  ['a throwing getter at the root', () => withGetter(lawfulMediumDrr(), 'offender')],
  ['a throwing getter in a requirement', () => orderWith(['requirements', 0], withGetter({ ...lawfulMediumDrr().requirements[0] }, 'months'))],
  ['a revoked Proxy as a requirement', () => orderWith(['requirements', 0], revoked())],
  ['a hostile Proxy as the requirements list', () => orderWith(['requirements'], hostile([]))],
  ['a revoked Proxy as a date', () => orderWith(['sentenceDate'], revoked())],
  // zod words an issue's message from the input only when it is read: the refusal itself must not throw.
  ['a revoked Proxy where a word is expected', () => orderWith(['offender', 'assessment', 'rosh'], revoked())],
  ['a revoked Proxy as an offence', () => orderWith(['offences', 0], revoked())],
  ['a hostile Proxy as the offender', () => orderWith(['offender'], hostile({}))],
];

describe('exotic values in the order give an InvalidOrderError, never a raw Error', () => {
  it('the control: the plain order validates', async () => {
    expect((await validator.validate(lawfulMediumDrr())).ok).toBe(true);
  });

  for (const [what, make] of EXOTIC_ORDERS) {
    it(`${what}: validate rejects with InvalidOrderError`, async () => {
      const error = await validator.validate(make()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidOrderError);
      expect((error as InvalidOrderError).message).toMatch(/cannot be read as data|Invalid proposed order/);
    });

    it(`${what}: safeValidate answers { success: false }`, async () => {
      const answer = await validator.safeValidate(make());
      expect(answer.success).toBe(false);
      if (!answer.success) expect(answer.error).toBeInstanceOf(InvalidOrderError);
    });

    it(`${what}: validateSync throws InvalidOrderError`, () => {
      expect(thrownBy(() => validator.validateSync(make()))).toBeInstanceOf(InvalidOrderError);
    });
  }

  it('names the path of a throwing getter where it can', async () => {
    const error = (await validator.safeValidate(orderWith(['requirements', 0], withGetter({ ...lawfulMediumDrr().requirements[0] }, 'months')))) as { error: InvalidOrderError };
    expect(error.error.issues[0]!.path).toEqual(['requirements', 0, 'months']);
  });

  it('with the json-rules-engine evaluator too', async () => {
    const jre = createValidator({ evaluator: 'json-rules-engine' });
    expect((await jre.safeValidate(revoked())).success).toBe(false);
  });
});

describe('exotic or wrong options give a readable TypeError, ParameterError or RulePackError', () => {
  const CASES: readonly [string, () => unknown, new (...args: never[]) => Error, RegExp][] = [
    ['createValidator(null)', () => createValidator(null as never), TypeError, /options must be an object, not null/],
    ['createValidator("abc")', () => createValidator('abc' as never), TypeError, /options must be an object, not "abc"/],
    ['createValidator([])', () => createValidator([] as never), TypeError, /options must be an object, not a list/],
    ['a class instance whose options are prototype getters', () => createValidator(new (class { get parameters() { return { 'drr.minMonths': 'abc' }; } })() as never), TypeError, /options must be a plain object/],
    ['a revoked Proxy as the options', () => createValidator(revoked() as never), TypeError, /options cannot be read/],
    ['a hostile Proxy as the options', () => createValidator(hostile() as never), TypeError, /options cannot be read: boom/],
    ['a throwing getter for options.parameters', () => createValidator(withGetter({}, 'parameters')), TypeError, /options\.parameters is an accessor/],
    ['a throwing getter for options.rules', () => createValidator(withGetter({}, 'rules')), TypeError, /options\.rules is an accessor/],
    ['rules: "abc"', () => createValidator({ rules: 'abc' as never }), RulePackError, /options\.rules: must be a list of rule packs, not a string/],
    ['rules: null', () => createValidator({ rules: null as never }), RulePackError, /options\.rules: must be a list of rule packs, not null/],
    ['rules as a revoked Proxy', () => createValidator({ rules: revoked([]) as never }), RulePackError, /options\.rules: (cannot be read|must be a list)/],
    ['rules as a hostile Proxy of a list', () => createValidator({ rules: hostile([]) as never }), RulePackError, /options\.rules: cannot be read: boom/],
    ['a revoked Proxy as a rule pack', () => createValidator({ rules: [revoked()] }), RulePackError, /options\.rules\[0\]/],
    ['a hostile Proxy as a rule pack', () => createValidator({ rules: [hostile()] }), RulePackError, /options\.rules\[0\]: cannot be read: boom/],
    ['a throwing getter in a rule pack', () => createValidator({ rules: [{ file: 'local/extra.json', data: withGetter(extraPack(), 'title') }] }), RulePackError, /local\/extra\.json: title: is an accessor/],
    ['a hostile Proxy inside a rule pack', () => createValidator({ rules: [{ file: 'local/extra.json', data: { ...extraPack(), rules: hostile([]) } }] }), RulePackError, /local\/extra\.json: rules: cannot be read: boom/],
    ['parameters: null', () => createValidator({ parameters: null as never }), ParameterError, /must be an object keyed by parameter name, not null/],
    ['parameters: "abc"', () => createValidator({ parameters: 'abc' as never }), ParameterError, /not a string/],
    ['parameters as a revoked Proxy', () => createValidator({ parameters: revoked() as never }), ParameterError, /Parameter overrides: \(root\): cannot be read/],
    ['a hostile Proxy as an override', () => createValidator({ parameters: { 'drr.minMonths': hostile([]) } }), ParameterError, /drr\.minMonths: cannot be read: boom/],
    ['a throwing getter as an override', () => createValidator({ parameters: withGetter({}, 'drr.minMonths') }), ParameterError, /drr\.minMonths: is an accessor/],
    ['provision as a revoked Proxy', () => createValidator({ provision: revoked() as never }), TypeError, /Invalid options\.provision: cannot be read/],
    ['a throwing getter in the provision', () => createValidator({ provision: withGetter({ area: 'Leeds' }, 'drrIntensities') as never }), TypeError, /Invalid options\.provision: provision\.drrIntensities: is an accessor/],
    ['an evaluator whose toString throws', () => createValidator({ evaluator: { toString: boom } as never }), TypeError, /Unknown evaluator an object/],
  ];

  it('the control: plain options are accepted', () => {
    expect(() => createValidator({ parameters: { 'drr.minMonths': 6 }, rules: [extraPack()], provision: { area: 'Leeds' }, evaluator: 'compiled' })).not.toThrow();
  });

  for (const [what, make, type, message] of CASES) {
    it(`${what}: ${type.name}`, () => {
      const error = thrownBy(make) as Error;
      expect(error).toBeInstanceOf(type);
      expect(error.message).toMatch(message);
      expect(error.message.length).toBeLessThan(500);
    });
  }

  it('a getter in the options is never run', () => {
    let ran = 0;
    const options = Object.defineProperty({}, 'parameters', {
      enumerable: true,
      get() {
        ran++;
        return {};
      },
    });
    expect(thrownBy(() => createValidator(options))).toBeInstanceOf(TypeError);
    expect(ran).toBe(0);
  });
});
