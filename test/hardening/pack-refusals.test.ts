import { describe, expect, it } from 'vitest';
import { createValidator, RulePackError } from '../../src/index.js';
import { BUNDLED_PACKS, BUNDLED_PARAMETERS } from '../../src/engine/bundled.js';
import { loadPacks } from '../../src/engine/load.js';
import { MAX_DATA_DEPTH } from '../../src/freeze.js';
import { lawfulMediumDrr } from '../support/orders.js';
import { extraPack, thrownBy } from './support.js';

const FILE = 'local/extra.json';
const RULE = 'LOCAL_HAS_REQUIREMENTS';

/** Load the extra pack beside the bundled ones, as a caller would; return the refusal. */
function refusal(edit: (pack: Record<string, any>) => void, options: { file?: string; extra?: unknown[] } = {}): RulePackError {
  const pack = extraPack();
  edit(pack);
  const error = thrownBy(() => createValidator({ rules: [...(options.extra ?? []), { file: options.file ?? FILE, data: pack }] }));
  expect(error).toBeInstanceOf(RulePackError);
  return error as RulePackError;
}

/** The refusal names the file and the rule in its fields and in its message. */
function expectNamed(error: RulePackError, rule: string | undefined = RULE, file = FILE): void {
  expect(error.file).toBe(file);
  expect(error.message.startsWith(file)).toBe(true);
  if (rule) {
    expect(error.rule).toBe(rule);
    expect(error.message).toContain(`rule "${rule}"`);
  }
}

const leaf = (pack: Record<string, any>) => pack.rules[0].conditions.all[0];

describe('the control', () => {
  it('the unedited extra pack loads beside the bundled packs and fires', async () => {
    const result = await createValidator({ rules: [{ file: FILE, data: extraPack() }] }).validate(lawfulMediumDrr());
    expect(result.advisories.find((f) => f.code === 'LOCAL_HAS_REQUIREMENTS')?.message).toBe('The order has 2 requirements.');
  });

  it('a pack passed without a file name is named by its own id, not by a position', () => {
    const pack = extraPack();
    leaf(pack).fact = 'order.nope';
    const error = thrownBy(() => createValidator({ rules: [pack] })) as RulePackError;
    expect(error.file).toBe('pack local/extra');
    expect(error.message).toMatch(/^pack local\/extra rule "LOCAL_HAS_REQUIREMENTS": unknown fact/);
  });

  it('a pack with neither a file name nor a usable id is named by its place in options.rules', () => {
    const pack = extraPack();
    pack.id = 'Not An Id';
    const error = thrownBy(() => createValidator({ rules: [extraPack(), pack] })) as RulePackError;
    expect(error.file).toBe('options.rules[1]');
  });

  it('the bundled packs pass the same checks the extra packs get', () => {
    expect(loadPacks(BUNDLED_PACKS, BUNDLED_PARAMETERS).length).toBe(BUNDLED_PACKS.length);
  });

  it('a bundled pack with a fault is refused with its own file named (the checks do not depend on who passes the pack)', () => {
    const [first, ...rest] = BUNDLED_PACKS;
    const broken = structuredClone(first!.data) as Record<string, any>;
    broken.rules[0].conditions = { all: [{ fact: 'order.nope', operator: 'equal', value: 1 }] };
    const error = thrownBy(() => loadPacks([{ file: first!.file, data: broken }, ...rest], BUNDLED_PARAMETERS)) as RulePackError;
    expectNamed(error, broken.rules[0].name, first!.file);
  });
});

