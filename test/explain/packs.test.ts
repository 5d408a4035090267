/**
 * Issue 16: an explanation for a fired and a not-fired rule of each pack. The packs are taken as
 * loaded (a new pack is covered without editing this file) and the orders are generated: first
 * those the library's arbitraries make to break each of the pack's codes, then a mixed, seeded
 * stream, until every pack has a rule that fired and one that did not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, describeLeaf, explainCode, explainRule, type ProposedOrderInput, type RuleTrace, type TraceCondition, type TraceLeaf, type ValidationResult } from '../../src/index.js';
import { breachableCodes, orderBreaching, orderInProgress, proposedOrder, validOrder } from '../../src/arbitraries/index.js';
import { forEachLeaf } from '../../src/engine/trace.js';
import { factLabel, valueWords } from '../../src/engine/trace-words.js';

const validator = createValidator();
const SEED = 16;

interface Found {
  readonly result: ValidationResult;
  readonly entry: RuleTrace;
}

/** For every pack, one rule run that fired and one that did not, from as few generated orders as it takes. */
function findRuns(): { fired: Map<string, Found>; quiet: Map<string, Found> } {
  const fired = new Map<string, Found>();
  const quiet = new Map<string, Found>();
  const take = (order: ProposedOrderInput): void => {
    const result = validator.validateSync(order, { explain: true });
    for (const entry of result.trace!) {
      const into = entry.fired ? fired : quiet;
      if (!into.has(entry.pack)) into.set(entry.pack, { result, entry });
    }
  };
  const done = () => validator.packs.every((p) => fired.has(p.id) && quiet.has(p.id));
  for (const pack of validator.packs) {
    for (const code of new Set(pack.rules.map((r) => r.event.type))) {
      if (fired.has(pack.id)) break;
      if (breachableCodes.includes(code)) fc.sample(orderBreaching(code), { numRuns: 3, seed: SEED }).forEach(take);
    }
  }
  const mixed = fc.oneof(proposedOrder(), validOrder(), orderInProgress());
  for (let round = 0; round < 20 && !done(); round++) fc.sample(mixed, { numRuns: 100, seed: SEED + round }).forEach(take);
  return { fired, quiet };
}

const { fired, quiet } = findRuns();

const leavesOf = (node: TraceCondition): TraceLeaf[] => {
  const out: TraceLeaf[] = [];
  forEachLeaf(node, (leaf) => out.push(leaf));
  return out;
};
/** What a leaf says before any note on where a parameter comes from. */
const gist = (leaf: TraceLeaf) => describeLeaf(leaf).split(' (')[0]!;
const whereOf = (entry: RuleTrace, result: ValidationResult) =>
  entry.requirementIndex === undefined ? 'the order' : `requirement ${entry.requirementIndex + 1} (${result.requirements[entry.requirementIndex]!.kind})`;

function expectPlainWords(text: string, entry: RuleTrace): void {
  expect(text).not.toMatch(/undefined|\[object|NaN/);
  // Only what was evaluated is a reason.
  expect(text).not.toContain('was not checked');
  // A parameter the explanation names comes with its source and confidence, the first time.
  for (const leaf of leavesOf(entry.conditions))
    for (const p of leaf.parameters ?? []) if (text.includes(`param ${p.name}`) && p.fact.startsWith('param.')) expect(text).toContain(`${p.source}, ${p.confidence}`);
}

describe.each(validator.packs.map((p) => [p.id]))('pack %s', (id) => {
  it('explains a rule that fired: where, and the conditions that held', () => {
    const found = fired.get(id);
    expect(found, `no generated order fired a rule of ${id}: give the arbitraries a way to break it`).toBeDefined();
    const { entry, result } = found!;
    const text = explainRule(entry, result.requirements.map((r) => r.kind));
    expect(text.startsWith(`fired on ${whereOf(entry, result)}: `), text).toBe(true);
    expectPlainWords(text, entry);
    const root = entry.conditions;
    // Every part of an `all` held, so every leaf directly under it is a reason.
    if ('all' in root) for (const part of root.all) if ('fact' in part) expect(text).toContain(gist(part));
    const evaluated = leavesOf(root).filter((l) => l.outcome !== 'skipped');
    expect(evaluated.some((l) => text.includes(gist(l)))).toBe(true);
    for (const l of evaluated.filter((l) => text.includes(gist(l)))) expect(text).toContain(`${factLabel(l.fact)} `);
    // The finding it raised is explained the same way by code.
    expect(explainCode(result, entry.code).some((line) => line.startsWith(`fired on ${whereOf(entry, result)}: `))).toBe(true);
  });

  it('explains a rule that did not fire: where, and the condition that failed', () => {
    const found = quiet.get(id);
    expect(found, `no generated order ran a rule of ${id} without firing it`).toBeDefined();
    const { entry, result } = found!;
    const text = explainRule(entry, result.requirements.map((r) => r.kind));
    expect(text.startsWith(`did not fire on ${whereOf(entry, result)}: `), text).toBe(true);
    expectPlainWords(text, entry);
    const root = entry.conditions;
    // An `all` fails at its first failing part; when that is a comparison, it is the reason given, with the fact's value.
    const failed = 'all' in root ? root.all.find((p) => p.outcome === false) : undefined;
    if (failed && 'fact' in failed) {
      expect(text).toContain(gist(failed));
      expect(text).toContain(`${factLabel(failed.fact)} `);
      if ('factValue' in failed && !['contains', 'doesNotContain'].includes(failed.operator)) expect(text).toContain(valueWords(failed.factValue, failed.fact));
    }
    expect(leavesOf(root).some((l) => l.outcome !== 'skipped' && text.includes(gist(l)))).toBe(true);
  });
});
