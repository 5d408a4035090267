import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator, RulePackError } from '../../src/index.js';
import { BUNDLED_PACKS } from '../../src/engine/bundled.js';
import { PACK_LIMITS } from '../../src/engine/pack.js';
import { cli } from '../cli/support.js';
import { lawfulMediumDrr } from '../support/orders.js';
import { extraPack, thrownBy } from './support.js';

const EVALUATORS = ['compiled', 'json-rules-engine'] as const;
const LEAF = { fact: 'order.requirementCount', operator: 'greaterThan', value: 0 };

/** c1 -> all[c2, c2] -> ... -> c{levels}: a leaf. Written out, 2^levels conditions. */
function doubling(levels: number): Record<string, any> {
  const pack = extraPack();
  const conditions: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
  conditions[`c${levels}`] = LEAF;
  pack.conditions = conditions;
  pack.rules[0].conditions = { all: [{ condition: 'c1' }] };
  return pack;
}

/** c1 -> c2 -> ... -> c{length}: a leaf. */
function chain(length: number): Record<string, any> {
  const pack = extraPack();
  const conditions: Record<string, unknown> = {};
  for (let i = 1; i < length; i++) conditions[`c${i}`] = { not: { not: { condition: `c${i + 1}` } } };
  conditions[`c${length}`] = LEAF;
  pack.conditions = conditions;
  pack.rules[0].conditions = { all: [{ condition: 'c1' }] };
  return pack;
}

function refused(pack: unknown, evaluator: (typeof EVALUATORS)[number] = 'compiled'): RulePackError {
  const error = thrownBy(() => createValidator({ evaluator, rules: [{ file: 'local/extra.json', data: pack }] }));
  expect(error).toBeInstanceOf(RulePackError);
  return error as RulePackError;
}

const fires = async (pack: unknown, evaluator: (typeof EVALUATORS)[number]) =>
  (await createValidator({ evaluator, rules: [{ file: 'local/extra.json', data: pack }] }).validate(lawfulMediumDrr())).advisories.some((f) => f.code === 'LOCAL_HAS_REQUIREMENTS');

describe('packs cannot explode', () => {
  for (const evaluator of EVALUATORS) {
    it(`the control (${evaluator}): a doubling pack of 6 levels loads and fires`, async () => {
      expect(await fires(doubling(6), evaluator)).toBe(true);
    });

    it(`refuses 20 levels of doubling named conditions in under a second (${evaluator})`, () => {
      const started = performance.now();
      const error = refused(doubling(20), evaluator);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error.message).toMatch(/expand to \d+ conditions with named conditions written out, more than the 10000 allowed/);
      expect(error.rule).toMatch(/^condition c\d+$/);
    });

    it(`refuses 60 levels of doubling (2^60 written out) just as fast (${evaluator})`, () => {
      const started = performance.now();
      refused(doubling(60), evaluator);
      expect(performance.now() - started).toBeLessThan(1000);
    });
  }

  it('refuses a chain of 1,500 named conditions with a RulePackError, not a stack overflow', () => {
    expect(refused(chain(1500)).message).toMatch(/named conditions/);
  });

  it(`refuses a chain of ${PACK_LIMITS.namedConditions} named conditions (under the count) by its depth`, () => {
    expect(refused(chain(PACK_LIMITS.namedConditions)).message).toMatch(/more than 64 deep|nest \d+ deep/);
  });

  it('accepts a chain of 10 named conditions (the control for the depth bound)', async () => {
    expect(await fires(chain(10), 'json-rules-engine')).toBe(true);
  });

  it('refuses a shallow but wide pack whose rules together expand past the pack bound', () => {
    const pack = extraPack();
    const wide = { all: Array.from({ length: 100 }, () => LEAF) };
    pack.conditions = { w: { all: Array.from({ length: 90 }, () => wide) } };
    pack.rules[0].conditions = { all: [{ condition: 'w' }, { condition: 'w' }] };
    const copies = Array.from({ length: 20 }, (_, i) => ({ ...structuredClone(pack.rules[0]), name: `LOCAL_R${i}` }));
    pack.rules = copies;
    expect(refused(pack).message).toMatch(/more than/);
  });

  it('through the CLI --rules: the 20-level pack exits 2 quickly with either evaluator', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'proportionate-bomb-')), 'bomb.json');
    writeFileSync(file, JSON.stringify(doubling(20)));
    for (const evaluator of EVALUATORS) {
      const started = performance.now();
      const run = await cli(['check', '--rules', file, '--evaluator', evaluator, '-'], { stdin: JSON.stringify(lawfulMediumDrr()) });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/bomb\.json/);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});