describe('unknown fact names', () => {
  it('refuses a misspelt order fact', () => {
    const error = refusal((p) => (leaf(p).fact = 'order.requirementCuont'));
    expectNamed(error);
    expect(error.problem).toBe('unknown fact "order.requirementCuont"');
  });

  it('refuses a requirement fact in an order-scoped pack', () => {
    expectNamed(refusal((p) => (leaf(p).fact = 'requirement.months')));
  });

  it('refuses an unknown parameter', () => {
    expect(refusal((p) => (leaf(p).fact = 'param.drr.maxMonths')).problem).toBe('unknown fact "param.drr.maxMonths"');
  });

  it('refuses an unknown fact compared against', () => {
    expect(refusal((p) => (leaf(p).value = { fact: 'order.nope' })).problem).toMatch(/unknown fact "order\.nope"/);
  });

  it('refuses an unknown fact in the event report', () => {
    const error = refusal((p) => p.rules[0].event.params.facts.push('order.nope'));
    expectNamed(error);
    expect(error.problem).toMatch(/unknown fact "order\.nope"/);
  });

  it('refuses a message placeholder the event does not report', () => {
    expect(refusal((p) => (p.rules[0].event.params.message = 'Band {order.band}')).problem).toMatch(/\{order\.band\}/);
  });

  it('refuses a tier family outside omTier.*, which the order facts never fill in', () => {
    const definition = (value: number) => ({ description: 'Test', type: 'rank', keyedOn: 'sentence', values: [{ from: '1990-01-01', value, source: 'Test', confidence: 'M' }] });
    const parameters = Object.fromEntries(['1', '2', '3', '4'].map((t) => [`local.limit.${t}`, definition(Number(t))]));
    const pack = extraPack();
    leaf(pack).fact = 'param.local.limit';
    const error = thrownBy(() => createValidator({ parameters, rules: [{ file: FILE, data: pack }] })) as RulePackError;
    expect(error).toBeInstanceOf(RulePackError);
    expect(error.problem).toBe('unknown fact "param.local.limit"');
    // Each member is still a fact of its own.
    leaf(pack).fact = 'param.local.limit.2';
    expect(() => createValidator({ parameters, rules: [{ file: FILE, data: pack }] })).not.toThrow();
  });
});

describe('unknown operators and JSONPath', () => {
  for (const operator of ['regex', 'startsWith', 'between', 'constructor', 'EQUAL']) {
    it(`refuses the operator "${operator}"`, () => {
      const error = refusal((p) => (leaf(p).operator = operator));
      expectNamed(error);
      expect(error.problem).toBe(`unknown operator "${operator}"`);
    });
  }

  it('refuses a condition with a JSONPath "path", even a harmless one', () => {
    const error = refusal((p) => (leaf(p).path = '$.length'));
    expectNamed(error);
    expect(error.problem).toMatch(/"path"/);
  });

  it('refuses the jsonpath-plus CVE-2025-1302 style payload before any evaluator sees it', () => {
    const error = refusal((p) => (leaf(p).path = "$..[?(p=\"console.log(this.process.mainModule.require('child_process').execSync('id').toString())\";a=''[['constructor']][['constructor']](p);a())]"));
    expect(error.problem).toMatch(/"path"/);
  });

  it('refuses fact params, which would let a rule ask a fact for something computed', () => {
    expect(refusal((p) => (leaf(p).params = { index: 0 })).problem).toMatch(/params/);
  });

  it('refuses a leaf with an unknown key', () => {
    expect(refusal((p) => (leaf(p).factt = 'x')).problem).toBe('unknown condition key "factt"');
  });

  it('refuses an empty "all"', () => {
    expect(refusal((p) => (p.rules[0].conditions = { all: [] })).problem).toMatch(/non-empty list/);
  });

  it('refuses a list value for an operator that compares one value', () => {
    expect(refusal((p) => (leaf(p).value = [1, 2])).problem).toMatch(/only "in" and "notIn"/);
  });
});

