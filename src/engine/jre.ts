import { Engine, type Almanac, type RuleResult } from 'json-rules-engine';
import type { LoadedPack } from './load.js';
import type { FactValue } from '../facts/types.js';
import type { FactLayers, FactRouter, PackEvaluator } from './evaluator.js';
import type { Condition } from './pack.js';
import { evaluatedLeaf, skippedLeaf, type Provenance, type RuleOutcome, type TraceCondition } from './trace.js';

/** Every fact a pack's conditions name, on either side of a comparison. */
function factsNamedBy(pack: LoadedPack): string[] {
  const names = new Set<string>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('fact' in c) {
      names.add(c.fact);
      const v = c.value as { fact?: unknown } | null;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string') names.add(v.fact);
    }
  };
  for (const rule of pack.rules) walk(rule.conditions);
  for (const c of Object.values(pack.conditions ?? {})) walk(c);
  return [...names];
}

/** Plain property access: conditions are refused at load if they use `path`, and this makes sure JSONPath is never reached. */
const plainPath = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<string, unknown>)[k] : undefined), value);

/** The named conditions a condition refers to directly. */
function referencesOf(node: Condition, out: Set<string> = new Set()): Set<string> {
  if ('condition' in node) out.add(node.condition);
  else if ('all' in node) node.all.forEach((c) => referencesOf(c, out));
  else if ('any' in node) node.any.forEach((c) => referencesOf(c, out));
  else if ('not' in node) referencesOf(node.not, out);
  return out;
}

/**
 * The named conditions the rules reach, each with its height: 1 for one that names no other, else
 * one more than the highest it names. Cycles are refused at load; the guard here only keeps a
 * hand-made pack from looping.
 */
function heightsOf(pack: LoadedPack): Map<string, number> {
  const shared = pack.conditions ?? {};
  const heights = new Map<string, number>();
  const open = new Set<string>();
  const height = (name: string): number => {
    const known = heights.get(name);
    if (known !== undefined) return known;
    if (open.has(name) || !Object.hasOwn(shared, name)) throw new Error(`${pack.file}: condition "${name}" is undefined or refers to itself`);
    open.add(name);
    let h = 1;
    for (const next of referencesOf(shared[name]!)) h = Math.max(h, height(next) + 1);
    open.delete(name);
    heights.set(name, h);
    return h;
  };
  for (const rule of pack.rules) for (const name of referencesOf(rule.conditions)) height(name);
  return heights;
}

/** Rules may have priorities up to this (RuleDefinition); named conditions run above it. */
const HIGHEST_RULE_PRIORITY = 100;

interface JreNode {
  readonly all?: JreNode[];
  readonly any?: JreNode[];
  readonly not?: JreNode;
  readonly result?: unknown;
  readonly factResult?: unknown;
  readonly valueResult?: unknown;
}

/**
 * The reference semantics: the pack run through json-rules-engine itself. An Engine keeps run state
 * on itself (json-rules-engine issues 303 and 360), so runs on one Engine are queued, one at a time;
 * concurrent validate() calls then give exactly the sequential results.
 *
 * json-rules-engine copies a named condition into every place that names it and evaluates each copy,
 * so a pack that names a condition twice at every level costs two to the power of its depth. Here
 * each named condition the rules reach is a rule of its own, run by the engine before the pack's
 * rules (a higher priority, deeper conditions first), whose outcome it records as a run-time fact;
 * where the pack names the condition, the engine reads that fact. Each named condition is then
 * evaluated once per run, by json-rules-engine itself, and its result tree is read back into the
 * trace where the pack names it.
 */