describe('bounds on citations, widths, lists and rules', () => {
  const leafOf = (p: Record<string, any>) => p.rules[0].conditions.all[0];

  it('the control: a pack at each bound loads', () => {
    const pack = extraPack();
    pack.rules[0].event.params.citations = Array.from({ length: PACK_LIMITS.citations }, (_, i) => ({ source: 'Local practice note', provision: `para ${i}` }));
    pack.rules[0].conditions = { all: [{ fact: 'order.band', operator: 'in', value: Array.from({ length: PACK_LIMITS.listValues }, (_, i) => `band-${i}`) }, ...Array.from({ length: PACK_LIMITS.width - 1 }, () => LEAF)] };
    expect(() => createValidator({ rules: [pack] })).not.toThrow();
  });

  it(`refuses more than ${PACK_LIMITS.citations} citations on a rule`, () => {
    const pack = extraPack();
    pack.rules[0].event.params.citations = Array.from({ length: PACK_LIMITS.citations + 1 }, (_, i) => ({ source: 'Local practice note', provision: `para ${i}` }));
    expect(refused(pack).message).toMatch(/citations/);
  });

  it(`refuses an "all" of more than ${PACK_LIMITS.width} conditions`, () => {
    const pack = extraPack();
    pack.rules[0].conditions = { all: Array.from({ length: PACK_LIMITS.width + 1 }, () => LEAF) };
    expect(refused(pack).problem).toBe(`"all" lists ${PACK_LIMITS.width + 1} conditions, more than the ${PACK_LIMITS.width} allowed`);
  });

  it(`refuses an "any" of more than ${PACK_LIMITS.width} conditions in a named condition`, () => {
    const pack = extraPack();
    pack.conditions = { wide: { any: Array.from({ length: PACK_LIMITS.width + 1 }, () => LEAF) } };
    pack.rules[0].conditions = { all: [{ condition: 'wide' }] };
    expect(refused(pack).rule).toBe('condition wide');
  });

  it(`refuses an "in" list of more than ${PACK_LIMITS.listValues} values`, () => {
    const pack = extraPack();
    pack.rules[0].conditions.all[0] = { fact: 'order.band', operator: 'in', value: Array.from({ length: PACK_LIMITS.listValues + 1 }, (_, i) => i) };
    expect(refused(pack).problem).toMatch(/"in" lists 1001 values/);
    expect(leafOf(pack).operator).toBe('in');
  });

  it(`refuses more than ${PACK_LIMITS.rules} rules in a pack`, () => {
    const pack = extraPack();
    pack.rules = Array.from({ length: PACK_LIMITS.rules + 1 }, (_, i) => ({ ...structuredClone(pack.rules[0]), name: `LOCAL_R${i}` }));
    expect(refused(pack).message).toMatch(/rules/);
  });

  it(`refuses more than ${PACK_LIMITS.namedConditions} named conditions`, () => {
    const pack = extraPack();
    pack.conditions = Object.fromEntries(Array.from({ length: PACK_LIMITS.namedConditions + 1 }, (_, i) => [`c${i}`, LEAF]));
    expect(refused(pack).problem).toMatch(/named conditions, more than/);
  });

  it('refuses a list of 2 million rules at once, by its length', () => {
    const pack = extraPack();
    pack.rules = new Array(2_000_000).fill(pack.rules[0]);
    const started = performance.now();
    expect(refused(pack).message).toMatch(/items, more than/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('a caller pack cannot pose as a bundled one', () => {
  const bundledCode = 'DRR_NOT_WILLING';
  const poser = () => {
    const pack = extraPack();
    pack.rules[0].event.type = bundledCode;
    pack.rules[0].event.params.message = 'Invented text.';
    return pack;
  };

  it('the control: the caller pack under its own code loads, and the bundled code appears once', async () => {
    const result = await createValidator({ rules: [{ file: 'local/extra.json', data: extraPack() }] }).validate(lawfulMediumDrr());
    expect(result.advisories.map((f) => f.code)).toContain('LOCAL_HAS_REQUIREMENTS');
  });

  it('refuses a bundled code passed under a bundled file name', () => {
    const home = BUNDLED_PACKS.find((p) => (p.data as { rules: { event: { type: string } }[] }).rules.some((r) => r.event.type === bundledCode))!;
    const error = thrownBy(() => createValidator({ rules: [{ file: home.file, data: poser() }] }));
    expect(error).toBeInstanceOf(RulePackError);
    expect((error as RulePackError).file).toBe('pack local/extra');
  });

  it('refuses a bundled code passed under any other file name', () => {
    for (const file of ['local/extra.json', 'rules/guidance/new.json', 'rules/cja-2003/drug-rehabilitation.json ']) {
      const error = thrownBy(() => createValidator({ rules: [{ file, data: poser() }] })) as RulePackError;
      expect(error).toBeInstanceOf(RulePackError);
      expect(error.problem).toMatch(/already defined in the bundled pack/);
    }
  });

  it('refuses any caller pack passed under a bundled pack\'s file name, naming it by its id', () => {
    const error = thrownBy(() => createValidator({ rules: [{ file: BUNDLED_PACKS[0]!.file, data: extraPack() }] })) as RulePackError;
    expect(error).toBeInstanceOf(RulePackError);
    expect(error.message).toMatch(/^pack local\/extra: is passed under the file name of a bundled pack/);
  });
});