describe('named conditions', () => {
  const withShared = (p: Record<string, any>, conditions: Record<string, unknown>) => {
    p.conditions = conditions;
    p.rules[0].conditions = { all: [{ condition: 'a' }] };
  };

  it('refuses a reference to a condition that does not exist', () => {
    const error = refusal((p) => (p.rules[0].conditions = { all: [{ condition: 'missing' }] }));
    expectNamed(error);
    expect(error.problem).toMatch(/"missing" names no condition/);
  });

  it('refuses a condition that refers to itself', () => {
    const error = refusal((p) => withShared(p, { a: { any: [{ condition: 'a' }] } }));
    expect(error.rule).toBe('condition a');
    expect(error.problem).toMatch(/cycle: a -> a/);
  });

  it('refuses conditions that refer to each other in a cycle', () => {
    const error = refusal((p) =>
      withShared(p, { a: { all: [{ fact: 'order.requirementCount', operator: 'greaterThan', value: 0 }, { condition: 'b' }] }, b: { not: { condition: 'a' } } }),
    );
    expect(error.message).toMatch(/cycle: a -> b -> a/);
  });

  it('accepts a chain without a cycle', () => {
    const pack = extraPack();
    withShared(pack, { a: { all: [{ condition: 'b' }] }, b: { fact: 'order.requirementCount', operator: 'greaterThan', value: 0 } });
    expect(() => createValidator({ rules: [{ file: FILE, data: pack }] })).not.toThrow();
  });
});

describe('codes, names and ids used twice', () => {
  it('refuses a code that a bundled pack already defines, naming both files', () => {
    const error = refusal((p) => (p.rules[0].event.type = 'DRR_NOT_WILLING'));
    expectNamed(error);
    expect(error.problem).toMatch(/DRR_NOT_WILLING is already defined in the bundled pack rules\/cja-2003\/drug-rehabilitation\.json/);
  });

  it('refuses a code that another extra pack defines', () => {
    const other: Record<string, any> = { ...extraPack(), id: 'local/other' };
    other.rules[0].name = 'LOCAL_OTHER';
    const error = refusal(() => undefined, { extra: [{ file: 'local/other.json', data: other }] });
    expectNamed(error);
    expect(error.problem).toMatch(/already defined in local\/other\.json/);
  });

  it('refuses one code with two kinds in one pack', () => {
    const error = refusal((p) => {
      const second = structuredClone(p.rules[0]);
      second.name = 'LOCAL_SECOND';
      second.event.params.kind = 'tension';
      p.rules.push(second);
    });
    expectNamed(error, 'LOCAL_SECOND');
    expect(error.problem).toBe('code LOCAL_HAS_REQUIREMENTS is an advisory elsewhere in this pack, not a tension');
  });

  it('accepts one code from two rules of one pack with the same kind (a law restated)', () => {
    const pack = extraPack();
    const second = structuredClone(pack.rules[0]);
    second.name = 'LOCAL_SECOND';
    pack.rules.push(second);
    expect(() => createValidator({ rules: [{ file: FILE, data: pack }] })).not.toThrow();
  });

  it('refuses a rule name used in a bundled pack', () => {
    const name = (BUNDLED_PACKS[0]!.data as { rules: { name: string }[] }).rules[0]!.name;
    const error = refusal((p) => (p.rules[0].name = name));
    expectNamed(error, name);
    expect(error.problem).toContain(BUNDLED_PACKS[0]!.file);
  });

  it('refuses a pack id used by a bundled pack', () => {
    const id = (BUNDLED_PACKS[0]!.data as { id: string }).id;
    expect(refusal((p) => (p.id = id)).problem).toContain(`pack id "${id}" is also used by ${BUNDLED_PACKS[0]!.file}`);
  });

  it('refuses a code that is not UPPER_SNAKE_CASE', () => {
    expectNamed(refusal((p) => (p.rules[0].event.type = 'local-code')));
  });
});

