import { describe, expect, it } from 'vitest';
import { createValidator, InvalidOrderError, REGIMES, type ValidationResult } from '../../src/index.js';
import { findingCodes, packs as rulePacks, parameters as ruleParameters } from '../../src/rules.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';
import { everyFieldOrder, extraPack, firstUnfrozen } from './support.js';

// A tension-rich order: the result has findings, facts with arrays, and shared citation lists.
function orderWithFindings(): Record<string, any> {
  const order = clone(lawfulMediumDrr()) as Record<string, any>;
  order.requirements[0].intensity = 'high';
  order.provision = { drrIntensities: ['low', 'medium'], area: 'Leeds' };
  return order;
}

/** Try every way a caller might write into a result; each must throw in strict mode (ESM is strict). */
function tamper(result: ValidationResult): void {
  const r = result as any;
  const finding = [...r.breaches, ...r.tensions, ...r.advisories, ...r.requirements.flatMap((q: any) => q.findings)][0];
  expect(finding).toBeDefined();
  expect(() => (r.ok = !r.ok)).toThrow(TypeError);
  expect(() => (r.regime.id = 'cja-2003')).toThrow(TypeError);
  expect(() => r.requirements.push({})).toThrow(TypeError);
  expect(() => (r.requirements[0].valid = false)).toThrow(TypeError);
  expect(() => (finding.message = 'changed')).toThrow(TypeError);
  expect(() => (finding.facts.changed = 1)).toThrow(TypeError);
  expect(() => (finding.citations[0].provision = 'changed')).toThrow(TypeError);
  expect(() => finding.citations.push({ source: 'x', provision: 'y' })).toThrow(TypeError);
  for (const value of Object.values(finding.facts)) if (Array.isArray(value)) expect(() => value.push('x')).toThrow(TypeError);
}

describe('results are frozen', () => {
  for (const evaluator of ['compiled', 'json-rules-engine'] as const) {
    it(`every object in a result is frozen (${evaluator})`, async () => {
      const v = createValidator({ evaluator });
      for (const order of [orderWithFindings(), lawfulCodeDrr(), everyFieldOrder()]) {
        const result = await v.validate(order);
        expect(firstUnfrozen(result)).toBeUndefined();
      }
    });

    it(`writing into one result cannot change the next (${evaluator})`, async () => {
      const v = createValidator({ evaluator });
      const first = await v.validate(orderWithFindings());
      const snapshot = structuredClone(first);
      tamper(first);
      expect(await v.validate(orderWithFindings())).toEqual(snapshot);
    });
  }

  it('a result shares nothing with the input: changing the input afterwards changes no result', async () => {
    const v = createValidator();
    const order = orderWithFindings();
    const result = await v.validate(order);
    const snapshot = structuredClone(result);
    order.provision.drrIntensities.push('high');
    order.provision.area = 'Bradford';
    order.requirements[0].intensity = 'low';
    expect(result).toEqual(snapshot);
  });

  it('validation does not change its input', async () => {
    const v = createValidator();
    for (const order of [orderWithFindings(), everyFieldOrder(), { ...lawfulMediumDrr(), requirements: 'none' }]) {
      const before = structuredClone(order);
      await v.safeValidate(order);
      expect(order).toStrictEqual(before);
    }
  });

  it('the issues of a refusal are frozen', async () => {
    const outcome = await createValidator().safeValidate({ ...lawfulMediumDrr(), sentenceDate: 'soon', extra: 1 });
    expect(outcome.success).toBe(false);
    if (outcome.success) return;
    expect(outcome.error).toBeInstanceOf(InvalidOrderError);
    expect(firstUnfrozen(outcome.error.issues)).toBeUndefined();
  });
});

describe('cached structures are frozen', () => {
  it("a validator's packs and parameters are frozen all the way down", () => {
    const v = createValidator({ rules: [{ file: 'local/extra.json', data: extraPack() }], parameters: { 'drr.minMonths': 3 } });
    expect(firstUnfrozen(v.packs)).toBeUndefined();
    expect(firstUnfrozen(v.parameters)).toBeUndefined();
  });

  it('proportionate/rules exports frozen packs and parameters, so one caller cannot change the law for another', async () => {
    expect(firstUnfrozen(rulePacks)).toBeUndefined();
    expect(firstUnfrozen(ruleParameters)).toBeUndefined();
    const drr = ruleParameters['drr.reviewRequiredAboveMonths'] as any;
    expect(() => (drr.values[0].value = 1)).toThrow(TypeError);
    const rule = rulePacks[0]!.rules[0] as any;
    expect(() => (rule.event.params.message = 'changed')).toThrow(TypeError);
    expect(() => (rule.conditions.extra = 1)).toThrow(TypeError);
  });

  it('the regimes and the finding code catalogue are frozen all the way down: the regime of a case cannot be moved by a caller', () => {
    expect(firstUnfrozen(REGIMES)).toBeUndefined();
    expect(firstUnfrozen(findingCodes)).toBeUndefined();
  });

  it('a caller who changes a pack after passing it cannot change the rules that were checked', async () => {
    const pack = extraPack();
    const v = createValidator({ rules: [{ file: 'local/extra.json', data: pack }] });
    const codes = async () => (await v.validate(lawfulMediumDrr())).advisories.map((f) => f.code);
    expect(await codes()).toContain('LOCAL_HAS_REQUIREMENTS');
    pack.rules[0].conditions.all[0].value = 99;
    pack.rules[0].conditions.all[0].path = '$..*';
    pack.rules[0].event.params.message = 'changed';
    expect(await codes()).toContain('LOCAL_HAS_REQUIREMENTS');
    const finding = (await v.validate(lawfulMediumDrr())).advisories.find((f) => f.code === 'LOCAL_HAS_REQUIREMENTS')!;
    expect(finding.message).toBe('The order has 2 requirements.');
  });

  it('a caller who changes an override after passing it cannot change the parameters', async () => {
    const overrides: Record<string, any> = { 'drr.minMonths': [{ from: '2005-04-04', value: 18, source: 'Test', confidence: 'M' }] };
    const v = createValidator({ parameters: overrides });
    const codes = async () => (await v.validate(lawfulMediumDrr())).requirements[0]!.findings.map((f) => f.code);
    expect(await codes()).toContain('DRR_PERIOD_TOO_SHORT');
    overrides['drr.minMonths'][0].value = 1;
    expect(await codes()).toContain('DRR_PERIOD_TOO_SHORT');
  });
});