export function jsonRulesEngineEvaluator(pack: LoadedPack, route: FactRouter): PackEvaluator {
  const shared = pack.conditions ?? {};
  // Only the facts the pack names go to the engine: it builds and hashes a Fact object for each one it is given.
  const named = factsNamedBy(pack).map((name) => [name, route(name)] as const);
  const heights = heightsOf(pack);
  // Not a fact of the catalogue, so no condition of a pack can read it by accident.
  const answerFact = (name: string): string => `condition:${name}`;
  const ruleNames = new Set(pack.rules.map((r) => r.name));
  let prefix = '\u0000condition:';
  while ([...heights.keys()].some((n) => ruleNames.has(prefix + n))) prefix = `\u0000${prefix}`;
  const conditionRule = new Map([...heights.keys()].map((n) => [prefix + n, n]));

  const rewrite = (node: Condition): unknown => {
    if ('all' in node) return { all: node.all.map(rewrite) };
    if ('any' in node) return { any: node.any.map(rewrite) };
    if ('not' in node) return { not: rewrite(node.not) };
    // Wrapped in an `all`, so a reference at the root of a rule is still a boolean operator there.
    if ('condition' in node) return { all: [{ fact: answerFact(node.condition), operator: 'equal', value: true }] };
    return node;
  };

  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false, pathResolver: plainPath });
  // json-rules-engine runs higher priorities first: a condition must be answered before any that names it.
  const tallest = Math.max(0, ...heights.values());
  for (const [name, height] of heights) {
    const record = (answer: boolean) => (_event: unknown, almanac: Almanac) => {
      almanac.addRuntimeFact(answerFact(name), answer);
    };
    engine.addRule({
      name: prefix + name,
      priority: HIGHEST_RULE_PRIORITY + 1 + tallest - height,
      conditions: { all: [rewrite(shared[name]!)] } as never,
      event: { type: 'condition' },
      onSuccess: record(true),
      onFailure: record(false),
    });
  }
  const indexByName = new Map<string, number>();
  pack.rules.forEach((rule, index) => {
    indexByName.set(rule.name, index);
    engine.addRule({ name: rule.name, priority: rule.priority ?? 1, conditions: rewrite(rule.conditions) as never, event: rule.event as never });
  });

  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: (facts: Record<string, FactValue | undefined>) => Promise<T>, layers: FactLayers): Promise<T> => {
    const next = queue.then(() => {
      const facts: Record<string, FactValue | undefined> = {};
      for (const [name, layer] of named) facts[name] = layers[layer]?.[name];
      return work(facts);
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const firedOf = (results: readonly RuleResult[]): number[] =>
    results
      .map((r) => indexByName.get(r.name as string))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);

  return {
    run: (layers) => enqueue(async (facts) => firedOf((await engine.run(facts)).results), layers),
    trace: (layers, provenance) =>
      enqueue(async (facts) => {
        const { results, failureResults } = await engine.run(facts);
        const byName = new Map<string, RuleResult>();
        for (const r of [...results, ...failureResults]) byName.set(r.name as string, r);
        return readTrace(pack, byName, heights, (n) => prefix + n, provenance);
      }, layers),
  };
}

const outcomeOf = (node: JreNode | undefined): boolean | 'skipped' => (typeof node?.result === 'boolean' ? node.result : 'skipped');

/**
 * json-rules-engine's own result trees, read against the pack's JSON: the engine records `result` on
 * every condition it evaluated (and `factResult`, `valueResult` on leaves), and leaves it unset on a
 * condition it never reached. The root's outcome is the rule's `result`.
 */
function readTrace(
  pack: LoadedPack,
  byName: ReadonlyMap<string, RuleResult>,
  heights: ReadonlyMap<string, number>,
  ruleOf: (condition: string) => string,
  provenance: Provenance,
): RuleOutcome[] {
  const shared = pack.conditions ?? {};
  const definitions = new Map<string, TraceCondition>();
  const resultOf = (name: string): RuleResult => {
    const r = byName.get(name);
    if (!r) throw new Error(`json-rules-engine reported no result for rule "${name}"`);
    return r;
  };
  // Every node is built frozen, like the compiled trace's.
  const skipped = (node: Condition): TraceCondition => {
    if ('all' in node) return Object.freeze({ all: Object.freeze(node.all.map(skipped)), outcome: 'skipped' });
    if ('any' in node) return Object.freeze({ any: Object.freeze(node.any.map(skipped)), outcome: 'skipped' });
    if ('not' in node) return Object.freeze({ not: skipped(node.not), outcome: 'skipped' });
    if ('condition' in node) return Object.freeze({ condition: node.condition, outcome: 'skipped', definition: skipped(shared[node.condition]!) });
    return skippedLeaf(node);
  };
  const read = (node: Condition, engineNode: JreNode | undefined, outcome = outcomeOf(engineNode)): TraceCondition => {
    if (engineNode === undefined || outcome === 'skipped') return skipped(node);
    if ('all' in node) return Object.freeze({ all: Object.freeze(node.all.map((c, i) => read(c, engineNode.all?.[i]))), outcome });
    if ('any' in node) return Object.freeze({ any: Object.freeze(node.any.map((c, i) => read(c, engineNode.any?.[i]))), outcome });
    if ('not' in node) return Object.freeze({ not: read(node.not, engineNode.not), outcome });
    if ('condition' in node) return Object.freeze({ condition: node.condition, outcome, definition: definitions.get(node.condition) ?? skipped(shared[node.condition]!) });
    return evaluatedLeaf(node, engineNode.factResult as FactValue | undefined, engineNode.valueResult as FactValue | undefined, outcome, provenance);
  };
  // Deeper conditions first, so a condition's tree can take in the trees of those it names.
  for (const [name] of [...heights].sort((a, b) => a[1] - b[1])) {
    const result = resultOf(ruleOf(name));
    const root = (result.conditions as unknown as JreNode).all?.[0];
    definitions.set(name, read(shared[name]!, root));
  }
  return pack.rules.map((rule) => {
    const result = resultOf(rule.name);
    const fired = result.result === true;
    return Object.freeze({ fired, conditions: read(rule.conditions, result.conditions as unknown as JreNode, fired) });
  });
}