describe('citations and confidence', () => {
  it('refuses a rule with an empty citation list', () => {
    const error = refusal((p) => (p.rules[0].event.params.citations = []));
    expectNamed(error);
    expect(error.problem).toMatch(/rules\.0\.event\.params\.citations/);
  });

  it('refuses a rule with no citations at all', () => {
    const error = refusal((p) => delete p.rules[0].event.params.citations);
    expectNamed(error);
    expect(error.problem).toMatch(/citations/);
  });

  it('refuses a citation without a provision', () => {
    const error = refusal((p) => delete p.rules[0].event.params.citations[0].provision);
    expectNamed(error);
    expect(error.problem).toMatch(/citations\.0\.provision/);
  });

  it('refuses a rule without a confidence', () => {
    const error = refusal((p) => delete p.rules[0].event.params.confidence);
    expectNamed(error);
    expect(error.problem).toMatch(/confidence/);
  });

  it('refuses a confidence outside verified, secondary, unverified', () => {
    expectNamed(refusal((p) => (p.rules[0].event.params.confidence = 'certain')));
  });

  it('refuses citations that leave a regime uncovered', () => {
    const error = refusal((p) => (p.rules[0].event.params.citations[0].regimes = ['cja-2003']));
    expectNamed(error);
    expect(error.problem).toMatch(/no citation applies under the pcc-s-a-2000 regime/);
  });

  it('names a later rule by its name, not only the first', () => {
    const error = refusal((p) => {
      const second = structuredClone(p.rules[0]);
      second.name = 'LOCAL_SECOND';
      second.event.type = 'LOCAL_SECOND';
      delete second.event.params.confidence;
      p.rules.push(second);
    });
    expectNamed(error, 'LOCAL_SECOND');
  });
});

describe('data that is not plain JSON', () => {
  it(`refuses conditions nested deeper than ${MAX_DATA_DEPTH} levels, instead of overflowing the stack`, () => {
    let node: Record<string, unknown> = { fact: 'order.requirementCount', operator: 'greaterThan', value: 0 };
    for (let i = 0; i < 5000; i++) node = { not: node };
    const error = refusal((p) => (p.rules[0].conditions = node));
    expectNamed(error);
    expect(error.problem).toMatch(/nested deeper than/);
  });

  it('accepts conditions nested a little (the limit does not bite real packs)', () => {
    let node: Record<string, unknown> = { fact: 'order.requirementCount', operator: 'greaterThan', value: 0 };
    for (let i = 0; i < 10; i++) node = { not: { not: node } };
    const pack = extraPack();
    pack.rules[0].conditions = { all: [node] };
    expect(() => createValidator({ rules: [{ file: FILE, data: pack }] })).not.toThrow();
  });

  const NOT_JSON: readonly [string, unknown, RegExp][] = [
    ['a function', () => 1, /function is not JSON/],
    ['NaN', Number.NaN, /NaN is not a JSON number/],
    ['Infinity', Number.POSITIVE_INFINITY, /Infinity is not a JSON number/],
    ['a Date', new Date(0), /not a plain object/],
    ['a Map', new Map(), /not a plain object/],
    ['a bigint', 1n, /bigint is not JSON/],
    ['undefined', undefined, /undefined is not JSON/],
  ];
  for (const [what, value, message] of NOT_JSON) {
    it(`refuses ${what} as a condition value, with the path`, () => {
      const error = refusal((p) => (leaf(p).value = value));
      expectNamed(error);
      expect(error.problem).toMatch(message);
      expect(error.problem).toContain('rules.0.conditions.all.0.value');
    });
  }

  it('refuses an accessor, without running it', () => {
    let ran = false;
    const error = refusal((p) =>
      Object.defineProperty(leaf(p), 'value', {
        enumerable: true,
        get() {
          ran = true;
          return 0;
        },
      }),
    );
    expect(error.problem).toMatch(/accessor/);
    expect(ran).toBe(false);
  });

  it('refuses a pack that refers to itself', () => {
    const error = refusal((p) => (p.rules[0].self = p));
    expect(error.problem).toMatch(/refers back to itself/);
  });

  it('refuses a pack that is not an object at all', () => {
    const error = thrownBy(() => createValidator({ rules: [{ file: FILE, data: 'rules' }] })) as RulePackError;
    expect(error).toBeInstanceOf(RulePackError);
    expect(error.message).toContain(FILE);
  });

  it('refuses an invalid finding in an order-scoped pack', () => {
    expectNamed(refusal((p) => (p.rules[0].event.params.kind = 'invalid')));
  });
});
