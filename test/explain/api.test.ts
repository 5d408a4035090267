/** `validate(input, { explain: true })`: the trace's shape, and nothing else changes with or without it. */
import { describe, expect, it } from 'vitest';
import { createValidator, type TraceLeaf } from '../../src/index.js';
import { forEachLeaf } from '../../src/engine/trace.js';
import { confidenceOfTag } from '../../src/law/confidence.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';

const compiled = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });

describe('the explain option', () => {
  it('without it, or with explain false, the result has no trace and is the same as before', async () => {
    const order = lawfulMediumDrr();
    const plain = compiled.validateSync(order);
    expect('trace' in plain).toBe(false);
    expect(JSON.stringify(compiled.validateSync(order, { explain: false }))).toBe(JSON.stringify(plain));
    expect(JSON.stringify(await compiled.validate(order, {}))).toBe(JSON.stringify(plain));
    expect('trace' in (await reference.validate(order))).toBe(false);
  });

  it('adds one entry per rule run: every rule of every order pack once, of every requirement pack once per requirement it runs on', () => {
    const order = lawfulMediumDrr();
    const { trace, requirements } = compiled.validateSync(order, { explain: true });
    let expected = 0;
    for (const pack of compiled.packs) {
      if (pack.scope === 'order') expected += pack.rules.length;
      else expected += pack.rules.length * requirements.filter((r) => !pack.kinds || pack.kinds.includes(r.kind)).length;
    }
    expect(trace!.length).toBe(expected);
    for (const t of trace!) {
      expect(Object.keys(t)).toEqual(t.requirementIndex === undefined ? ['pack', 'rule', 'code', 'fired', 'conditions'] : ['pack', 'rule', 'code', 'requirementIndex', 'fired', 'conditions']);
      expect(t.conditions.outcome).toBe(t.fired);
    }
  });

  it('gives each evaluated leaf its fact, operator, compared value, the fact value and outcome, and param values with source and confidence', () => {
    const order = lawfulMediumDrr();
    const entry = compiled.validateSync(order, { explain: true }).trace!.find((t) => t.rule === 'DRR_REVIEW_REQUIRED')!;
    expect(entry).toMatchObject({ pack: 'cja-2003/drug-rehabilitation', code: 'DRR_REVIEW_REQUIRED', requirementIndex: 0, fired: false });
    const leaves: TraceLeaf[] = [];
    forEachLeaf(entry.conditions, (l) => leaves.push(l));
    const months = leaves.find((l) => l.fact === 'requirement.months')!;
    const { value, source, confidence } = compiled.parameters['drr.reviewRequiredAboveMonths']!.values.findLast((v) => v.from <= order.sentenceDate)!;
    expect(months).toEqual({
      fact: 'requirement.months',
      operator: 'greaterThan',
      value: { fact: 'param.drr.reviewRequiredAboveMonths' },
      comparedValue: value,
      factValue: 12,
      outcome: false,
      parameters: [{ fact: 'param.drr.reviewRequiredAboveMonths', name: 'drr.reviewRequiredAboveMonths', value, source, confidence: confidenceOfTag(confidence) }],
    });
    // Short-circuited: the all failed at months, so what follows was never looked at.
    const after = leaves.slice(leaves.indexOf(months) + 1);
    expect(after.length).toBeGreaterThan(0);
    for (const l of after) expect(l).toEqual({ fact: l.fact, operator: l.operator, value: l.value, outcome: 'skipped' });
  });

  it('works the same through validate, validateSync and safeValidate, and freezes the trace', async () => {
    const order = lawfulMediumDrr();
    const sync = compiled.validateSync(order, { explain: true });
    expect(JSON.stringify(await compiled.validate(order, { explain: true }))).toBe(JSON.stringify(sync));
    const safe = await compiled.safeValidate(order, { explain: true });
    expect(safe.success && JSON.stringify(safe.result)).toBe(JSON.stringify(sync));
    // Frozen all the way down, with either evaluator, so no holder of a result can change what another sees.
    const open = (value: unknown): boolean => value !== null && typeof value === 'object' && (!Object.isFrozen(value) || Object.values(value).some(open));
    expect(open(sync.trace)).toBe(false);
    expect(open((await reference.validate(order, { explain: true })).trace)).toBe(false);
  });

  it('never changes the input, and the same input gives the same trace', () => {
    const order = lawfulMediumDrr();
    const before = clone(order);
    const a = JSON.stringify(compiled.validateSync(order, { explain: true }));
    expect(order).toEqual(before);
    expect(JSON.stringify(compiled.validateSync(order, { explain: true }))).toBe(a);
  });

  it('refuses options that are not an object, or an explain that is not true or false, with a TypeError', async () => {
    expect(() => compiled.validateSync(lawfulMediumDrr(), 'explain' as never)).toThrow(TypeError);
    expect(() => compiled.validateSync(lawfulMediumDrr(), { explain: 'yes' } as never)).toThrow(/options\.explain must be true or false/);
    await expect(reference.validate(lawfulMediumDrr(), { explain: 1 } as never)).rejects.toThrow(TypeError);
  });
});
