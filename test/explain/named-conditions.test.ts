/**
 * Named conditions are evaluated once per run, not once per reference (issue 14.2's evaluator
 * part), by both evaluators; and the trace names them and resolves them. The explosive pack is
 * built here and handed to the evaluators directly: load bounds a pack's expanded size (another
 * part of issue 14), so through the API such a pack is refused before it could run.
 */
import { describe, expect, it } from 'vitest';
import { compiledEvaluator } from '../../src/engine/compiled.js';
import type { FactLayers } from '../../src/engine/evaluator.js';
import { jsonRulesEngineEvaluator } from '../../src/engine/jre.js';
import type { LoadedPack } from '../../src/engine/load.js';
import type { TraceCondition, TraceReference } from '../../src/engine/trace.js';
import { createValidator } from '../../src/index.js';
import { readFileSync } from 'node:fs';

/** c0 -> all[c1, c1], c1 -> all[c2, c2], ... : 2^depth comparisons if each reference were evaluated afresh. */
function doubling(depth: number): LoadedPack {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
  conditions[`c${depth}`] = { fact: 'order.requirementCount', operator: 'greaterThan', value: 1 };
  const event = { type: 'DOUBLED', params: { kind: 'advisory', message: 'm', facts: [], citations: [{ source: 's', provision: 'p' }], confidence: 'verified' } };
  return { id: 'test/doubling', title: 't', law: 'l', scope: 'order', file: 'doubling.json', conditions, rules: [{ name: 'DOUBLED', conditions: { all: [{ condition: 'c0' }, { condition: 'c0' }] }, event }] } as unknown as LoadedPack;
}

/** Order facts whose one fact counts how often it is read. */
function counted(value: number): { layers: FactLayers; reads: () => number; set: (v: number) => void } {
  let reads = 0;
  let current = value;
  const order = {
    get 'order.requirementCount'() {
      reads++;
      return current;
    },
  };
  return { layers: { params: {}, order, events: {} }, reads: () => reads, set: (v) => (current = v) };
}

const route = () => 'order' as const;
const DEPTH = 40;

describe('a named condition is evaluated once per run', () => {
  it('compiled: one read of the fact per run at depth 40, and the next run reads it afresh', () => {
    const evaluator = compiledEvaluator(doubling(DEPTH), route);
    const facts = counted(2);
    expect(evaluator.runSync!(facts.layers)).toEqual([0]);
    expect(facts.reads()).toBe(1);
    facts.set(1);
    expect(evaluator.runSync!(facts.layers)).toEqual([]);
    expect(facts.reads()).toBe(2);
  });

  it('compiled trace: each reference shares the one evaluated definition', () => {
    const evaluator = compiledEvaluator(doubling(DEPTH), route);
    const [rule] = evaluator.traceSync!(counted(2).layers, () => undefined);
    expect(rule!.fired).toBe(true);
    const [a, b] = (rule!.conditions as unknown as { all: TraceReference[] }).all;
    expect(a!.condition).toBe('c0');
    expect(b!.definition).toBe(a!.definition);
    const inner = a!.definition as unknown as { all: TraceReference[] };
    expect(inner.all[1]!.definition).toBe(inner.all[0]!.definition);
  });

  it('json-rules-engine: depth 40 runs at once, fires as the compiled evaluator does, and each run starts afresh', async () => {
    const evaluator = jsonRulesEngineEvaluator(doubling(DEPTH), route);
    const facts = counted(2);
    expect(await evaluator.run(facts.layers)).toEqual([0]);
    facts.set(1);
    expect(await evaluator.run(facts.layers)).toEqual([]);
    const [rule] = await evaluator.trace(counted(2).layers, () => undefined);
    expect(rule!.fired).toBe(true);
    const [a, b] = (rule!.conditions as unknown as { all: TraceReference[] }).all;
    expect(a).toMatchObject({ condition: 'c0', outcome: true });
    expect(b!.definition).toBe(a!.definition);
  }, 20_000);
});

describe('named conditions in the trace of a bundled pack', () => {
  it('are named and resolved, with the same outcome from both evaluators', async () => {
    // A trigger offence, so the compiled path reaches the named condition (drugNeed) rather than short-circuiting past it.
    const order = JSON.parse(readFileSync(new URL('../../examples/lawful-medium-drr.json', import.meta.url), 'utf8'));
    const find = (trace: readonly { rule: string; conditions: TraceCondition }[]) => {
      const refs: TraceReference[] = [];
      const walk = (n: TraceCondition): void => {
        if ('condition' in n) refs.push(n);
        else if ('all' in n) n.all.forEach(walk);
        else if ('any' in n) n.any.forEach(walk);
        else if ('not' in n) walk(n.not);
      };
      trace.forEach((t) => walk(t.conditions));
      return refs;
    };
    const compiled = find(createValidator().validateSync(order, { explain: true }).trace!);
    const reference = find((await createValidator({ evaluator: 'json-rules-engine' }).validate(order, { explain: true })).trace!);
    const packs = createValidator().packs.filter((p) => Object.keys(p.conditions ?? {}).length > 0);
    expect(packs.length).toBeGreaterThan(0);
    expect(compiled.length).toBeGreaterThan(0);
    expect(compiled.some((r) => r.outcome !== 'skipped')).toBe(true);
    expect(compiled.map((r) => r.condition)).toEqual(reference.map((r) => r.condition));
    compiled.forEach((r, i) => {
      expect(reference[i]!.outcome).not.toBe('skipped');
      if (r.outcome !== 'skipped') expect(reference[i]!.outcome).toBe(r.outcome);
    });
    for (const r of compiled) expect(r.definition.outcome).toBe(r.outcome);
  });
});
